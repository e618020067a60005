import { z } from "zod";

import { AppError } from "@/lib/errors";
import { decodeText, TEXT_ENCODINGS, type TextEncodingName } from "@/lib/parsers/encoding";
import { MAX_TEXT_BYTES } from "@/lib/security/body-limits";

import { readBytes } from "./read-json";

const EncodingParam = z.enum(TEXT_ENCODINGS, { error: `must be one of ${TEXT_ENCODINGS.join(", ")}` });

/**
 * Reads a raw text body (rac, ring, nethasp.ini, a pasted platform message). `?encoding=` picks the
 * decoding (`auto` by default: UTF-8, else CP866 or Windows-1251, whichever reads as Russian).
 * Empty body → 400 `empty-body`; invalid `encoding` → 400 naming the parameter; too large → 413.
 */
export async function readText(request: Request, maxBytes = MAX_TEXT_BYTES): Promise<{ text: string; encoding: Exclude<TextEncodingName, "auto"> }> {
  const param = new URL(request.url).searchParams.get("encoding") ?? "auto";
  const parsed = EncodingParam.safeParse(param.toLowerCase());
  if (!parsed.success) throw new AppError("invalid-input", `encoding: must be one of ${TEXT_ENCODINGS.join(", ")} (got "${param.slice(0, 40)}")`, 400);
  const bytes = await readBytes(request, maxBytes);
  if (bytes.byteLength === 0) throw new AppError("empty-body", "The request body is empty: send the tool's output as the body (e.g. curl --data-binary @-).", 400);
  try {
    return decodeText(bytes, parsed.data);
  } catch {
    throw new AppError("invalid-encoding", `The body is not valid ${parsed.data} text; try ?encoding=cp866 for output of a Windows console.`, 400);
  }
}
