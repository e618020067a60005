/**
 * The Planning page's figures (issue 11 §4, DOMAIN §6 "Finance manager"): per pool, the daily seat peaks →
 * the engine's straight-line demand trend → when it reaches capacity and what to buy by when; the PIN runway
 * of every software kit; what the company owns and paid. Pure: data, settings and `now` come in as arguments;
 * the licensing rules themselves stay in lib/licensing (forecast.ts, kit-runway.ts).
 */
import { cheapestKits, forecastDemandTrend, percentile, type DailyPeak, type DemandTrend, type PinRunwayForecast } from "../licensing/forecast";
import type { LicensingSettings } from "../licensing/settings";
import type { Counting, PoolSource } from "../licensing/types";
import type { KitKind, KitProtection } from "../domain/enums";
import type { Localised } from "../domain/localised";

export const DAY_MS = 86_400_000;
/** A month is a twelfth of a Julian year, as in lib/licensing/forecast.ts. */
const MONTH_DAYS = 365.25 / 12;
/** Rounding slack so a trend of 110.00000000000001 seats needs 110, not 111 (as planPurchase does). */
const EPS = 1e-9;

/** `?horizon=` months the page offers. */
export const PLANNING_HORIZONS = [6, 12, 24] as const;
export type PlanningHorizon = (typeof PLANNING_HORIZONS)[number];
export const DEFAULT_HORIZON_MONTHS: PlanningHorizon = 12;
/** Days of daily peaks the trend is fitted on. */
export const HISTORY_DAYS = 180;
/** `?leadDays=`: days before the crossing by which the order should be placed (delivery, approval). */
export const DEFAULT_LEAD_DAYS = 30;
export const MAX_LEAD_DAYS = 365;

export interface PlanningParams {
  horizonMonths: PlanningHorizon;
  leadDays: number;
  /** The pool the chart shows; null = the page picks one. */
  pool: string | null;
}

const firstOf = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/**
 * The page's URL parameters, leniently: a value the page does not offer falls back to its default (a shared
 * link with a typo still opens the page; there is no API behind it to refuse it).
 */
export function parsePlanningParams(params: Record<string, string | string[] | undefined>): PlanningParams {
  const horizon = Number(firstOf(params.horizon));
  const lead = firstOf(params.leadDays);
  const leadDays = lead !== undefined && /^\d{1,3}$/.test(lead) && Number(lead) <= MAX_LEAD_DAYS ? Number(lead) : DEFAULT_LEAD_DAYS;
  return {
    horizonMonths: PLANNING_HORIZONS.find((h) => h === horizon) ?? DEFAULT_HORIZON_MONTHS,
    leadDays,
    pool: firstOf(params.pool) ?? null,
  };
}

/** Whole days of a horizon in months (6 → 183, 12 → 365, 24 → 731: months of 365.25/12 days, rounded). */
export function horizonDaysOf(months: number): number {
  return Math.round(months * MONTH_DAYS);
}

/** `YYYY-MM-DD` of an instant, in UTC — the day axis of forecastDemandTrend. */
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayStart = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
const addDays = (date: string, days: number) => isoDay(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);

/**
 * The history the trend is fitted on: from UTC midnight `days` days before `now`'s day to `now`, so daily
 * buckets (`bucketMinutes` = 1440) of GET /api/seats over it are whole UTC days (the last one is today so far).
 */
export function historyWindow(now: number, days = HISTORY_DAYS): { from: number; to: number } {
  return { from: dayStart(now) - days * DAY_MS, to: now };
}

/** Daily buckets (their start, their top watermark) as the engine's daily peaks. */
export function dailyPeaks(buckets: ReadonlyArray<{ t: number; inUse: number }>): DailyPeak[] {
  return buckets.map((b) => ({ date: isoDay(b.t), peak: b.inUse }));
}

/** A seat count from a fractional demand: up, but not for floating noise. */
export function seatsFor(value: number): number {
  return Math.max(0, Math.ceil(value - EPS * Math.max(1, Math.abs(value))));
}

