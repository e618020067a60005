import { getDb } from "@/db/client";
import { loadOverview } from "@/db/queries/overview";
import { PoolsResponseSchema, poolsView } from "@/lib/monitoring/metrics";

import { ok } from "../_lib/respond";
import { route } from "../_lib/guard";

export const dynamic = "force-dynamic";

/** The seats of every pool as the Overview shows them, from the newest snapshot (monitoring; `read` tokens). */
export const GET = route(() => {
  const { model, snapshotTakenAt } = loadOverview(getDb(), new Date());
  return ok(PoolsResponseSchema, poolsView(model, snapshotTakenAt));
});
