"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";

import { TimeChart, type TimeChartTicks } from "@/components/charts/time-chart";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Stat } from "@/components/ui/stat";
import { buttonClass } from "@/components/ui/styles";
import type { SeatsResponse } from "@/lib/seats/api";
import type { HolderGroups } from "@/lib/seats/holders";
import type { LoadBand } from "@/lib/seats/series";

import type { SeatRange } from "./ranges";
import { SeatFilters, type SeatPoolOption } from "./seat-filters";


interface Common {
  range: SeatRange;
  pool: string | null;
  pools: SeatPoolOption[];
  canSeeSessions: boolean;
}

export type SeatsViewData =
  | (Common & { state: "empty" })
  | (Common & { state: "ready"; takenAt: string; seats: SeatsResponse; capacity: number; histogram: LoadBand[]; holders: HolderGroups; /** "No free license" events per bucket (the chart marks them). */ denials: Array<{ t: number; count: number }> });

const TICKS: Record<SeatRange, TimeChartTicks> = { day: "time", week: "date", "90d": "date", year: "month" };

/** The Seats page (issue 11 §1): seats held over time per pool, their percentiles, the share of time at each load, who holds them now. */
export function SeatsView({ data }: { data: SeatsViewData }) {
  const t = useTranslations("seats");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6">
        {data.state === "empty" ? (
          <EmptyState
            titleAs="h2"
            title={t("empty.title")}
            description={t("empty.description")}
            action={
              data.canSeeSessions ? (
                <Link href="/sessions" className={buttonClass("primary")}>
                  {t("empty.action")}
                </Link>
              ) : undefined
            }
          />
        ) : (
          <Ready data={data} />
        )}
      </div>
    </>
  );
}

function useBucket() {
  const t = useTranslations("seats.bucket");
  return (minutes: number) => (minutes % 1440 === 0 ? t("days", { n: minutes / 1440 }) : minutes % 60 === 0 ? t("hours", { n: minutes / 60 }) : t("minutes", { n: minutes }));
}

