import "@/tests/helpers/setup-env";

import { readFileSync } from "node:fs";
import path from "node:path";

import { afterEach, describe, expect, test, vi } from "vitest";

import { POST } from "@/app/api/parse/ring/route";
import { ParseRingResponseSchema } from "@/lib/parsers/ring";
import { ErrorSchema, textPost } from "@/tests/helpers/api";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/ring", name));

const post = textPost(POST, "http://localhost/api/parse/ring");


async function parsed(res: Response) {
  expect(res.status).toBe(200);
  return ParseRingResponseSchema.parse(await res.json());
}

/** A Windows console's CP866 bytes for Russian text (ASCII passes through). */
const cp866 = (text: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array([...text].map((ch) => {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) return c;
    if (c === 0x401) return 0xf0;
    if (c === 0xb0) return 0xf8; // °
    if (c === 0x451) return 0xf1;
    if (c >= 0x410 && c <= 0x42f) return c - 0x410 + 0x80;
    if (c >= 0x430 && c <= 0x43f) return c - 0x430 + 0xa0;
    if (c >= 0x440 && c <= 0x44f) return c - 0x440 + 0xe0;
    return 0x3f;
  }));

afterEach(() => vi.restoreAllMocks());

describe("POST /api/parse/ring — DOMAIN §5.2", () => {
  test("ring license list (Russian, CRLF): { pin, regNumber, file? } for registration numbers of 9, 10 and 12 digits", async () => {
    const r = await parsed(await post(fixture("list-ru.txt")));
    expect(r.encoding).toBe("utf-8");
    expect(r.licenses.map((l) => [l.pin.length, l.regNumber, l.file ?? null])).toEqual([
      [15, "8101234567", "20240115093012.lic"],
      [15, "801234567", "20230301120000.lic"],
      [15, "500001234567", "20250620081545.lic"],
      [16, "8109876543", "20240910170405.lic"],
      [15, "8105550001", null],
    ]);
    expect(r.licenses[0].pin).toBe("209384756102938");
    expect(r.owner).toBeUndefined();
  });

  test("ring license info: the owner data comes back character for character (§1.1)", async () => {
    const r = await parsed(await post(fixture("info-ru.txt")));
    const company = r.owner?.fields.find((f) => f.field === "Компания");
    expect(company?.value).toBe('ООО  "Ромашка и К°"');
    expect(r.owner?.fields.find((f) => f.field === "Квартира/офис")?.value).toBe("оф. 12 ");
    expect(r.owner?.fields.find((f) => f.field === "Город")?.value).toBe("г. Королёв");
    expect(r.product?.regNumber).toBe("8101234567");
  });

  test.each([
    ["auto-detected", ""],
    ["?encoding=cp866", "?encoding=cp866"],
  ])("CP866 bytes from a Windows console, %s, read the same as the UTF-8 original", async (_name, query) => {
    const text = readFileSync(path.join(__dirname, "../fixtures/ring/info-ru.txt"), "utf8");
    const [r, original] = await Promise.all([post(cp866(text), query).then(parsed), post(text).then(parsed)]);
    expect(r.encoding).toBe("cp866");
    expect(r.owner).toEqual(original.owner);
    expect(r.product).toEqual(original.product);
  });

  test("validate sentences: the license extracted and marked valid", async () => {
    const r = await parsed(await post(fixture("validate-en.txt")));
    expect(r.licenses).toEqual([
      { pin: "209384756102938", regNumber: "8101234567", valid: true },
      { pin: "318475620193847", regNumber: "801234567", valid: true },
    ]);
  });

  test("a malformed line: its warning names the line and the reason, and its PIN-like digits appear nowhere in the answer or the log", async () => {
    const log = vi.spyOn(console, "error");
    const warn = vi.spyOn(console, "warn");
    const info = vi.spyOn(console, "log");
    const secret = "73529184650371";
    const res = await post(`209384756102938-8101234567\r\n${secret}-8101234567 (имя файла: "20240115093012.lic")\r\n${secret}9-81012\r\n`);
    const text = await res.text();
    const r = ParseRingResponseSchema.parse(JSON.parse(text));
    expect(r.licenses).toEqual([{ pin: "209384756102938", regNumber: "8101234567" }]);
    expect(r.warnings).toEqual([
      { line: 2, code: "malformed-license", message: expect.stringMatching(/^Line 2: .*PIN part has 14 digits/) },
      { line: 3, code: "malformed-license", message: expect.stringMatching(/^Line 3: .*registration number part has 5 digits/) },
    ]);
    for (const w of r.warnings) {
      expect(w.message).not.toContain(secret);
      expect(w.message).not.toMatch(/\d{5,}/);
    }
    expect(text).not.toContain(secret);
    for (const spy of [log, warn, info]) expect(JSON.stringify(spy.mock.calls)).not.toContain(secret);
  });

  test("text that is not ring output: a 200 with warnings, no licenses", async () => {
    const r = await parsed(await post("<html><body>Not Found</body></html>\n"));
    expect(r.licenses).toEqual([]);
    expect(r.warnings).toEqual([expect.objectContaining({ line: 1, code: "unrecognised-line" })]);
  });

  test.each([
    ["an empty body", "", "", 400, "empty-body"],
    ["no body at all", null, "", 400, "empty-body"],
    ["a whitespace-only body", " \r\n\t\n", "", 400, "empty-body"],
    ["an unknown ?encoding=", "x", "?encoding=koi8-r", 400, "invalid-input"],
  ])("%s is refused with its status and code", async (_name, body, query, status, code) => {
    const res = await post(body, query);
    expect(res.status).toBe(status);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe(code);
  });

  test("a body over 16 MiB → 413", async () => {
    const res = await post(new Uint8Array(16 * 1024 * 1024 + 1).fill(0x20));
    expect(res.status).toBe(413);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("body-too-large");
  });

  test("a multi-megabyte line of digits is a warning, never a 500", async () => {
    const r = await parsed(await post("1".repeat(4 * 1024 * 1024)));
    expect(r.warnings).toEqual([expect.objectContaining({ line: 1, code: "line-too-long" })]);
  });
});
