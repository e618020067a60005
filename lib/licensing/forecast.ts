/**
 * The three forecasts finance relies on (DOMAIN §6): how long each kit's backup PINs will last
 * (§1.2–1.3), when a pool's seat demand reaches its capacity, and the cheapest kits to buy under
 * client licensing (per computer) versus server-issued licensing (per session) (§4).
 * Every `method`/`summary` text is shown to finance verbatim, in both interface languages.
 */

import type { Localised } from "../domain/localised";


const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.25;
/** A month is a twelfth of a Julian year, so 6 months is exactly half a year. */
const MONTH_DAYS = YEAR_DAYS / 12;
const YEAR_MS = YEAR_DAYS * DAY_MS;
/** Rounding slack for floating arithmetic on seat counts and day indexes (1.1 × 100 = 110.00000000000001). */
const EPS = 1e-9;

// ---------------------------------------------------------------------------------------------
// (a) PIN runway per kit
// ---------------------------------------------------------------------------------------------

export interface KitRunwayInput {
  kitId: number;
  /** Unused backup and additional PINs of the usable set (PinSummary.backupsLeft). */
  backupsLeft: number;
  /** Active licenses of the kit: the computers whose hardware can change. */
  licensedComputers: number;
  firstActivatedAt: number | null;
  /** Epoch ms of recoveries on changed hardware that spent a backup PIN (§1.3). */
  hardwareChanges: number[];
}

export interface RunwayOptions {
  /** A kit needs at least this many hardware changes of its own before its own rate is trusted. */
  minEventsForOwnRate: number;
  /** …and at least this many days since its first activation. */
  minHistoryDays: number;
}

export const DEFAULT_RUNWAY_OPTIONS: RunwayOptions = { minEventsForOwnRate: 2, minHistoryDays: 365 };

export type RunwayRateSource = "kit" | "company" | "none";
/** Why a kit has no forecast (rate source "none"). */
export type RunwayNoForecastReason = "not-activated" | "no-licensed-computers" | "no-company-history";

export interface KitRunway {
  kitId: number;
  /** Expected hardware changes per year for the whole kit (per-computer rate × licensed computers). */
  ratePerYear: number;
  /** The per licensed-computer-year rate that was applied; null when none applies. */
  ratePerComputerYear: number | null;
  rateSource: RunwayRateSource;
  /** Set only when rateSource is "none". */
  reason: RunwayNoForecastReason | null;
  backupsLeft: number;
  /** When the last backup PIN is expected to be spent: now + backupsLeft ÷ rate (= now when none is left); null when the rate is 0. */
  expectedExhaustion: number | null;
  /** P(at least max(backupsLeft, 1) hardware changes within 6 months); null when there is no forecast. */
  probabilityWithin6Months: number | null;
  probabilityWithin12Months: number | null;
  /** No unused backup left: the next hardware change needs an additional PIN from the Licensing Center (§1.2). */
  exhausted: boolean;
}

export interface PinRunwayForecast {
  kits: KitRunway[];
  /** All counted changes ÷ all licensed computer-years; null when no kit has any history yet. */
  companyRatePerComputerYear: number | null;
  method: Localised;
}

/**
 * §1.3 PIN runway: hardware changes modelled as a Poisson process at the kit's own rate (enough
 * events and history) or the company-wide rate, scaled by the kit's licensed computers. Changes
 * outside [first activation, now] are not counted; a kit's changes feed the company rate only while it
 * has licensed computers (numerator and denominator cover the same kits).
 */
