import { describe, expect, test } from "vitest";

import { DEFAULT_SETTINGS } from "@/lib/licensing/settings";
import { historyQuerySchema, simulation, simulatorBucketMinutes } from "@/lib/simulator/api";
import { simulationCost } from "@/lib/simulator/cost";
import { historyWorkload, type HistorySession } from "@/lib/simulator/history";

/** Issue 11 §3: the Simulator's shaping — the cost table, the history as a workload, the query. */
const H = 3_600_000;
const DAY = 24 * H;
const PRICES = { "1": 100, "5": 400, "10": 700, "20": 1300 };
const SIZES = [1, 5, 10, 20];

describe("simulationCost — seats at p95 and at the peak, the cheapest kits, what to buy beyond the owned seats", () => {
  test.each([
    // [name, perDevice {p95, peak}, perSession {p95, peak}, owned, expectations]
    // Ties go to fewer kits: 4 seats as one 5-seat kit (400) rather than four 1-seat kits (400).
    [
      "per session needs more: the difference is the cost of the extra seats",
      { p95: 10, peak: 12 },
      { p95: 14, peak: 16 },
      10,
      { dev: { p95: [10, "10×1", 700, 0, null, 0], peak: [12, "10×1 1×2", 900, 2, "1×2", 200] }, ses: { p95: [14, "10×1 5×1", 1100, 4, "5×1", 400], peak: [16, "10×1 5×1 1×1", 1200, 6, "5×1 1×1", 500] }, diff: { p95: [4, 400, 400], peak: [4, 300, 300] } },
    ],
    [
      "enough seats owned: nothing to buy for either policy",
      { p95: 3, peak: 4 },
      { p95: 4, peak: 5 },
      20,
      { dev: { p95: [3, "1×3", 300, 0, null, 0], peak: [4, "5×1", 400, 0, null, 0] }, ses: { p95: [4, "5×1", 400, 0, null, 0], peak: [5, "5×1", 400, 0, null, 0] }, diff: { p95: [1, 100, 0], peak: [1, 0, 0] } },
    ],
    [
      "no seats needed: no kits, no money",
      { p95: 0, peak: 0 },
      { p95: 0, peak: 0 },
      0,
      { dev: { p95: [0, null, 0, 0, null, 0], peak: [0, null, 0, 0, null, 0] }, ses: { p95: [0, null, 0, 0, null, 0], peak: [0, null, 0, 0, null, 0] }, diff: { p95: [0, 0, 0], peak: [0, 0, 0] } },
    ],
  ])("%s", (_name, perDevice, perSession, owned, want) => {
    const c = simulationCost({ perDevice, perSession, owned, kitSizes: SIZES, kitPrices: PRICES, currency: "RUB" });
    const kits = (k: Array<{ size: number; count: number }>) => (k.length ? k.map((x) => `${x.size}×${x.count}`).join(" ") : null);
    for (const [policy, got] of [["dev", c.perDevice], ["ses", c.perSession]] as const) {
      for (const level of ["p95", "peak"] as const) {
        const [seats, allKits, allCost, toBuy, buyKits, buyCost] = want[policy][level];
        const n = got[level];
        expect([n.seats, kits(n.all.kits), n.all.cost, n.toBuy, kits(n.buy.kits), n.buy.cost], `${policy} ${level}`).toEqual([seats, allKits, allCost, toBuy, buyKits, buyCost]);
        expect(n.all.seatsBought).toBeGreaterThanOrEqual(n.seats);
        expect(n.buy.seatsBought).toBeGreaterThanOrEqual(n.toBuy);
      }
    }
    expect([c.difference.p95.seats, c.difference.p95.all, c.difference.p95.buy]).toEqual(want.diff.p95);
    expect([c.difference.peak.seats, c.difference.peak.all, c.difference.peak.buy]).toEqual(want.diff.peak);
    expect(c.owned).toBe(owned);
    expect(c.currency).toBe("RUB");
  });

  test("no kit size has a price: the seats are still counted, the money is unknown (null), not 0", () => {
    const c = simulationCost({ perDevice: { p95: 2, peak: 3 }, perSession: { p95: 4, peak: 5 }, owned: 0, kitSizes: SIZES, kitPrices: {}, currency: "RUB" });
    expect(c.perSession.peak).toMatchObject({ seats: 5, toBuy: 5, all: { cost: null, kits: [] }, buy: { cost: null } });
    expect(c.difference.peak).toEqual({ seats: 2, all: null, buy: null });
  });
});

const session = (s: Partial<HistorySession>): HistorySession => ({ userName: "Иванов", host: "pc-1", terminalSession: null, appId: "1CV8C", infobase: "Бухгалтерия", startedAt: null, firstSeenAt: 10 * H, lastSeenAt: 12 * H, ...s });

