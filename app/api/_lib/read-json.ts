import { AppError } from "@/lib/errors";
import { bodyTooLargeMessage, MAX_JSON_BYTES } from "@/lib/security/body-limits";

const invalid = (why: string) => new AppError("invalid-json", `The request body is not valid JSON: ${why}.`, 400);
const tooLarge = (limit: number) => new AppError("body-too-large", bodyTooLargeMessage(limit), 413);

/** The body's bytes, refusing to buffer more than `limit` (a missing or lying Content-Length is not trusted). */
async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body's bytes; more than `maxBytes` (by Content-Length or as read) → AppError 413 `body-too-large`. */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  return readLimited(request, maxBytes);
}

/**
 * Parses a request body as JSON for a route handler: unparseable, empty or non-UTF-8 → AppError 400
 * `invalid-json`; more than `maxBytes` (default 1 MiB) → AppError 413 `body-too-large`. Never a 500.
 */
export async function readJson(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const bytes = await readBytes(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalid("it is not UTF-8 text");
  }
  if (text.trim() === "") throw invalid("the body is empty");
  try {
    return JSON.parse(text);
  } catch (error) {
    // The parser's own message can quote the body (a PIN, owner data): only its position is kept.
    const position = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined;
    throw invalid(position ? `syntax error at character ${position} (check quotes, commas and brackets)` : "syntax error (check quotes, commas and brackets)");
  }
}
