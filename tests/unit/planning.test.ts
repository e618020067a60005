import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import type { DailyPeak, KitRunway, PinRunwayForecast } from "@/lib/licensing/forecast";
import { DEFAULT_SETTINGS } from "@/lib/licensing/settings";
import {
  buildPlanning,
  dailyPeaks,
  historyWindow,
  horizonDaysOf,
  ownedTotals,
  parsePlanningParams,
  poolDemand,
  purchaseFor,
  purchasePlan,
  quarterOf,
  runwayRows,
  seatsFor,
  totalsBy,
  trendAt,
  trendChartData,
  type OwnedKit,
  type PlanPool,
  type PoolDemand,
  type PurchaseLine,
  worstRefusalDay,
} from "@/lib/planning/plan";

const DAY = 86_400_000;
/** Thursday noon UTC: the fitted line's "now" sits half a day into 2026-01-15. */
const NOW = Date.UTC(2026, 0, 15, 12);
const TODAY = "2026-01-15";
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const plusDays = (iso: string, n: number) => new Date(day(iso) + n * DAY).toISOString().slice(0, 10);

/**
 * Peaks every fourth day from 2025-12-16 (the fit's day 0), 8 + 1 per point: exactly 8 + 0.25 seats a day,
 * so the line is exact in floating point. At now (day 30.5) it stands at 15.625.
 */
const GROWING: DailyPeak[] = Array.from({ length: 8 }, (_, k) => ({ date: plusDays("2025-12-16", 4 * k), peak: 8 + k }));

const pool = (seats: number, partial: Partial<PlanPool> = {}): PlanPool => ({ id: `soft-server:srv-1c`, host: "srv-1c", source: "soft-server", counting: "per-session", seats, ...partial });
const H6 = horizonDaysOf(6);

describe("parameters", () => {
  test.each([
    [6, 183],
    [12, 365],
    [24, 731],
  ])("a %i-month horizon is %i days (months of 365.25/12 days)", (months, days) => expect(horizonDaysOf(months)).toBe(days));

  test.each([
    [{}, { horizonMonths: 12, leadDays: 30, pool: null }],
    [{ horizon: "24", leadDays: "0", pool: "soft-local:srv-ts" }, { horizonMonths: 24, leadDays: 0, pool: "soft-local:srv-ts" }],
    [{ horizon: "6", leadDays: "365" }, { horizonMonths: 6, leadDays: 365, pool: null }],
    // Values the page does not offer fall back to the defaults: a shared link with a typo still opens.
    [{ horizon: "7", leadDays: "366" }, { horizonMonths: 12, leadDays: 30, pool: null }],
    [{ horizon: "abc", leadDays: "-5", pool: "  " }, { horizonMonths: 12, leadDays: 30, pool: null }],
    [{ horizon: ["6", "24"], leadDays: "1.5" }, { horizonMonths: 6, leadDays: 30, pool: null }],
  ] as const)("%j → %j", (params, expected) => expect(parsePlanningParams(params as Record<string, string | string[]>)).toEqual(expected));

  test("the history window starts at UTC midnight 180 days before today and ends now, so daily buckets are whole days", () => {
    expect(historyWindow(NOW)).toEqual({ from: Date.UTC(2025, 6, 19), to: NOW });
    expect(historyWindow(NOW, 7)).toEqual({ from: Date.UTC(2026, 0, 8), to: NOW });
  });

  test("daily buckets become the engine's daily peaks, one UTC date each", () => {
    expect(dailyPeaks([{ t: Date.UTC(2026, 0, 13), inUse: 4 }, { t: Date.UTC(2026, 0, 14), inUse: 0 }])).toEqual([
      { date: "2026-01-13", peak: 4 },
      { date: "2026-01-14", peak: 0 },
    ]);
  });

  test.each([
    [0, 0],
    [-3, 0],
    [10, 10],
    [10.2, 11],
    [110.00000000000001, 110],
    [61.375, 62],
  ])("%f seats of demand need %i seats", (value, seats) => expect(seatsFor(value)).toBe(seats));
});

