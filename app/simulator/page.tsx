import { getTranslations } from "next-intl/server";

import { requirePage } from "@/app/_lib/session";
import { SimulatorView, type SimulatorViewProps } from "@/components/simulator/simulator-view";
import { getDb } from "@/db/client";
import { getLicensingSettings } from "@/db/queries/settings";
import { loadSimulatorContext, simulateHistory } from "@/db/queries/simulate";
import { can } from "@/lib/security/access";
import { historyQuerySchema } from "@/lib/simulator/api";
import { DEFAULT_HISTORY_PRESET, HISTORY_PRESETS, historyRange } from "@/lib/simulator/range";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("simulator") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || null;

/**
 * `?mode=history|workload`, `?days=7|30|90` or `?from=&to=` (calendar days in the 1C server's zone). The history
 * for the URL's range is read here, as `GET /api/simulate/history` would answer it; the browser asks for other ranges.
 */
export default async function SimulatorPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePage("simulator");
  const params = await searchParams;
  const db = getDb();
  const settings = getLicensingSettings(db);
  const now = new Date().getTime();
  const context = loadSimulatorContext(db);
  const days = HISTORY_PRESETS.find((d) => String(d) === first(params.days)) ?? DEFAULT_HISTORY_PRESET;
  const range = historyRange({ days, from: first(params.from), to: first(params.to) }, context.newestCapture, now, settings.serverTimeZone);

  let initial: SimulatorViewProps["initial"] = null;
  const query = historyQuerySchema(context.newestCapture ?? now).safeParse({ from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() });
  if (context.newestCapture !== null && query.success) {
    const result = simulateHistory(db, query.data, context);
    initial = { range: { from: result.from, to: result.to }, result };
  }
  return (
    <SimulatorView
      initial={initial}
      newestCapture={context.newestCapture === null ? null : new Date(context.newestCapture).toISOString()}
      timeZone={settings.serverTimeZone}
      canSeeSessions={can(principal, "sessions")}
    />
  );
}
