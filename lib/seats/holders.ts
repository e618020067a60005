/**
 * Who holds seats now, for the Seats page (issue 11 §1): the newest capture's licensed sessions counted per
 * infobase and per pool. Pure; the seats each pool holds come from the Overview's engine (`PoolUsage.inUse`).
 */
import type { PoolUsage } from "../licensing/pools";
import type { Counting, PoolSource } from "../licensing/types";
import type { HolderWire } from "../sessions/api";

export interface HolderGroups {
  /** Sessions holding a license at the newest capture. */
  total: number;
  byInfobase: Array<{ infobase: string | null; sessions: number; users: number }>;
  byPool: Array<
    | { kind: "pool"; id: string; host: string; source: PoolSource; counting: Counting; sessions: number; inUse: number; seats: number }
    | { kind: "server" | "unmatched"; sessions: number }
  >;
}

/**
 * Holders with a license, counted per infobase (with distinct users, names case-insensitive) and per pool —
 * pools holding nothing left out, busiest first — then those the 1C server issued without a pool of ours and
 * those matching no record.
 */
export function groupHolders(holders: readonly HolderWire[], pools: readonly PoolUsage[]): HolderGroups {
  const licensed = holders.filter((h) => h.matched !== null);
  const byInfobase = new Map<string, { infobase: string | null; sessions: number; users: Set<string> }>();
  for (const h of licensed) {
    const key = (h.infobase ?? "").toLowerCase();
    const group = byInfobase.get(key) ?? { infobase: h.infobase, sessions: 0, users: new Set<string>() };
    group.sessions++;
    if (h.userName) group.users.add(h.userName.toLowerCase());
    byInfobase.set(key, group);
  }
  const sessionsOf = (match: (h: HolderWire) => boolean) => licensed.filter(match).length;
  const byPool = pools
    .map(({ pool, inUse }) => ({ kind: "pool" as const, id: pool.id, host: pool.host, source: pool.source, counting: pool.counting, sessions: sessionsOf((h) => h.matched === true && h.poolId === pool.id), inUse, seats: pool.seats }))
    .filter((p) => p.sessions > 0 || p.inUse > 0);
  const server = sessionsOf((h) => h.matched === true && h.poolId === null);
  const unmatched = sessionsOf((h) => h.matched === false);
  return {
    total: licensed.length,
    byInfobase: [...byInfobase.values()].map((g) => ({ infobase: g.infobase, sessions: g.sessions, users: g.users.size })).sort((a, b) => b.sessions - a.sessions || (a.infobase ?? "").localeCompare(b.infobase ?? "")),
    byPool: [...byPool.sort((a, b) => b.sessions - a.sessions || a.host.localeCompare(b.host)), ...(server ? [{ kind: "server" as const, sessions: server }] : []), ...(unmatched ? [{ kind: "unmatched" as const, sessions: unmatched }] : [])],
  };
}
