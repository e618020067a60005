import { and, count, desc, eq, gte, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";

import type { Db } from "../client";
import { auditLog } from "../schema";
import { isCalendarDate, isTimeZone, startOfDay } from "@/lib/licensing/timeline";
import { redactSecrets } from "@/lib/security/redact";

export interface AuditEntry {
  actor: string | null;
  action: string;
  entity?: string | null;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  address?: string | null;
}

/** Appends one entry (secrets redacted). The app offers no update or delete of the audit log. */
export function recordAudit(db: Db, entry: AuditEntry, at = new Date()): void {
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(redactSecrets(v)));
  db.insert(auditLog)
    .values({
      at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity ?? null,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      before: json(entry.before),
      after: json(entry.after),
      address: entry.address ?? null,
    })
    .run();
}

export type AuditRow = typeof auditLog.$inferSelect;

export const AUDIT_PAGE_SIZE = 100;
export const AUDIT_MAX_PAGE_SIZE = 1000;
/** The most rows one CSV export holds. */
export const AUDIT_CSV_MAX = 50_000;

// Query strings and GET forms send "" for a field left empty: that means "no filter", not an invalid value.
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, `must be at most ${max} characters`).optional());
const day = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .refine(isCalendarDate, "must be a date like 2026-11-28 (YYYY-MM-DD)")
    .optional(),
);
const wholeNumber = (min: number, max: number, fallback: number, rule: string) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: rule }).int(rule).min(min, rule).max(max, rule).default(fallback));

/**
 * The Audit page's and GET /api/audit's filter. `from`/`to` are whole days, both inclusive, in the time
 * zone `tz` (an IANA name; UTC when absent) — the page passes its display zone so the days match the times
 * it shows. `q` looks for text in the entity id and the before/after values (ASCII letters case-insensitive).
 */
export const AuditFilterSchema = z
  .object({
    actor: text(320),
    action: text(100),
    entity: text(100),
    from: day,
    to: day,
    tz: z.preprocess(blankToUndefined, z.string().refine(isTimeZone, "must be an IANA time zone like Europe/Moscow or UTC").default("UTC")),
    q: text(200),
    limit: wholeNumber(1, AUDIT_MAX_PAGE_SIZE, AUDIT_PAGE_SIZE, `must be a whole number from 1 to ${AUDIT_MAX_PAGE_SIZE}`),
    offset: wholeNumber(0, Number.MAX_SAFE_INTEGER, 0, "must be a whole number, 0 or more"),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "must be the same day as from or later", params: { rule: "range" } });

export type AuditFilter = z.output<typeof AuditFilterSchema>;
export type AuditFilterInput = z.input<typeof AuditFilterSchema>;

function whereOf(filter: Partial<AuditFilter>): SQL | undefined {
  const tz = filter.tz ?? "UTC";
  const conditions: SQL[] = [];
  if (filter.actor) conditions.push(eq(auditLog.actor, filter.actor));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.from) conditions.push(gte(auditLog.at, new Date(startOfDay(filter.from, tz))));
  if (filter.to) conditions.push(lt(auditLog.at, new Date(startOfDay(filter.to, tz, 1))));
  if (filter.q) {
    // instr, not LIKE: the user's % and _ are plain characters here.
    conditions.push(
      sql`instr(lower(coalesce(${auditLog.entityId}, '') || char(10) || coalesce(${auditLog.before}, '') || char(10) || coalesce(${auditLog.after}, '')), lower(${filter.q})) > 0`,
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** Entries matching the filter, newest first, one page of them, and how many match in all. */
export function listAudit(db: Db, filter: Partial<AuditFilter> = {}): { rows: AuditRow[]; total: number } {
  const where = whereOf(filter);
  const rows = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.limit ?? AUDIT_PAGE_SIZE)
    .offset(filter.offset ?? 0)
    .all();
  const [{ total }] = db.select({ total: count() }).from(auditLog).where(where).all();
  return { rows, total };
}

export interface AuditFacets {
  actors: string[];
  actions: string[];
  entities: string[];
}

/** The distinct actors, actions and entities in the log, sorted: the choices of the filter form. */
export function auditFacets(db: Db): AuditFacets {
  const distinct = (column: typeof auditLog.actor | typeof auditLog.action | typeof auditLog.entity) =>
    db
      .selectDistinct({ value: column })
      .from(auditLog)
      .where(isNotNull(column))
      .orderBy(column)
      .all()
      .map((r) => r.value as string);
  return { actors: distinct(auditLog.actor), actions: distinct(auditLog.action), entities: distinct(auditLog.entity) };
}
