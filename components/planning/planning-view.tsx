"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";

import { TimeChart } from "@/components/charts/time-chart";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { DataTable, type Cell, type Column, type Row } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Stat } from "@/components/ui/stat";
import { buttonClass } from "@/components/ui/styles";
import type { Localised } from "@/lib/domain/localised";
import { formatMoney } from "@/lib/licensing/forecast";
import { trendChartData, type PlanningModel, type PlanPool, type PoolDemand, type PurchaseLine } from "@/lib/planning/plan";

import { PlanningFilters } from "./planning-filters";

export interface PlanningViewData {
  model: PlanningModel;
  /** At least one capture exists (the demand sections have something to fit). */
  hasCaptures: boolean;
  currency: string;
  canSeeSessions: boolean;
}

const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Formatting shared by every section: numbers, calendar dates (UTC, as the forecasts count days), money, pool names. */
function useFormats(currency: string) {
  const format = useFormatter();
  const locale = useLocale();
  const o = useTranslations("overview.pools");
  const t = useTranslations("planning");
  const intlLocale = locale === "ru" ? "ru-RU" : "en-US";
  return {
    locale,
    n: (v: number) => format.number(v),
    n1: (v: number) => format.number(v, { maximumFractionDigits: 1 }),
    /** A rate that may be small or negative: two decimals and its sign (+0.24, −0.04). */
    signed: (v: number) => format.number(v, { maximumFractionDigits: 2, signDisplay: "exceptZero" }),
    percent: (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 0 }),
    date: (iso: string) => format.dateTime(new Date(dayMs(iso)), { dateStyle: "medium", timeZone: "UTC" }),
    instant: (ms: number) => format.dateTime(new Date(ms), { dateStyle: "medium", timeStyle: "short" }),
    money: (minor: number, cur = currency) => formatMoney(minor, cur, intlLocale, { wholeUnits: true }),
    exactMoney: (minor: number, cur = currency) => formatMoney(minor, cur, intlLocale),
    pick: (text: Localised) => (locale === "ru" ? text.ru : text.en),
    pool: (p: PlanPool) => t("pool", { host: p.host, source: `${o(`source.${p.source}`)}${p.keySeries ? ` ${p.keySeries}` : ""}` }),
  };
}
type Formats = ReturnType<typeof useFormats>;

/** The Planning page (issue 11 §4): demand against capacity per pool, the purchase plan, the PIN runway, what is owned and paid; printable on A4 landscape. */
export function PlanningView({ data }: { data: PlanningViewData }) {
  const t = useTranslations("planning");
  const f = useFormats(data.currency);
  const { model } = data;
  const pools = model.demands.map((d) => ({ id: d.pool.id, label: f.pool(d.pool) }));
  const end = model.now + model.horizonDays * 86_400_000;

  return (
    <div data-planning className="planning-page">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <button type="button" className={buttonClass("secondary")} onClick={() => window.print()} title={t("printHint")}>
            {t("print")}
          </button>
        }
      />
      <div className="flex flex-col gap-6">
        <PlanningFilters horizon={model.horizonMonths} leadDays={model.leadDays} pool={model.chartPool} pools={pools} />
        <p
          className="-mt-3 text-sm text-slate-600"
          data-testid="planning-window"
          data-now={new Date(model.now).toISOString()}
          data-from={new Date(model.window.from).toISOString()}
          data-to={new Date(model.window.to).toISOString()}
          data-horizon-days={model.horizonDays}
          data-lead-days={model.leadDays}
        >
          {t("window", { now: f.instant(model.now), from: f.date(isoDay(model.window.from)), to: f.date(isoDay(model.window.to)), months: model.horizonMonths, end: f.date(isoDay(end)), lead: model.leadDays })}
        </p>
        <Stats data={data} f={f} />
        {model.demands.length === 0 ? (
          <EmptyState titleAs="h2" title={t("empty.noPools")} description={t("empty.noPoolsDescription")} />
        ) : !data.hasCaptures ? (
          <EmptyState
            titleAs="h2"
            title={t("empty.noCaptures")}
            description={t("empty.noCapturesDescription")}
            action={
              data.canSeeSessions ? (
                <Link href="/sessions" className={buttonClass("primary")}>
                  {t("empty.importAction")}
                </Link>
              ) : undefined
            }
          />
        ) : (
          <>
            <Demand model={model} f={f} />
            <Plan model={model} f={f} />
          </>
        )}
        <Runway model={model} f={f} />
        <Owned model={model} f={f} />
      </div>
    </div>
  );
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function Stats({ data, f }: { data: PlanningViewData; f: Formats }) {
  const t = useTranslations("planning.stats");
  const { summary, horizonMonths: months, plan, ownedTotals } = data.model;
  const cards = [
    ["owned", f.n(summary.seatsOwned), t("ownedHint", { kits: ownedTotals.kits, inPools: f.n(summary.seatsInPools) })],
    ["toBuy", f.n(summary.seatsToBuy), t("toBuyHint", { pools: plan.lines.length })],
    ["cost", f.money(summary.cost), summary.unpriced ? t("costUnpriced", { count: summary.unpriced }) : t("costHint")],
    ["center", f.n(summary.kitsNeedingCenter), t("centerHint", { months })],
  ] as const;
  return (
    <section aria-label={t("label")} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4 print:grid-cols-4" data-testid="planning-stats">
      {cards.map(([key, value, hint]) => (
        <Card key={key}>
          <Stat label={key === "toBuy" ? t("toBuy", { months }) : t(key)} value={<span data-testid={`stat-${key}`}>{value}</span>} hint={hint} />
        </Card>
      ))}
    </section>
  );
}

