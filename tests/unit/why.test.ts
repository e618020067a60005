import { describe, expect, test } from "vitest";

import type { Step } from "@/lib/licensing/allocate";
import type { Cause } from "@/lib/licensing/causes";
import { decidedByExplanation, decidingStep } from "@/lib/licensing/why";

const step = (cause: Cause, place: Step["place"] = "client", poolId?: string): Step => ({ place, host: "h", source: "soft-local", cause, poolId, text: { en: "", ru: "" } });

/** Issue 11 API: the cause that decides a refusal (DOMAIN §4.2). */
describe("decidingStep", () => {
  test.each<[string, Step[], Cause]>([
    ["a full pool that could serve decides over everything", [step("no-file"), step("distribution-denied", "server"), step("seats-exhausted", "server", "p")], "seats-exhausted"],
    ["the server's refusal decides over client-side absences", [step("no-file"), step("no-local-key"), step("no-license-manager"), step("distribution-denied", "server")], "distribution-denied"],
    ["no server license decides over client-side absences", [step("no-file"), step("no-server-license", "server")], "no-server-license"],
    ["a client-side reason decides over places with nothing there", [step("no-file"), step("file-mode-single-user-only", "client", "p")], "file-mode-single-user-only"],
    ["only absences: the first one", [step("no-file"), step("no-local-key"), step("no-license-manager")], "no-file"],
  ])("%s", (_name, looked, cause) => {
    expect(decidingStep(looked)?.cause).toBe(cause);
  });

  test("of two full pools, the first in search order", () => {
    expect(decidingStep([step("seats-exhausted", "client", "a"), step("seats-exhausted", "server", "b")])?.poolId).toBe("a");
  });

  test("nothing looked at: no step", () => {
    expect(decidingStep([])).toBeUndefined();
  });
});

describe("decidedByExplanation — an event's stored lines read by the same rule", () => {
  test.each([
    ["a full pool named by the engine", [{ cause: "no-file" }, { cause: "seats-exhausted", pool: "soft-server:srv-1c" }, { cause: "distribution-denied" }], { cause: "seats-exhausted", pool: "soft-server:srv-1c" }],
    ["a full pool a pasted message does not name", [{ cause: "no-file" }, { cause: "seats-exhausted" }], { cause: "seats-exhausted", pool: null }],
    ["a server refusal names no pool", [{ cause: "no-file" }, { cause: "distribution-denied", pool: "x" }], { cause: "distribution-denied", pool: null }],
    ["unknown codes are skipped", [{ cause: "no-such-cause" }, { cause: "no-file" }], { cause: "no-file", pool: null }],
  ])("%s", (_name, lines, decided) => {
    expect(decidedByExplanation(JSON.stringify(lines))).toEqual(decided);
  });

  test("not JSON, or not a list: nothing decided", () => {
    expect(decidedByExplanation("{")).toEqual({ cause: null, pool: null });
    expect(decidedByExplanation('{"cause":"no-file"}')).toEqual({ cause: null, pool: null });
  });
});