describe("poolDemand — trend, crossing, shortfall, buy-by date", () => {
  test.each([
    // capacity, horizon days, lead days → trend today, crossing, at horizon, needed, shortfall, runs out, buy by
    ["crosses within the horizon; the lead time reaches back before today, so today", 20, H6, 30, 15.625, "2026-02-02", 61.375, 62, 42, "2026-02-02", TODAY],
    ["crosses; ordered 10 days before", 20, H6, 10, 15.625, "2026-02-02", 61.375, 62, 42, "2026-02-02", "2026-01-23"],
    ["crosses; no lead time", 20, H6, 0, 15.625, "2026-02-02", 61.375, 62, 42, "2026-02-02", "2026-02-02"],
    ["does not reach capacity within 6 months", 70, H6, 30, 15.625, null, 61.375, 62, 0, null, null],
    // 8 + 0.25 × (30.5 + 365) = 106.875
    ["…but does within 12 months", 70, 365, 30, 15.625, "2026-08-21", 106.875, 107, 37, "2026-08-21", "2026-07-22"],
    ["already over capacity: runs out today, buy today", 15, H6, 30, 15.625, null, 61.375, 62, 47, TODAY, TODAY],
  ] as const)("%s", (_, capacity, horizonDays, leadDays, trendNow, crossing, atHorizon, needed, shortfall, runsOutOn, buyBy) => {
    const d = poolDemand(pool(capacity), GROWING, { now: NOW, horizonDays, leadDays });
    expect(d.trend.status).toBe("ok");
    expect(d.trendNow).toBeCloseTo(trendNow, 9);
    expect(d.trend.crossing).toBe(crossing);
    expect(d.trendAtHorizon).toBeCloseTo(atHorizon, 9);
    expect(d.p95).toBeCloseTo(14.65, 9); // 8 + 0.95 × 7 over the peaks 8…15
    expect(d.peak).toBe(15);
    expect([d.needed, d.shortfall, d.runsOutOn, d.buyBy]).toEqual([needed, shortfall, runsOutOn, buyBy]);
  });

  test("a falling line never argues away the p95 daily peak: demand stays at p95, short from today", () => {
    // 20, 19, …, 11 on consecutive days up to yesterday: p95 = 11 + 0.95 × 9 = 19.55 → 20 seats.
    const falling = Array.from({ length: 10 }, (_, i) => ({ date: plusDays("2026-01-05", i), peak: 20 - i }));
    const d = poolDemand(pool(15), falling, { now: NOW, horizonDays: H6, leadDays: 30 });
    expect(d.trend.status === "ok" && d.trend.slopePerMonth < 0).toBe(true);
    expect(d.trend.crossing).toBeNull();
    expect(d.p95).toBeCloseTo(19.55, 9);
    expect([d.needed, d.shortfall, d.runsOutOn, d.buyBy]).toEqual([20, 5, TODAY, TODAY]);
  });

  test("one day of data is no trend, but its peak still counts (p95 of one value is that value)", () => {
    const d = poolDemand(pool(5), [{ date: "2026-01-14", peak: 7 }], { now: NOW, horizonDays: H6, leadDays: 30 });
    expect(d.trend.status).toBe("not-enough-data");
    expect([d.trendNow, d.trendAtHorizon, d.p95, d.needed, d.shortfall, d.buyBy]).toEqual([null, null, 7, 7, 2, TODAY]);
  });

  test("no captures at all: nothing needed, nothing short", () => {
    const zeros = [0, 1, 2].map((i) => ({ date: plusDays("2026-01-10", i), peak: 0 }));
    const d = poolDemand(pool(10), zeros, { now: NOW, horizonDays: H6, leadDays: 30 });
    expect([d.p95, d.peak, d.needed, d.shortfall, d.runsOutOn, d.buyBy]).toEqual([null, 0, 0, 0, null, null]);
  });

  test("trendAt reads the engine's line on its own axis: its value today is the engine's `current`", () => {
    const d = poolDemand(pool(20), GROWING, { now: NOW, horizonDays: H6, leadDays: 30 });
    expect(trendAt(d.trend, NOW)).toBeCloseTo(d.trend.status === "ok" ? d.trend.current : NaN, 9);
    expect(trendAt(d.trend, day("2025-12-16"))).toBeCloseTo(8, 9);
    expect(trendAt(d.trend, day("2026-02-02"))).toBeCloseTo(20, 9);
  });
});

/** A demand short by `shortfall` seats on a pool of `source`, buy by 2026-03-01. */
const shortBy = (shortfall: number, source: PlanPool["source"] = "soft-server", buyBy = "2026-03-01"): PoolDemand =>
  ({ pool: pool(10, { source, id: `${source}:host`, keySeries: source.startsWith("hasp") ? "ORG8A" : undefined }), needed: 10 + shortfall, shortfall, runsOutOn: buyBy, buyBy }) as PoolDemand;

