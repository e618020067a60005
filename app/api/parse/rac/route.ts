import { AppError } from "@/lib/errors";
import { ParseRacResponseSchema, parseRac } from "@/lib/parsers/rac";

import { readText } from "../../_lib/read-text";
import { handle, ok } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/**
 * `rac session list --licenses` (and the other rac listings, DOMAIN §5.1) as JSON: records keyed in
 * camelCase, typed values, and warnings for what was dropped. Any content type; `?encoding=` as `readText`.
 * Text that is not rac output is a 200 whose warnings say why nothing (or little) came through.
 */
export const POST = handle(async (request: Request) => {
  const { text, encoding } = await readText(request);
  if (text.trim() === "") throw new AppError("empty-body", "The request body holds only whitespace: send the output of rac (e.g. rac session list --licenses | curl --data-binary @- …).", 400);
  const { records, warnings } = parseRac(text);
  return ok(ParseRacResponseSchema, { records, warnings, encoding });
});
