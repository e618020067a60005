import { and, asc, count, desc, eq, gte, inArray, lte, or, sql, type SQL } from "drizzle-orm";

import type { Db } from "../client";
import { infobases, noLicenseEvents, sessionSnapshots, sessions } from "../schema";
import { loadInventory } from "./inventory";
import { getLicensingSettings } from "./settings";
import { matchesText, sortAndPage } from "@/lib/inventory/list";
import { holderRows, type HolderRow } from "@/lib/sessions/holders";
import type { HistoryQuery, HistoryRow, HolderListQuery, HolderListResponse, HolderWire, SnapshotListQuery, SnapshotRow } from "@/lib/sessions/api";

export interface SnapshotSession {
  id: number;
  sessionUuid: string;
  userName: string | null;
  host: string | null;
  terminalSession: string | null;
  appId: string | null;
  infobase: string | null;
  startedAt: Date | null;
  series: string | null;
  licenseType: string | null;
  issuedByServer: boolean | null;
  net: boolean | null;
  rmngrAddress: string | null;
  fullPresentation: string | null;
  licenseFullName: string | null;
  lastActiveAt: Date | null;
  hibernate: boolean | null;
}

/** The newest capture of sessions, or null when none was ever taken. */
export function getLatestSnapshot(db: Db) {
  return db.select().from(sessionSnapshots).orderBy(desc(sessionSnapshots.takenAt), desc(sessionSnapshots.id)).limit(1).get() ?? null;
}

/** Sessions a snapshot saw: `first_seen_at <= taken_at <= last_seen_at` (db/schema.ts). */
export function listSessionsAt(db: Db, takenAt: Date): SnapshotSession[] {
  return db
    .select({
      id: sessions.id,
      sessionUuid: sessions.sessionUuid,
      userName: sessions.userName,
      host: sessions.host,
      terminalSession: sessions.terminalSession,
      appId: sessions.appId,
      infobase: infobases.name,
      startedAt: sessions.startedAt,
      series: sessions.series,
      licenseType: sessions.licenseType,
      issuedByServer: sessions.issuedByServer,
      net: sessions.net,
      rmngrAddress: sessions.rmngrAddress,
      fullPresentation: sessions.fullPresentation,
      licenseFullName: sessions.licenseFullName,
      lastActiveAt: sessions.lastActiveAt,
      hibernate: sessions.hibernate,
    })
    .from(sessions)
    .leftJoin(infobases, eq(infobases.id, sessions.infobaseId))
    .where(and(lte(sessions.firstSeenAt, takenAt), gte(sessions.lastSeenAt, takenAt)))
    .orderBy(sessions.userName, sessions.startedAt, sessions.id)
    .all();
}

/** "No free license" events at or after `since` (all of them when `since` is null). */
export function countNoLicenseEvents(db: Db, since: Date | null): number {
  const query = db.select({ n: count() }).from(noLicenseEvents);
  const [row] = (since ? query.where(gte(noLicenseEvents.occurredAt, since)) : query).all();
  return row.n;
}

type SnapshotDbRow = typeof sessionSnapshots.$inferSelect;

function parseWarnings(json: string): SnapshotRow["warnings"] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((w): w is SnapshotRow["warnings"][number] => !!w && typeof w.line === "number" && typeof w.message === "string") : [];
  } catch {
    return [];
  }
}

const snapshotRow = (r: SnapshotDbRow): SnapshotRow => ({
  id: r.id,
  takenAt: r.takenAt.toISOString(),
  source: r.source,
  sessions: r.sessionCount,
  licensed: r.licensedCount,
  matched: r.matchedCount,
  unmatched: r.unmatchedCount,
  warnings: parseWarnings(r.warnings),
});

/** Snapshots, newest first by default, paged in SQL (a cron job adds ~100 a day). */
export function listSnapshots(db: Db, query: SnapshotListQuery): { snapshots: SnapshotRow[]; total: number } {
  const order = { takenAt: sessionSnapshots.takenAt, sessions: sessionSnapshots.sessionCount, licensed: sessionSnapshots.licensedCount, unmatched: sessionSnapshots.unmatchedCount, warnings: sql`json_array_length(${sessionSnapshots.warnings})` }[query.sort];
  const dir = query.dir === "asc" ? asc : desc;
  const rows = db
    .select()
    .from(sessionSnapshots)
    .orderBy(dir(order), dir(sessionSnapshots.takenAt), dir(sessionSnapshots.id))
    .limit(query.size)
    .offset((query.page - 1) * query.size)
    .all();
  const [{ n }] = db.select({ n: count() }).from(sessionSnapshots).all();
  return { snapshots: rows.map(snapshotRow), total: n };
}

function getSnapshot(db: Db, id: number | undefined): SnapshotDbRow | null {
  if (id === undefined) return getLatestSnapshot(db);
  return db.select().from(sessionSnapshots).where(eq(sessionSnapshots.id, id)).get() ?? null;
}

const holderWire = (r: HolderRow): HolderWire => ({
  ...r,
  startedAt: r.startedAt === null ? null : new Date(r.startedAt).toISOString(),
  idleMinutes: r.idleMs === null ? null : Math.floor(r.idleMs / 60_000),
});

const licenseText = (r: { series: string | null; licenseType: string | null }) => (r.series ? `${r.series} ${r.licenseType ?? ""}`.trim() : null);

/**
 * Who holds what in one snapshot (the newest unless `query.snapshot` names one), filtered, sorted and paged.
 * Every session of the snapshot is assigned first — a pool's seats are shared by all of them — then the
 * filters apply. An unknown snapshot id is null with no rows.
 */