describe("purchaseFor — the kits (or the key) that cover a shortfall", () => {
  const prices = { kitSizes: DEFAULT_SETTINGS.kitSizes, kitPrices: DEFAULT_SETTINGS.kitPrices };
  test.each([
    // 5 + 1 = 38 600 ₽ beats one 10-seat kit (57 000 ₽) and six 1-seat kits (51 600 ₽).
    ["soft pool, 6 short", 6, "soft-server", prices, "kits", [[5, 1, 3_000_000], [1, 1, 860_000]], 6, 3_860_000],
    ["soft pool, 9 short: one 10-seat kit beats 5 + 4 × 1", 9, "soft-local", prices, "kits", [[10, 1, 5_700_000]], 10, 5_700_000],
    ["soft pool, 600 short: 500 + 100", 600, "soft-server", prices, "kits", [[500, 1, 216_000_000], [100, 1, 48_000_000]], 600, 264_000_000],
    // §2: a HASP pool grows by one key of another series — the cheapest size covering 6 alone.
    ["network key pool, 6 short: one 10-user key", 6, "hasp-network", prices, "key", [[10, 1, 5_700_000]], 10, 5_700_000],
    ["local key pool, 1 short: one 1-user key", 1, "hasp-local", prices, "key", [[1, 1, 860_000]], 1, 860_000],
    ["network key pool beyond the largest size: several keys", 600, "hasp-network", prices, "key", [[500, 1, 216_000_000], [100, 1, 48_000_000]], 600, 264_000_000],
    ["only one size priced: it is used", 6, "soft-server", { kitSizes: prices.kitSizes, kitPrices: { "10": 5_700_000 } }, "kits", [[10, 1, 5_700_000]], 10, 5_700_000],
  ] as const)("%s", (_, shortfall, source, settings, kind, kits, seats, cost) => {
    const line = purchaseFor(shortBy(shortfall, source), settings)!;
    expect(line.kind).toBe(kind);
    expect(line.kits.map((k) => [k.size, k.count, k.total])).toEqual(kits);
    expect([line.seatsBought, line.cost, line.buyBy, line.shortfall]).toEqual([seats, cost, "2026-03-01", shortfall]);
  });

  test("no size has a price: the combination with the least surplus, and no money", () => {
    const line = purchaseFor(shortBy(6), { kitSizes: prices.kitSizes, kitPrices: {} })!;
    expect(line.kits).toEqual([
      { size: 5, count: 1, unitPrice: null, total: null },
      { size: 1, count: 1, unitPrice: null, total: null },
    ]);
    expect([line.seatsBought, line.cost]).toEqual([6, null]);
    const key = purchaseFor(shortBy(6, "hasp-network"), { kitSizes: prices.kitSizes, kitPrices: {} })!;
    expect([key.kits, key.seatsBought, key.cost]).toEqual([[{ size: 10, count: 1, unitPrice: null, total: null }], 10, null]);
  });

  test("nothing short: no line", () => {
    expect(purchaseFor(shortBy(0), prices)).toBeNull();
  });

  fcTest.prop([
    fc.integer({ min: 1, max: 2000 }),
    fc.constantFrom("soft-server", "soft-local", "hasp-network", "hasp-local"),
    fc.uniqueArray(fc.integer({ min: 1, max: 600 }), { minLength: 1, maxLength: 6 }),
    fc.array(fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: undefined }), { minLength: 6, maxLength: 6 }),
  ])("bought seats always cover the shortfall, and the cost is the sum of the kits' prices", (shortfall, source, kitSizes, maybePrices) => {
    const kitPrices: Record<string, number> = {};
    kitSizes.forEach((size, i) => {
      if (maybePrices[i] !== undefined) kitPrices[String(size)] = maybePrices[i]!;
    });
    const line = purchaseFor(shortBy(shortfall, source as PlanPool["source"]), { kitSizes, kitPrices })!;
    expect(line.seatsBought).toBeGreaterThanOrEqual(shortfall);
    expect(line.kits.reduce((sum, k) => sum + k.size * k.count, 0)).toBe(line.seatsBought);
    for (const k of line.kits) expect(kitSizes).toContain(k.size);
    if (line.cost !== null) {
      expect(line.kits.every((k) => k.unitPrice === kitPrices[String(k.size)] && k.total === k.unitPrice! * k.count)).toBe(true);
      expect(line.cost).toBe(line.kits.reduce((sum, k) => sum + k.total!, 0));
    } else {
      expect(line.kits.some((k) => k.unitPrice === null)).toBe(true);
    }
    if (line.kind === "key" && Math.max(...kitSizes) >= shortfall) expect(line.kits).toHaveLength(1);
  });
});