const num = (text: string, sort: number | null): Cell => ({ text, sort });

function Demand({ model, f }: { model: PlanningModel; f: Formats }) {
  const t = useTranslations("planning.demand");
  const c = useTranslations("planning.counting");
  const demand = model.demands.find((d) => d.pool.id === model.chartPool) ?? model.demands[0];
  const columns: Column[] = [
    { key: "pool", label: t("col.pool"), wide: true },
    { key: "counting", label: t("col.counting"), hint: c("legend"), nowrap: true },
    { key: "capacity", label: t("col.capacity"), numeric: true },
    { key: "peak", label: t("col.peak"), numeric: true },
    { key: "p95", label: t("col.p95"), numeric: true, hint: t("hint.p95") },
    { key: "trendNow", label: t("col.trendNow"), numeric: true },
    { key: "slope", label: t("col.slope"), numeric: true, hint: t("hint.slope") },
    { key: "trendAtHorizon", label: t("col.trendAtHorizon"), numeric: true },
    { key: "needed", label: t("col.needed"), numeric: true, hint: t("hint.needed") },
    { key: "shortfall", label: t("col.shortfall"), numeric: true },
    { key: "runsOut", label: t("col.runsOut"), hint: t("hint.runsOut") },
    { key: "denials", label: t("col.denials"), numeric: true, hint: t("hint.denials") },
  ];
  const rows: Row[] = model.demands.map((d) => ({
    id: d.pool.id,
    cells: {
      pool: f.pool(d.pool),
      counting: c(`short.${d.pool.counting}`),
      capacity: num(f.n(d.pool.seats), d.pool.seats),
      peak: num(f.n(d.peak), d.peak),
      p95: d.p95 === null ? null : num(f.n1(d.p95), d.p95),
      trendNow: d.trendNow === null ? { text: t("noTrend"), sort: null } : num(f.n1(d.trendNow), d.trendNow),
      slope: d.trend.status === "ok" ? num(f.signed(d.trend.slopePerMonth), d.trend.slopePerMonth) : null,
      trendAtHorizon: d.trendAtHorizon === null ? null : num(f.n1(d.trendAtHorizon), d.trendAtHorizon),
      needed: num(f.n(d.needed), d.needed),
      shortfall: d.shortfall > 0 ? { text: f.n(d.shortfall), sort: d.shortfall, tone: "warning" } : num(f.n(0), 0),
      runsOut: runsOutCell(d, f, t),
      denials: d.denials > 0 ? { text: f.n(d.denials), sort: d.denials, tone: "danger" } : num(f.n(0), 0),
    },
  }));

  return (
    <Card title={t("title")} description={t("description")}>
      <div className="flex flex-col gap-5">
        {demand && <DemandChart demand={demand} model={model} f={f} />}
        <DataTable columns={columns} rows={rows} caption={t("tableCaptionPools")} csvName="planning-demand" testId="planning-demand" initialSort={{ key: "shortfall", dir: "desc" }} />
        <p className="text-sm text-slate-600">{c("legend")}</p>
        <Source>{t("source", { days: Math.round((model.window.to - model.window.from) / 86_400_000) })}</Source>
      </div>
    </Card>
  );
}

