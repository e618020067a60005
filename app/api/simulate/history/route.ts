import { getDb } from "@/db/client";
import { loadSimulatorContext, simulateHistory } from "@/db/queries/simulate";
import { historyQuerySchema, SimulationResponseSchema } from "@/lib/simulator/api";

import { ok } from "../../_lib/respond";
import { route } from "../../_lib/guard";

export const dynamic = "force-dynamic";

/**
 * Per-computer versus per-session seats over the company's own sessions (issue 11 §3, DOMAIN §4):
 * `?from=&to=` instants with a zone (default: the 30 days up to the newest capture), `?bucketMinutes=`.
 * 400 naming the field for a bad query.
 */
export const GET = route((request: Request) => {
  const db = getDb();
  const context = loadSimulatorContext(db);
  const query = historyQuerySchema(context.newestCapture ?? Date.now()).parse(Object.fromEntries(new URL(request.url).searchParams));
  return ok(SimulationResponseSchema, simulateHistory(db, query, context));
});
