import { describe, expect, test } from "vitest";

import type { Step } from "@/lib/licensing/allocate";
import type { Cause } from "@/lib/licensing/causes";
import { decidingStep } from "@/lib/licensing/why";

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
