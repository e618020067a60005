import { getDb } from "@/db/client";
import { getLicensingSettings } from "@/db/queries/settings";
import { listHistorySessions, loadSimulatorContext } from "@/db/queries/simulate";
import { historyQuerySchema, simulation, SimulationResponseSchema } from "@/lib/simulator/api";
import { historyWorkload } from "@/lib/simulator/history";

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
  const context = loadSimulatorContext(db, new Date());
  const query = historyQuerySchema(context.newestCapture ?? Date.now()).parse(Object.fromEntries(new URL(request.url).searchParams));
  const workload = historyWorkload(listHistorySessions(db, query), query, context.terminalHosts);
  return ok(SimulationResponseSchema, simulation({ ...query, workload, newestCapture: context.newestCapture, owned: context.owned, settings: getLicensingSettings(db) }));
});
