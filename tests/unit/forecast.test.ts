import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import {
  cheapestKits,
  DEFAULT_RUNWAY_OPTIONS,
  forecastDemandTrend,
  forecastPinRunway,
  formatMoney,
  percentile,
  planPurchase,
  poissonAtLeast,
  trendLine,
  type DailyPeak,
  type KitRunwayInput,
} from "@/lib/licensing/forecast";
import { DEFAULT_SETTINGS, STANDARD_KIT_SIZES } from "@/lib/licensing/settings";

const DAY = 86_400_000;
/** 365.25 days: the forecasts' year; 6 months = half of it. */
const YEAR = 365.25 * DAY;
const NOW = Date.UTC(2025, 0, 1);
const close = (value: number, digits = 6) => expect.closeTo(value, digits);
/** Intl puts no-break spaces in money ("RUB 1,234.00", "1 234,00 ₽"); compare text with ordinary spaces. */
const spaces = (s: string) => s.replace(/\s/g, " ");

const kit = (partial: Partial<KitRunwayInput> & { kitId: number }): KitRunwayInput => ({
  backupsLeft: 2,
  licensedComputers: 1,
  firstActivatedAt: null,
  hardwareChanges: [],
  ...partial,
});

describe("poissonAtLeast — the tail behind §1.3 runway probabilities", () => {
  test.each([
    ["no change needed is certain", 0, 5, 1],
    ["a rate of 0 never reaches one change", 1, 0, 0],
    // P(N ≥ 1) = 1 − e^−0.5 = 0.393469
    ["at least 1 at mean 0.5", 1, 0.5, 0.393469],
    // P(N ≥ 2) = 1 − e^−1 (1 + 1) = 1 − 0.735759 = 0.264241
    ["at least 2 at mean 1", 2, 1, 0.264241],
    // P(N ≥ 3) = 1 − e^−10 (1 + 10 + 50) = 1 − 61 × 0.0000453999 = 0.997231
    ["at least 3 at mean 10", 3, 10, 0.997231],
    // Tables: P(N ≤ 9 | 10) = 0.457930, so P(N ≥ 10) = 0.542070
    ["at least 10 at mean 10", 10, 10, 0.54207],
    // Normal approximation with continuity: 0.5 + 1 / (3√(2π·10⁶)) = 0.500133; e^−10⁶ underflows without log space
    ["a huge mean does not underflow", 1_000_000, 1_000_000, 0.500133],
  ])("%s", (_name, k, mu, expected) => {
    expect(poissonAtLeast(k, mu)).toEqual(close(expected));
  });
});