function runsOutCell(d: PoolDemand, f: Formats, t: ReturnType<typeof useTranslations<"planning.demand">>): Cell {
  if (d.trend.alreadyOver) return d.shortfall > 0 ? { text: t("already"), sort: "0", tone: "danger" } : { text: t("atCapacity"), sort: "1", tone: "warning" };
  if (d.runsOutOn) return { text: f.date(d.runsOutOn), sort: d.runsOutOn };
  return { text: d.trend.status === "ok" ? t("notWithin") : t("noTrend"), sort: "9" };
}

function DemandChart({ demand, model, f }: { demand: PoolDemand; model: PlanningModel; f: Formats }) {
  const t = useTranslations("planning.demand");
  const data = trendChartData(demand, model.window, { now: model.now, horizonDays: model.horizonDays });
  const figures = {
    now: f.n1(demand.trendNow ?? 0),
    capacity: f.n(demand.pool.seats),
    atHorizon: f.n1(demand.trendAtHorizon ?? 0),
    peak: f.n(demand.peak),
    p95: demand.p95 === null ? "—" : f.n1(demand.p95),
  };
  const summary =
    demand.trend.status !== "ok"
      ? t("summaryNoTrend", figures)
      : demand.trend.alreadyOver
        ? t("summaryOver", figures)
        : demand.trend.crossing
          ? t("summaryCrossing", { ...figures, crossing: f.date(demand.trend.crossing) })
          : t("summaryBelow", figures);
  return (
    <div className="flex flex-col gap-2">
      <div className="planning-chart">
        <TimeChart
          testId="planning-chart"
          title={t("chartTitle", { pool: f.pool(demand.pool) })}
          summary={summary}
          data={data}
          series={[
            { key: "peak", label: t("peak"), tone: "primary", kind: "area" },
            { key: "trend", label: t("trend"), tone: "forecast", kind: "line", step: false },
            { key: "capacity", label: t("capacity"), tone: "limit", kind: "line" },
          ]}
          markers={demand.trend.crossing ? [{ t: dayMs(demand.trend.crossing), label: t("crossing") }] : []}
          ticks="month"
          withTime={false}
          labels={{ yAxis: t("yAxis"), xAxis: t("xAxis"), time: t("time"), tableToggle: t("tableToggle"), tableCaption: t("tableCaption"), markers: t("markers") }}
        />
      </div>
      <details className="text-sm text-slate-600">
        <summary className="cursor-pointer text-accent-700 hover:underline">{t("method")}</summary>
        <p className="mt-1" data-testid="planning-trend-method">
          {f.pick(demand.trend.method)}
        </p>
      </details>
    </div>
  );
}

/** "1 × 5 + 1 × 1" */
const comboOf = (line: PurchaseLine) => line.kits.map((k) => `${k.count} × ${k.size}`).join(" + ");

