import "@/tests/helpers/setup-env";
import { tokenHeaders } from "@/tests/helpers/auth";

import { describe, expect, test } from "vitest";
import { z } from "zod";

import { readJson } from "@/app/api/_lib/read-json";
import { POST } from "@/app/api/tools/binding/compare/route";

const VerdictResponse = z.object({
  survives: z.boolean(),
  changes: z.array(
    z.object({
      parameter: z.string(),
      change: z.enum(["added", "removed", "replaced", "increased", "decreased", "changed"]),
      breaks: z.boolean(),
      reason: z.string().min(1),
      text: z.object({ en: z.string().min(1), ru: z.string().min(1) }),
      rule: z.string().startsWith("DOMAIN §1.4"),
    }),
  ),
});
const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })).optional() }),
});

const activated = {
  osName: "Windows",
  osVersion: "10.0.19045",
  osSerial: "00330-80000-00000-AA123",
  osInstallDate: "2024-03-01",
  hostname: "BUH-01",
  motherboard: "ASUS PRIME B560M-A",
  ramMb: 8192,
  bios: "American Megatrends Inc. 2.21",
  cpus: ["Intel(R) Core(TM) i5-10400 @ 2.90GHz, 6 cores"],
  nics: [{ name: "Intel(R) Ethernet Connection I219-V", mac: "00-1A-2B-3C-4D-5E" }],
  disks: [{ model: "Samsung SSD 980 500GB", serial: "S123456789", sizeBytes: 500107862016 }],
};

const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  POST(new Request("http://localhost/api/tools/binding/compare", { method: "POST", headers: { ...tokenHeaders("import"), ...headers }, body }));
const postJson = (body: unknown) => post(JSON.stringify(body));

async function errorOf(res: Response, status: number) {
  expect(res.status).toBe(status);
  return ErrorResponse.parse(await res.json()).error;
}

describe("POST /api/tools/binding/compare — DOMAIN §1.4", () => {
  test("§1.4: a replaced NIC breaks the license", async () => {
    const res = await postJson({ activated, current: { ...activated, nics: [{ name: "Realtek PCIe GbE", mac: "52:54:00:ab:cd:ef" }] } });
    expect(res.status).toBe(200);
    const body = VerdictResponse.parse(await res.json());
    expect(body.survives).toBe(false);
    expect(body.changes).toEqual([expect.objectContaining({ parameter: "nics", change: "replaced", breaks: true, rule: "DOMAIN §1.4 [H]" })]);
    expect(body.changes[0].text.ru).toContain("Realtek PCIe GbE");
  });

  test("§1.4: a second NIC, more RAM and a new Windows build keep the license", async () => {
    const current = { ...activated, osVersion: "10.0.22631", ramMb: 16384, nics: [...activated.nics, { name: "USB LAN", mac: "aa:bb:cc:dd:ee:ff" }] };
    const res = await postJson({ activated, current });
    expect(res.status).toBe(200);
    const body = VerdictResponse.parse(await res.json());
    expect(body.survives).toBe(true);
    expect(body.changes.map((c) => [c.parameter, c.change, c.breaks])).toEqual([
      ["osVersion", "changed", false],
      ["ramMb", "increased", false],
      ["nics", "added", false],
    ]);
  });

  test("the same fingerprint twice: survives, no changes", async () => {
    const res = await postJson({ activated, current: activated });
    expect(VerdictResponse.parse(await res.json())).toEqual({ survives: true, changes: [] });
  });

  test.each([
    ["not JSON at all", "hello"],
    ["a truncated object", '{"activated": {'],
    ["an empty body", ""],
  ])("unparseable body (%s) → 400 invalid-json, never a 500", async (_name, raw) => {
    const error = await errorOf(await post(raw), 400);
    expect(error.code).toBe("invalid-json");
    expect(error.message).toMatch(/^The request body is not valid JSON: /);
  });

  test("a missing field → 400 whose issue names the path and the rule", async () => {
    const withoutRam: Partial<typeof activated> = { ...activated };
    delete withoutRam.ramMb;
    const error = await errorOf(await postJson({ activated, current: withoutRam }), 400);
    expect(error.code).toBe("invalid-input");
    expect(error.issues).toEqual([{ path: "current.ramMb", message: expect.stringMatching(/Required: the RAM size in MB, a whole number ≥ 0/) }]);
  });

  test("a missing fingerprint → 400 naming it", async () => {
    const error = await errorOf(await postJson({ activated }), 400);
    expect(error.issues).toEqual([{ path: "current", message: expect.stringMatching(/^Required: a fingerprint object/) }]);
  });

  test("wrong types → 400 listing each field", async () => {
    const error = await errorOf(await postJson({ activated: { ...activated, ramMb: "8192" }, current: { ...activated, cpus: "i5", nics: [{ name: "x", mac: "not-a-mac" }] } }), 400);
    expect(error.code).toBe("invalid-input");
    expect(error.issues!.map((i) => i.path).sort()).toEqual(["activated.ramMb", "current.cpus", "current.nics.0.mac"]);
    expect(error.message).toContain("activated.ramMb: The RAM size must be a number of MB, not string");
  });

  test.each([
    ["an array", []],
    ["a string", "activated"],
    ["null", null],
  ])("a body that is %s, not an object → 400", async (_name, body) => {
    const error = await errorOf(await postJson(body), 400);
    expect(error.issues).toEqual([{ path: "(body)", message: expect.stringMatching(/JSON object \{ activated, current \}/) }]);
  });
});

describe("readJson — the shared body reader", () => {
  const request = (body: string | undefined, headers: Record<string, string> = {}) => new Request("http://localhost/x", { method: "POST", headers, body });

  test("parses JSON, ignoring a UTF-8 byte-order mark", async () => {
    expect(await readJson(request('\uFEFF{"a":[1,"б"]}'))).toEqual({ a: [1, "б"] });
  });

  test("a body over 1 MiB is a 413 body-too-large, whether or not Content-Length says so", async () => {
    const big = JSON.stringify({ pad: "x".repeat(1024 * 1024) });
    await expect(readJson(request(big))).rejects.toMatchObject({ code: "body-too-large", status: 413 });
    await expect(readJson(request("{}", { "content-length": String(2 * 1024 * 1024) }))).rejects.toMatchObject({ code: "body-too-large", status: 413 });
  });

  test("the route answers an oversized body with 413", async () => {
    const error = await errorOf(await post(JSON.stringify({ activated, current: activated, pad: "x".repeat(1024 * 1024) })), 413);
    expect(error.code).toBe("body-too-large");
  });

  test("a missing body and invalid UTF-8 are invalid-json", async () => {
    await expect(readJson(request(undefined))).rejects.toMatchObject({ code: "invalid-json", status: 400 });
    const bad = new Request("http://localhost/x", { method: "POST", body: new Uint8Array([0x7b, 0xff, 0x7d]) });
    await expect(readJson(bad)).rejects.toMatchObject({ code: "invalid-json", message: expect.stringContaining("not UTF-8") });
  });
});