export function forecastPinRunway(kits: KitRunwayInput[], now: number, options: RunwayOptions = DEFAULT_RUNWAY_OPTIONS): PinRunwayForecast {
  const measured = kits.map((kit) => {
    const computers = Math.max(0, kit.licensedComputers);
    if (kit.firstActivatedAt === null) return { kit, computers, years: 0, historyDays: 0, changes: 0 };
    const first = kit.firstActivatedAt;
    const changes = kit.hardwareChanges.filter((t) => t >= first && t <= now).length;
    const span = Math.max(0, now - first);
    return { kit, computers, years: span / YEAR_MS, historyDays: span / DAY_MS, changes };
  });

  let companyChanges = 0;
  let companyExposure = 0;
  for (const m of measured) {
    const exposure = m.computers * m.years;
    if (exposure > 0) {
      companyChanges += m.changes;
      companyExposure += exposure;
    }
  }
  const companyRate = companyExposure > 0 ? companyChanges / companyExposure : null;

  const result = measured.map(({ kit, computers, years, historyDays, changes }): KitRunway => {
    const backupsLeft = Math.max(0, Math.floor(kit.backupsLeft));
    // A kit never activated has spent nothing: its PINs are all still to be used (§1.2), whatever its reserve count says.
    const exhausted = backupsLeft === 0 && kit.firstActivatedAt !== null;
    const none = (reason: RunwayNoForecastReason): KitRunway => ({
      kitId: kit.kitId,
      ratePerYear: 0,
      ratePerComputerYear: null,
      rateSource: "none",
      reason,
      backupsLeft,
      expectedExhaustion: null,
      probabilityWithin6Months: null,
      probabilityWithin12Months: null,
      exhausted,
    });
    if (kit.firstActivatedAt === null) return none("not-activated");
    if (computers === 0) return none("no-licensed-computers");

    const ownEligible = changes >= options.minEventsForOwnRate && historyDays >= options.minHistoryDays && years > 0;
    let perComputer: number;
    let rateSource: RunwayRateSource;
    if (ownEligible) {
      perComputer = changes / (computers * years);
      rateSource = "kit";
    } else if (companyRate !== null) {
      perComputer = companyRate;
      rateSource = "company";
    } else {
      return none("no-company-history");
    }
    const ratePerYear = perComputer * computers;
    // A kit with no backup left is judged by its next change: that one needs the Licensing Center.
    const needed = Math.max(backupsLeft, 1);
    return {
      kitId: kit.kitId,
      ratePerYear,
      ratePerComputerYear: perComputer,
      rateSource,
      reason: null,
      backupsLeft,
      expectedExhaustion: ratePerYear > 0 ? now + Math.round((backupsLeft / ratePerYear) * YEAR_MS) : null,
      probabilityWithin6Months: poissonAtLeast(needed, (ratePerYear * 6 * MONTH_DAYS) / YEAR_DAYS),
      probabilityWithin12Months: poissonAtLeast(needed, (ratePerYear * 12 * MONTH_DAYS) / YEAR_DAYS),
      exhausted,
    };
  });

  return { kits: result, companyRatePerComputerYear: companyRate, method: runwayMethod(options) };
}

/** P(N ≥ k) for N ~ Poisson(mu), summed in log space so large means and counts neither underflow nor cancel. */
export function poissonAtLeast(k: number, mu: number): number {
  if (k <= 0) return 1;
  if (!(mu > 0)) return 0;
  if (mu === Infinity) return 1;
  const logMu = Math.log(mu);
  if (k > mu) {
    // Upper tail: terms fall from i = k on (ratio mu/(i+1) < 1), so summing them directly is exact and short.
    let logTerm = -mu + k * logMu - logFactorial(k);
    let sum = 0;
    for (let i = k; ; i++) {
      const term = Math.exp(logTerm);
      sum += term;
      if (term <= sum * 1e-17 || term === 0) break;
      logTerm += logMu - Math.log(i + 1);
    }
    return Math.min(1, sum);
  }
  // Lower tail P(N < k), summed downwards from i = k − 1 ≤ mu, where terms fall as i falls (ratio i/mu < 1).
  let logTerm = -mu + (k - 1) * logMu - logFactorial(k - 1);
  let lower = 0;
  for (let i = k - 1; i >= 0; i--) {
    const term = Math.exp(logTerm);
    lower += term;
    if (term <= lower * 1e-17 || term === 0) break;
    logTerm += Math.log(i) - logMu;
  }
  return Math.min(1, Math.max(0, 1 - lower));
}

function logFactorial(n: number): number {
  if (n < 256) {
    let s = 0;
    for (let i = 2; i <= n; i++) s += Math.log(i);
    return s;
  }
  // Stirling series; at n ≥ 256 the next term is below 1e-17.
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3) + 1 / (1260 * n ** 5);
}

