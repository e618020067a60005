import { desc } from "drizzle-orm";

import type { Db } from "../client";
import { auditLog } from "../schema";

/** Field names whose values are secrets: never written to the audit log, whatever the entity (issue #5). */
const SECRET_FIELDS = new Set(["code", "pin", "pinCode", "registrationData", "tokenHash", "token", "password", "secret"]);

/** A copy of a value with every secret field replaced by a marker, at any depth. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.has(k) ? "[secret]" : redactSecrets(v)]));
  }
  return value;
}

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

/** The newest entries first. */
export function listAudit(db: Db, limit = 200) {
  return db.select().from(auditLog).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit).all();
}
