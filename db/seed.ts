import { count } from "drizzle-orm";

import { defaultDemoAnchor, generateDemoCompany, type DemoCompany } from "@/lib/demo/company";

import type { Db } from "./client";
import * as t from "./schema";

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
  t.sessions,
  t.noLicenseEvents,
] as const;

/** True when the database holds no inventory and no sessions: the state in which the demo may be seeded. */
export function isDatabaseEmpty(db: Db): boolean {
  for (const table of [t.owners, t.kits, t.computers, t.sessions]) {
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
const BATCH = 400;

function insertAll<T>(db: Db, table: Parameters<Db["insert"]>[0], rows: T[]): void {
  for (let i = 0; i < rows.length; i += BATCH) db.insert(table).values(rows.slice(i, i + BATCH) as never).run();
}

/** Writes a generated demo company into an empty database, in one transaction. */
export function writeDemoCompany(db: Db, c: DemoCompany): void {
  db.transaction((tx) => {
    const d = tx as unknown as Db;
    insertAll(d, t.owners, c.owners);
    insertAll(d, t.kits, c.kits);
    insertAll(d, t.pins, c.pins);
    insertAll(d, t.computers, c.computers);
    insertAll(d, t.fingerprints, c.fingerprints.map((f) => ({ ...f, takenAt: ms(f.takenAt) })));
    insertAll(d, t.activations, c.activations.map((a) => ({ ...a, activatedAt: ms(a.activatedAt) })));
    insertAll(d, t.hardwareKeys, c.hardwareKeys);
    insertAll(d, t.servers, c.servers);
    insertAll(d, t.infobases, c.infobases);
    insertAll(d, t.sessionSnapshots, c.sessionSnapshots.map((s) => ({ ...s, takenAt: ms(s.takenAt) })));
    insertAll(
      d,
      t.sessions,
      c.sessions.map((s) => ({ ...s, startedAt: ms(s.startedAt), lastActiveAt: ms(s.lastActiveAt), firstSeenAt: ms(s.firstSeenAt), lastSeenAt: ms(s.lastSeenAt) })),
    );
    insertAll(d, t.noLicenseEvents, c.noLicenseEvents.map((e) => ({ ...e, occurredAt: ms(e.occurredAt) })));
  });
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
