import { z } from "zod";

import { getDb } from "@/db/client";
import { matchRacLicenses } from "@/db/queries/inventory";
import { importRacSnapshot } from "@/db/queries/session-import";
import { getLicensingSettings } from "@/db/queries/settings";
import { AppError } from "@/lib/errors";
import { InstantMsSchema } from "@/lib/query-params";
import { ImportRacResponseSchema, parseRac, type RacRecord } from "@/lib/parsers/rac";

import { route } from "../../_lib/guard";
import { readText } from "../../_lib/read-text";
import { ok } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/** A sender's clock a little ahead of ours is normal; more than this is a wrong clock or a typo. */
const MAX_AHEAD_MS = 5 * 60_000;

const querySchema = (now: number) =>
  z.object({
    takenAt: InstantMsSchema.refine((ms) => ms <= now + MAX_AHEAD_MS, "is more than 5 minutes in the future: check the clock of the machine that sends the capture").optional(),
  });

const hasSession = (r: RacRecord) => (typeof r.session === "string" && r.session.trim() !== "") || typeof r.session === "number";

/**
 * Stores a `rac session list --licenses` capture (DOMAIN §5.1) as a session snapshot — what a cron job on
 * the 1C server pipes here every few minutes with an `import` token. Body and `?encoding=` as
 * /api/parse/rac; `?takenAt=` an instant with a zone (default: now). Answers 201 with the counts and the
 * parser's warnings, never session data. Text without a single session record is refused (400
 * `no-sessions`) so a wrong command or an error page never becomes an empty snapshot.
 */
export const POST = route(async (request: Request, { actor, address }) => {
  const now = Date.now();
  const query = querySchema(now).parse(Object.fromEntries(new URL(request.url).searchParams));
  const { text, encoding } = await readText(request);
  if (text.trim() === "") throw new AppError("empty-body", "The request body holds only whitespace: send the output of rac session list --licenses (e.g. rac session list --cluster=<uuid> --licenses | curl --data-binary @- …).", 400);
  const { records, warnings } = parseRac(text);
  if (!records.some(hasSession)) {
    throw new AppError(
      "no-sessions",
      `No session records found, so nothing was stored: expected the output of rac session list --cluster=<uuid> --licenses — records of "key : value" lines, each with a "session : <uuid>" line, one blank line between records. ${
        records.length ? `The body held ${records.length} record${records.length === 1 ? "" : "s"} without a session key (another rac command?).` : "The body did not read as rac output."
      }`,
      400,
      { records: records.length, warnings: warnings.slice(0, 10) },
    );
  }
  const db = getDb();
  const settings = getLicensingSettings(db);
  const result = importRacSnapshot(db, { records, matches: matchRacLicenses(db, records), takenAt: new Date(query.takenAt ?? now), source: "api", timeZone: settings.serverTimeZone, warnings }, { actor, address });
  return ok(ImportRacResponseSchema, { ...result, takenAt: result.takenAt.toISOString(), encoding, warnings }, 201);
});
