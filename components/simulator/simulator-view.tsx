"use client";

import { useTranslations } from "next-intl";
import { parseAsStringLiteral, useQueryState } from "nuqs";
import { useRef, type KeyboardEvent } from "react";

import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { SimulationResponse } from "@/lib/simulator/api";

import { HistoryPanel } from "./history-panel";
import { WorkloadPanel } from "./workload-panel";

export const SIMULATOR_MODES = ["history", "workload"] as const;
export type SimulatorMode = (typeof SIMULATOR_MODES)[number];

export interface SimulatorViewProps {
  /** The history for the URL's range, read on the server; null when the URL's range is refused (the browser asks and shows why). */
  initial: { range: { from: string; to: string }; result: SimulationResponse } | null;
  newestCapture: string | null;
  timeZone: string;
  canSeeSessions: boolean;
}

/**
 * The Simulator (issue 11 §3, DOMAIN §4): per-computer versus per-session seats over the company's history or a
 * described workload, one tab each, the open tab in the URL (`?mode=workload`). Both panels stay mounted, so a
 * described workload survives a look at the history.
 */
export function SimulatorView(props: SimulatorViewProps) {
  const t = useTranslations("simulator");
  const [mode, setMode] = useQueryState("mode", parseAsStringLiteral(SIMULATOR_MODES).withDefault("history").withOptions({ history: "replace", scroll: false }));
  const tabs = useRef<Record<SimulatorMode, HTMLButtonElement | null>>({ history: null, workload: null });
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!["ArrowRight", "ArrowLeft", "Home", "End"].includes(e.key)) return;
    e.preventDefault();
    const next: SimulatorMode = e.key === "Home" ? "history" : e.key === "End" ? "workload" : mode === "history" ? "workload" : "history";
    void setMode(next === "history" ? null : next);
    tabs.current[next]?.focus();
  };

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6">
        <Policies />
        <div role="tablist" aria-label={t("tabs.label")} className="-mb-px flex gap-1 overflow-x-auto border-b border-slate-200">
          {SIMULATOR_MODES.map((id) => (
            <button
              key={id}
              ref={(el) => {
                tabs.current[id] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={mode === id}
              aria-controls={`panel-${id}`}
              tabIndex={mode === id ? 0 : -1}
              onClick={() => void setMode(id === "history" ? null : id)}
              onKeyDown={onKeyDown}
              className={cn(
                "shrink-0 border-b-2 px-3 py-2 text-sm whitespace-nowrap",
                mode === id ? "border-accent-600 font-semibold text-accent-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              {t(`tabs.${id}`)}
            </button>
          ))}
        </div>
        <section role="tabpanel" id="panel-history" aria-labelledby="tab-history" hidden={mode !== "history"} className={mode === "history" ? "flex flex-col gap-6" : "hidden"}>
          <HistoryPanel {...props} />
        </section>
        <section role="tabpanel" id="panel-workload" aria-labelledby="tab-workload" hidden={mode !== "workload"} className={mode === "workload" ? "flex flex-col gap-6" : "hidden"}>
          <WorkloadPanel />
        </section>
      </div>
    </>
  );
}

/** The two ways of counting, in plain words (DOMAIN §4). */
function Policies() {
  const t = useTranslations("simulator.policies");
  return (
    <Card title={t("title")}>
      <div className="grid gap-4 text-sm text-slate-700 md:grid-cols-2" data-testid="simulator-policies">
        <div>
          <h3 className="flex items-center gap-2 font-semibold text-slate-900">
            <span aria-hidden="true" className="inline-block h-2.5 w-2.5 border border-[#2563eb] bg-[#2563eb33]" />
            {t("perDevice.title")}
          </h3>
          <p className="mt-1">{t("perDevice.text")}</p>
        </div>
        <div>
          <h3 className="flex items-center gap-2 font-semibold text-slate-900">
            <span aria-hidden="true" className="inline-block w-4 border-t-2 border-[#ea580c]" />
            {t("perSession.title")}
          </h3>
          <p className="mt-1">{t("perSession.text")}</p>
        </div>
        <p className="md:col-span-2">{t("both")}</p>
        <p className="text-xs text-slate-500 md:col-span-2">{t("source")}</p>
      </div>
    </Card>
  );
}
