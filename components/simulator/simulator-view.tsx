"use client";

import { useTranslations } from "next-intl";
import { parseAsStringLiteral, useQueryState } from "nuqs";

import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { TabList } from "@/components/ui/tabs";
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

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6">
        <Policies />
        <TabList label={t("tabs.label")} tabs={SIMULATOR_MODES.map((id) => ({ id, label: t(`tabs.${id}`) }))} selected={mode} onSelect={(id) => void setMode(id === "history" ? null : id)} />
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
