import "@/tests/helpers/setup-env";
import { tokenHeaders } from "@/tests/helpers/auth";

import { spawnSync } from "node:child_process";
import path from "node:path";

import { beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";

import { GET as computerGet } from "@/app/api/computers/[id]/route";
import { POST as fingerprintPost } from "@/app/api/computers/[id]/fingerprints/route";
import { POST as computersPost } from "@/app/api/computers/route";
import { POST as comparePost } from "@/app/api/tools/binding/compare/route";
import { ComputerDetailResponseSchema, ComputerWireSchema, FingerprintWireSchema } from "@/lib/inventory/api";
import { BindingVerdictSchema, FingerprintSchema } from "@/lib/licensing/binding";

/**
 * The Linux collector (public/collectors/collect-fingerprint.sh) run on this very machine: what it prints
 * is a fingerprint the API takes as it is — recorded on a computer and read back unchanged, and compared
 * by the binding check (DOMAIN §1.4), including the RAM rule.
 */

const SCRIPT = path.join(new URL("../../public/collectors/", import.meta.url).pathname, "collect-fingerprint.sh");
const BASE = "http://localhost";
const JSON_TYPE = { "content-type": "application/json" };

let printed: Record<string, unknown>;
let computerId: number;
let admin: Record<string, string>;

beforeAll(async () => {
  const run = spawnSync("sh", [SCRIPT], { env: { ...process.env, FP_ROOT: "" }, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  printed = JSON.parse(run.stdout) as Record<string, unknown>;
  admin = tokenHeaders("admin");
  const res = await computersPost(new Request(`${BASE}/api/computers`, { method: "POST", headers: { ...admin, ...JSON_TYPE }, body: JSON.stringify({ name: "collector-host", role: "1c-server" }) }));
  expect(res.status).toBe(201);
  computerId = z.object({ computer: ComputerWireSchema }).parse(await res.json()).computer.id;
});

const postFingerprint = (body: unknown) =>
  fingerprintPost(new Request(`${BASE}/api/computers/${computerId}/fingerprints`, { method: "POST", headers: { ...admin, ...JSON_TYPE }, body: JSON.stringify(body) }), {
    params: Promise.resolve({ id: String(computerId) }),
  });

async function compare(activated: unknown, current: unknown) {
  const res = await comparePost(new Request(`${BASE}/api/tools/binding/compare`, { method: "POST", headers: { ...tokenHeaders("import"), ...JSON_TYPE }, body: JSON.stringify({ activated, current }) }));
  expect(res.status).toBe(200);
  return BindingVerdictSchema.parse(await res.json());
}

/** The wire form of a stored fingerprint without what the server adds (id, takenAt, notes). */
const SERVER_FIELDS = new Set(["id", "takenAt", "notes"]);
const asPosted = (stored: z.infer<typeof FingerprintWireSchema>) => Object.fromEntries(Object.entries(stored).filter(([k]) => !SERVER_FIELDS.has(k)));

describe("collect-fingerprint.sh on this machine → the API (DOMAIN §1.4)", () => {
  test("prints one fingerprint the schema accepts, with the values a Linux machine always has", () => {
    const parsed = FingerprintSchema.parse(printed);
    expect(Object.keys(printed)).toEqual(Object.keys(FingerprintSchema.shape));
    expect(parsed.osName).not.toBe("");
    expect(parsed.hostname).not.toBe("");
    expect(parsed.ramMb).toBeGreaterThan(0);
    expect(parsed.cpus.length).toBeGreaterThan(0);
    expect(printed.osSerial).toBeNull();
    expect(printed.osInstallDate).toBeNull();
  });

  test("POST /api/computers/{id}/fingerprints → 201; the stored fingerprint equals what was posted, also on the computer page", async () => {
    const res = await postFingerprint(printed);
    expect(res.status).toBe(201);
    const stored = z.object({ fingerprint: FingerprintWireSchema.strict() }).strict().parse(await res.json()).fingerprint;
    expect(asPosted(stored)).toEqual(printed);

    const page = await computerGet(new Request(`${BASE}/api/computers/${computerId}`, { headers: admin }), { params: Promise.resolve({ id: String(computerId) }) });
    expect(page.status).toBe(200);
    const detail = ComputerDetailResponseSchema.parse(await page.json());
    expect(detail.fingerprints.map(asPosted)).toContainEqual(printed);
  });

  test("the binding check: the same fingerprint as activated and current survives with no change", async () => {
    expect(await compare(printed, printed)).toEqual({ survives: true, changes: [] });
  });

  test("§1.4 RAM rule: more RAM than at activation survives; less breaks", async () => {
    const ram = printed.ramMb as number;
    const more = await compare(printed, { ...printed, ramMb: ram + 1024 });
    expect(more.survives).toBe(true);
    expect(more.changes).toEqual([expect.objectContaining({ parameter: "ramMb", change: "increased", breaks: false })]);

    const less = await compare(printed, { ...printed, ramMb: ram - 1 });
    expect(less.survives).toBe(false);
    expect(less.changes).toEqual([expect.objectContaining({ parameter: "ramMb", change: "decreased", breaks: true, rule: "DOMAIN §1.4 [H]" })]);
  });
});
