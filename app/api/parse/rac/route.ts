import { z } from "zod";

import { getDb } from "@/db/client";
import { matchRacLicenses } from "@/db/queries/inventory";
import { AppError } from "@/lib/errors";
import { SessionMatchSchema } from "@/lib/licensing/match";
import { ParseRacResponseSchema, parseRac } from "@/lib/parsers/rac";

import { readText } from "../../_lib/read-text";
import { ok } from "../../_lib/respond";
import { route } from "../../_lib/guard";

export const dynamic = "force-dynamic";

const Response = ParseRacResponseSchema.extend({ matches: z.array(SessionMatchSchema), unmatched: z.number().int() });

/**
 * `rac session list --licenses` (and the other rac listings, DOMAIN §5.1) as JSON: records keyed in
 * camelCase, typed values, and warnings for what was dropped. Any content type; `?encoding=` as `readText`.
 * Text that is not rac output is a 200 whose warnings say why nothing (or little) came through.
 * Records that hold a license are matched to the kit or key they consume (`matches`; unmatched ones carry
 * the reason, DOMAIN §5.1).
 */
export const POST = route(async (request: Request) => {
  const { text, encoding } = await readText(request);
  if (text.trim() === "") throw new AppError("empty-body", "The request body holds only whitespace: send the output of rac (e.g. rac session list --licenses | curl --data-binary @- …).", 400);
  const { records, warnings } = parseRac(text);
  const matches = matchRacLicenses(getDb(), records);
  return ok(Response, { records, warnings, encoding, matches, unmatched: matches.filter((m) => !m.matched).length });
});