/** The fitted line's value at instant `t` (seats); null without a fit. Same axis as forecastDemandTrend (UTC days since the first fitted day). */
export function trendAt(trend: DemandTrend, t: number): number | null {
  if (trend.status !== "ok") return null;
  const x = t / DAY_MS - Date.parse(`${trend.origin}T00:00:00Z`) / DAY_MS;
  return trend.intercept + (trend.slopePerMonth / MONTH_DAYS) * x;
}

export interface PlanPool {
  id: string;
  host: string;
  source: PoolSource;
  counting: Counting;
  /** Seats the pool has today (its capacity). */
  seats: number;
  keySeries?: string | null;
}

export interface PoolDemand {
  pool: PlanPool;
  peaks: DailyPeak[];
  trend: DemandTrend;
  /** p95 of the days with a non-zero peak (PERCENTILE.INC, the engine's percentile); null when there are none. */
  p95: number | null;
  /** The highest daily peak of the history (0 when none). */
  peak: number;
  /** The fitted line today and at the end of the horizon; null without a fit. */
  trendNow: number | null;
  trendAtHorizon: number | null;
  /** Seats needed within the horizon: max(trend at the horizon, trend today when already over, p95), rounded up. */
  needed: number;
  shortfall: number;
  /** The first day the trend reaches capacity (within the horizon), today when already over; null when it does not. */
  runsOutOn: string | null;
  /** The order date: the day seats run out minus the lead time, never before today; null when nothing is short. */
  buyBy: string | null;
  /**
   * "No free license" events of the history refused because this pool was full. The rollups never show more
   * seats held than a pool has, so a full pool hides the demand it refused: the page says so beside the plan.
   */
  denials: number;
  /** The day of the window on which most different people were refused by this pool, and how many; null without refusals. */
  worstDay: RefusalDay | null;
}

export interface RefusalDay {
  /** UTC calendar day, like the daily peaks. */
  date: string;
  /** Different people (user and computer) refused that day. */
  people: number;
}

/**
 * The day on which most different people (user and computer; a nameless event counts on its own) were refused.
 * Had each of them held a seat at once, this many more seats would have served that day: an upper bound on the
 * demand a full pool hid (some of them may have got a seat later). Ties go to the later day.
 */
export function worstRefusalDay(events: ReadonlyArray<{ at: number; user: string | null; host: string | null }>): RefusalDay | null {
  const byDay = new Map<string, Set<string>>();
  events.forEach((e, i) => {
    const day = isoDay(e.at);
    const who = e.user || e.host ? `${(e.user ?? "").toLowerCase()}|${(e.host ?? "").toLowerCase()}` : `#${i}`;
    byDay.set(day, (byDay.get(day) ?? new Set()).add(who));
  });
  let worst: RefusalDay | null = null;
  for (const [date, people] of [...byDay].sort((a, b) => a[0].localeCompare(b[0]))) if (!worst || people.size >= worst.people) worst = { date, people: people.size };
  return worst;
}

export interface DemandOptions {
  now: number;
  horizonDays: number;
  leadDays: number;
}

/**
 * §6 "enough seats for the next quarter?": one pool's daily peaks through forecastDemandTrend, and what it
 * will need at the end of the horizon. Demand is never taken below the p95 daily peak seen: a flat or falling
 * line does not argue seats away that were used on most busy days.
 */
export function poolDemand(pool: PlanPool, peaks: DailyPeak[], { now, horizonDays, leadDays }: DemandOptions, denials = 0, worstDay: RefusalDay | null = null): PoolDemand {
  const trend = forecastDemandTrend({ series: peaks, capacity: pool.seats, now, horizonDays });
  const busy = peaks.map((p) => p.peak).filter((p) => Number.isFinite(p) && p > 0);
  const p95 = busy.length > 0 ? percentile(busy, 95) : null;
  const trendNow = trend.status === "ok" ? trend.current : null;
  const trendAtHorizon = trendAt(trend, now + horizonDays * DAY_MS);
  const needed = Math.max(
    trendAtHorizon === null ? 0 : seatsFor(trendAtHorizon),
    trend.alreadyOver && trendNow !== null ? seatsFor(trendNow) : 0,
    p95 === null ? 0 : seatsFor(p95),
  );
  const shortfall = Math.max(0, needed - pool.seats);
  const today = isoDay(now);
  const runsOutOn = trend.alreadyOver ? today : trend.crossing ?? (shortfall > 0 ? today : null);
  let buyBy: string | null = null;
  if (shortfall > 0) {
    const due = addDays(runsOutOn ?? today, -leadDays);
    buyBy = due < today ? today : due;
  }
  return { pool, peaks, trend, p95, peak: busy.length ? Math.max(...busy) : 0, trendNow, trendAtHorizon, needed, shortfall, runsOutOn, buyBy, denials, worstDay };
}

