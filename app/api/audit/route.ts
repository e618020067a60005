import { z, ZodError } from "zod";

import { getDb } from "@/db/client";
import { AUDIT_CSV_MAX, AuditFilterSchema, listAudit, type AuditRow } from "@/db/queries/audit";
import { toCsv } from "@/lib/csv";
import { calendarDate } from "@/lib/licensing/timeline";
import { parseRecorded } from "@/lib/security/redact";

import { ok } from "../_lib/respond";
import { route } from "../_lib/guard";

export const dynamic = "force-dynamic";

const FormatSchema = z.object({ format: z.enum(["json", "csv"], { error: "must be json or csv" }).default("json") });

const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actor: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  /** The recorded JSON value (secrets already replaced by SECRET_MARKER, "[secret]"), null when none was recorded. */
  before: z.unknown(),
  after: z.unknown(),
  address: z.string().nullable(),
});
const AuditListResponse = z.object({ entries: z.array(AuditEntrySchema), total: z.number().int().nonnegative(), limit: z.number().int(), offset: z.number().int() });

const CSV_HEADER = ["id", "at_utc", "actor", "action", "entity", "entity_id", "before", "after", "address"];

function csvResponse(rows: AuditRow[], total: number, timeZone: string): Response {
  const lines = rows.map((r) => [r.id, r.at.toISOString(), r.actor, r.action, r.entity, r.entityId, r.before, r.after, r.address]);
  // The byte-order mark makes spreadsheet programs read the file as UTF-8 (Cyrillic names, e-mails).
  return new Response("\uFEFF" + toCsv([CSV_HEADER, ...lines]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="seatledger-audit-${calendarDate(Date.now(), timeZone)}.csv"`,
      "Cache-Control": "no-store",
      "X-Total-Count": String(total),
      ...(total > rows.length ? { "X-Truncated": "true" } : {}),
    },
  });
}

/**
 * The audit log, newest first, filtered by the query parameters of AuditFilterSchema (db/queries/audit.ts).
 * `format=csv` gives every matching entry (at most AUDIT_CSV_MAX, newest first) as a CSV download instead of a page.
 */
export const GET = route((request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const format = FormatSchema.safeParse(query);
  const filter = AuditFilterSchema.safeParse(query);
  if (!format.success || !filter.success) throw new ZodError([...(format.error?.issues ?? []), ...(filter.error?.issues ?? [])]);

  if (format.data.format === "csv") {
    const { rows, total } = listAudit(getDb(), { ...filter.data, limit: AUDIT_CSV_MAX, offset: 0 });
    return csvResponse(rows, total, filter.data.tz);
  }
  const { rows, total } = listAudit(getDb(), filter.data);
  return ok(AuditListResponse, {
    entries: rows.map((r) => ({ ...r, at: r.at.toISOString(), before: parseRecorded(r.before), after: parseRecorded(r.after) })),
    total,
    limit: filter.data.limit,
    offset: filter.data.offset,
  });
});
