"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";

import { TimeChart, type TimeChartTicks } from "@/components/charts/time-chart";
import { ApiError } from "@/components/ui/api";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/controls";
import { DataTable, type Column, type Row } from "@/components/ui/data-table";
import { Stat } from "@/components/ui/stat";
import { formatMoney, type KitPurchase } from "@/lib/licensing/forecast";
import type { WorkloadDescription } from "@/lib/licensing/workload";
import type { SimulationResponse } from "@/lib/simulator/api";

const POLICIES = ["perDevice", "perSession"] as const;
const LEVELS = ["p95", "peak"] as const;
const DAY_MS = 86_400_000;

/** What the simulator answered: both policies' figures, both curves on one chart, the cost table. */
export function SimulationResult({ result, source, description }: { result: SimulationResponse; source: "history" | "workload"; description?: WorkloadDescription }) {
  const t = useTranslations("simulator.result");
  const format = useFormatter();
  const n = (v: number) => format.number(v);
  const span = Date.parse(result.to) - Date.parse(result.from);
  const ticks: TimeChartTicks = span <= 2 * DAY_MS ? "time" : span <= 120 * DAY_MS ? "date" : "month";
  const figures = { dp: result.perDevice.peak, d95: result.perDevice.percentiles.p95, sp: result.perSession.peak, s95: result.perSession.percentiles.p95 };
  const diff = { peak: figures.sp - figures.dp, p95: figures.s95 - figures.d95 };
  const signed = (v: number) => format.number(v, { signDisplay: "exceptZero" });

  return (
    <div className="flex flex-col gap-6" data-testid={`simulation-${source}`}>
      <p className="text-sm text-slate-600" data-testid="simulation-scenario">
        {source === "workload" && description
          ? t("scenarioWorkload", { connections: result.scenario.connections, users: description.users, computers: description.computers, days: description.days })
          : t("scenarioHistory", { connections: result.scenario.connections, seatTaking: result.scenario.seatTaking })}
      </p>
      <section aria-label={t("stats.label")} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="simulation-stats">
        {POLICIES.map((policy) =>
          (["peak", "p95"] as const).map((level) => {
            const value = level === "peak" ? result[policy].peak : result[policy].percentiles.p95;
            return (
              <Card key={`${policy}-${level}`}>
                <Stat
                  label={t(`stats.${policy}.${level}`)}
                  value={
                    <span data-testid={`stat-${policy}-${level}`} data-value={value}>
                      {n(value)}
                    </span>
                  }
                  hint={t(`stats.${level}Hint`)}
                />
              </Card>
            );
          }),
        )}
        {(["peak", "p95"] as const).map((level) => (
          <Card key={`diff-${level}`}>
            <Stat
              label={t(`stats.difference.${level}`)}
              value={
                <span data-testid={`stat-difference-${level}`} data-value={diff[level]}>
                  {signed(diff[level])}
                </span>
              }
              hint={t("stats.differenceHint")}
            />
          </Card>
        ))}
      </section>
      <Card>
        <TimeChart
          testId="simulation-chart"
          title={t("chart.title")}
          summary={t("chart.summary", figures)}
          data={result.series.map((p) => ({ t: Date.parse(p.t), perDevice: p.perDevice, perSession: p.perSession }))}
          series={[
            { key: "perDevice", label: t("chart.perDevice"), tone: "primary", kind: "area" },
            { key: "perSession", label: t("chart.perSession"), tone: "secondary", kind: "line" },
          ]}
          ticks={ticks}
          withTime={result.bucketMinutes < 1440}
          labels={{ yAxis: t("chart.yAxis"), xAxis: t("chart.xAxis", { minutes: result.bucketMinutes }), time: t("chart.time"), tableToggle: t("chart.tableToggle"), tableCaption: t("chart.tableCaption") }}
        />
      </Card>
      <CostTable result={result} />
    </div>
  );
}