function runwayMethod(options: RunwayOptions): Localised {
  const e = options.minEventsForOwnRate;
  const d = options.minHistoryDays;
  return {
    en:
      "Hardware changes that cost a backup PIN are treated as random, independent events that happen at a steady average rate (a Poisson process). " +
      `A kit with at least ${e} ${e === 1 ? "such change" : "such changes"} and at least ${d} ${d === 1 ? "day" : "days"} since its first activation uses its own rate: its changes ÷ (its licensed computers × years since first activation). ` +
      "Every other kit uses the company-wide rate: all changes ÷ all licensed computer-years. " +
      "The rate is multiplied by the kit's licensed computers to give changes per year. " +
      "Expected exhaustion = today + backup PINs left ÷ changes per year. " +
      "The 6- and 12-month figures are the chance of at least as many hardware changes as there are backup PINs left within that time; " +
      "for a kit with no backup PINs left, the chance that its next hardware change, which will need an additional PIN from the 1C Licensing Center, happens within that time. " +
      "A month is 365.25/12 days. Kits not activated yet or without licensed computers get no forecast.",
    ru:
      "Смены оборудования, на которые уходит резервный ПИН-код, считаются случайными независимыми событиями с постоянной средней частотой (пуассоновский процесс). " +
      `Комплект, у которого было от ${e} ${ruGenitive(e, "такой смены", "таких смен")} и с первой активации прошло от ${d} ${ruGenitive(d, "дня", "дней")}, берёт собственную частоту: его смены ÷ (его лицензированные компьютеры × годы с первой активации). ` +
      "Остальные комплекты берут частоту по всей компании: все смены ÷ все компьютеро-годы под лицензией. " +
      "Частота умножается на число лицензированных компьютеров комплекта — получается смен в год. " +
      "Ожидаемое исчерпание = сегодня + оставшиеся резервные ПИН-коды ÷ смен в год. " +
      "Вероятности на 6 и 12 месяцев — шанс, что за этот срок смен оборудования будет не меньше, чем осталось резервных ПИН-кодов; " +
      "для комплекта без резервных ПИН-кодов — шанс, что за этот срок случится следующая смена, для которой придётся запрашивать дополнительный ПИН-код в Центре лицензирования 1С. " +
      "Месяц — 365,25/12 дня. Для комплектов, которые ещё не активированы или не имеют лицензированных компьютеров, прогноз не строится.",
  };
}

// ---------------------------------------------------------------------------------------------
// (b) Seat demand trend
// ---------------------------------------------------------------------------------------------

export interface TrendPoint {
  x: number;
  y: number;
}

export interface TrendLine {
  slope: number;
  intercept: number;
  /** Coefficient of determination; 1 when every y is equal (the flat line fits exactly). */
  r2: number;
  n: number;
}

/** Ordinary least squares y = intercept + slope·x; null with fewer than 2 points or when every x is the same. */
export function trendLine(points: ReadonlyArray<TrendPoint>): TrendLine | null {
  const n = points.length;
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    sx += p.x;
    sy += p.y;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of points) {
    const dx = p.x - mx;
    const dy = p.y - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let ssRes = 0;
  for (const p of points) ssRes += (p.y - (intercept + slope * p.x)) ** 2;
  const r2 = syy === 0 ? 1 : Math.min(1, Math.max(0, 1 - ssRes / syy));
  return { slope, intercept, r2, n };
}

/**
 * The p-th percentile (p in 0..100) by linear interpolation between closest ranks: rank
 * r = p/100 × (n − 1) over the ascending values, result = v[⌊r⌋] + (r − ⌊r⌋) × (v[⌈r⌉] − v[⌊r⌋])
 * (Excel PERCENTILE.INC, NumPy's default). p = 0 is the minimum, p = 100 the maximum, 50 the median.
 * Throws RangeError on no values or p outside 0..100.
 */
