import { getTranslations } from "next-intl/server";

import { requirePage } from "@/app/_lib/session";
import { DEFAULT_SEAT_RANGE, SEAT_RANGE_DAYS, SEAT_RANGES, type SeatRange } from "@/components/seats/ranges";
import { SeatsView, type SeatsViewData } from "@/components/seats/seats-view";
import { getDb } from "@/db/client";
import { loadOverview } from "@/db/queries/overview";
import { denialTimes, readSeatSeries } from "@/db/queries/seat-usage";
import { newestHolders } from "@/db/queries/sessions";
import { can } from "@/lib/security/access";
import { seatsQuerySchema } from "@/lib/seats/api";
import { denialsPerBucket, loadHistogram } from "@/lib/seats/series";
import { groupHolders } from "@/lib/seats/holders";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("seats") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const DAY_MS = 86_400_000;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

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
      holders: groupHolders(newestHolders(db), pools),
    };
  }
  return <SeatsView data={data} />;
}