function CostTable({ result }: { result: SimulationResponse }) {
  const t = useTranslations("simulator.cost");
  const format = useFormatter();
  const locale = useLocale();
  const { cost } = result;
  const money = (minor: number | null) => (minor === null ? t("noPrice") : formatMoney(minor, cost.currency, locale === "ru" ? "ru-RU" : "en-US", { wholeUnits: true }));
  const signedMoney = (minor: number | null) => (minor !== null && minor > 0 ? `+${money(minor)}` : money(minor));
  const kits = (list: KitPurchase[]) => (list.length ? list.map((k) => t("kit", { size: k.size, count: k.count })).join(", ") : t("noKits"));
  const columns: Column[] = [
    { key: "policy", label: t("columns.policy"), nowrap: true },
    { key: "level", label: t("columns.level"), nowrap: true },
    { key: "seats", label: t("columns.seats"), numeric: true, hint: t("hints.seats") },
    { key: "kits", label: t("columns.kits"), hint: t("hints.kits"), nowrap: true },
    { key: "cost", label: t("columns.cost"), numeric: true, hint: t("hints.cost") },
    { key: "owned", label: t("columns.owned"), numeric: true, hint: t("hints.owned") },
    { key: "toBuy", label: t("columns.toBuy"), numeric: true, hint: t("hints.toBuy") },
    { key: "buyKits", label: t("columns.buyKits"), hint: t("hints.kits"), nowrap: true },
    { key: "buyCost", label: t("columns.buyCost"), numeric: true },
  ];
  const rows: Row[] = POLICIES.flatMap((policy) =>
    LEVELS.map((level) => {
      const need = cost[policy][level];
      return {
        id: `${policy}-${level}`,
        cells: {
          policy: t(`policy.${policy}`),
          level: t(`level.${level}`),
          seats: need.seats,
          kits: kits(need.all.kits),
          cost: { text: money(need.all.cost), sort: need.all.cost },
          owned: cost.owned,
          toBuy: need.toBuy,
          buyKits: need.toBuy === 0 ? t("nothingToBuy") : kits(need.buy.kits),
          buyCost: { text: money(need.buy.cost), sort: need.buy.cost },
        },
      };
    }),
  );
  const difference = (level: (typeof LEVELS)[number]) => {
    const d = cost.difference[level];
    // The sign apart from the number, so the plural agrees with it (+2 места, −1 место).
    const seats = { sign: d.seats > 0 ? "+" : d.seats < 0 ? "−" : "", seats: Math.abs(d.seats) };
    if (d.all === null) return t("differenceUnpriced", { level: t(`levelInText.${level}`), ...seats });
    return t("difference", { level: t(`levelInText.${level}`), ...seats, all: signedMoney(d.all), buy: signedMoney(d.buy) });
  };
  return (
    <Card title={t("title")} description={t("description", { owned: format.number(cost.owned), currency: cost.currency })}>
      <div className="flex flex-col gap-4">
        <ul className="list-disc pl-5 text-sm text-slate-700" data-testid="cost-difference">
          <li>{difference("p95")}</li>
          <li>{difference("peak")}</li>
        </ul>
        <DataTable columns={columns} rows={rows} caption={t("caption")} csvName="simulator-cost" testId="cost-table" />
      </div>
    </Card>
  );
}

const FIELD_KEYS = ["from", "to", "bucketMinutes"] as const;

/** An answer the API refused or could not give, with the field it names. */
export function ApiProblem({ error }: { error: unknown }) {
  const t = useTranslations("simulator.errors");
  if (error instanceof ApiError && error.issues.length > 0) {
    // Notice is a paragraph, which cannot hold a list.
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        <p className="font-semibold">{t("refused")}</p>
        <ul className="mt-1 list-disc pl-5" data-testid="simulation-error">
          {error.issues.map((i) => (
            <li key={`${i.path}:${i.message}`} data-field={i.path}>
              {(FIELD_KEYS as readonly string[]).includes(i.path) ? t(`fields.${i.path as (typeof FIELD_KEYS)[number]}`) : i.path}: {i.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <Notice tone="error">
      <span data-testid="simulation-error">{t("failed", { message: error instanceof Error ? error.message : String(error) })}</span>
    </Notice>
  );
}
