import { and, count, desc, eq, gte, lt, lte, sql } from "drizzle-orm";

import type { Db } from "../client";
import { noLicenseEvents, poolUsage } from "../schema";
import { decidedByExplanation } from "@/lib/licensing/why";
import { loadInventory } from "./inventory";
import { listSessionsAt } from "./sessions";
import { getLicensingSettings } from "./settings";
import { AppError } from "@/lib/errors";
import { buildOverview } from "@/lib/licensing/overview";
import { derivePools } from "@/lib/licensing/pools";
import type { LicensingSettings } from "@/lib/licensing/settings";
import type { HeldLicense, Inventory } from "@/lib/licensing/types";
import type { SeatsQuery, SeatsResponse } from "@/lib/seats/api";
import { seatPercentiles, seatSeries, type SeatCapture } from "@/lib/seats/series";

type NewPoolUsage = typeof poolUsage.$inferInsert;

/** One row per pool of the inventory, 0 in use included: what the Overview shows for these sessions. */
function rollupRows(inventory: Inventory, held: HeldLicense[], settings: Pick<LicensingSettings, "perSessionAppIds">, snapshot: { id: number; takenAt: Date }): NewPoolUsage[] {
  return buildOverview(inventory, held, settings).pools.map(({ pool, inUse }) => ({ snapshotId: snapshot.id, takenAt: snapshot.takenAt, poolId: pool.id, inUse, capacity: pool.seats }));
}

function insertRows(db: Db, rows: NewPoolUsage[]): void {
  // 5 columns × 150 rows stays under SQLite's 999 bound parameters.
  for (let i = 0; i < rows.length; i += 150) db.insert(poolUsage).values(rows.slice(i, i + 150)).run();
}

/**
 * Writes the seats every pool held at a snapshot (issue 11 §1) — the Overview's engine over the sessions the
 * snapshot saw and today's inventory — replacing the snapshot's earlier rows. Call it inside the import's
 * transaction, after the sessions are written. Later snapshots are not rewritten when an import widens
 * intervals they share: their rows keep what was known when they were taken.
 */
export function writePoolUsage(db: Db, snapshot: { id: number; takenAt: Date }): void {
  const rows = rollupRows(loadInventory(db), listSessionsAt(db, snapshot.takenAt), getLicensingSettings(db), snapshot);
  db.delete(poolUsage).where(eq(poolUsage.snapshotId, snapshot.id)).run();
  insertRows(db, rows);
}

/** A session interval as the demo generator and bulk loaders hold it (epoch ms). */
export interface SessionInterval extends HeldLicense {
  id: number;
  startedAt: number | null;
  firstSeenAt: number;
  lastSeenAt: number;
}