/** Every session of the capture taken at `takenAt`, with the license it holds and its pool (lib/sessions/holders.ts). */
function holderRowsAt(db: Db, takenAt: Date) {
  const seen = listSessionsAt(db, takenAt).map((s) => ({ ...s, startedAt: s.startedAt?.getTime() ?? null, lastActiveAt: s.lastActiveAt?.getTime() ?? null }));
  return holderRows(loadInventory(db), seen, takenAt.getTime(), getLicensingSettings(db).perSessionAppIds);
}

/** Every session of the newest capture as the Sessions list shows them, unpaged (the Seats page counts them all). */
export function newestHolders(db: Db): HolderWire[] {
  const snapshot = getLatestSnapshot(db);
  return snapshot ? holderRowsAt(db, snapshot.takenAt).map(holderWire) : [];
}

export function listHolders(db: Db, query: HolderListQuery): HolderListResponse {
  const snapshot = getSnapshot(db, query.snapshot);
  const empty = { sessions: 0, licensed: 0, matched: 0, unmatched: 0, flagged: 0 };
  if (!snapshot) return { snapshot: null, sessions: [], total: 0, infobases: [], apps: [], counts: empty };
  const all = holderRowsAt(db, snapshot.takenAt);
  const counts = {
    sessions: all.length,
    licensed: all.filter((r) => r.matched !== null).length,
    matched: all.filter((r) => r.matched === true).length,
    unmatched: all.filter((r) => r.matched === false).length,
    flagged: all.filter((r) => r.flags.length > 0).length,
  };
  const folded = (v: string | null) => (v ?? "").toLowerCase();
  const rows = all.filter(
    (r) =>
      matchesText(query.q, r.userName, r.host, r.infobase, r.appId, r.series) &&
      (!query.infobase || folded(r.infobase) === query.infobase.toLowerCase()) &&
      (!query.app || r.appId === query.app) &&
      (!query.license || (query.license === "none" ? r.matched === null : query.license === "matched" ? r.matched === true : r.matched === false)) &&
      (!query.flag || (query.flag === "flagged" ? r.flags.length > 0 : r.flags.includes(query.flag))),
  );
  const { rows: page, total } = sortAndPage(rows, query, (r, key) => {
    switch (key) {
      case "license":
        return licenseText(r);
      case "pool":
        return r.poolId;
      case "idle":
        return r.idleMs;
      default:
        return r[key as "userName" | "host" | "infobase" | "appId" | "startedAt"];
    }
  });
  const distinct = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b));
  return {
    snapshot: snapshotRow(snapshot),
    sessions: page.map(holderWire),
    total,
    infobases: distinct(all.map((r) => r.infobase)),
    apps: distinct(all.map((r) => r.appId)),
    counts,
  };
}

/** Every session of a user or of a computer (names compare case-insensitively), over all snapshots, paged in SQL. */
export function listSessionHistory(db: Db, query: HistoryQuery): { sessions: HistoryRow[]; total: number } {
  // SQLite's lower() folds ASCII only: the spellings of a Cyrillic name are found among the distinct names first.
  const spellings = (column: typeof sessions.userName | typeof sessions.host, name: string) =>
    db
      .selectDistinct({ v: column })
      .from(sessions)
      .all()
      .map((r) => r.v)
      .filter((v): v is string => v !== null && v.toLowerCase() === name.toLowerCase());
  const conditions: SQL[] = [];
  if (query.user) conditions.push(inArray(sessions.userName, spellings(sessions.userName, query.user)));
  if (query.host) conditions.push(inArray(sessions.host, spellings(sessions.host, query.host)));
  if (query.q) {
    const like = `%${query.q.toLowerCase()}%`;
    conditions.push(or(sql`lower(${infobases.name}) like ${like}`, sql`lower(${sessions.appId}) like ${like}`, sql`lower(${sessions.series}) like ${like}`, sql`lower(${sessions.host}) like ${like}`, sql`lower(${sessions.userName}) like ${like}`)!);
  }
  const where = and(...conditions);
  const column = {
    firstSeenAt: sessions.firstSeenAt,
    lastSeenAt: sessions.lastSeenAt,
    userName: sessions.userName,
    host: sessions.host,
    infobase: infobases.name,
    appId: sessions.appId,
    license: sessions.series,
  }[query.sort];
  const dir = query.dir === "asc" ? asc : desc;
  const rows = db
    .select({
      id: sessions.id,
      userName: sessions.userName,
      host: sessions.host,
      infobase: infobases.name,
      appId: sessions.appId,
      series: sessions.series,
      licenseType: sessions.licenseType,
      issuedByServer: sessions.issuedByServer,
      firstSeenAt: sessions.firstSeenAt,
      lastSeenAt: sessions.lastSeenAt,
      startedAt: sessions.startedAt,
    })
    .from(sessions)
    .leftJoin(infobases, eq(infobases.id, sessions.infobaseId))
    .where(where)
    .orderBy(dir(column), dir(sessions.firstSeenAt), dir(sessions.id))
    .limit(query.size)
    .offset((query.page - 1) * query.size)
    .all();
  const [{ n }] = db.select({ n: count() }).from(sessions).leftJoin(infobases, eq(infobases.id, sessions.infobaseId)).where(where).all();
  return {
    sessions: rows.map((r) => ({ ...r, firstSeenAt: r.firstSeenAt.toISOString(), lastSeenAt: r.lastSeenAt.toISOString(), startedAt: r.startedAt?.toISOString() ?? null })),
    total: n,
  };
}