describe("totals per quarter and per year", () => {
  const line = (buyBy: string, seats: number, cost: number | null): PurchaseLine => ({ ...purchaseFor(shortBy(seats, "soft-server", buyBy), { kitSizes: [1], kitPrices: { "1": 100 } })!, seatsBought: seats, cost });

  test.each([
    ["2026-01-15", "2026-Q1"],
    ["2026-03-31", "2026-Q1"],
    ["2026-04-01", "2026-Q2"],
    ["2026-09-30", "2026-Q3"],
    ["2026-12-31", "2026-Q4"],
  ])("%s is in %s", (date, quarter) => expect(quarterOf(date)).toBe(quarter));

  test("lines sum by the quarter and the year of their buy-by date; unpriced lines count seats, not money", () => {
    const lines = [line("2026-05-01", 5, 3_000_000), line("2026-01-20", 10, 5_700_000), line("2026-02-01", 1, null), line("2027-01-02", 20, 10_800_000)];
    expect(totalsBy(lines, quarterOf)).toEqual([
      { period: "2026-Q1", seats: 11, cost: 5_700_000, lines: 2, unpriced: 1 },
      { period: "2026-Q2", seats: 5, cost: 3_000_000, lines: 1, unpriced: 0 },
      { period: "2027-Q1", seats: 20, cost: 10_800_000, lines: 1, unpriced: 0 },
    ]);
    expect(totalsBy(lines, (d) => d.slice(0, 4))).toEqual([
      { period: "2026", seats: 16, cost: 8_700_000, lines: 3, unpriced: 1 },
      { period: "2027", seats: 20, cost: 10_800_000, lines: 1, unpriced: 0 },
    ]);
  });

  test("the plan lists short pools by buy-by date, with its grand total", () => {
    const plan = purchasePlan([shortBy(9, "soft-local", "2026-06-01"), shortBy(0), shortBy(6, "hasp-network", "2026-02-01")], { ...DEFAULT_SETTINGS });
    expect(plan.lines.map((l) => [l.poolId, l.buyBy, l.seatsBought])).toEqual([
      ["hasp-network:host", "2026-02-01", 10],
      ["soft-local:host", "2026-06-01", 10],
    ]);
    expect(plan.total).toEqual({ seats: 20, cost: 11_400_000, lines: 2, unpriced: 0 });
    expect(plan.quarters.map((q) => q.period)).toEqual(["2026-Q1", "2026-Q2"]);
    expect(plan.years).toEqual([{ period: "2026", seats: 20, cost: 11_400_000, lines: 2, unpriced: 0 }]);
    expect(plan.currency).toBe("RUB");
    expect(purchasePlan([], DEFAULT_SETTINGS).total).toEqual({ seats: 0, cost: 0, lines: 0, unpriced: 0 });
  });
});