// The order `listSessionsAt` reads in (user name, start, id; SQLite sorts NULL first): pools with several
// candidates fill in that order, so the rollup must see the sessions the same way the Overview does.
const nullsFirst = <T extends string | number>(a: T | null, b: T | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
const listOrder = (a: SessionInterval, b: SessionInterval) => nullsFirst(a.userName, b.userName) || nullsFirst(a.startedAt, b.startedAt) || a.id - b.id;

/**
 * The rollups of many snapshots at once (the demo seed): one sweep over the intervals sorted by first seen
 * instead of a query per snapshot. Same rows as `writePoolUsage` for each snapshot (`first_seen_at <= t <=
 * last_seen_at`, the same order, the same engine). The caller writes them in its own transaction.
 */
export function writePoolUsageSweep(db: Db, snapshots: ReadonlyArray<{ id: number; takenAt: number }>, intervals: readonly SessionInterval[]): number {
  const inventory = loadInventory(db);
  const settings = getLicensingSettings(db);
  // One prepared statement: five thousand snapshots through the query builder cost seconds.
  const insert = db.$client.prepare(`insert into "pool_usage" ("snapshot_id", "taken_at", "pool_id", "in_use", "capacity") values (?, ?, ?, ?, ?)`);
  const byFirstSeen = [...intervals].sort((a, b) => a.firstSeenAt - b.firstSeenAt);
  const active = new Set<SessionInterval>();
  let next = 0;
  let written = 0;
  for (const snapshot of [...snapshots].sort((a, b) => a.takenAt - b.takenAt)) {
    const t = snapshot.takenAt;
    while (next < byFirstSeen.length && byFirstSeen[next].firstSeenAt <= t) active.add(byFirstSeen[next++]);
    for (const s of active) if (s.lastSeenAt < t) active.delete(s);
    const rows = rollupRows(inventory, [...active].sort(listOrder), settings, { id: snapshot.id, takenAt: new Date(t) });
    for (const r of rows) insert.run(r.snapshotId, t, r.poolId, r.inUse, r.capacity);
    written += rows.length;
  }
  return written;
}

const eventsBetween = (from: Date, to: Date) => and(gte(noLicenseEvents.occurredAt, from), lte(noLicenseEvents.occurredAt, to));

/**
 * The "no free license" events of `[from, to]` (oldest first): when and who — with a pool, those whose deciding
 * full pool it was (engine-written events name it, `decidedByExplanation`).
 */
export function denialsOf(db: Db, query: Pick<SeatsQuery, "pool" | "from" | "to">): Array<{ at: number; user: string | null; host: string | null }> {
  const rows = db
    .select({ at: noLicenseEvents.occurredAt, user: noLicenseEvents.userName, host: noLicenseEvents.host, explanation: noLicenseEvents.explanation })
    .from(noLicenseEvents)
    .where(eventsBetween(new Date(query.from), new Date(query.to)))
    .orderBy(noLicenseEvents.occurredAt)
    .all();
  return (query.pool === null ? rows : rows.filter((e) => decidedByExplanation(e.explanation).pool === query.pool)).map((e) => ({ at: e.at.getTime(), user: e.user, host: e.host }));
}

/** When the events of `denialsOf` happened (epoch ms): the Seats chart marks them. */
export const denialTimes = (db: Db, query: Pick<SeatsQuery, "pool" | "from" | "to">): number[] => denialsOf(db, query).map((e) => e.at);

/**
 * Seats held over `[from, to]` (both ends included) for one pool or all pools summed, read from the rollups
 * only. Snapshots without rollup rows (stored before the rollups existed) contribute nothing. A pool neither
 * in today's inventory nor in any rollup is a 404 `pool-not-found`. `denials` counts the "no free license" events
 * of the range — with a pool, those whose deciding full pool it was (`decidedByExplanation`).
 */
export function readSeatSeries(db: Db, query: SeatsQuery): SeatsResponse {
  const from = new Date(query.from);
  const to = new Date(query.to);
  const pools = derivePools(loadInventory(db)).pools;
  const inRange = and(gte(poolUsage.takenAt, from), lte(poolUsage.takenAt, to));
  const columns = { capture: poolUsage.snapshotId, takenAt: poolUsage.takenAt, inUse: poolUsage.inUse, capacity: poolUsage.capacity };
  const asCapture = (r: { capture: number; takenAt: Date; inUse: number; capacity: number }) => ({ capture: r.capture, t: r.takenAt.getTime(), inUse: r.inUse, capacity: r.capacity });

  let captures: SeatCapture[];
  let capacityBefore: number | undefined;
  if (query.pool !== null) {
    const pool = query.pool;
    const current = pools.find((p) => p.id === pool);
    if (!current && !db.select({ id: poolUsage.snapshotId }).from(poolUsage).where(eq(poolUsage.poolId, pool)).limit(1).get()) {
      throw new AppError("pool-not-found", `No pool "${pool}": use an id from /api/pools, e.g. ${pools[0]?.id ?? "soft-server:srv-1c"}.`, 404);
    }
    captures = db.select(columns).from(poolUsage).where(and(eq(poolUsage.poolId, pool), inRange)).orderBy(poolUsage.takenAt).all().map(asCapture);
    capacityBefore = db.select({ capacity: poolUsage.capacity }).from(poolUsage).where(and(eq(poolUsage.poolId, pool), lt(poolUsage.takenAt, from))).orderBy(desc(poolUsage.takenAt)).limit(1).get()?.capacity ?? captures[0]?.capacity ?? current?.seats;
  } else {
    // Summed in SQL, one row per snapshot: a year of five-minute captures is ~100k snapshots but ~1M pool rows.
    captures = db
      .select({ ...columns, inUse: sql<number>`sum(${poolUsage.inUse})`, capacity: sql<number>`sum(${poolUsage.capacity})` })
      .from(poolUsage)
      .where(inRange)
      .groupBy(poolUsage.snapshotId)
      .orderBy(poolUsage.takenAt)
      .all()
      .map(asCapture);
    const before = db.select({ id: poolUsage.snapshotId }).from(poolUsage).where(lt(poolUsage.takenAt, from)).orderBy(desc(poolUsage.takenAt), desc(poolUsage.snapshotId)).limit(1).get();
    capacityBefore = before
      ? db.select({ capacity: poolUsage.capacity }).from(poolUsage).where(eq(poolUsage.snapshotId, before.id)).all().reduce((sum, r) => sum + r.capacity, 0)
      : (captures[0]?.capacity ?? pools.reduce((sum, p) => sum + p.seats, 0));
  }

  const denials = query.pool ? denialsOf(db, query).length : db.select({ n: count() }).from(noLicenseEvents).where(eventsBetween(from, to)).all()[0].n;
  const series = seatSeries({ captures, from: query.from, to: query.to, bucketMinutes: query.bucketMinutes, capacityBefore: capacityBefore ?? 0 });
  const percentiles = seatPercentiles(captures.map((c) => c.inUse));
  return {
    pool: query.pool,
    from: from.toISOString(),
    to: to.toISOString(),
    bucketMinutes: query.bucketMinutes,
    series: series.map((b) => ({ t: new Date(b.t).toISOString(), inUse: b.inUse, capacity: b.capacity })),
    peak: percentiles.max,
    percentiles,
    denials,
  };
}
