"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useId } from "react";

import { Segmented } from "@/components/ui/segmented";
import { EmptyState } from "@/components/ui/empty-state";
import { CONTROL, buttonClass } from "@/components/ui/styles";
import { calendarDate } from "@/lib/licensing/timeline";
import { DEFAULT_HISTORY_PRESET, HISTORY_PRESETS, historyRange, isCustomRange, type HistoryPreset } from "@/lib/simulator/range";

import { historyQueryOptions } from "./queries";
import { ApiProblem, SimulationResult } from "./simulation-result";
import type { SimulatorViewProps } from "./simulator-view";

const PRESET_KEYS = ["7", "30", "90"] as const;
const parsers = { days: parseAsStringLiteral(PRESET_KEYS), from: parseAsString, to: parseAsString };

/**
 * The company's history (issue 11 §3): a preset (7/30/90 days up to the newest capture) or two calendar days
 * in the 1C server's zone, in the URL. The server rendered the URL's range; other ranges are fetched here.
 */
export function HistoryPanel({ initial, newestCapture, timeZone, canSeeSessions }: SimulatorViewProps) {
  const t = useTranslations("simulator.history");
  const format = useFormatter();
  const [params, setParams] = useQueryStates(parsers, { history: "replace", scroll: false });
  const days = Number(params.days ?? DEFAULT_HISTORY_PRESET) as HistoryPreset;
  const rangeParams = { days, from: params.from, to: params.to };
  const custom = isCustomRange(rangeParams);
  const newest = newestCapture ? Date.parse(newestCapture) : null;
  // Without a capture the panel shows the empty state and asks nothing: `now` is never read then.
  const instants = historyRange(rangeParams, newest, newest ?? 0, timeZone);
  const range = { from: new Date(instants.from).toISOString(), to: new Date(instants.to).toISOString() };
  const fromInitial = initial && initial.range.from === range.from && initial.range.to === range.to;
  const query = useQuery({ ...historyQueryOptions(range), initialData: fromInitial ? initial.result : undefined, placeholderData: keepPreviousData, enabled: newest !== null });
  const fromId = useId();
  const toId = useId();

  if (newest === null) {
    return (
      <EmptyState
        titleAs="h2"
        title={t("empty.title")}
        description={t("empty.description")}
        action={
          canSeeSessions ? (
            <Link href="/sessions" className={buttonClass("primary")}>
              {t("empty.action")}
            </Link>
          ) : undefined
        }
      />
    );
  }

  // The days a custom range starts from: the ones shown now.
  const shownFrom = calendarDate(instants.from, timeZone);
  const shownTo = calendarDate(instants.to - 1, timeZone);
  // In the 1C server's zone, as the custom range's days are read.
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone });
  const result = query.data;

  return (
    <>
      <section aria-label={t("label")} aria-busy={query.isFetching || undefined} className="flex flex-wrap items-end gap-4" data-testid="history-range">
        <Segmented
          label={t("range")}
          options={[...HISTORY_PRESETS.map((p) => ({ value: p as number | "custom", label: t("days", { n: p }) })), { value: "custom" as const, label: t("custom") }]}
          value={custom ? "custom" : days}
          onSelect={(p) =>
            void setParams(
              p === "custom" ? { days: null, from: shownFrom, to: shownTo } : { days: p === DEFAULT_HISTORY_PRESET ? null : (String(p) as (typeof PRESET_KEYS)[number]), from: null, to: null },
            )
          }
        />
        {custom && (
          <>
            <div className="flex flex-col gap-1">
              <label htmlFor={fromId} className="text-sm font-medium text-slate-700">
                {t("from")}
              </label>
              <input id={fromId} type="date" className={CONTROL} value={params.from ?? ""} onChange={(e) => e.target.value && void setParams({ from: e.target.value })} data-testid="history-from" />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={toId} className="text-sm font-medium text-slate-700">
                {t("to")}
              </label>
              <input id={toId} type="date" className={CONTROL} value={params.to ?? ""} onChange={(e) => e.target.value && void setParams({ to: e.target.value })} data-testid="history-to" />
            </div>
          </>
        )}
        {query.isFetching && (
          <p role="status" className="pb-2 text-sm text-slate-500">
            {t("updating")}
          </p>
        )}
      </section>
      <p className="-mt-3 text-sm text-slate-600" data-testid="history-period" data-from={range.from} data-to={range.to}>
        {t("period", { from: when(range.from), to: when(range.to), zone: timeZone, newest: when(newestCapture!) })}
      </p>
      {query.isError && !query.isFetching ? (
        <ApiProblem error={query.error} />
      ) : result ? (
        result.scenario.connections === 0 ? (
          <EmptyState title={t("none.title")} description={t("none.description")} />
        ) : (
          <SimulationResult result={result} source="history" />
        )
      ) : null}
    </>
  );
}