describe("forecastPinRunway — DOMAIN §1.2–1.3 PIN runway", () => {
  // Company: exposure = kit 1 (1 computer × 2 years) + kit 2 (10 × 1 year) + kit 5 (4 × 0 years) = 12
  // licensed computer-years; counted changes = 3 (kit 1) + 1 (kit 2) = 4 → 4 ÷ 12 = 1/3 per computer-year.
  // Kit 4 has no licensed computers: neither its 2 changes nor its history count (same kits above and below the line).
  const company: KitRunwayInput[] = [
    kit({
      kitId: 1,
      backupsLeft: 1,
      licensedComputers: 1,
      firstActivatedAt: NOW - 2 * YEAR,
      // 3 in the window; one before the first activation and one after now are not counted.
      hardwareChanges: [NOW - 3 * YEAR, NOW - 1.5 * YEAR, NOW - YEAR, NOW - 0.5 * YEAR, NOW + DAY],
    }),
    kit({ kitId: 2, backupsLeft: 2, licensedComputers: 10, firstActivatedAt: NOW - YEAR, hardwareChanges: [NOW - 0.5 * YEAR] }),
    kit({ kitId: 3, backupsLeft: 2, licensedComputers: 0, firstActivatedAt: null }),
    kit({ kitId: 4, backupsLeft: 1, licensedComputers: 0, firstActivatedAt: NOW - 2 * YEAR, hardwareChanges: [NOW - YEAR, NOW - DAY] }),
    kit({ kitId: 5, backupsLeft: 0, licensedComputers: 4, firstActivatedAt: NOW }),
  ];
  const forecast = forecastPinRunway(company, NOW);

  test("§1.3: the company rate is all counted changes ÷ all licensed computer-years (4 ÷ 12)", () => {
    expect(forecast.companyRatePerComputerYear).toEqual(close(1 / 3));
  });

  test.each([
    [
      // Own rate: 3 changes ≥ 2, 730.5 days ≥ 365 → 3 ÷ (1 computer × 2 years) = 1.5 per computer-year × 1 computer = 1.5/year.
      // Exhaustion: now + 1 backup ÷ 1.5 = 2/3 year = 243.5 days = 21,038,400,000 ms.
      // 6 months: μ = 0.75, P(N ≥ 1) = 1 − e^−0.75 = 0.527633; 12 months: μ = 1.5, 1 − e^−1.5 = 0.776870.
      "§1.3: enough changes and history → the kit's own rate",
      1,
      { rateSource: "kit", reason: null, ratePerComputerYear: close(1.5), ratePerYear: close(1.5), expectedExhaustion: NOW + 21_038_400_000, probabilityWithin6Months: close(0.527633), probabilityWithin12Months: close(0.77687), exhausted: false },
    ],
    [
      // 1 change < 2 → company rate 1/3 × 10 computers = 10/3 per year. Exhaustion: 2 ÷ 10/3 = 0.6 year = 219.15 days = 18,934,560,000 ms.
      // 6 months: μ = 5/3, P(N ≥ 2) = 1 − e^−5/3 (1 + 5/3) = 1 − 0.188876 × 2.666667 = 0.496332.
      // 12 months: μ = 10/3, 1 − e^−10/3 (1 + 10/3) = 1 − 0.035674 × 4.333333 = 0.845413.
      "§1.3: too few changes of its own → the company rate × the kit's licensed computers",
      2,
      { rateSource: "company", reason: null, ratePerComputerYear: close(1 / 3), ratePerYear: close(10 / 3), expectedExhaustion: NOW + 18_934_560_000, probabilityWithin6Months: close(0.496332), probabilityWithin12Months: close(0.845413), exhausted: false },
    ],
    ["§1.3: a kit never activated has no forecast", 3, { rateSource: "none", reason: "not-activated", ratePerYear: 0, ratePerComputerYear: null, expectedExhaustion: null, probabilityWithin6Months: null, probabilityWithin12Months: null, exhausted: false }],
    ["§1.3: a kit with no licensed computers has nothing whose hardware can change", 4, { rateSource: "none", reason: "no-licensed-computers", ratePerYear: 0, expectedExhaustion: null, probabilityWithin6Months: null, exhausted: false }],
    [
      // Zero history → company rate 1/3 × 4 computers = 4/3 per year. No backup left: exhausted, expected exhaustion = now + 0.
      // The NEXT change needs the Licensing Center: 6 months μ = 2/3, 1 − e^−2/3 = 0.486583; 12 months μ = 4/3, 1 − e^−4/3 = 0.736403.
      "§1.2: no backup left → exhausted; the probability is that of the next change",
      5,
      { rateSource: "company", ratePerYear: close(4 / 3), expectedExhaustion: NOW, probabilityWithin6Months: close(0.486583), probabilityWithin12Months: close(0.736403), exhausted: true },
    ],
  ])("%s", (_name, kitId, expected) => {
    expect(forecast.kits.find((k) => k.kitId === kitId)).toMatchObject(expected);
  });

  test("§1.3: enough changes but under a year of history → the company rate", () => {
    // Company: 2 changes ÷ (1 × 0.5 + 3 × 2.5 = 8 computer-years) = 0.25 per computer-year.
    const { kits } = forecastPinRunway(
      [
        kit({ kitId: 1, backupsLeft: 2, licensedComputers: 1, firstActivatedAt: NOW - 0.5 * YEAR, hardwareChanges: [NOW - 0.25 * YEAR, NOW - 0.1 * YEAR] }),
        kit({ kitId: 2, backupsLeft: 1, licensedComputers: 3, firstActivatedAt: NOW - 2.5 * YEAR }),
      ],
      NOW,
    );
    // Kit 1: 0.25/year; 2 backups last 8 years. 6 months μ = 0.125: 1 − e^−0.125 × 1.125 = 0.007191; 12 months μ = 0.25: 1 − 0.778801 × 1.25 = 0.026499.
    expect(kits[0]).toMatchObject({ rateSource: "company", ratePerYear: close(0.25), expectedExhaustion: NOW + 8 * YEAR, probabilityWithin6Months: close(0.007191), probabilityWithin12Months: close(0.026499) });
    // Kit 2: 0.25 × 3 = 0.75/year; 1 backup lasts 4/3 year. 6 months μ = 0.375: 1 − e^−0.375 = 0.312711; 12 months μ = 0.75: 0.527633.
    expect(kits[1]).toMatchObject({ rateSource: "company", ratePerYear: close(0.75), expectedExhaustion: NOW + Math.round((4 / 3) * YEAR), probabilityWithin6Months: close(0.312711), probabilityWithin12Months: close(0.527633) });
  });

  test.each([
    // 2 changes over 365 days on 2 computers: own rate 2 ÷ (2 × 365/365.25) = 1.000685 per computer-year.
    ["exactly minHistoryDays of history qualifies", 365, "kit", 2 / (2 * (365 / 365.25))],
    // 364 days is short → company rate; the company is this kit alone: the same 2 ÷ (2 × 364/365.25).
    ["a day less does not", 364, "company", 2 / (2 * (364 / 365.25))],
  ])("§1.3: %s", (_name, days, source, perComputer) => {
    const { kits } = forecastPinRunway([kit({ kitId: 1, licensedComputers: 2, firstActivatedAt: NOW - days * DAY, hardwareChanges: [NOW - 100 * DAY, NOW - 50 * DAY] })], NOW);
    expect(kits[0]).toMatchObject({ rateSource: source, ratePerComputerYear: close(perComputer) });
  });

  test("§1.3: zero history everywhere → no rate can be measured", () => {
    const { kits, companyRatePerComputerYear } = forecastPinRunway([kit({ kitId: 1, licensedComputers: 3, firstActivatedAt: NOW })], NOW);
    expect(companyRatePerComputerYear).toBeNull();
    expect(kits[0]).toMatchObject({ rateSource: "none", reason: "no-company-history", expectedExhaustion: null, probabilityWithin12Months: null });
  });

  test("§1.2: a kit never activated is not exhausted, even when its reserve count is 0 (a combined kit before its mode is chosen)", () => {
    const { kits } = forecastPinRunway([kit({ kitId: 1, backupsLeft: 0, licensedComputers: 0, firstActivatedAt: null })], NOW);
    expect(kits[0]).toMatchObject({ rateSource: "none", reason: "not-activated", exhausted: false });
  });

  test("§1.3: history without a single change → rate 0: no exhaustion date, probability 0, still flagged when exhausted", () => {
    const { kits } = forecastPinRunway(
      [
        kit({ kitId: 1, backupsLeft: 0, licensedComputers: 2, firstActivatedAt: NOW - YEAR }),
        kit({ kitId: 2, backupsLeft: 2, licensedComputers: 2, firstActivatedAt: NOW - YEAR }),
      ],
      NOW,
    );
    expect(kits[0]).toMatchObject({ rateSource: "company", ratePerYear: 0, expectedExhaustion: null, probabilityWithin6Months: 0, probabilityWithin12Months: 0, exhausted: true });
    expect(kits[1]).toMatchObject({ rateSource: "company", ratePerYear: 0, expectedExhaustion: null, probabilityWithin12Months: 0, exhausted: false });
  });

  test("§1.3: the own-rate thresholds are options", () => {
    // Kit 1: 1 change, half a year, 2 computers. Company = 1 ÷ (2 × 0.5 + 10 × 1 = 11) = 1/11.
    const kits = [
      kit({ kitId: 1, licensedComputers: 2, firstActivatedAt: NOW - 0.5 * YEAR, hardwareChanges: [NOW - DAY] }),
      kit({ kitId: 2, licensedComputers: 10, firstActivatedAt: NOW - YEAR }),
    ];
    // Defaults (2 changes, 365 days): company 1/11 × 2 = 0.181818/year.
    expect(forecastPinRunway(kits, NOW).kits[0]).toMatchObject({ rateSource: "company", ratePerYear: close(2 / 11) });
    // 1 change and 0 days are enough: own 1 ÷ (2 × 0.5) = 1 per computer-year × 2 = 2/year.
    expect(forecastPinRunway(kits, NOW, { minEventsForOwnRate: 1, minHistoryDays: 0 }).kits[0]).toMatchObject({ rateSource: "kit", ratePerYear: close(2) });
  });

  test("the method text names the thresholds in both languages", () => {
    const { method } = forecastPinRunway([], NOW, DEFAULT_RUNWAY_OPTIONS);
    expect(method.en).toContain("Poisson process");
    expect(method.en).toContain("at least 2 such changes and at least 365 days");
    expect(method.en).toContain("1C Licensing Center");
    expect(method.en).toContain("365.25/12 days");
    expect(method.ru).toContain("пуассоновский процесс");
    expect(method.ru).toContain("от 2 таких смен");
    expect(method.ru).toContain("от 365 дней");
    expect(forecastPinRunway([], NOW, { minEventsForOwnRate: 1, minHistoryDays: 1 }).method.ru).toContain("от 1 такой смены и с первой активации прошло от 1 дня");
  });

  const arbitraryKit = fc.record({
    kitId: fc.nat(),
    backupsLeft: fc.integer({ min: 0, max: 6 }),
    licensedComputers: fc.integer({ min: 0, max: 300 }),
    firstActivatedAt: fc.option(fc.integer({ min: 0, max: 6 * 365 }).map((days) => NOW - days * DAY), { nil: null }),
    hardwareChanges: fc.array(fc.integer({ min: -7 * 365, max: 30 }).map((days) => NOW + days * DAY), { maxLength: 30 }),
  });

  fcTest.prop([fc.array(arbitraryKit, { maxLength: 8 })])("probabilities stay within [0, 1] and never fall from 6 to 12 months", (kits) => {
    for (const k of forecastPinRunway(kits, NOW).kits) {
      if (k.rateSource === "none") {
        expect([k.probabilityWithin6Months, k.probabilityWithin12Months, k.expectedExhaustion]).toEqual([null, null, null]);
        continue;
      }
      const p6 = k.probabilityWithin6Months!;
      const p12 = k.probabilityWithin12Months!;
      expect(p6).toBeGreaterThanOrEqual(0);
      expect(p12).toBeLessThanOrEqual(1);
      expect(p6).toBeLessThanOrEqual(p12);
      expect(k.ratePerYear).toBeGreaterThanOrEqual(0);
      if (k.expectedExhaustion !== null) expect(k.expectedExhaustion).toBeGreaterThanOrEqual(NOW);
      expect(k.exhausted).toBe(k.backupsLeft === 0);
    }
  });
});

