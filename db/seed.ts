import { count, getTableColumns, getTableName } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

import { defaultDemoAnchor, generateDemoCompany, type DemoCompany } from "@/lib/demo/company";

import type { Db } from "./client";
import * as t from "./schema";
import { writePoolUsageSweep } from "./queries/seat-usage";
import { sealPin, sealRegistrationData } from "./secrets";

/** Tables in insert order (parents first); deleted in reverse. The audit log is never wiped. */
const DOMAIN_TABLES = [
  t.owners,
  t.kits,
  t.pins,
  t.computers,
  t.fingerprints,
  t.activations,
  t.hardwareKeys,
  t.servers,
  t.infobases,
  t.sessionSnapshots,
  t.poolUsage,
  t.sessions,
  t.noLicenseEvents,
] as const;

/** True when no domain table holds a row: the only state in which the demo may be seeded. */
export function isDatabaseEmpty(db: Db): boolean {
  for (const table of DOMAIN_TABLES) {
    const [row] = db.select({ n: count() }).from(table).all();
    if (row.n > 0) return false;
  }
  return true;
}

/** Deletes every inventory and session row (settings and the audit log stay). */
export function clearDomainData(db: Db): void {
  db.transaction((tx) => {
    for (const table of [...DOMAIN_TABLES].reverse()) tx.delete(table).run();
  });
}

const ms = (n: number) => new Date(n);

/**
 * Bulk insert through one prepared statement: ten thousand sessions go in ~10× faster than through
 * Drizzle's query builder. Values still pass through each column's own driver mapping (dates, booleans).
 */
function insertAll(db: Db, table: SQLiteTable, rows: object[]): void {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in rows[0]);
  const sql = `insert into "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(", ")}) values (${columns.map(() => "?").join(", ")})`;
  const statement = db.$client.prepare(sql);
  for (const row of rows) {
    statement.run(
      columns.map(([key, column]) => {
        const value = (row as Record<string, unknown>)[key];
        return value === null || value === undefined ? null : column.mapToDriverValue(value);
      }),
    );
  }
}

/** Writes a generated demo company into an empty database, in one transaction. */
export function writeDemoCompany(db: Db, c: DemoCompany): void {
  db.$client.transaction(() => {
    // PIN codes and owner data are written sealed (issue #5): never in clear, not even for a moment.
    insertAll(db, t.owners, c.owners.map((o) => ({ ...o, registrationData: sealRegistrationData(db, o.registrationData) })));
    insertAll(db, t.kits, c.kits);
    insertAll(db, t.pins, c.pins.map((p) => ({ ...p, ...sealPin(db, p.code) })));
    insertAll(db, t.computers, c.computers);
    insertAll(db, t.fingerprints, c.fingerprints.map((f) => ({ ...f, takenAt: ms(f.takenAt) })));
    insertAll(db, t.activations, c.activations.map((a) => ({ ...a, activatedAt: ms(a.activatedAt) })));
    insertAll(db, t.hardwareKeys, c.hardwareKeys);
    insertAll(db, t.servers, c.servers);
    insertAll(db, t.infobases, c.infobases);
    insertAll(db, t.sessionSnapshots, c.sessionSnapshots.map((s) => ({ ...s, takenAt: ms(s.takenAt) })));
    insertAll(
      db,
      t.sessions,
      c.sessions.map((s) => ({ ...s, startedAt: ms(s.startedAt), lastActiveAt: ms(s.lastActiveAt), firstSeenAt: ms(s.firstSeenAt), lastSeenAt: ms(s.lastSeenAt) })),
    );
    insertAll(db, t.noLicenseEvents, c.noLicenseEvents.map((e) => ({ ...e, occurredAt: ms(e.occurredAt) })));
    // The seats-over-time rollups, as an import would have written them snapshot by snapshot (issue 11 §1).
    writePoolUsageSweep(db, c.sessionSnapshots, c.sessions);
  })();
}

export interface SeedOptions {
  /** Last day of the demo's history (`YYYY-MM-DD`); default: the last weekday before today. */
  anchor?: string;
  now?: Date;
}

/** Generates the demo company (fixed seed) and writes it. The caller decides that the database may take it. */
export function seedDemo(db: Db, options: SeedOptions = {}): DemoCompany {
  const company = generateDemoCompany({ anchor: options.anchor ?? defaultDemoAnchor(options.now ?? new Date()) });
  writeDemoCompany(db, company);
  return company;
}