export function percentile(values: ReadonlyArray<number>, p: number): number {
  if (values.length === 0) throw new RangeError("percentile of no values");
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile p must be within 0..100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  if (lo === hi) return sorted[lo];
  const w = rank - lo;
  const a = sorted[lo];
  const b = sorted[hi];
  // a + w·(b − a) rounds monotonically in w; the clamp keeps rounding from leaving [a, b].
  const span = b - a;
  const value = Number.isFinite(span) ? a + w * span : a * (1 - w) + b * w;
  return Math.min(b, Math.max(a, value));
}

export interface DailyPeak {
  /** Calendar day, "YYYY-MM-DD". */
  date: string;
  peak: number;
}

export interface DemandTrendInput {
  series: DailyPeak[];
  capacity: number;
  now: number;
  horizonDays: number;
}

interface DemandTrendCommon {
  /** Days with a non-zero peak that the line was fitted on. */
  points: number;
  /** Days left out because their peak was 0 (weekends, holidays, no data). */
  ignoredZeroDays: number;
  capacity: number;
  horizonDays: number;
  method: Localised;
}

export type DemandTrend =
  | (DemandTrendCommon & {
      status: "ok";
      /** Day 0 of the fit: the first fitted date; `intercept` is the fitted peak on it. */
      origin: string;
      /** Seats per month of 365.25/12 days. */
      slopePerMonth: number;
      intercept: number;
      r2: number;
      /** The fitted peak at `now`. */
      current: number;
      /** First date within the horizon on which the fitted line reaches capacity; null when it does not or is already over. */
      crossing: string | null;
      alreadyOver: boolean;
    })
  | (DemandTrendCommon & {
      status: "not-enough-data";
      origin: null;
      slopePerMonth: null;
      intercept: null;
      r2: null;
      current: null;
      crossing: null;
      alreadyOver: false;
    });

/**
 * A straight-line trend of a pool's daily seat peaks (least squares on day index, peak) and the first
 * date within `horizonDays` of `now` on which it reaches `capacity`. Days with peak 0 are left out;
 * a date given twice keeps its higher peak. Days are UTC calendar days; `now` sits on the same axis.
 */
export function forecastDemandTrend(input: DemandTrendInput): DemandTrend {
  const { capacity, now, horizonDays } = input;
  const byDay = new Map<number, number>();
  for (const { date, peak } of input.series) {
    const day = dayNumber(date);
    byDay.set(day, Math.max(byDay.get(day) ?? 0, Number.isFinite(peak) ? peak : 0));
  }
  const kept = [...byDay].filter(([, peak]) => peak > 0).sort((a, b) => a[0] - b[0]);
  const ignoredZeroDays = byDay.size - kept.length;
  const origin = kept.length > 0 ? kept[0][0] : 0;
  const line = trendLine(kept.map(([day, peak]) => ({ x: day - origin, y: peak })));

  if (!line) {
    return {
      status: "not-enough-data",
      points: kept.length,
      ignoredZeroDays,
      capacity,
      horizonDays,
      origin: null,
      slopePerMonth: null,
      intercept: null,
      r2: null,
      current: null,
      crossing: null,
      alreadyOver: false,
      method: notEnoughDataMethod(kept.length, ignoredZeroDays),
    };
  }

  const xNow = now / DAY_MS - origin;
  const current = line.intercept + line.slope * xNow;
  const alreadyOver = current >= capacity;
  let crossing: string | null = null;
  if (!alreadyOver && line.slope > 0) {
    const day = Math.ceil((capacity - line.intercept) / line.slope - EPS);
    if (day <= xNow + horizonDays + EPS) crossing = dateOf(origin + day);
  }
  return {
    status: "ok",
    points: line.n,
    ignoredZeroDays,
    capacity,
    horizonDays,
    origin: dateOf(origin),
    slopePerMonth: line.slope * MONTH_DAYS,
    intercept: line.intercept,
    r2: line.r2,
    current,
    crossing,
    alreadyOver,
    method: trendMethod(line.n, ignoredZeroDays, dateOf(origin), dateOf(kept[kept.length - 1][0]), capacity, horizonDays),
  };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 (UTC) of a "YYYY-MM-DD" date; RangeError on anything else. */
function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (dateOf(ms / DAY_MS) === date) return ms / DAY_MS;
  }
  throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function trendMethod(n: number, ignored: number, from: string, to: string, capacity: number, horizonDays: number): Localised {
  return {
    en:
      `A straight line fitted by least squares through the daily seat peaks of ${n} days (${from} to ${to}). ` +
      `Days with a peak of 0 (weekends, holidays, days without data) are left out so they do not drag the line down: ${ignored} left out. ` +
      "The slope is in seats per month of 365.25/12 days; R² shows how closely the line follows the peaks (1 = exactly). " +
      `The capacity date is the first day within the next ${horizonDays} days on which the line reaches ${capacity} seats.`,
    ru:
      `Прямая, проведённая методом наименьших квадратов через дневные пики занятых мест за ${n} ${ruCount(n, "день", "дня", "дней")} (с ${from} по ${to}). ` +
      `Дни с пиком 0 (выходные, праздники, дни без данных) не учитываются, чтобы не занижать линию: таких дней ${ignored}. ` +
      "Наклон — в местах за месяц (365,25/12 дня); R² показывает, насколько точно линия следует за пиками (1 — точно). " +
      `Дата нехватки мест — первый день в ближайшие ${horizonDays} ${ruCount(horizonDays, "день", "дня", "дней")}, когда линия достигает ${capacity} ${ruGenitive(capacity, "места", "мест")}.`,
  };
}

