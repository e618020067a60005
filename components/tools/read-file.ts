import { decodeText } from "@/lib/parsers/encoding";

/**
 * A chosen file's text, decoded the way the API decodes a body: UTF-8, else CP866 (a Windows console) or
 * Windows-1251 (Notepad), whichever reads as Russian — so the text shown is the text checked.
 */
export async function readTextFile(file: File): Promise<{ text: string; crlf: boolean }> {
  const { text } = decodeText(new Uint8Array(await file.arrayBuffer()));
  return { text, crlf: text.includes("\r\n") };
}
