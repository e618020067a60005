"use client";

import { useTranslations } from "next-intl";
import { parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useId, useTransition } from "react";

import { Segmented } from "@/components/ui/segmented";
import { cn } from "@/components/ui/cn";
import { CONTROL } from "@/components/ui/styles";

import { DEFAULT_SEAT_RANGE, SEAT_RANGES, type SeatRange } from "./ranges";


export interface SeatPoolOption {
  id: string;
  host: string;
  source: "soft-local" | "soft-server" | "hasp-local" | "hasp-network" | "hasp-server";
  counting: "per-computer" | "per-session";
}

const parsers = { pool: parseAsString, range: parseAsStringLiteral(SEAT_RANGES) };

/** Pool and range in the URL (nuqs): every change re-renders the page on the server, so a view can be shared. */
export function SeatFilters({ pools, pool, range }: { pools: readonly SeatPoolOption[]; pool: string | null; range: SeatRange }) {
  const t = useTranslations("seats.filters");
  const o = useTranslations("overview.pools");
  const [pending, startTransition] = useTransition();
  const [, setQuery] = useQueryStates(parsers, { shallow: false, startTransition, history: "replace" });
  const poolId = useId();

  return (
    <section aria-label={t("label")} aria-busy={pending || undefined} className="flex flex-wrap items-end gap-4" data-testid="seat-filters">
      <div className="flex max-w-full min-w-0 flex-col gap-1">
        <label htmlFor={poolId} className="text-sm font-medium text-slate-700">
          {t("pool")}
        </label>
        <select id={poolId} className={cn(CONTROL, "w-full max-w-full sm:min-w-64")} value={pool ?? ""} onChange={(e) => void setQuery({ pool: e.target.value || null })}>
          <option value="">{t("allPools")}</option>
          {pools.map((p) => (
            <option key={p.id} value={p.id}>
              {t("poolOption", { host: p.host, source: o(`source.${p.source}`), counting: o(`countingMode.${p.counting}`) })}
            </option>
          ))}
        </select>
      </div>
      <Segmented
        label={t("range")}
        options={SEAT_RANGES.map((r) => ({ value: r, label: t(`ranges.${r}`) }))}
        value={range}
        onSelect={(r) => void setQuery({ range: r === DEFAULT_SEAT_RANGE ? null : r })}
      />
      {pending && (
        <p role="status" className="pb-2 text-sm text-slate-500">
          {t("updating")}
        </p>
      )}
    </section>
  );
}
