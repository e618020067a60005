"use client";

import { useTranslations } from "next-intl";
import { parseAsInteger, parseAsString, useQueryStates } from "nuqs";
import { useId, useTransition } from "react";

import { Segmented } from "@/components/ui/segmented";
import { cn } from "@/components/ui/cn";
import { CONTROL } from "@/components/ui/styles";
import { DEFAULT_HORIZON_MONTHS, DEFAULT_LEAD_DAYS, PLANNING_HORIZONS, type PlanningHorizon } from "@/lib/planning/plan";

/** Lead times offered in the select; a shared link may carry any other whole number of days up to a year. */
const LEAD_OPTIONS = [0, 14, 30, 60, 90] as const;

const parsers = { horizon: parseAsInteger, leadDays: parseAsInteger, pool: parseAsString };

export interface PlanningPoolOption {
  id: string;
  label: string;
}

/** Horizon, lead time and the chart's pool in the URL (nuqs): each change renders the page again on the server, so a plan can be shared as a link. */
export function PlanningFilters({ horizon, leadDays, pool, pools }: { horizon: PlanningHorizon; leadDays: number; pool: string | null; pools: readonly PlanningPoolOption[] }) {
  const t = useTranslations("planning.filters");
  const [pending, startTransition] = useTransition();
  const [, setQuery] = useQueryStates(parsers, { shallow: false, startTransition, history: "replace" });
  const leadId = useId();
  const poolId = useId();
  const leads = LEAD_OPTIONS.some((d) => d === leadDays) ? LEAD_OPTIONS : [...LEAD_OPTIONS, leadDays].sort((a, b) => a - b);

  return (
    <section aria-label={t("label")} aria-busy={pending || undefined} className="flex flex-wrap items-end gap-4 print:hidden" data-testid="planning-filters">
      <Segmented
        label={t("horizon")}
        options={PLANNING_HORIZONS.map((h) => ({ value: h, label: t(`horizons.${h}`) }))}
        value={horizon}
        onSelect={(h) => void setQuery({ horizon: h === DEFAULT_HORIZON_MONTHS ? null : h })}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={leadId} className="text-sm font-medium text-slate-700">
          {t("lead")}
        </label>
        <select id={leadId} className={CONTROL} value={leadDays} onChange={(e) => void setQuery({ leadDays: Number(e.target.value) === DEFAULT_LEAD_DAYS ? null : Number(e.target.value) })}>
          {leads.map((d) => (
            <option key={d} value={d}>
              {t("leadOption", { days: d })}
            </option>
          ))}
        </select>
      </div>
      {pools.length > 0 && (
        <div className="flex max-w-full min-w-0 flex-col gap-1">
          <label htmlFor={poolId} className="text-sm font-medium text-slate-700">
            {t("pool")}
          </label>
          <select id={poolId} className={cn(CONTROL, "max-w-full sm:min-w-64")} value={pool ?? ""} onChange={(e) => void setQuery({ pool: e.target.value || null })}>
            {pools.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {pending && (
        <p role="status" className="pb-2 text-sm text-slate-500">
          {t("updating")}
        </p>
      )}
    </section>
  );
}