function Plan({ model, f }: { model: PlanningModel; f: Formats }) {
  const t = useTranslations("planning.plan");
  const c = useTranslations("planning.counting");
  const { plan } = model;
  const what = (line: PurchaseLine) => {
    if (line.kind === "kits") return t("kits", { combo: comboOf(line), host: line.pool.host });
    const kind = t(`keyKind.${line.pool.source === "hasp-local" ? "hasp-local" : "hasp-network"}`);
    return line.kits.length === 1 && line.kits[0].count === 1
      ? t("key", { kind, size: line.kits[0].size, series: line.pool.keySeries ?? "—" })
      : t("keys", { kind, combo: comboOf(line), host: line.pool.host });
  };
  const cost = (minor: number | null): Cell => (minor === null ? { text: t("noPrice"), sort: null } : num(f.money(minor, plan.currency), minor));
  const columns: Column[] = [
    { key: "pool", label: t("col.pool") },
    { key: "buy", label: t("col.buy"), wide: true },
    { key: "counting", label: t("col.counting"), hint: c("legend"), nowrap: true },
    { key: "capacity", label: t("col.capacity"), numeric: true },
    { key: "needed", label: t("col.needed"), numeric: true },
    { key: "shortfall", label: t("col.shortfall"), numeric: true },
    { key: "bought", label: t("col.bought"), numeric: true },
    { key: "runsOut", label: t("col.runsOut"), nowrap: true },
    { key: "buyBy", label: t("col.buyBy"), nowrap: true },
    { key: "cost", label: t("col.cost"), numeric: true, nowrap: true },
  ];
  const rows: Row[] = plan.lines.map((line) => ({
    id: line.poolId,
    cells: {
      pool: f.pool(line.pool),
      buy: what(line),
      counting: c(`short.${line.pool.counting}`),
      capacity: num(f.n(line.pool.seats), line.pool.seats),
      needed: num(f.n(line.needed), line.needed),
      shortfall: num(f.n(line.shortfall), line.shortfall),
      bought: num(f.n(line.seatsBought), line.seatsBought),
      runsOut: { text: f.date(line.runsOutOn), sort: line.runsOutOn },
      buyBy: { text: f.date(line.buyBy), sort: line.buyBy },
      cost: cost(line.cost),
    },
  }));
  const period = (p: string) => (p.includes("-Q") ? t("quarter", { quarter: p.slice(6), year: p.slice(0, 4) }) : p);
  const periodRows = (kind: "q" | "y", list: typeof plan.quarters): Row[] =>
    list.map((p) => ({ id: `${kind}-${p.period}`, cells: { period: { text: period(p.period), sort: `${kind}${p.period}` }, seats: num(f.n(p.seats), p.seats), cost: num(f.money(p.cost, plan.currency), p.cost), purchases: num(f.n(p.lines), p.lines) } }));
  const hasKey = plan.lines.some((l) => l.kind === "key");

  return (
    <Card title={t("title")} description={t("description")}>
      <div className="flex flex-col gap-5">
        <DataTable
          columns={columns}
          rows={rows}
          caption={t("caption")}
          csvName="planning-purchase-plan"
          testId="planning-plan"
          empty={t("none", { months: model.horizonMonths })}
          initialSort={{ key: "buyBy", dir: "asc" }}
          footer={{ pool: t("total"), bought: num(f.n(plan.total.seats), plan.total.seats), cost: num(f.money(plan.total.cost, plan.currency), plan.total.cost) }}
        />
        {hasKey && <p className="text-sm text-slate-600">{t("keyPriced")}</p>}
        <Refusing model={model} f={f} />
        {plan.lines.length > 0 && (
          <div className="flex flex-col gap-2">
            <h3 className="text-sm font-semibold text-slate-800">{t("periods")}</h3>
            <DataTable
              columns={[
                { key: "period", label: t("col2.period") },
                { key: "seats", label: t("col2.seats"), numeric: true },
                { key: "cost", label: t("col2.cost"), numeric: true },
                { key: "purchases", label: t("col2.purchases"), numeric: true },
              ]}
              rows={[...periodRows("q", plan.quarters), ...periodRows("y", plan.years)]}
              caption={t("periodsCaption")}
              csvName="planning-purchase-periods"
              testId="planning-periods"
            />
          </div>
        )}
        <Source>{t("source", { currency: plan.currency })}</Source>
      </div>
    </Card>
  );
}

