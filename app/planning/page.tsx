import { getTranslations } from "next-intl/server";

import { requirePage } from "@/app/_lib/session";
import { PlanningView } from "@/components/planning/planning-view";
import { getDb } from "@/db/client";
import { loadPlanning } from "@/db/queries/planning";
import { parsePlanningParams } from "@/lib/planning/plan";
import { can } from "@/lib/security/access";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("planning") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * A4 landscape without the shell (the layout hides the sidebar and header in print), the filters or the buttons;
 * tables wrap instead of scrolling, and the chart shrinks to the page's width when the browser prints without
 * resizing it first (Recharts draws it inside a 0×0 box that overflows: give that box the container's size).
 */
const PRINT_CSS = `
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  [data-planning] button, [data-planning] details, [data-planning] [data-print-hidden] { display: none !important; }
  [data-planning] th button { display: inline !important; }
  [data-planning] .overflow-x-auto { overflow: visible !important; }
  [data-planning] table { font-size: 8.5pt; }
  [data-planning] th, [data-planning] td { min-width: 0 !important; padding-left: 0.2rem; padding-right: 0.2rem; }
  [data-planning] .recharts-responsive-container > div { width: 100% !important; height: 100% !important; }
  [data-planning] .recharts-wrapper { max-width: 100% !important; max-height: 100%; }
  [data-planning] svg.recharts-surface { max-width: 100%; height: auto; }
}
`;

/** `?horizon=6|12|24` months, `?leadDays=` days to order ahead, `?pool=` the pool on the chart (an id from /api/pools). */
export default async function PlanningPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePage("planning");
  const params = parsePlanningParams(await searchParams);
  const { model, snapshotTakenAt, currency } = loadPlanning(getDb(), new Date(), params);
  return (
    <>
      <style>{PRINT_CSS}</style>
      <PlanningView data={{ model, hasCaptures: snapshotTakenAt !== null, currency, canSeeSessions: can(principal, "sessions") }} />
    </>
  );
}