describe("runwayRows — which kits need the Licensing Center within the horizon", () => {
  const runway = (partial: Partial<KitRunway> & { kitId: number }): KitRunway => ({
    ratePerYear: 0.5,
    ratePerComputerYear: 0.5,
    rateSource: "company",
    reason: null,
    backupsLeft: 1,
    expectedExhaustion: null,
    probabilityWithin6Months: 0.2,
    probabilityWithin12Months: 0.4,
    exhausted: false,
    ...partial,
  });
  const forecast: PinRunwayForecast = {
    companyRatePerComputerYear: 0.5,
    method: { en: "m", ru: "м" },
    kits: [
      runway({ kitId: 1, backupsLeft: 0, exhausted: true, expectedExhaustion: NOW }),
      runway({ kitId: 2, expectedExhaustion: NOW + 100 * DAY }),
      runway({ kitId: 3, expectedExhaustion: NOW + 200 * DAY }),
      // As kit-runway.ts reports a kit whose PIN set is not chosen yet: 0 backups, yet not exhausted (nothing spent, §1.2).
      runway({ kitId: 4, rateSource: "none", reason: "not-activated", ratePerYear: 0, ratePerComputerYear: null, probabilityWithin6Months: null, probabilityWithin12Months: null, backupsLeft: 0, exhausted: false }),
    ],
  };
  const kits = [1, 2, 3].map((id) => ({ id, regNumber: `81000000${id}`, product: `Kit ${id}` }));

  test.each([
    // kit, horizon days → needs the Center, when, expected exhaustion
    [1, 183, true, TODAY, TODAY],
    [2, 183, true, "2026-04-25", "2026-04-25"],
    [3, 183, false, null, "2026-08-03"],
    [3, 365, true, "2026-08-03", "2026-08-03"],
    [4, 365, false, null, null],
  ] as const)("kit %i with a %i-day horizon: needs the Center %s, by %s", (kitId, horizonDays, needsCenter, needBy, exhaustion) => {
    const row = runwayRows(forecast, kits, NOW, horizonDays).find((r) => r.kitId === kitId)!;
    expect([row.needsCenter, row.needBy, row.expectedExhaustion]).toEqual([needsCenter, needBy, exhaustion]);
  });

  test("a kit without a forecast has no rate; a kit missing from the list keeps its id as its name", () => {
    const rows = runwayRows(forecast, kits, NOW, 183);
    expect(rows.find((r) => r.kitId === 4)).toMatchObject({ ratePerYear: null, rateSource: "none", reason: "not-activated", regNumber: "4", product: "", notActivated: true, exhausted: false, needsCenter: false });
    expect(rows.find((r) => r.kitId === 1)).toMatchObject({ notActivated: false, exhausted: true });
    expect(rows.find((r) => r.kitId === 2)).toMatchObject({ ratePerYear: 0.5, regNumber: "810000002", product: "Kit 2", probabilityWithin6Months: 0.2 });
  });
});

const owned = (partial: Partial<OwnedKit> & { id: number }): OwnedKit => ({ regNumber: `8100000${partial.id}`, product: "p", kind: "client", protection: "software", seats: 5, purchaseDate: "2024-01-01", priceMinor: 100, currency: "RUB", ...partial });

describe("owned and paid", () => {
  test("seats of every kit but server licenses; money per currency; kits without a price counted apart", () => {
    const kits = [owned({ id: 1, seats: 1, kind: "basic", priceMinor: 3_960_000 }), owned({ id: 2, seats: 10, priceMinor: 5_004_000 }), owned({ id: 3, seats: 0, kind: "server", priceMinor: 8_640_000 }), owned({ id: 4, seats: 20, protection: "hardware", priceMinor: null }), owned({ id: 5, seats: 5, currency: "EUR", priceMinor: 50_000 })];
    expect(ownedTotals(kits)).toEqual({ kits: 5, seats: 36, paid: [{ currency: "EUR", minor: 50_000 }, { currency: "RUB", minor: 17_604_000 }], unpriced: 1 });
    expect(ownedTotals([])).toEqual({ kits: 0, seats: 0, paid: [], unpriced: 0 });
  });
});

