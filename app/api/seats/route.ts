import { getDb } from "@/db/client";
import { readSeatSeries } from "@/db/queries/seat-usage";
import { seatsQuerySchema, SeatsResponseSchema } from "@/lib/seats/api";

import { ok } from "../_lib/respond";
import { route } from "../_lib/guard";

export const dynamic = "force-dynamic";

/**
 * Seats held over time (issue 11 §1) for one pool (`?pool=` an id from /api/pools) or all pools summed, in
 * buckets over `?from=`…`?to=` (instants with a zone; default the last 7 days), read from the per-pool rollups
 * written at import. 400 naming the field for a bad query, 404 `pool-not-found` for an unknown pool.
 */
export const GET = route((request: Request) => {
  const query = seatsQuerySchema(Date.now()).parse(Object.fromEntries(new URL(request.url).searchParams));
  return ok(SeatsResponseSchema, readSeatSeries(getDb(), query));
});