describe("trendLine and percentile — shared with the seat simulation", () => {
  test("trendLine: ordinary least squares by hand", () => {
    // x̄ = 1.5, ȳ = 5; Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5; Sxy = 4.5 + 0.5 + 0 + 6 = 11 → slope 2.2, intercept 5 − 2.2 × 1.5 = 1.7.
    // Fitted 1.7, 3.9, 6.1, 8.3; SSres = 0.09 + 0.01 + 1.21 + 0.49 = 1.8; SStot = 9 + 1 + 0 + 16 = 26 → R² = 1 − 1.8/26 = 0.930769.
    expect(trendLine([{ x: 0, y: 2 }, { x: 1, y: 4 }, { x: 2, y: 5 }, { x: 3, y: 9 }])).toEqual({ slope: close(2.2), intercept: close(1.7), r2: close(0.930769), n: 4 });
  });

  test.each([
    ["no points", []],
    ["one point", [{ x: 1, y: 1 }]],
    ["every x the same", [{ x: 2, y: 1 }, { x: 2, y: 5 }]],
  ])("trendLine: %s → null", (_name, points) => {
    expect(trendLine(points)).toBeNull();
  });

  test.each([
    // rank = p/100 × (n − 1) over the sorted values, interpolated between its neighbours.
    ["the median of 1..4 (rank 1.5 → 2 + 0.5 × 1)", [1, 2, 3, 4], 50, 2.5],
    ["the 25th of 1..4 (rank 0.75 → 1 + 0.75 × 1)", [4, 3, 2, 1], 25, 1.75],
    ["the 95th of 10..50 (rank 3.8 → 40 + 0.8 × 10)", [10, 20, 30, 40, 50], 95, 48],
    ["the 90th of 1 1 2 3 4 5 6 9 (rank 6.3 → 6 + 0.3 × 3)", [3, 1, 4, 1, 5, 9, 2, 6], 90, 6.9],
    ["p = 0 is the minimum", [7, -2, 5], 0, -2],
    ["p = 100 is the maximum", [7, -2, 5], 100, 7],
    ["a single value is every percentile", [42], 37, 42],
  ])("percentile: %s", (_name, values, p, expected) => {
    expect(percentile(values, p)).toEqual(close(expected, 9));
  });

  test.each([
    ["no values", [], 50],
    ["p above 100", [1], 101],
    ["p below 0", [1], -1],
    ["p not a number", [1], Number.NaN],
  ])("percentile refuses %s", (_name, values, p) => {
    expect(() => percentile(values, p)).toThrow(RangeError);
  });

  const values = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), { minLength: 1, maxLength: 50 });
  const p = fc.double({ noNaN: true, min: 0, max: 100 });

  fcTest.prop([values, p, p])("percentile is monotone in p and stays within [min, max]", (vs, p1, p2) => {
    const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
    const a = percentile(vs, lo);
    const b = percentile(vs, hi);
    expect(a).toBeLessThanOrEqual(b);
    expect(a).toBeGreaterThanOrEqual(Math.min(...vs));
    expect(b).toBeLessThanOrEqual(Math.max(...vs));
  });

  fcTest.prop([fc.integer({ min: -50, max: 50 }), fc.integer({ min: -1000, max: 1000 }), fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 30 })])(
    "trendLine gives back the line its points were taken from",
    (slope, intercept, xs) => {
      const line = trendLine(xs.map((x) => ({ x, y: intercept + slope * x })))!;
      expect(line.slope).toBeCloseTo(slope, 6);
      expect(line.intercept).toBeCloseTo(intercept, 4);
      expect(line.r2).toBeCloseTo(1, 9);
    },
  );
});