export interface PlannedKit {
  size: number;
  count: number;
  /** Minor units; null when the settings have no price for this size. */
  unitPrice: number | null;
  total: number | null;
}

/** A kit plan (software client kits for a soft pool) or a key plan (a HASP pool grows by a key, §2). */
export type PurchaseKind = "kits" | "key";

export interface PurchaseLine {
  poolId: string;
  pool: PlanPool;
  kind: PurchaseKind;
  needed: number;
  shortfall: number;
  runsOutOn: string;
  buyBy: string;
  /** Largest size first. */
  kits: PlannedKit[];
  seatsBought: number;
  /** Minor units; null when some part has no price in the settings. */
  cost: number | null;
}

type Prices = Pick<LicensingSettings, "kitSizes" | "kitPrices">;

const priceOf = (prices: Prices, size: number): number | null => {
  const p = prices.kitPrices[String(size)];
  return typeof p === "number" && Number.isFinite(p) && p >= 0 ? p : null;
};

/**
 * Sizes to cover `shortfall`: the engine's cheapest combination at the settings' prices; when no size has a
 * price, the combination with the fewest surplus seats (priced by size), and no cost.
 */
function kitCombination(shortfall: number, prices: Prices): { kits: PlannedKit[]; seatsBought: number; cost: number | null } {
  const priced = cheapestKits(shortfall, prices.kitSizes, prices.kitPrices);
  if (priced) return { kits: priced.kits.map((k) => ({ ...k })), seatsBought: priced.seatsBought, cost: priced.totalCost };
  const bySize = Object.fromEntries(prices.kitSizes.map((s) => [String(s), s]));
  const fallback = cheapestKits(shortfall, prices.kitSizes, bySize);
  if (!fallback) return { kits: [], seatsBought: 0, cost: null };
  return { kits: fallback.kits.map((k) => ({ size: k.size, count: k.count, unitPrice: null, total: null })), seatsBought: fallback.seatsBought, cost: null };
}

/**
 * §2: a HASP pool is one key per series on its host — a second key of the same series adds nothing — so it
 * grows by one more key of another series, of the cheapest size that covers the shortfall on its own (priced
 * as a client kit of that size, when the settings have one). Beyond the largest size, several keys.
 */
function keyPurchase(shortfall: number, prices: Prices): { kits: PlannedKit[]; seatsBought: number; cost: number | null } {
  const covering = [...new Set(prices.kitSizes)].filter((s) => Number.isInteger(s) && s >= shortfall).sort((a, b) => a - b);
  if (covering.length === 0) return kitCombination(shortfall, prices);
  const pricedSizes = covering.filter((s) => priceOf(prices, s) !== null);
  const size = pricedSizes.length ? pricedSizes.reduce((best, s) => (priceOf(prices, s)! < priceOf(prices, best)! ? s : best)) : covering[0];
  const price = priceOf(prices, size);
  return { kits: [{ size, count: 1, unitPrice: price, total: price }], seatsBought: size, cost: price };
}

export const isKeyPool = (source: PoolSource) => source === "hasp-network" || source === "hasp-local";