/** Full pools that refused sessions in the history: demand the rollups cannot show, so no purchase is computed for it. */
function Refusing({ model, f }: { model: PlanningModel; f: Formats }) {
  const t = useTranslations("planning.plan.refusing");
  const refusing = model.demands.filter((d) => d.denials > 0).sort((a, b) => b.denials - a.denials);
  if (refusing.length === 0) return null;
  const days = Math.round((model.window.to - model.window.from) / 86_400_000);
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="planning-refusing">
      <h3 className="font-semibold">{t("title")}</h3>
      <ul className="mt-1 flex flex-col gap-1">
        {refusing.map((d) => (
          <li key={d.pool.id}>
            {t("item", { pool: f.pool(d.pool), count: d.denials, days })}{" "}
            {d.worstDay && (
              <span data-testid="planning-worst-day" data-people={d.worstDay.people}>
                {t("worst", { date: f.date(d.worstDay.date), people: d.worstDay.people })}{" "}
              </span>
            )}
            <Link href={`/seats?${new URLSearchParams({ pool: d.pool.id, range: "90d" })}`} className="underline print:hidden">
              {t("link")}
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-2">{t("note")}</p>
    </div>
  );
}

function Runway({ model, f }: { model: PlanningModel; f: Formats }) {
  const t = useTranslations("planning.runway");
  const columns: Column[] = [
    { key: "regNumber", label: t("col.regNumber"), nowrap: true },
    { key: "product", label: t("col.product"), wide: true },
    { key: "backups", label: t("col.backups"), numeric: true },
    { key: "rate", label: t("col.rate"), numeric: true },
    { key: "source", label: t("col.source") },
    { key: "exhaustion", label: t("col.exhaustion") },
    { key: "p6", label: t("col.p6"), numeric: true },
    { key: "p12", label: t("col.p12"), numeric: true },
    { key: "when", label: t("col.when") },
    { key: "how", label: t("col.how") },
  ];
  const probability = (p: number | null): Cell => (p === null ? null : num(f.percent(p), p));
  const rows: Row[] = model.runway.map((r) => ({
    id: String(r.kitId),
    cells: {
      regNumber: { text: r.regNumber, href: `/kits/${r.kitId}` },
      product: r.product,
      backups: r.notActivated ? { text: t("notActivated"), sort: -1 } : r.exhausted ? { text: f.n(0), sort: 0, tone: "danger" } : num(f.n(r.backupsLeft), r.backupsLeft),
      rate: r.ratePerYear === null ? null : num(f.n1(r.ratePerYear), r.ratePerYear),
      source: r.rateSource === "none" && r.reason ? `${t("rateSource.none")}: ${t(`reason.${r.reason}`)}` : t(`rateSource.${r.rateSource}`),
      exhaustion: r.expectedExhaustion === null ? null : { text: f.date(r.expectedExhaustion), sort: r.expectedExhaustion },
      p6: probability(r.probabilityWithin6Months),
      p12: probability(r.probabilityWithin12Months),
      when: r.exhausted
        ? { text: t("now"), sort: "0", tone: "danger" }
        : r.needBy
          ? { text: f.date(r.needBy), sort: r.needBy, tone: "warning" }
          : { text: t("notWithin", { months: model.horizonMonths }), sort: "9" },
      how: r.needsCenter ? { text: t("how"), href: `/kits/${r.kitId}` } : null,
    },
  }));
  return (
    <Card title={t("title")} description={t("description")}>
      <div className="flex flex-col gap-4">
        <DataTable columns={columns} rows={rows} caption={t("caption")} csvName="planning-pin-runway" testId="planning-runway" empty={t("none")} initialSort={{ key: "when", dir: "asc" }} />
        {model.runway.length > 0 && (
          <details className="text-sm text-slate-600">
            <summary className="cursor-pointer text-accent-700 hover:underline">{t("method")}</summary>
            <p className="mt-1" data-testid="planning-runway-method">
              {f.pick(model.runwayMethod)}
            </p>
          </details>
        )}
        <Source>{t("source")}</Source>
      </div>
    </Card>
  );
}

function Owned({ model, f }: { model: PlanningModel; f: Formats }) {
  const t = useTranslations("planning.owned");
  const k = useTranslations("kits.kind");
  const columns: Column[] = [
    { key: "regNumber", label: t("col.regNumber"), nowrap: true },
    { key: "product", label: t("col.product"), wide: true },
    { key: "kind", label: t("col.kind") },
    { key: "protection", label: t("col.protection") },
    { key: "seats", label: t("col.seats"), numeric: true },
    { key: "purchased", label: t("col.purchased"), nowrap: true },
    { key: "price", label: t("col.price"), numeric: true, nowrap: true },
  ];
  const rows: Row[] = model.owned.map((kit) => ({
    id: String(kit.id),
    cells: {
      regNumber: { text: kit.regNumber, href: `/kits/${kit.id}` },
      product: kit.product,
      kind: k(kit.kind),
      protection: t(`protection.${kit.protection}`),
      seats: kit.kind === "server" ? { text: t("serverSeats"), sort: -1 } : num(f.n(kit.seats), kit.seats),
      purchased: kit.purchaseDate ? { text: f.date(kit.purchaseDate), sort: kit.purchaseDate } : null,
      price: kit.priceMinor === null ? null : num(f.exactMoney(kit.priceMinor, kit.currency), kit.priceMinor),
    },
  }));
  const totals = model.ownedTotals;
  return (
    <Card title={t("title")} description={t("description")}>
      <div className="flex flex-col gap-4">
        <DataTable
          columns={columns}
          rows={rows}
          caption={t("caption")}
          csvName="planning-owned-kits"
          testId="planning-owned"
          empty={t("none")}
          initialSort={{ key: "purchased", dir: "asc" }}
          footer={{ regNumber: t("total", { kits: totals.kits }), seats: num(f.n(totals.seats), totals.seats), price: totals.paid.map((p) => f.exactMoney(p.minor, p.currency)).join(" + ") || null }}
        />
        <Source>{t("source")}</Source>
      </div>
    </Card>
  );
}

/** The one line under a section saying which data and settings its figures come from. */
function Source({ children }: { children: string }) {
  return <p className="border-t border-slate-100 pt-3 text-xs text-slate-500">{children}</p>;
}
