import { getTranslations } from "next-intl/server";

import { requirePage } from "@/app/_lib/session";
import { DEFAULT_SEAT_RANGE, SEAT_RANGE_DAYS, SEAT_RANGES, type SeatRange } from "@/components/seats/ranges";
import { SeatsView, type HolderGroups, type SeatsViewData } from "@/components/seats/seats-view";
import { getDb } from "@/db/client";
import { loadOverview } from "@/db/queries/overview";
import { denialTimes, readSeatSeries } from "@/db/queries/seat-usage";
import { listHolders } from "@/db/queries/sessions";
import type { PoolUsage } from "@/lib/licensing/pools";
import { can } from "@/lib/security/access";
import { seatsQuerySchema } from "@/lib/seats/api";
import { denialsPerBucket, loadHistogram } from "@/lib/seats/series";
import { HolderListQuerySchema, type HolderWire } from "@/lib/sessions/api";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("seats") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const DAY_MS = 86_400_000;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** Every holder of the newest capture (the Sessions list pages them; the counts need them all). */
function allHolders(): HolderWire[] {
  const db = getDb();
  const rows: HolderWire[] = [];
  for (let page = 1; ; page++) {
    const data = listHolders(db, HolderListQuerySchema.parse({ page, size: 100, sort: "userName", dir: "asc" }));
    rows.push(...data.sessions);
    if (data.sessions.length === 0 || rows.length >= data.total) return rows;
  }
}

/** Holders with a license, counted per infobase and per pool (the pool's seats held come from the Overview's engine). */
function groupHolders(holders: readonly HolderWire[], pools: readonly PoolUsage[]): HolderGroups {
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

/** `?pool=` (an id from /api/pools, none = all pools) and `?range=day|week|90d|year`, counted back from the newest capture. */
export default async function SeatsPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePage("seats");
  const params = await searchParams;
  const db = getDb();
  const overview = loadOverview(db, new Date());
  const pools = overview.model.pools;
  const rangeParam = first(params.range);
  const range: SeatRange = SEAT_RANGES.find((r) => r === rangeParam) ?? DEFAULT_SEAT_RANGE;
  // A pool no longer in the inventory cannot be picked in the select: the page shows all pools instead.
  const pool = pools.find((p) => p.pool.id === first(params.pool))?.pool ?? null;
  const canSeeSessions = can(principal, "sessions");
  const poolOptions = pools.map(({ pool: p }) => ({ id: p.id, host: p.host, source: p.source, counting: p.counting }));

  let data: SeatsViewData;
  if (!overview.snapshotTakenAt) {
    data = { state: "empty", range, pool: pool?.id ?? null, pools: poolOptions, canSeeSessions };
  } else {
    const to = overview.snapshotTakenAt.getTime();
    const query = seatsQuerySchema(to).parse({ pool: pool?.id, from: new Date(to - SEAT_RANGE_DAYS[range] * DAY_MS).toISOString(), to: new Date(to).toISOString() });
    const seats = readSeatSeries(db, query);
    data = {
      state: "ready",
      range,
      pool: pool?.id ?? null,
      pools: poolOptions,
      canSeeSessions,
      takenAt: overview.snapshotTakenAt.toISOString(),
      seats,
      capacity: pool ? pool.seats : overview.model.totals.seats,
      histogram: loadHistogram(seats.series),
      denials: denialsPerBucket(denialTimes(db, query), query.from, query.to, query.bucketMinutes),
      holders: groupHolders(allHolders(), pools),
    };
  }
  return <SeatsView data={data} />;
}