/** What to buy for one pool that will be short; null when it will not. */
export function purchaseFor(demand: PoolDemand, prices: Prices): PurchaseLine | null {
  if (demand.shortfall <= 0 || demand.buyBy === null || demand.runsOutOn === null) return null;
  const kind: PurchaseKind = isKeyPool(demand.pool.source) ? "key" : "kits";
  const bought = kind === "key" ? keyPurchase(demand.shortfall, prices) : kitCombination(demand.shortfall, prices);
  return { poolId: demand.pool.id, pool: demand.pool, kind, needed: demand.needed, shortfall: demand.shortfall, runsOutOn: demand.runsOutOn, buyBy: demand.buyBy, ...bought };
}

export interface PeriodTotal {
  /** "2027-Q1" or "2027". */
  period: string;
  seats: number;
  /** Minor units of the priced lines. */
  cost: number;
  lines: number;
  /** Lines without a price (their seats are counted, their money is not). */
  unpriced: number;
}

/** "2027-Q1": the calendar quarter of a `YYYY-MM-DD` date. */
export const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** The lines summed per period key (quarter or year of the buy-by date), in date order. */
export function totalsBy(lines: readonly PurchaseLine[], keyOf: (date: string) => string): PeriodTotal[] {
  const totals = new Map<string, PeriodTotal>();
  for (const line of [...lines].sort((a, b) => a.buyBy.localeCompare(b.buyBy))) {
    const key = keyOf(line.buyBy);
    const total = totals.get(key) ?? { period: key, seats: 0, cost: 0, lines: 0, unpriced: 0 };
    total.seats += line.seatsBought;
    total.lines += 1;
    if (line.cost === null) total.unpriced += 1;
    else total.cost += line.cost;
    totals.set(key, total);
  }
  return [...totals.values()];
}

export interface PurchasePlanModel {
  lines: PurchaseLine[];
  quarters: PeriodTotal[];
  years: PeriodTotal[];
  total: Omit<PeriodTotal, "period">;
  currency: string;
}

/** Every pool that will be short, by buy-by date, with its totals per quarter and per year. */
export function purchasePlan(demands: readonly PoolDemand[], settings: Prices & Pick<LicensingSettings, "currency">): PurchasePlanModel {
  const lines = demands
    .map((d) => purchaseFor(d, settings))
    .filter((l): l is PurchaseLine => l !== null)
    .sort((a, b) => a.buyBy.localeCompare(b.buyBy) || a.poolId.localeCompare(b.poolId));
  const [total] = totalsBy(lines, () => "all");
  return {
    lines,
    quarters: totalsBy(lines, quarterOf),
    years: totalsBy(lines, (d) => d.slice(0, 4)),
    total: total ? { seats: total.seats, cost: total.cost, lines: total.lines, unpriced: total.unpriced } : { seats: 0, cost: 0, lines: 0, unpriced: 0 },
    currency: settings.currency,
  };
}

// ---------------------------------------------------------------------------------------------
// PIN runway
// ---------------------------------------------------------------------------------------------

export interface RunwayKit {
  id: number;
  regNumber: string;
  product: string;
}

export interface RunwayRow {
  kitId: number;
  regNumber: string;
  product: string;
  backupsLeft: number;
  /** Never activated: its PIN set is not chosen yet, so it has no backups to count and nothing to run out of. */
  notActivated: boolean;
  /** Expected hardware changes per year for the kit; null without a forecast. */
  ratePerYear: number | null;
  rateSource: "kit" | "company" | "none";
  reason: "not-activated" | "no-licensed-computers" | "no-company-history" | null;
  /** `YYYY-MM-DD` the last backup PIN is expected to go; null without a forecast or at a rate of 0. */
  expectedExhaustion: string | null;
  probabilityWithin6Months: number | null;
  probabilityWithin12Months: number | null;
  exhausted: boolean;
  /** §1.2: the next hardware change within the horizon will need an additional PIN from the Licensing Center. */
  needsCenter: boolean;
  /** When: today for an exhausted kit, else the expected exhaustion; null when not within the horizon. */
  needBy: string | null;
}

