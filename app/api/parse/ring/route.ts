import { AppError } from "@/lib/errors";
import { ParseRingResponseSchema, parseRing } from "@/lib/parsers/ring";

import { readText } from "../../_lib/read-text";
import { ok } from "../../_lib/respond";
import { route } from "../../_lib/guard";

export const dynamic = "force-dynamic";

/**
 * `ring license list` / `validate` / `info` output (DOMAIN §5.2) as JSON: licenses `{ pin, regNumber, file? }`,
 * the owner data verbatim (§1.1) and the product data. PINs are secrets (§1.2): they go back to the caller, which
 * is this route's job, but never into a log, an error or a warning (warnings name the line number, not the line).
 */
export const POST = route(async (request: Request) => {
  const { text, encoding } = await readText(request);
  if (text.trim() === "") throw new AppError("empty-body", "The request body holds only whitespace: send the output of ring (e.g. ring license list | curl --data-binary @- …).", 400);
  return ok(ParseRingResponseSchema, { ...parseRing(text), encoding });
});
