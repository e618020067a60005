import { getDb } from "@/db/client";
import { getLicensingSettings } from "@/db/queries/settings";
import { loadSimulatorContext } from "@/db/queries/simulate";
import { calendarDate, startOfDay } from "@/lib/licensing/timeline";
import { generateWorkload, mondayOf, workingDays, WorkloadDescriptionSchema } from "@/lib/licensing/workload";
import { simulation, simulatorBucketMinutes, SimulationResponseSchema } from "@/lib/simulator/api";

import { readJson } from "../../_lib/read-json";
import { ok } from "../../_lib/respond";
import { route } from "../../_lib/guard";

export const dynamic = "force-dynamic";

/**
 * Per-computer versus per-session seats for a described workload (issue 11 §3): users, computers, the
 * terminal-server, two-infobase and web-client shares, working hours (the 1C server's zone) and days from
 * this week's Monday. 400 naming the field for a bad description. Stores nothing.
 */
export const POST = route(async (request: Request) => {
  const description = WorkloadDescriptionSchema.parse(await readJson(request));
  const db = getDb();
  const settings = getLicensingSettings(db);
  const now = Date.now();
  const firstDay = mondayOf(calendarDate(now, settings.serverTimeZone));
  const days = workingDays(firstDay, description.days);
  const from = startOfDay(firstDay, settings.serverTimeZone);
  const to = startOfDay(days[days.length - 1], settings.serverTimeZone, 1);
  const workload = generateWorkload(description, { firstDay, timeZone: settings.serverTimeZone });
  const { owned } = loadSimulatorContext(db);
  return ok(SimulationResponseSchema, simulation({ workload, from, to, bucketMinutes: simulatorBucketMinutes(from, to), newestCapture: null, owned, settings }));
});