/** Every kit of the runway forecast with its registration number, and whether it needs the Licensing Center within the horizon. */
export function runwayRows(forecast: PinRunwayForecast, kits: readonly RunwayKit[], now: number, horizonDays: number): RunwayRow[] {
  const byId = new Map(kits.map((k) => [k.id, k]));
  const end = now + horizonDays * DAY_MS;
  return forecast.kits.map((r) => {
    const kit = byId.get(r.kitId);
    // A kit not activated yet is never exhausted (forecastPinRunway): it needs nothing from the Licensing Center.
    const exhausted = r.exhausted;
    const notActivated = r.reason === "not-activated";
    const withinHorizon = r.expectedExhaustion !== null && r.expectedExhaustion <= end;
    const needsCenter = exhausted || withinHorizon;
    return {
      kitId: r.kitId,
      regNumber: kit?.regNumber ?? String(r.kitId),
      product: kit?.product ?? "",
      backupsLeft: r.backupsLeft,
      notActivated,
      ratePerYear: r.rateSource === "none" ? null : r.ratePerYear,
      rateSource: r.rateSource,
      reason: r.reason,
      expectedExhaustion: r.expectedExhaustion === null ? null : isoDay(r.expectedExhaustion),
      probabilityWithin6Months: r.probabilityWithin6Months,
      probabilityWithin12Months: r.probabilityWithin12Months,
      exhausted,
      needsCenter,
      needBy: exhausted ? isoDay(now) : withinHorizon ? isoDay(r.expectedExhaustion!) : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Owned and paid
// ---------------------------------------------------------------------------------------------

export interface OwnedKit {
  id: number;
  regNumber: string;
  product: string;
  kind: KitKind;
  protection: KitProtection;
  seats: number;
  purchaseDate: string | null;
  priceMinor: number | null;
  currency: string;
}

export interface OwnedTotals {
  kits: number;
  /** Client seats bought: every kit but server licenses (a basic delivery brings 1, §1.1). */
  seats: number;
  /** Paid per currency, minor units; kits without a recorded price are not in it. */
  paid: Array<{ currency: string; minor: number }>;
  unpriced: number;
}

/** What the company owns and paid, summed (seats of client kits; money per currency). */
export function ownedTotals(kits: readonly OwnedKit[]): OwnedTotals {
  const paid = new Map<string, number>();
  for (const k of kits) if (k.priceMinor !== null) paid.set(k.currency, (paid.get(k.currency) ?? 0) + k.priceMinor);
  return {
    kits: kits.length,
    seats: kits.filter((k) => k.kind !== "server").reduce((sum, k) => sum + k.seats, 0),
    paid: [...paid].map(([currency, minor]) => ({ currency, minor })).sort((a, b) => a.currency.localeCompare(b.currency)),
    unpriced: kits.filter((k) => k.priceMinor === null).length,
  };
}

// ---------------------------------------------------------------------------------------------
// The chart
// ---------------------------------------------------------------------------------------------

export interface TrendChartPoint {
  t: number;
  [key: string]: number | null;
  /** The day's peak; null on days with a peak of 0 (left out of the fit too) and in the future. */
  peak: number | null;
  /** The fitted line from its first day to the end of the horizon. */
  trend: number | null;
  capacity: number;
}

/**
 * One pool's chart: every day of the history with seats held (its peak), then a point a week into the future up
 * to the end of the horizon (and the crossing day), the line at each; capacity throughout.
 */
export function trendChartData(demand: PoolDemand, window: { from: number }, { now, horizonDays }: Pick<DemandOptions, "now" | "horizonDays">): TrendChartPoint[] {
  const peaks = new Map<string, number>();
  for (const p of demand.peaks) peaks.set(p.date, Math.max(peaks.get(p.date) ?? 0, p.peak));
  const start = dayStart(window.from);
  const today = dayStart(now);
  const end = dayStart(now + horizonDays * DAY_MS);
  const days = new Set<number>();
  for (let t = start; t <= today; t += DAY_MS) days.add(t);
  for (let t = today + 7 * DAY_MS; t < end; t += 7 * DAY_MS) days.add(t);
  days.add(end);
  if (demand.trend.crossing) days.add(Date.parse(`${demand.trend.crossing}T00:00:00Z`));
  const origin = demand.trend.status === "ok" ? Date.parse(`${demand.trend.origin}T00:00:00Z`) : Infinity;
  const round = (v: number) => Math.round(v * 100) / 100;
  return [...days]
    .sort((a, b) => a - b)
    .map((t) => {
      const peak = t <= today ? (peaks.get(isoDay(t)) ?? 0) : null;
      const line = t >= origin ? trendAt(demand.trend, t) : null;
      return { t, peak: peak === null || peak <= 0 ? null : peak, trend: line === null ? null : round(Math.max(0, line)), capacity: demand.pool.seats };
    })
    // Days of the history without seats held are left out, as in the fit: the area steps over weekends instead of breaking into slivers.
    .filter((p) => p.t > today || p.peak !== null);
}

// ---------------------------------------------------------------------------------------------
// The whole page
// ---------------------------------------------------------------------------------------------

export interface PlanningInput {
  now: number;
  params: PlanningParams;
  pools: readonly PlanPool[];
  /** Daily buckets (`bucketMinutes` = 1440 over `historyWindow(now)`) per pool id. */
  dailySeries: ReadonlyMap<string, ReadonlyArray<{ t: number; inUse: number }>>;
  /** "No free license" events of the history window per pool id (refused because that pool was full). */
  denials?: ReadonlyMap<string, number>;
  /** Per pool id: the worst day of its refusals (`worstRefusalDay`). */
  worstDays?: ReadonlyMap<string, RefusalDay | null>;
  settings: Pick<LicensingSettings, "kitSizes" | "kitPrices" | "currency">;
  runway: PinRunwayForecast;
  kits: readonly OwnedKit[];
}

export interface PlanningModel {
  now: number;
  window: { from: number; to: number };
  horizonMonths: PlanningHorizon;
  horizonDays: number;
  leadDays: number;
  demands: PoolDemand[];
  plan: PurchasePlanModel;
  runway: RunwayRow[];
  /** The engine's words for how the runway is forecast (shown verbatim). */
  runwayMethod: Localised;
  owned: OwnedKit[];
  ownedTotals: OwnedTotals;
  /** The pool the chart shows: the URL's, else the first that will be short, else the one refusing most sessions, else the fullest; null without pools. */
  chartPool: string | null;
  summary: { seatsOwned: number; seatsInPools: number; seatsToBuy: number; cost: number; unpriced: number; kitsNeedingCenter: number };
}

/** Every figure of the Planning page from the data read for it. */
export function buildPlanning(input: PlanningInput): PlanningModel {
  const { now, params } = input;
  const horizonDays = horizonDaysOf(params.horizonMonths);
  const window = historyWindow(now);
  const options = { now, horizonDays, leadDays: params.leadDays };
  const demands = input.pools.map((pool) => poolDemand(pool, dailyPeaks(input.dailySeries.get(pool.id) ?? []), options, input.denials?.get(pool.id) ?? 0, input.worstDays?.get(pool.id) ?? null));
  const plan = purchasePlan(demands, input.settings);
  const runway = runwayRows(input.runway, input.kits, now, horizonDays);
  const owned = [...input.kits];
  const totals = ownedTotals(owned);
  // Without a purchase to show: the pool refusing most sessions, else the fullest (the larger on a tie).
  const busiest = [...demands].sort((a, b) => b.denials - a.denials || b.peak / Math.max(1, b.pool.seats) - a.peak / Math.max(1, a.pool.seats) || b.pool.seats - a.pool.seats)[0];
  const chartPool = demands.find((d) => d.pool.id === params.pool)?.pool.id ?? plan.lines[0]?.poolId ?? busiest?.pool.id ?? null;
  return {
    now,
    window,
    horizonMonths: params.horizonMonths,
    horizonDays,
    leadDays: params.leadDays,
    demands,
    plan,
    runway,
    runwayMethod: input.runway.method,
    owned,
    ownedTotals: totals,
    chartPool,
    summary: {
      seatsOwned: totals.seats,
      seatsInPools: input.pools.reduce((sum, p) => sum + p.seats, 0),
      seatsToBuy: plan.total.seats,
      cost: plan.total.cost,
      unpriced: plan.total.unpriced,
      kitsNeedingCenter: runway.filter((r) => r.needsCenter).length,
    },
  };
}