function notEnoughDataMethod(n: number, ignored: number): Localised {
  return {
    en: `Not enough data: a trend needs at least 2 days with a non-zero peak, and there ${n === 1 ? "is 1" : `are ${n}`} (${ignored} ${ignored === 1 ? "day" : "days"} with a peak of 0 left out).`,
    ru: `Недостаточно данных: для тренда нужно хотя бы 2 дня с ненулевым пиком, а есть ${n} (дней с пиком 0 не учтено: ${ignored}).`,
  };
}

// ---------------------------------------------------------------------------------------------
// (c) Purchase plan
// ---------------------------------------------------------------------------------------------

export interface PurchasePlanInput {
  /** Seats needed now at the target percentile: client licensing (per computer) and server-issued (per session), §4. */
  demand: { perComputer: number; perSession: number };
  /** Expected growth by the target date, percent (10 = +10 %). */
  growthPct: number;
  /** Usable seats already owned that serve each policy. */
  owned: { perComputer: number; perSession: number };
  kitSizes: number[];
  /** Minor units (kopecks) keyed by kit size, as in LicensingSettings.kitPrices. */
  kitPrices: Record<string, number>;
  currency: string;
}

export interface KitPurchase {
  size: number;
  count: number;
  /** Minor units. */
  unitPrice: number;
  total: number;
}

export interface KitCombination {
  /** Largest size first. */
  kits: KitPurchase[];
  seatsBought: number;
  /** Minor units. */
  totalCost: number;
}

export interface PolicyPlan {
  needed: number;
  owned: number;
  shortfall: number;
  kits: KitPurchase[];
  seatsBought: number;
  /** Minor units; null when seats are missing but no kit size has a price. */
  totalCost: number | null;
}

export interface PurchasePlan {
  perComputer: PolicyPlan;
  perSession: PolicyPlan;
  /** perSession.totalCost − perComputer.totalCost, minor units; null when either cannot be priced. */
  difference: number | null;
  currency: string;
  summary: Localised;
}

/**
 * The cheapest multiset of kit sizes whose seats sum to at least `shortfall` (exact: DP over seat
 * counts below shortfall + the largest size, since any cover past that has a kit to spare). Ties go
 * to fewer kits, then fewer surplus seats. Sizes without a price are not used. Null when seats are
 * missing and no size can be bought; an empty combination for shortfall 0.
 */
