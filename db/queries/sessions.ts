import { and, count, desc, eq, gte, lte } from "drizzle-orm";

import type { Db } from "../client";
import { infobases, noLicenseEvents, sessionSnapshots, sessions } from "../schema";

export interface SnapshotSession {
  id: number;
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
