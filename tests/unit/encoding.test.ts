import { describe, expect, test } from "vitest";

import { decodeText } from "@/lib/parsers/encoding";

const RU = "session : 1\r\nuser-name : \"Иванов И.И.\"\r\nshort-presentation : \"Клиент, ORGL8 Сетевой 50\"\r\n";
const encode = (text: string, table: "cp866" | "windows-1251"): Uint8Array =>
  Uint8Array.from([...text].map((ch) => {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) return c;
    const upper = c >= 0x410 && c <= 0x42f;
    const lower = c >= 0x430 && c <= 0x44f;
    if (table === "windows-1251") return upper || lower ? c - 0x410 + 0xc0 : 0x3f;
    if (upper) return c - 0x410 + 0x80;
    if (lower) return c <= 0x43f ? c - 0x430 + 0xa0 : c - 0x440 + 0xe0;
    return 0x3f;
  }));

describe("decodeText — DOMAIN §5.1: Windows consoles print CP866", () => {
  test.each([
    ["UTF-8", new TextEncoder().encode(RU), "utf-8"],
    ["UTF-8 with a BOM", Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(RU)]), "utf-8"],
    ["CP866 from a Windows console", encode(RU, "cp866"), "cp866"],
    ["Windows-1251 from Notepad", encode(RU, "windows-1251"), "windows-1251"],
  ])("auto-detects %s", (_name, bytes, encoding) => {
    const r = decodeText(bytes);
    expect(r.encoding).toBe(encoding);
    expect(r.text).toBe(RU);
  });

  test("an explicit encoding wins; invalid UTF-8 under an explicit utf-8 throws", () => {
    expect(decodeText(encode(RU, "cp866"), "cp866").text).toBe(RU);
    expect(() => decodeText(encode(RU, "cp866"), "utf-8")).toThrow();
  });

  test("plain ASCII is UTF-8", () => {
    expect(decodeText(new TextEncoder().encode("series : \"ORGL8\"\n"))).toEqual({ text: 'series : "ORGL8"\n', encoding: "utf-8" });
  });
});
