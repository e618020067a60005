/**
 * Text that admins paste or pipe arrives as UTF-8, or as CP866 from a Windows console (DOMAIN §5.1),
 * sometimes as Windows-1251 from a file saved by Notepad. Decoding happens once, at the boundary.
 */

export const TEXT_ENCODINGS = ["auto", "utf-8", "cp866", "windows-1251"] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

const LABEL: Record<Exclude<TextEncodingName, "auto">, string> = { "utf-8": "utf-8", cp866: "ibm866", "windows-1251": "windows-1251" };

/** How Russian a single-byte decoding looks: Cyrillic letters count, box drawing and control bytes count against. */
function cyrillicScore(text: string): number {
  let score = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x430 && c <= 0x44f) || c === 0x451) score += 2; // lower case is most of real text
    else if ((c >= 0x410 && c <= 0x42f) || c === 0x401) score += 1;
    else if (c >= 0x2500 && c <= 0x25ff) score -= 3; // CP866 box drawing: unlikely in rac output
    else if (c === 0xfffd) score -= 5;
  }
  return score;
}

/**
 * Decodes bytes. `auto`: UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise whichever of
 * CP866 and Windows-1251 reads as more Cyrillic text. Returns the text (BOM stripped) and what was used.
 * Throws a TypeError when an explicit encoding cannot decode the bytes (only UTF-8 can fail).
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName = "auto"): { text: string; encoding: Exclude<TextEncodingName, "auto"> } {
  const strip = (t: string) => (t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);
  if (encoding !== "auto") return { text: strip(new TextDecoder(LABEL[encoding], { fatal: encoding === "utf-8" }).decode(bytes)), encoding };
  try {
    return { text: strip(new TextDecoder("utf-8", { fatal: true }).decode(bytes)), encoding: "utf-8" };
  } catch {
    const cp866 = new TextDecoder("ibm866").decode(bytes);
    const cp1251 = new TextDecoder("windows-1251").decode(bytes);
    return cyrillicScore(cp866) >= cyrillicScore(cp1251) ? { text: cp866, encoding: "cp866" } : { text: cp1251, encoding: "windows-1251" };
  }
}