function Ready({ data }: { data: Extract<SeatsViewData, { state: "ready" }> }) {
  const t = useTranslations("seats");
  const format = useFormatter();
  const bucket = useBucket();
  const { seats } = data;
  const n = (v: number) => format.number(v);
  const withTime = seats.bucketMinutes < 1440;
  const when = (iso: string) => format.dateTime(new Date(iso), withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" });
  const stats = [
    ["peak", seats.peak],
    ["p50", seats.percentiles.p50],
    ["p95", seats.percentiles.p95],
    ["p99", seats.percentiles.p99],
    ["max", seats.percentiles.max],
    ["denials", seats.denials],
    ["capacity", data.capacity],
  ] as const;

  return (
    <>
      <SeatFilters pools={data.pools} pool={data.pool} range={data.range} />
      <p className="-mt-3 text-sm text-slate-600" data-testid="seat-period" data-from={seats.from} data-to={seats.to} data-pool={seats.pool ?? ""}>
        {t("period", { from: when(seats.from), to: when(seats.to), bucket: bucket(seats.bucketMinutes) })}
      </p>
      <section aria-label={t("stats.label")} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="seat-stats">
        {stats.map(([key, value]) => (
          <Card key={key}>
            <Stat label={t(`stats.${key}`)} value={<span data-testid={`stat-${key}`}>{n(value)}</span>} hint={key === "denials" && data.pool ? t("stats.denialsPoolHint") : t(`stats.${key}Hint`)} />
          </Card>
        ))}
      </section>
      <Card>
        <TimeChart
          testId="seat-chart"
          title={t("chart.title")}
          summary={t("chart.summary", { peak: seats.peak, capacity: data.capacity, p95: seats.percentiles.p95, denials: seats.denials })}
          data={seats.series.map((b) => ({ t: Date.parse(b.t), inUse: b.inUse, capacity: b.capacity }))}
          series={[
            { key: "inUse", label: t("chart.inUse"), tone: "primary", kind: "area" },
            { key: "capacity", label: t("chart.capacity"), tone: "limit", kind: "line" },
          ]}
          markers={data.denials.map((d) => ({ t: d.t, label: t("chart.denialMarker", { count: d.count }) }))}
          ticks={TICKS[data.range]}
          withTime={withTime}
          labels={{
            yAxis: t("chart.yAxis"),
            xAxis: t("chart.xAxis"),
            time: t("chart.time"),
            tableToggle: t("chart.tableToggle"),
            tableCaption: t("chart.tableCaption"),
            markers: t("chart.markers"),
          }}
        />
      </Card>
      <div className="grid gap-6 xl:grid-cols-2">
        <Histogram bands={data.histogram} />
        <Holders data={data} />
      </div>
    </>
  );
}

function Histogram({ bands }: { bands: LoadBand[] }) {
  const t = useTranslations("seats.histogram");
  const format = useFormatter();
  const top = Math.max(0, ...bands.map((b) => b.share));
  return (
    <Card title={t("title")} description={t("description")}>
      <div className="relative overflow-x-auto">
      <table className="w-full text-sm tabular-nums" data-testid="seat-histogram">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium whitespace-nowrap">
              {t("seats")}
            </th>
            <th scope="col" className="w-full py-1 pr-3 font-medium">
              <span className="sr-only">{t("share")}</span>
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-medium whitespace-nowrap">
              {t("share")}
            </th>
            <th scope="col" className="py-1 text-right font-medium whitespace-nowrap">
              {t("buckets")}
            </th>
          </tr>
        </thead>
        <tbody>
          {bands.map((b) => (
            <tr key={b.from} className="border-b border-slate-100">
              <td className="py-1.5 pr-3 font-medium whitespace-nowrap text-slate-800">{b.from === b.to ? t("bandSingle", { from: b.from }) : t("band", { from: b.from, to: b.to })}</td>
              <td className="py-1.5 pr-3" aria-hidden="true">
                <div className="h-3 rounded-sm bg-slate-100">
                  <div className="h-3 rounded-sm bg-[#2563eb]" style={{ width: `${top > 0 ? (b.share / top) * 100 : 0}%` }} />
                </div>
              </td>
              <td className="py-1.5 pr-3 text-right whitespace-nowrap">{format.number(b.share, { style: "percent", maximumFractionDigits: 1 })}</td>
              <td className="py-1.5 text-right text-slate-600">{format.number(b.buckets)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </Card>
  );
}

function Holders({ data }: { data: Extract<SeatsViewData, { state: "ready" }> }) {
  const t = useTranslations("seats.holders");
  const o = useTranslations("overview.pools");
  const format = useFormatter();
  const n = (v: number) => format.number(v);
  const { holders } = data;
  const at = format.dateTime(new Date(data.takenAt), { dateStyle: "medium", timeStyle: "short" });
  const th = "py-1 pr-3 font-medium";
  return (
    <Card
      title={t("title")}
      description={t("description", { at })}
      action={
        data.canSeeSessions ? (
          <Link href="/sessions" className={buttonClass("link")}>
            {t("sessionsLink")}
          </Link>
        ) : undefined
      }
    >
      {holders.total === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <div className="flex flex-col gap-5 text-sm tabular-nums" data-testid="seat-holders">
          <div className="relative overflow-x-auto">
          <table className="w-full">
            <caption className="mb-1 text-left font-semibold text-slate-800">{t("byInfobase")}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600">
                <th scope="col" className={th}>
                  {t("infobase")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("sessions")}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t("users")}
                </th>
              </tr>
            </thead>
            <tbody>
              {holders.byInfobase.map((g) => (
                <tr key={g.infobase ?? ""} className="border-b border-slate-100">
                  <td className="py-1.5 pr-3">{g.infobase ?? <span className="text-slate-500">{t("noInfobase")}</span>}</td>
                  <td className="py-1.5 pr-3 text-right">{n(g.sessions)}</td>
                  <td className="py-1.5 text-right">{n(g.users)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <div className="relative overflow-x-auto">
          <table className="w-full">
            <caption className="mb-1 text-left font-semibold text-slate-800">{t("byPool")}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600">
                <th scope="col" className={th}>
                  {t("pool")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("sessions")}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t("seatsHeld")}
                </th>
              </tr>
            </thead>
            <tbody>
              {holders.byPool.map((g) => (
                <tr key={g.kind === "pool" ? g.id : g.kind} className="border-b border-slate-100">
                  <td className="py-1.5 pr-3">
                    {g.kind === "pool" ? (
                      <span className="flex flex-col" title={g.id}>
                        <span className="font-medium">{g.host}</span>
                        <span className="text-xs text-slate-600">
                          {o(`source.${g.source}`)} · {o(`countingMode.${g.counting}`)}
                        </span>
                      </span>
                    ) : (
                      <span className="text-slate-600">{g.kind === "server" ? t("serverLicense") : t("unmatched")}</span>
                    )}
                  </td>
                  <td className="py-1.5 pr-3 text-right">{n(g.sessions)}</td>
                  <td className="py-1.5 text-right">{g.kind === "pool" ? `${n(g.inUse)} / ${n(g.seats)}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </div>
      )}
    </Card>
  );
}
