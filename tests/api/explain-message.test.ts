import "@/tests/helpers/setup-env";

import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, test } from "vitest";

import { POST } from "@/app/api/explain/message/route";
import { CAUSE_TEXT } from "@/lib/licensing/causes";
import { ParseMessageResponseSchema } from "@/lib/parsers/platform-message";
import { ErrorSchema, textPost } from "@/tests/helpers/api";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/messages", name));

const post = textPost(POST, "http://localhost/api/explain/message");


async function parsed(res: Response) {
  expect(res.status).toBe(200);
  return ParseMessageResponseSchema.parse(await res.json());
}

/** Windows-1251 bytes (a message saved by Notepad) for Russian text. */
const cp1251 = (text: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array([...text].map((ch) => {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) return c;
    if (c === 0x401) return 0xa8;
    if (c === 0x451) return 0xb8;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    return 0x3f;
  }));

describe("POST /api/explain/message — DOMAIN §4.2", () => {
  test("'no free license': every reason line with place, cause and an explanation in both languages", async () => {
    const r = await parsed(await post(fixture("no-free-license-ru.txt")));
    expect(r.kind).toBe("no-free-license");
    expect(r.encoding).toBe("utf-8");
    expect(r.lines.map((l) => [l.place, l.cause])).toEqual([
      ["client", "no-file"],
      ["client", "no-local-key"],
      ["client", "no-license-manager"],
      ["server", "seats-exhausted"],
      ["server", "server-license-only"],
      ["server", "unreadable-file"],
      ["server", "distribution-denied"],
      ["server", "binding-changed"],
    ]);
    expect(r.lines[0]).toEqual({ text: "Файл программной лицензии не найден", place: "client", cause: "no-file", explanation: CAUSE_TEXT["no-file"] });
    expect(r.lines[1]).toMatchObject({ series: "ORGL8", keyKind: "local", status: "-100" });
    expect(r.lines[3].file).toBe(String.raw`C:\ProgramData\1C\licenses\20240115093012.lic`);
    expect(r.removed).toBeUndefined();
    expect(r.bindingChanges).toBeUndefined();
  });

  test("the server's own failure", async () => {
    const r = await parsed(await post(fixture("server-license-ru.txt")));
    expect(r.kind).toBe("no-server-license");
    expect(r.lines[0]).toMatchObject({ place: "server", cause: "no-server-license" });
  });

  test("the binding failure: device lists as printed, parsed, and in the binding check's vocabulary", async () => {
    const r = await parsed(await post(fixture("binding-ru.txt")));
    expect(r.kind).toBe("binding");
    expect(r.lines).toEqual([expect.objectContaining({ cause: "binding-changed", file: String.raw`C:\ProgramData\1C\licenses\20240115093012.lic` })]);
    expect(r.removed).toHaveLength(4);
    expect(r.present).toHaveLength(4);
    expect(r.bindingDevices?.removed[0]).toEqual({ kind: "DISK", index: 0, text: "Samsung SSD 980 500GB, S123456789, 500107862016" });
    expect(r.bindingChanges?.map((c) => [c.parameter, c.change, c.breaks, c.rule])).toEqual([
      ["disks", "replaced", true, "DOMAIN §1.4 [H]"],
      ["cpus", "removed", true, "DOMAIN §1.4 [H]"],
      ["nics", "replaced", true, "DOMAIN §1.4 [H]"],
      ["motherboard", "changed", true, "DOMAIN §1.4 [H]"],
    ]);
  });

  test("English messages", async () => {
    const r = await parsed(await post(fixture("no-free-license-en.txt")));
    expect(r.kind).toBe("no-free-license");
    expect(r.lines.map((l) => l.cause)).toContain("no-license-manager");
    const b = await parsed(await post(fixture("binding-en.txt")));
    expect(b.bindingChanges?.map((c) => c.change)).toEqual(["replaced"]);
  });

  test("a message saved as Windows-1251 is auto-detected", async () => {
    const text = readFileSync(path.join(__dirname, "../fixtures/messages/wrapped-ru.txt"), "utf8");
    const [r, original] = await Promise.all([post(cp1251(text)).then(parsed), post(text).then(parsed)]);
    expect(r.encoding).toBe("windows-1251");
    expect(r.lines).toEqual(original.lines);
  });

  test("text that is not a licensing message: 200, kind unknown, the text kept", async () => {
    const r = await parsed(await post("Привет, это не сообщение платформы"));
    expect(r.kind).toBe("unknown");
    expect(r.lines).toEqual([{ text: "Привет, это не сообщение платформы", place: "client", cause: "unknown", explanation: CAUSE_TEXT.unknown }]);
  });

  test.each([
    ["an empty body", "", "", 400, "empty-body"],
    ["no body at all", null, "", 400, "empty-body"],
    ["a whitespace-only body", " \r\n\t\n", "", 400, "empty-body"],
    ["an unknown ?encoding=", "x", "?encoding=latin1", 400, "invalid-input"],
    ["invalid UTF-8 under ?encoding=utf-8", Uint8Array.from([0xcd, 0xe5, 0x20, 0xff]), "?encoding=utf-8", 400, "invalid-encoding"],
  ])("%s is refused with its status and code", async (_name, body, query, status, code) => {
    const res = await post(body, query);
    expect(res.status).toBe(status);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe(code);
  });

  test("a body over 1 MiB → 413 (a pasted message is a few kilobytes)", async () => {
    const res = await post(new Uint8Array(1024 * 1024 + 1).fill(0x41));
    expect(res.status).toBe(413);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("body-too-large");
  });

  test("a megabyte of wrapped junk is answered quickly, never a 500", async () => {
    const started = Date.now();
    const r = await parsed(await post("что-то пошло не так,\n".repeat(25_000)));
    expect(r.kind).toBe("unknown");
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
