/**
 * Who holds the seats in one snapshot (issue 10 §2): each session with the license it holds, the pool it
 * counts in (the same assignment the Overview counts with, `matchLicenses`), why a license matched nothing
 * and which record would match it, and sessions that keep a seat while hibernated or idle for hours.
 */
import type { Localised } from "../domain/localised";
import { matchLicenses } from "../licensing/match";
import type { HeldLicense, Inventory, PoolSource } from "../licensing/types";

/** A session holding a seat while idle this long is flagged (a UI threshold, not a licensing rule). */
export const IDLE_FLAG_MS = 2 * 3_600_000;

export interface SnapshotSessionInput extends HeldLicense {
  id: number;
  sessionUuid: string;
  infobase: string | null;
  startedAt: number | null;
  lastActiveAt: number | null;
  hibernate: boolean | null;
  licenseFullName: string | null;
}

/** The record that would match an unmatched license: the kit of that registration number, its key, or a new one. */
export type MatchFix = { kind: "kit"; id: number; regNumber: string } | { kind: "key"; series: string } | { kind: "new-kit"; regNumber: string } | { kind: "new-key"; series: string };

export type HolderFlag = "hibernated" | "idle";

export interface HolderRow {
  id: number;
  userName: string | null;
  host: string | null;
  infobase: string | null;
  appId: string | null;
  series: string | null;
  licenseType: string | null;
  issuedByServer: boolean | null;
  net: boolean | null;
  /** null: the session holds no license; true/false: matched to the inventory or not. */
  matched: boolean | null;
  poolId: string | null;
  poolSource: PoolSource | null;
  poolHost: string | null;
  counting: "per-computer" | "per-session" | null;
  kitId: number | null;
  reason: Localised | null;
  fix: MatchFix | null;
  startedAt: number | null;
  /** Snapshot time minus `last-active-at`; null when rac did not say. */
  idleMs: number | null;
  hibernated: boolean;
  /** Only for sessions holding a license: a seat kept while hibernated or idle for `IDLE_FLAG_MS`. */
  flags: HolderFlag[];
}

function fixFor(inventory: Inventory, s: HeldLicense): MatchFix {
  const series = s.series!;
  if (s.licenseType?.toLowerCase() === "hasp") {
    return inventory.keys.some((k) => k.series.toUpperCase() === series.toUpperCase()) ? { kind: "key", series: series.toUpperCase() } : { kind: "new-key", series: series.toUpperCase() };
  }
  const kit = inventory.kits.find((k) => k.regNumber === series);
  return kit ? { kind: "kit", id: kit.id, regNumber: kit.regNumber } : { kind: "new-kit", regNumber: series };
}

/** The rows of the holders table for the sessions seen at `takenAt` (epoch ms). */
export function holderRows(inventory: Inventory, sessions: readonly SnapshotSessionInput[], takenAt: number, perSessionAppIds: readonly string[]): HolderRow[] {
  const matches = matchLicenses(
    inventory,
    sessions.map((s) => ({ ...s, session: s.sessionUuid, fullName: s.licenseFullName, folder: null })),
    perSessionAppIds,
  );
  const bySession = new Map(matches.map((m) => [m.session, m]));
  return sessions.map((s) => {
    const m = s.series ? bySession.get(s.sessionUuid) : undefined;
    // A row keeps the newest capture's last activity: for an older snapshot it may be later than the snapshot (unknown then).
    const idleMs = s.lastActiveAt === null || s.lastActiveAt > takenAt ? null : takenAt - s.lastActiveAt;
    const hibernated = s.hibernate === true;
    const flags: HolderFlag[] = [];
    // A client seat is held (a 1C server's own license record has no counting: it takes none).
    if (m && m.counting !== null) {
      if (hibernated) flags.push("hibernated");
      if (idleMs !== null && idleMs >= IDLE_FLAG_MS) flags.push("idle");
    }
    return {
      id: s.id,
      userName: s.userName,
      host: s.host,
      infobase: s.infobase,
      appId: s.appId,
      series: s.series,
      licenseType: s.licenseType,
      issuedByServer: s.issuedByServer,
      net: s.net,
      matched: m ? m.matched : null,
      poolId: m?.poolId ?? null,
      poolSource: m?.poolSource ?? null,
      poolHost: m?.poolHost ?? null,
      counting: m?.counting ?? null,
      kitId: m?.kitId ?? null,
      reason: m && !m.matched ? (m.reason ?? null) : null,
      fix: m && !m.matched ? fixFor(inventory, s) : null,
      startedAt: s.startedAt,
      idleMs,
      hibernated,
      flags,
    };
  });
}