describe("historyWorkload — each session from its start to the last capture that saw it, clipped to the range", () => {
  const range = { from: 8 * H, to: 20 * H };
  test.each([
    ["from the first capture to the last", session({}), { start: 10 * H, end: 12 * H }],
    ["rac's started-at before the first capture is the start", session({ startedAt: 9 * H }), { start: 9 * H, end: 12 * H }],
    ["a started-at after the first capture is not trusted", session({ startedAt: 11 * H }), { start: 10 * H, end: 12 * H }],
    ["clipped at from", session({ firstSeenAt: 6 * H, lastSeenAt: 9 * H }), { start: 8 * H, end: 9 * H }],
    ["clipped at to", session({ firstSeenAt: 19 * H, lastSeenAt: 22 * H }), { start: 19 * H, end: 20 * H }],
    ["seen once, start unknown: holds nothing", session({ lastSeenAt: 10 * H }), null],
    ["entirely before the range: left out", session({ firstSeenAt: 2 * H, lastSeenAt: 8 * H }), null],
  ])("%s", (_name, s, want) => {
    const w = historyWorkload([s], range, new Set());
    expect(w.length ? { start: w[0].start, end: w[0].end } : null).toEqual(want);
  });

  test("host, app, user and infobase as stored; on a terminal server each user is a terminal session of its own (DOMAIN §4)", () => {
    const w = historyWorkload(
      [session({ host: "SRV-TS", userName: "Петров" }), session({ host: "srv-ts", userName: "Сидоров", appId: "WebClient" }), session({ host: "ts-2", terminalSession: "RDP#4" }), session({ host: null, userName: null, appId: null, infobase: null })],
      range,
      new Set(["srv-ts"]),
    );
    expect(w.map((c) => [c.user, c.host, c.terminalSession, c.app, c.infobase])).toEqual([
      ["Петров", "SRV-TS", "user:петров", "1CV8C", "Бухгалтерия"],
      ["Сидоров", "srv-ts", "user:сидоров", "WebClient", "Бухгалтерия"],
      ["Иванов", "ts-2", "RDP#4", "1CV8C", "Бухгалтерия"],
      [null, "", null, "", ""],
    ]);
  });
});

describe("historyQuerySchema — the range of GET /api/simulate/history", () => {
  const newest = Date.parse("2026-11-30T18:00:00Z");
  const parse = (q: Record<string, string>) => historyQuerySchema(newest).safeParse(q);
  test("default: the 30 days up to the newest capture, hourly buckets", () => {
    expect(parse({}).data).toEqual({ from: newest - 30 * DAY, to: newest, bucketMinutes: 60 });
  });
  test.each([
    [{ from: "2026-11-01T00:00:00" }, "from", "with a zone"],
    [{ to: "yesterday" }, "to", "ISO 8601"],
    [{ from: "2026-11-30T18:00:00Z" }, "from", "before to"],
    [{ from: "2025-01-01T00:00:00Z" }, "from", "at most 400 days"],
    [{ bucketMinutes: "0" }, "bucketMinutes", "at least 1"],
    [{ bucketMinutes: "x" }, "bucketMinutes", "whole number"],
    [{ from: "2026-01-01T00:00:00Z", bucketMinutes: "5" }, "bucketMinutes", "more than 10000 buckets"],
  ])("%j is refused on %s", (q, field, rule) => {
    const r = parse(q);
    expect(r.success).toBe(false);
    expect(r.error!.issues.find((i) => i.path.join(".") === field)?.message).toContain(rule);
  });
  test.each([
    [1, 5],
    [7, 15],
    [30, 60],
    [90, 240],
    [400, 720],
    [1000, 2880],
  ])("%i days → %i-minute buckets", (days, minutes) => expect(simulatorBucketMinutes(0, days * DAY)).toBe(minutes));
});

describe("simulation — the /api/simulate shape plus the range and the cost", () => {
  test("two infobases on one PC: 1 seat per computer, 2 per session (DOMAIN §4 (b)/(c)); the cost table follows the figures", () => {
    const workload = [
      { user: "a", host: "pc", infobase: "trade", app: "1CV8C", start: 0, end: 2 * H },
      { user: "a", host: "pc", infobase: "acc", app: "1CV8C", start: 0, end: 2 * H },
    ];
    const r = simulation({ workload, from: 0, to: 2 * H, bucketMinutes: 60, newestCapture: null, owned: 1, settings: { ...DEFAULT_SETTINGS, kitPrices: PRICES } });
    expect([r.perDevice.peak, r.perSession.peak]).toEqual([1, 2]);
    expect(r.cost.perDevice.peak).toMatchObject({ seats: 1, toBuy: 0 });
    expect(r.cost.perSession.peak).toMatchObject({ seats: 2, toBuy: 1, buy: { cost: 100 } });
    expect(r.cost.difference.peak).toEqual({ seats: 1, all: 100, buy: 100 });
    expect(r.series.map((p) => [p.perDevice, p.perSession])).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect([r.from, r.to, r.bucketMinutes, r.newestCapture]).toEqual(["1970-01-01T00:00:00.000Z", "1970-01-01T02:00:00.000Z", 60, null]);
  });
});
