import { getDb } from "@/db/client";
import { loadOverview } from "@/db/queries/overview";
import { formatPrometheus, seatMetrics } from "@/lib/monitoring/metrics";

import { route } from "../_lib/guard";

export const dynamic = "force-dynamic";

/** The Overview's seats, PIN reserves, snapshot age and "no free license" events in the Prometheus text format 0.0.4. */
export const GET = route(() => {
  const now = new Date();
  const { model, snapshotTakenAt, events } = loadOverview(getDb(), now);
  const body = formatPrometheus(seatMetrics({ model, takenAt: snapshotTakenAt, now, noLicenseEvents: events.total }));
  return new Response(body, { headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store" } });
});