describe("forecastDemandTrend — seat demand of a pool (§6: enough seats for the next quarter?)", () => {
  // Two weeks from Monday 2025-03-03: weekdays peak at 10 + 0.5 × day index, weekends 0 (left out).
  const weekdays: DailyPeak[] = Array.from({ length: 14 }, (_, i) => {
    const date = new Date(Date.UTC(2025, 2, 3 + i)).toISOString().slice(0, 10);
    const weekend = i % 7 === 5 || i % 7 === 6;
    return { date, peak: weekend ? 0 : 10 + 0.5 * i };
  });
  const now = Date.UTC(2025, 2, 16); // day index 13

  test.each([
    // Fitted exactly: 0.5 seats/day × 365.25/12 = 15.21875 a month; current = 10 + 0.5 × 13 = 16.5.
    // Capacity 30 is reached at day (30 − 10) / 0.5 = 40 = 2025-04-12; horizon 30 reaches day 13 + 30 = 43.
    ["a rising line reaches capacity within the horizon", 30, 30, { slopePerMonth: close(15.21875), intercept: close(10), r2: close(1), current: close(16.5), crossing: "2025-04-12", alreadyOver: false }],
    // Horizon 27 reaches day 40 exactly: still within.
    ["the crossing may fall on the horizon's last day", 30, 27, { crossing: "2025-04-12" }],
    // Horizon 26 reaches day 39 < 40.
    ["…but not a day beyond it", 30, 26, { crossing: null, alreadyOver: false }],
    // Current 16.5 ≥ 16.
    ["a fitted peak already at capacity is over, with no crossing date", 16, 90, { crossing: null, alreadyOver: true }],
  ])("%s", (_name, capacity, horizonDays, expected) => {
    const trend = forecastDemandTrend({ series: weekdays, capacity, now, horizonDays });
    expect(trend).toMatchObject({ status: "ok", points: 10, ignoredZeroDays: 4, origin: "2025-03-03", ...expected });
  });

  test("a noisy series: slope, R² and crossing by hand; now sits mid-day on the day axis", () => {
    const series = [2, 4, 5, 9].map((peak, i) => ({ date: `2025-01-0${i + 1}`, peak }));
    // OLS as in the trendLine test: slope 2.2/day, intercept 1.7, R² 0.930769; 2.2 × 30.4375 = 66.9625 a month.
    // now = 2025-01-04 12:00 UTC → day 3.5 → current 1.7 + 2.2 × 3.5 = 9.4.
    // Capacity 20 at day (20 − 1.7)/2.2 = 8.318 → first whole day 9 = 2025-01-10; horizon 7 reaches 10.5.
    const trend = forecastDemandTrend({ series, capacity: 20, now: Date.UTC(2025, 0, 4, 12), horizonDays: 7 });
    expect(trend).toMatchObject({ status: "ok", slopePerMonth: close(66.9625), intercept: close(1.7), r2: close(0.930769), current: close(9.4), crossing: "2025-01-10" });
    // Horizon 5 reaches 8.5 < 9.
    expect(forecastDemandTrend({ series, capacity: 20, now: Date.UTC(2025, 0, 4, 12), horizonDays: 5 }).crossing).toBeNull();
  });

  test.each([
    ["a flat line never reaches capacity (R² 1: it fits exactly)", [5, 5, 5], 10, { slopePerMonth: 0, r2: 1, crossing: null, alreadyOver: false }],
    ["a falling line never reaches capacity", [9, 8, 7], 10, { crossing: null, alreadyOver: false }],
    // Fitted 12, 13 → at day 1: 13 ≥ 10.
    ["peaks above capacity are already over", [12, 13], 10, { crossing: null, alreadyOver: true }],
  ])("%s", (_name, peaks, capacity, expected) => {
    const series = peaks.map((peak, i) => ({ date: `2025-05-1${i}`, peak }));
    expect(forecastDemandTrend({ series, capacity, now: Date.UTC(2025, 4, 10 + peaks.length - 1), horizonDays: 365 })).toMatchObject({ status: "ok", ...expected });
  });

  test.each([
    ["no data", [], 0, 0],
    ["one day", [{ date: "2025-01-01", peak: 3 }], 1, 0],
    ["one working day among zero days", [{ date: "2025-01-04", peak: 0 }, { date: "2025-01-05", peak: 0 }, { date: "2025-01-06", peak: 3 }], 1, 2],
  ])("fewer than 2 non-zero days → not enough data: %s", (_name, series, points, ignored) => {
    const trend = forecastDemandTrend({ series, capacity: 1, now: NOW, horizonDays: 90 });
    expect(trend).toMatchObject({ status: "not-enough-data", points, ignoredZeroDays: ignored, crossing: null, alreadyOver: false, slopePerMonth: null });
    expect(trend.method.en).toContain("Not enough data");
    expect(trend.method.ru).toContain("Недостаточно данных");
  });

  test("a date given twice keeps its higher peak", () => {
    // Points (0, 5) and (1, 7): slope 2/day, intercept 5.
    const trend = forecastDemandTrend({ series: [{ date: "2025-01-01", peak: 3 }, { date: "2025-01-01", peak: 5 }, { date: "2025-01-02", peak: 7 }], capacity: 100, now: NOW, horizonDays: 0 });
    expect(trend).toMatchObject({ points: 2, intercept: close(5), slopePerMonth: close(2 * 30.4375) });
  });

  test("the method says zero days were left out, in both languages", () => {
    const { method } = forecastDemandTrend({ series: weekdays, capacity: 30, now, horizonDays: 30 });
    expect(method.en).toContain("10 days (2025-03-03 to 2025-03-14)");
    expect(method.en).toContain("Days with a peak of 0 (weekends, holidays, days without data) are left out");
    expect(method.en).toContain("4 left out");
    expect(method.ru).toContain("за 10 дней");
    expect(method.ru).toContain("Дни с пиком 0");
    expect(method.ru).toContain("достигает 30 мест");
  });

  test.each(["2025-02-30", "2025-1-01", "01.01.2025", ""])("refuses a date that is not YYYY-MM-DD: %j", (date) => {
    expect(() => forecastDemandTrend({ series: [{ date, peak: 1 }], capacity: 1, now: NOW, horizonDays: 1 })).toThrow(RangeError);
  });
});