describe("the chart and the whole page", () => {
  test("daily peaks up to today (days without seats held left out, as in the fit), then a point a week to the horizon, the crossing day included; the line from its first day", () => {
    const demand = poolDemand(pool(20), GROWING, { now: NOW, horizonDays: 30, leadDays: 0 });
    const points = trendChartData(demand, { from: day("2025-12-14") }, { now: NOW, horizonDays: 30 });
    const at = (iso: string) => points.find((p) => p.t === day(iso));
    expect(points[0]).toEqual({ t: day("2025-12-16"), peak: 8, trend: 8, capacity: 20 });
    expect(at("2025-12-20")).toEqual({ t: day("2025-12-20"), peak: 9, trend: 9, capacity: 20 });
    // Days without seats held (and before the first one) are not drawn, as the fit leaves them out.
    expect(at("2025-12-14")).toBeUndefined();
    expect(at("2025-12-17")).toBeUndefined();
    expect(at(TODAY)).toBeUndefined();
    expect(points.filter((p) => p.t <= day(TODAY)).map((p) => p.peak)).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    expect(points.filter((p) => p.t > day(TODAY)).map((p) => new Date(p.t).toISOString().slice(0, 10))).toEqual(["2026-01-22", "2026-01-29", "2026-02-02", "2026-02-05", "2026-02-12", "2026-02-14"]);
    expect(at("2026-02-02")?.trend).toBe(20);
    expect(points.every((p, i) => i === 0 || p.t > points[i - 1].t)).toBe(true);
  });

  test("buildPlanning: every pool's demand, the plan, the runway, the owned kits, and the pool the chart shows", () => {
    const pools = [pool(70, { id: "a", source: "soft-local", counting: "per-computer" }), pool(20, { id: "b" })];
    const series = new Map([
      ["a", GROWING.map((p) => ({ t: day(p.date), inUse: p.peak }))],
      ["b", GROWING.map((p) => ({ t: day(p.date), inUse: p.peak }))],
    ]);
    const input = {
      now: NOW,
      pools,
      dailySeries: series,
      settings: DEFAULT_SETTINGS,
      runway: { companyRatePerComputerYear: null, method: { en: "", ru: "" }, kits: [] },
      kits: [owned({ id: 1, seats: 70 }), owned({ id: 2, seats: 20 })],
    };
    const model = buildPlanning({ ...input, params: { horizonMonths: 6, leadDays: 30, pool: null } });
    expect(model.horizonDays).toBe(183);
    expect(model.window).toEqual(historyWindow(NOW));
    expect(model.demands.map((d) => [d.pool.id, d.needed, d.shortfall])).toEqual([
      ["a", 62, 0],
      ["b", 62, 42],
    ]);
    expect(model.plan.lines.map((l) => l.poolId)).toEqual(["b"]);
    expect(model.chartPool).toBe("b");
    expect(model.summary).toEqual({ seatsOwned: 90, seatsInPools: 90, seatsToBuy: model.plan.lines[0].seatsBought, cost: model.plan.lines[0].cost, unpriced: 0, kitsNeedingCenter: 0 });
    expect(buildPlanning({ ...input, params: { horizonMonths: 24, leadDays: 30, pool: "a" } }).chartPool).toBe("a");
    expect(buildPlanning({ ...input, params: { horizonMonths: 6, leadDays: 30, pool: "nope" } }).chartPool).toBe("b");
    expect(buildPlanning({ ...input, pools: [], params: { horizonMonths: 6, leadDays: 30, pool: null } }).chartPool).toBeNull();
    // Nothing to buy: the pool that refused most sessions, and its denials travel with its demand.
    const calm = { ...input, pools: [pool(200, { id: "a" }), pool(100, { id: "b" })], denials: new Map([["b", 7]]) };
    const refusing = buildPlanning({ ...calm, params: { horizonMonths: 6, leadDays: 30, pool: null } });
    expect(refusing.plan.lines).toEqual([]);
    expect(refusing.chartPool).toBe("b");
    expect(refusing.demands.map((d) => d.denials)).toEqual([0, 7]);
    // No denials either: the fullest pool.
    expect(buildPlanning({ ...calm, denials: undefined, params: { horizonMonths: 6, leadDays: 30, pool: null } }).chartPool).toBe("b");
  });
});

describe("worstRefusalDay — the demand a full pool hid, on its worst day", () => {
  const at = (day: string, hour: number) => Date.parse(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
  test.each([
    { name: "no refusals", events: [], want: null },
    {
      name: "the same person refused three times counts once; another computer is another person",
      events: [
        { at: at("2026-11-30", 9), user: "Иванова", host: "buh-01" },
        { at: at("2026-11-30", 10), user: "иванова", host: "BUH-01" },
        { at: at("2026-11-30", 11), user: "Иванова", host: "buh-01" },
        { at: at("2026-11-30", 12), user: "Иванова", host: "buh-02" },
        { at: at("2026-11-27", 9), user: "Петров", host: "sales-01" },
      ],
      want: { date: "2026-11-30", people: 2 },
    },
    {
      name: "nameless events count one each",
      events: [
        { at: at("2026-11-30", 9), user: null, host: null },
        { at: at("2026-11-30", 9), user: null, host: null },
      ],
      want: { date: "2026-11-30", people: 2 },
    },
    {
      name: "a tie goes to the later day",
      events: [
        { at: at("2026-11-02", 9), user: "a", host: "x" },
        { at: at("2026-11-30", 9), user: "b", host: "y" },
      ],
      want: { date: "2026-11-30", people: 1 },
    },
  ])("$name", ({ events, want }) => {
    expect(worstRefusalDay(events)).toEqual(want);
  });
});