export function cheapestKits(shortfall: number, kitSizes: number[], kitPrices: Record<string, number>): KitCombination | null {
  if (shortfall <= 0) return { kits: [], seatsBought: 0, totalCost: 0 };
  const priced = [...new Set(kitSizes)]
    .filter((size) => Number.isInteger(size) && size > 0)
    .map((size) => ({ size, price: kitPrices[String(size)] }))
    .filter((k): k is { size: number; price: number } => typeof k.price === "number" && Number.isFinite(k.price) && k.price >= 0)
    .sort((a, b) => b.size - a.size);
  if (priced.length === 0) return null;

  const limit = shortfall + priced[0].size - 1;
  const cost = new Float64Array(limit + 1).fill(Infinity);
  const count = new Float64Array(limit + 1).fill(Infinity);
  const last = new Int32Array(limit + 1);
  cost[0] = 0;
  count[0] = 0;
  for (let s = 1; s <= limit; s++) {
    for (const { size, price } of priced) {
      if (size > s || cost[s - size] === Infinity) continue;
      const c = cost[s - size] + price;
      const k = count[s - size] + 1;
      if (c < cost[s] || (c === cost[s] && k < count[s])) {
        cost[s] = c;
        count[s] = k;
        last[s] = size;
      }
    }
  }
  let best = -1;
  for (let s = shortfall; s <= limit; s++) {
    if (cost[s] === Infinity) continue;
    // Scanning upwards, a strict improvement is required, so equal cost and kits keep the smaller surplus.
    if (best < 0 || cost[s] < cost[best] || (cost[s] === cost[best] && count[s] < count[best])) best = s;
  }

  const counts = new Map<number, number>();
  for (let s = best; s > 0; s -= last[s]) counts.set(last[s], (counts.get(last[s]) ?? 0) + 1);
  const kits = priced
    .filter(({ size }) => counts.has(size))
    .map(({ size, price }) => ({ size, count: counts.get(size)!, unitPrice: price, total: price * counts.get(size)! }));
  return { kits, seatsBought: best, totalCost: cost[best] };
}

/**
 * §4/§6: what to buy for the demand grown by `growthPct` under client licensing (per computer) and
 * server-issued licensing (per session), each as the cheapest kit combination covering its shortfall.
 */
export function planPurchase(input: PurchasePlanInput): PurchasePlan {
  const policy = (demand: number, owned: number): PolicyPlan => {
    const grown = demand * (1 + input.growthPct / 100);
    // The slack keeps 100 × 1.1 = 110.00000000000001 from becoming 111 seats.
    const needed = Math.max(0, Math.ceil(grown - EPS * Math.max(1, Math.abs(grown))));
    const shortfall = Math.max(0, needed - Math.max(0, owned));
    const combo = cheapestKits(shortfall, input.kitSizes, input.kitPrices);
    return {
      needed,
      owned,
      shortfall,
      kits: combo?.kits ?? [],
      seatsBought: combo?.seatsBought ?? 0,
      totalCost: combo ? combo.totalCost : null,
    };
  };
  const perComputer = policy(input.demand.perComputer, input.owned.perComputer);
  const perSession = policy(input.demand.perSession, input.owned.perSession);
  const difference = perComputer.totalCost !== null && perSession.totalCost !== null ? perSession.totalCost - perComputer.totalCost : null;
  return { perComputer, perSession, difference, currency: input.currency, summary: planSummary(perComputer, perSession, difference, input.currency) };
}

/**
 * Minor units formatted as money of `currency` ("en-US": RUB 1,234.50; "ru-RU": 1 234,50 ₽); `wholeUnits`
 * drops the kopecks (totals). A code Intl refuses is written after the amount, in two decimals.
 */