describe("cheapestKits and planPurchase — §4, §6: what to buy and what server-side licensing costs", () => {
  const { kitSizes, kitPrices } = DEFAULT_SETTINGS;

  test.each([
    // 1 × 5 + 2 × 1 = 3,000,000 + 1,720,000 = 4,720,000 (vs 7 × 1 = 6,020,000; 1 × 10 = 5,700,000; 2 × 5 = 6,000,000).
    ["7 seats: a 5-kit and two 1-kits", 7, [[5, 1], [1, 2]], 7, 4_720_000],
    // 1 × 10 = 5,700,000 (vs 2 × 5 = 6,000,000; 5 + 4 × 1 = 6,440,000): one surplus seat is cheaper.
    ["9 seats: a 10-kit beats exact combinations", 9, [[10, 1]], 10, 5_700_000],
    // 2 × 20 + 5 = 21,600,000 + 3,000,000 = 24,600,000 (vs 1 × 50 = 25,500,000; 20 + 2 × 10 + 5 = 25,200,000).
    ["45 seats: two 20-kits and a 5-kit beat a 50-kit", 45, [[20, 2], [5, 1]], 45, 24_600_000],
    // 300 + 100 + 50 = 138,000,000 + 48,000,000 + 25,500,000 = 211,500,000 (vs 1 × 500 = 216,000,000; 300 + 3 × 50 = 214,500,000).
    ["450 seats: 300 + 100 + 50 beats a 500-kit", 450, [[300, 1], [100, 1], [50, 1]], 450, 211_500_000],
    ["1 seat: a 1-kit", 1, [[1, 1]], 1, 860_000],
  ])("§6: %s", (_name, shortfall, kits, seats, cost) => {
    const plan = cheapestKits(shortfall, kitSizes, kitPrices)!;
    expect(plan.kits.map((k) => [k.size, k.count])).toEqual(kits);
    expect(plan.seatsBought).toBe(seats);
    expect(plan.totalCost).toBe(cost);
    for (const k of plan.kits) expect(k.total).toBe(k.unitPrice * k.count);
  });

  test.each([
    // {4}, {2, 2}, {1 … 1} all cost 400 → the fewest kits.
    ["equal cost → fewer kits", 4, [1, 2, 4], { "1": 100, "2": 200, "4": 400 }, [[4, 1]], 4, 400],
    // {3} and {5} both one kit at 300 → 0 surplus seats rather than 2.
    ["equal cost and kits → fewer surplus seats", 3, [3, 5], { "3": 300, "5": 300 }, [[3, 1]], 3, 300],
    // The 10-kit has no price: 2 × 5 = 6,000,000 (10 × 1 would be 8,600,000).
    ["a size without a price is not used", 10, [1, 5, 10], { "1": 860_000, "5": 3_000_000 }, [[5, 2]], 10, 6_000_000],
    ["only one size priced: as many as cover the shortfall", 6, [1, 5], { "5": 100 }, [[5, 2]], 10, 200],
    ["shortfall 0 → an empty plan", 0, [1], { "1": 1 }, [], 0, 0],
  ])("%s", (_name, shortfall, sizes, prices, kits, seats, cost) => {
    const plan = cheapestKits(shortfall, sizes, prices)!;
    expect(plan.kits.map((k) => [k.size, k.count])).toEqual(kits);
    expect([plan.seatsBought, plan.totalCost]).toEqual([seats, cost]);
  });

  test("no priced size → no plan", () => {
    expect(cheapestKits(3, [1, 5], {})).toBeNull();
  });

  test.each([
    // 100 × 1.1 = 110.00000000000001 in floating point: still 110 seats, not 111.
    ["growth that lands on a whole number", 100, 10, 110],
    // 41 × 1.1 = 45.1 → 46.
    ["a fraction of a seat rounds up", 41, 10, 46],
    // 50 × 0.9 = 45.
    ["negative growth", 50, -10, 45],
    ["no demand", 0, 25, 0],
  ])("needed = ⌈demand × (1 + growth)⌉: %s", (_name, demand, growthPct, needed) => {
    const plan = planPurchase({ demand: { perComputer: demand, perSession: demand }, growthPct, owned: { perComputer: 0, perSession: 0 }, kitSizes, kitPrices, currency: "RUB" });
    expect(plan.perComputer.needed).toBe(needed);
    expect(plan.perSession.shortfall).toBe(needed);
  });

  test("§4: server-issued licensing against client licensing, with the finance summary", () => {
    // Per computer: ⌈42 × 1.1 = 46.2⌉ = 47 − 40 owned = 7 short → 5 + 2 × 1 = 4,720,000.
    // Per session: ⌈57 × 1.1 = 62.7⌉ = 63 − 40 owned = 23 short → 20 + 3 × 1 = 10,800,000 + 2,580,000 = 13,380,000
    //   (vs 20 + 5 = 13,800,000; 2 × 10 + 3 × 1 = 13,980,000). Difference 13,380,000 − 4,720,000 = 8,660,000 kopecks.
    const plan = planPurchase({ demand: { perComputer: 42, perSession: 57 }, growthPct: 10, owned: { perComputer: 40, perSession: 40 }, kitSizes, kitPrices, currency: "RUB" });
    expect(plan.perComputer).toMatchObject({ needed: 47, shortfall: 7, seatsBought: 7, totalCost: 4_720_000 });
    expect(plan.perSession).toMatchObject({ needed: 63, shortfall: 23, seatsBought: 23, totalCost: 13_380_000 });
    expect(plan.perSession.kits).toEqual([
      { size: 20, count: 1, unitPrice: 10_800_000, total: 10_800_000 },
      { size: 1, count: 3, unitPrice: 860_000, total: 2_580_000 },
    ]);
    expect(plan.difference).toBe(8_660_000);
    expect(spaces(plan.summary.en)).toBe(
      "Server-issued licensing needs 16 more seats and costs RUB 86,600.00 more than client licensing. " +
        "Client licensing: 47 seats needed, 40 owned, buy kits 1 × 5 + 2 × 1 (7 seats) for RUB 47,200.00. " +
        "Server-issued licensing: 63 seats needed, 40 owned, buy kits 1 × 20 + 3 × 1 (23 seats) for RUB 133,800.00.",
    );
    expect(spaces(plan.summary.ru)).toBe(
      "При серверной выдаче лицензий нужно докупить на 16 мест больше, и это на 86 600,00 ₽ дороже, чем при клиентском лицензировании. " +
        "Клиентское лицензирование: нужно 47 мест, есть 40, купить комплекты 1 × 5 + 2 × 1 (7 мест) за 47 200,00 ₽. " +
        "Серверная выдача лицензий: нужно 63 места, есть 40, купить комплекты 1 × 20 + 3 × 1 (23 места) за 133 800,00 ₽.",
    );
  });

  test("§4: when more owned seats serve server-issued licensing, the summary says it costs less", () => {
    // Per computer: 20 − 0 = 20 short → 1 × 20 = 10,800,000. Per session: 21 − 20 = 1 short → 860,000. Difference −9,940,000.
    const plan = planPurchase({ demand: { perComputer: 20, perSession: 21 }, growthPct: 0, owned: { perComputer: 0, perSession: 20 }, kitSizes, kitPrices, currency: "RUB" });
    expect(plan.difference).toBe(-9_940_000);
    expect(spaces(plan.summary.en)).toMatch(/^Server-issued licensing needs 19 fewer seats and costs RUB 99,400.00 less than client licensing\./);
    expect(spaces(plan.summary.ru)).toMatch(/^При серверной выдаче лицензий нужно докупить на 19 мест меньше, и это на 99 400,00 ₽ дешевле, чем при клиентском лицензировании\./);
  });

  test("owned seats cover both policies → nothing to buy", () => {
    const plan = planPurchase({ demand: { perComputer: 8, perSession: 10 }, growthPct: 0, owned: { perComputer: 10, perSession: 10 }, kitSizes, kitPrices, currency: "RUB" });
    expect(plan.perComputer).toMatchObject({ shortfall: 0, kits: [], seatsBought: 0, totalCost: 0 });
    expect(plan.difference).toBe(0);
    expect(plan.summary.en).toBe("The seats already owned cover the demand under both client licensing (8 seats needed, 10 owned) and server-issued licensing (10 seats needed, 10 owned): nothing to buy.");
    expect(plan.summary.ru).toContain("покупать ничего не нужно");
  });

  test("no kit prices → no cost, and the summary asks for prices", () => {
    const plan = planPurchase({ demand: { perComputer: 5, perSession: 6 }, growthPct: 0, owned: { perComputer: 0, perSession: 0 }, kitSizes, kitPrices: {}, currency: "RUB" });
    expect(plan.perSession).toMatchObject({ shortfall: 6, kits: [], seatsBought: 0, totalCost: null });
    expect(plan.difference).toBeNull();
    expect(plan.summary.en).toContain("Set kit prices");
    expect(plan.summary.ru).toContain("Укажите цены комплектов");
  });

  test.each([
    [4_720_000, "RUB", "en-US", "RUB 47,200.00"],
    [4_720_000, "RUB", "ru-RU", "47 200,00 ₽"],
    [1234, "USD", "en-US", "$12.34"],
    // The yen has no minor unit: 500 minor units are ¥500.
    [500, "JPY", "en-US", "¥500"],
  ] as const)("formatMoney(%d, %s, %s) = %s", (minor, currency, locale, expected) => {
    expect(spaces(formatMoney(minor, currency, locale))).toBe(expected);
  });

  test.each([
    [66_504_000, "RUB", "ru", {}, "665 040,00 ₽"],
    [66_504_050, "RUB", "ru", { wholeUnits: true }, "665 041 ₽"],
    [66_504_000, "RUB", "en", { wholeUnits: true }, "RUB 665,040"],
    // Not a currency code Intl knows: the amount and the code as stored, never an exception on a page.
    [123_450, "RUBLES", "en", {}, "1,234.5 RUBLES"],
  ] as const)("formatMoney(%d, %s, %s, %o) = %s (the kits page's prices and totals)", (minor, currency, locale, options, expected) => {
    expect(spaces(formatMoney(minor, currency, locale, options))).toBe(expected);
  });

  const arbitraryPrices = fc
    .subarray([...STANDARD_KIT_SIZES], { minLength: 1 })
    .chain((sizes) => fc.tuple(fc.constant(sizes), fc.array(fc.integer({ min: 0, max: 300_000_000 }), { minLength: sizes.length, maxLength: sizes.length })))
    .map(([sizes, prices]) => ({ sizes, prices: Object.fromEntries(sizes.map((s, i) => [String(s), prices[i]])) as Record<string, number> }));

  fcTest.prop([arbitraryPrices, fc.integer({ min: 0, max: 1500 })])(
    "the plan covers the shortfall and costs no more than any single priced size alone",
    ({ sizes, prices }, shortfall) => {
      const plan = cheapestKits(shortfall, [...STANDARD_KIT_SIZES], prices)!;
      expect(plan.seatsBought).toBeGreaterThanOrEqual(shortfall);
      expect(plan.kits.reduce((s, k) => s + k.size * k.count, 0)).toBe(plan.seatsBought);
      expect(plan.kits.reduce((s, k) => s + k.total, 0)).toBe(plan.totalCost);
      for (const size of sizes) expect(plan.totalCost).toBeLessThanOrEqual(Math.ceil(shortfall / size) * prices[String(size)]);
    },
  );

  fcTest.prop([
    fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }),
    fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 3, maxLength: 3 }),
    fc.integer({ min: 0, max: 30 }),
  ])("the plan's cost equals the brute-force minimum over every combination", (sizes, rawPrices, shortfall) => {
    const prices = Object.fromEntries(sizes.map((s, i) => [String(s), rawPrices[i]]));
    let best = Infinity;
    const search = (i: number, seats: number, cost: number) => {
      if (i === sizes.length) {
        if (seats >= shortfall) best = Math.min(best, cost);
        return;
      }
      for (let n = 0; n <= Math.ceil(shortfall / sizes[i]); n++) search(i + 1, seats + n * sizes[i], cost + n * rawPrices[i]);
    };
    search(0, 0, 0);
    expect(cheapestKits(shortfall, sizes, prices)!.totalCost).toBe(best);
  });
});