export function formatMoney(minor: number, currency: string, locale: string, options: { wholeUnits?: boolean } = {}): string {
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, { style: "currency", currency });
  } catch {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: options.wholeUnits ? 0 : 2 }).format(minor / 100)} ${currency}`;
  }
  const amount = minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2);
  return options.wholeUnits ? new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 }).format(amount) : format.format(amount);
}

function planSummary(pc: PolicyPlan, ps: PolicyPlan, difference: number | null, currency: string): Localised {
  const en = (minor: number) => formatMoney(minor, currency, "en-US");
  const ru = (minor: number) => formatMoney(minor, currency, "ru-RU");
  const enSeats = (n: number) => `${n} ${n === 1 ? "seat" : "seats"}`;
  const ruSeats = (n: number) => `${n} ${ruCount(n, "место", "места", "мест")}`;

  if (difference === null) {
    return {
      en: `No kit size has a price, so the purchase cannot be costed: client licensing is ${enSeats(pc.shortfall)} short and server-issued licensing ${enSeats(ps.shortfall)} short. Set kit prices in the settings.`,
      ru: `Ни у одного размера комплекта нет цены, поэтому закупку нельзя рассчитать: при клиентском лицензировании не хватает ${ruSeats(pc.shortfall)}, при серверной выдаче лицензий — ${ruSeats(ps.shortfall)}. Укажите цены комплектов в настройках.`,
    };
  }
  if (pc.shortfall === 0 && ps.shortfall === 0) {
    return {
      en: `The seats already owned cover the demand under both client licensing (${enSeats(pc.needed)} needed, ${pc.owned} owned) and server-issued licensing (${enSeats(ps.needed)} needed, ${ps.owned} owned): nothing to buy.`,
      ru: `Имеющихся мест хватает и при клиентском лицензировании (нужно ${ruSeats(pc.needed)}, есть ${pc.owned}), и при серверной выдаче лицензий (нужно ${ruSeats(ps.needed)}, есть ${ps.owned}): покупать ничего не нужно.`,
    };
  }

  const seats = ps.shortfall - pc.shortfall;
  const enHead =
    "Server-issued licensing needs " +
    (seats > 0 ? `${seats} more ${seats === 1 ? "seat" : "seats"}` : seats < 0 ? `${-seats} fewer ${seats === -1 ? "seat" : "seats"}` : "the same number of seats") +
    " and " +
    (difference > 0 ? `costs ${en(difference)} more than` : difference < 0 ? `costs ${en(-difference)} less than` : "costs the same as") +
    " client licensing.";
  const ruHead =
    "При серверной выдаче лицензий нужно докупить " +
    (seats > 0 ? `на ${ruSeats(seats)} больше` : seats < 0 ? `на ${ruSeats(-seats)} меньше` : "столько же мест") +
    ", и это " +
    (difference > 0 ? `на ${ru(difference)} дороже, чем` : difference < 0 ? `на ${ru(-difference)} дешевле, чем` : "стоит столько же, сколько") +
    " при клиентском лицензировании.";
  const combo = (p: PolicyPlan) => p.kits.map((k) => `${k.count} × ${k.size}`).join(" + ");
  const enPart = (p: PolicyPlan) =>
    p.shortfall === 0
      ? `${enSeats(p.needed)} needed, ${p.owned} owned, nothing to buy`
      : `${enSeats(p.needed)} needed, ${p.owned} owned, buy kits ${combo(p)} (${enSeats(p.seatsBought)}) for ${en(p.totalCost ?? 0)}`;
  const ruPart = (p: PolicyPlan) =>
    p.shortfall === 0
      ? `нужно ${ruSeats(p.needed)}, есть ${p.owned}, покупать ничего не нужно`
      : `нужно ${ruSeats(p.needed)}, есть ${p.owned}, купить комплекты ${combo(p)} (${ruSeats(p.seatsBought)}) за ${ru(p.totalCost ?? 0)}`;
  return {
    en: `${enHead} Client licensing: ${enPart(pc)}. Server-issued licensing: ${enPart(ps)}.`,
    ru: `${ruHead} Клиентское лицензирование: ${ruPart(pc)}. Серверная выдача лицензий: ${ruPart(ps)}.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Russian number agreement
// ---------------------------------------------------------------------------------------------

const RU_PLURAL = new Intl.PluralRules("ru-RU");

/** The noun form after a number in the nominative: 1 место, 2 места, 5 мест. */
function ruCount(n: number, one: string, few: string, many: string): string {
  const category = RU_PLURAL.select(n);
  return category === "one" ? one : category === "few" ? few : category === "other" && !Number.isInteger(n) ? few : many;
}

/** The noun form after "от"/"до" + number (genitive): от 1 дня, от 2 дней, от 21 дня. */
function ruGenitive(n: number, one: string, many: string): string {
  return RU_PLURAL.select(n) === "one" ? one : many;
}
