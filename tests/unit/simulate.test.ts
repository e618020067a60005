import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { DEFAULT_SETTINGS } from "@/lib/licensing/settings";
import { comparePolicies, type WorkloadConnection } from "@/lib/licensing/simulate";
import { orderEndpoints, parseTime } from "@/lib/licensing/timeline";

const opts = { noSeatAppIds: DEFAULT_SETTINGS.noSeatAppIds, perSessionAppIds: DEFAULT_SETTINGS.perSessionAppIds };
const H = 3_600_000;
const conn = (c: Partial<WorkloadConnection>): WorkloadConnection => ({ user: "u", host: "pc-1", app: "1CV8C", infobase: "ib", start: 0, end: H, ...c });

describe("comparePolicies — the article's worked examples (DOMAIN §4)", () => {
  test.each([
    ["(a) Enterprise + Designer on one PC: 1 seat per computer, 2 per session", [conn({}), conn({ app: "Designer" })], undefined, { perDevice: 1, perSession: 2 }],
    ["(b)/(c) Trade Management + Accounting on one PC: 1 per computer, 2 through the server", [conn({ infobase: "trade" }), conn({ infobase: "accounting" })], undefined, { perDevice: 1, perSession: 2 }],
    [
      "(d)/(e) a 10-seat license, one terminal-server user in two infobases: 8 free per session, 9 per computer",
      [conn({ host: "ts-01", terminalSession: "RDP-Tcp#7", infobase: "trade" }), conn({ host: "ts-01", terminalSession: "RDP-Tcp#7", infobase: "accounting" })],
      10,
      { perDevice: 1, perSession: 2, freeDevice: 9, freeSession: 8 },
    ],
  ])("%s", (_name, connections, capacity, expected) => {
    const r = comparePolicies(connections, { ...opts, capacity });
    expect(r.perDevice.peak).toBe(expected.perDevice);
    expect(r.perSession.peak).toBe(expected.perSession);
    if (capacity !== undefined) {
      expect(r.perDevice.free).toBe((expected as { freeDevice: number }).freeDevice);
      expect(r.perSession.free).toBe((expected as { freeSession: number }).freeSession);
    }
  });
});

describe("comparePolicies — counting rules (DOMAIN §4)", () => {
  test.each([
    ["§4: each terminal session is its own computer", [conn({ host: "ts", terminalSession: "1" }), conn({ host: "ts", terminalSession: "2" })], 2, 2],
    ["§4: host names compare case-insensitively", [conn({ host: "PC-1" }), conn({ host: "pc-1" })], 1, 2],
    ["§4: web clients count per session even per computer", [conn({ app: "WebClient" }), conn({ app: "WebClient" })], 2, 2],
    ["§4 [M]: background jobs and consoles take no seat", [conn({ app: "BackgroundJob", user: null }), conn({ app: "SrvrConsole" }), conn({})], 1, 1],
    ["half-open: a session ending at 10:00 and one starting at 10:00 never overlap", [conn({ host: "a", end: H }), conn({ host: "b", start: H, end: 2 * H })], 1, 1],
    ["zero-length and inverted intervals hold nothing", [conn({ start: H, end: H }), conn({ host: "b", start: 2 * H, end: H })], 0, 0],
  ])("%s", (_name, connections, perDevice, perSession) => {
    const r = comparePolicies(connections, opts);
    expect([r.perDevice.peak, r.perSession.peak]).toEqual([perDevice, perSession]);
  });

  test("the no-seat table is a setting: an admin can make Designer take no seat", () => {
    const r = comparePolicies([conn({}), conn({ app: "Designer" })], { ...opts, noSeatAppIds: [...opts.noSeatAppIds, "Designer"] });
    expect(r.perSession.peak).toBe(1);
  });

  test("percentiles and histogram are time-weighted over the scenario", () => {
    // One seat for 9 h, then three seats for 1 h: p50 = 1, p95 = 3, histogram 90% / 10%.
    const r = comparePolicies(
      [conn({ host: "a", start: 0, end: 10 * H }), conn({ host: "b", start: 9 * H, end: 10 * H }), conn({ host: "c", start: 9 * H, end: 10 * H })],
      opts,
    );
    expect(r.perDevice.percentiles).toEqual({ p50: 1, p95: 3, p99: 3, max: 3 });
    expect(r.perDevice.histogram).toEqual([
      { seats: 1, share: 0.9 },
      { seats: 3, share: expect.closeTo(0.1, 10) },
    ]);
    expect(r.perDevice.peakAt).toBe(9 * H);
  });

  test("with a capacity: free seats, time over capacity, time full and first-come-first-served denials", () => {
    const r = comparePolicies(
      [conn({ host: "a", start: 0, end: 4 * H }), conn({ host: "b", start: H, end: 3 * H }), conn({ host: "c", start: 2 * H, end: 4 * H })],
      { ...opts, capacity: 2 },
    );
    expect(r.perDevice).toMatchObject({ peak: 3, free: -1, timeOverCapacityMs: H, denials: 1 });
    // a and b hold both seats from 1 h to 3 h; c was refused, so from 3 h only a holds one.
    expect(r.perDevice.timeFullMs).toBe(2 * H);
  });

  test("the series gives the most seats needed in each bucket, levels carried across empty buckets", () => {
    const r = comparePolicies([conn({ host: "a", start: 0, end: 4 * H }), conn({ host: "b", start: 30 * 60_000, end: 40 * 60_000 })], { ...opts, bucketMs: H });
    expect(r.perDevice.series).toEqual([
      { t: 0, seats: 2 },
      { t: H, seats: 1 },
      { t: 2 * H, seats: 1 },
      { t: 3 * H, seats: 1 },
    ]);
  });

  test("an empty workload", () => {
    const r = comparePolicies([], { ...opts, capacity: 5 });
    expect(r.perDevice).toMatchObject({ peak: 0, free: 5, peakAt: null, series: [] });
  });
});

const arbConn = fc.record({
  host: fc.constantFrom("pc-1", "pc-2", "pc-3", "ts"),
  terminalSession: fc.option(fc.constantFrom("1", "2"), { nil: null }),
  app: fc.constantFrom("1CV8C", "1CV8", "Designer", "WebClient", "BackgroundJob"),
  user: fc.constant("u"),
  start: fc.integer({ min: 0, max: 100 }),
  len: fc.integer({ min: 0, max: 60 }),
});
const toConn = (c: { host: string; terminalSession: string | null; app: string; user: string; start: number; len: number }): WorkloadConnection => ({
  ...c,
  start: c.start * 60_000,
  end: (c.start + c.len) * 60_000,
});

/** Brute force: demand at every minute, straight from the definition. */
function bruteForcePeak(cs: WorkloadConnection[], policy: "perDevice" | "perSession"): number {
  let peak = 0;
  for (let t = 0; t <= 200 * 60_000; t += 60_000) {
    const open = cs.filter((c) => c.start <= t && t < c.end && !opts.noSeatAppIds.includes(c.app));
    const seats =
      policy === "perSession"
        ? open.length
        : new Set(open.map((c, i) => (opts.perSessionAppIds.includes(c.app) ? `session-${i}` : `${c.host}|${c.terminalSession ?? ""}`))).size;
    peak = Math.max(peak, seats);
  }
  return peak;
}

describe("comparePolicies — invariants (fast-check)", () => {
  fcTest.prop([fc.array(arbConn, { maxLength: 30 })])("per session never needs fewer seats than per computer", (cs) => {
    const r = comparePolicies(cs.map(toConn), opts);
    expect(r.perSession.peak).toBeGreaterThanOrEqual(r.perDevice.peak);
    expect(r.perSession.percentiles.p95).toBeGreaterThanOrEqual(r.perDevice.percentiles.p95);
  });

  fcTest.prop([fc.array(arbConn, { maxLength: 30 })])("peaks equal a brute-force count at every minute", (cs) => {
    const conns = cs.map(toConn);
    const r = comparePolicies(conns, opts);
    expect(r.perDevice.peak).toBe(bruteForcePeak(conns, "perDevice"));
    expect(r.perSession.peak).toBe(bruteForcePeak(conns, "perSession"));
  });

  fcTest.prop([fc.array(arbConn, { minLength: 1, maxLength: 30 }), fc.nat()])("removing a connection never increases the seats needed", (cs, i) => {
    const conns = cs.map(toConn);
    const fewer = conns.filter((_, k) => k !== i % conns.length);
    const a = comparePolicies(conns, opts);
    const b = comparePolicies(fewer, opts);
    expect(b.perDevice.peak).toBeLessThanOrEqual(a.perDevice.peak);
    expect(b.perSession.peak).toBeLessThanOrEqual(a.perSession.peak);
  });

  fcTest.prop([fc.array(arbConn, { maxLength: 30 }), fc.integer({ min: 0, max: 6 })])("with a capacity, seats held never exceed it: denials cover the excess", (cs, capacity) => {
    const r = comparePolicies(cs.map(toConn), { ...opts, capacity });
    for (const p of [r.perDevice, r.perSession]) {
      expect(p.heldPeak).toBeLessThanOrEqual(capacity);
      expect(p.heldPeak).toBe(Math.min(p.peak, capacity));
      if (p.peak <= capacity) expect(p.denials).toBe(0);
      else expect(p.denials).toBeGreaterThan(0);
      expect(p.free).toBe(capacity - p.peak);
      const shares = p.histogram.reduce((s, h) => s + h.share, 0);
      if (p.histogram.length) expect(shares).toBeCloseTo(1, 9);
    }
  });
});

describe("orderEndpoints and parseTime", () => {
  fcTest.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 2 ** 20 })), { maxLength: 200 })])(
    "endpoints come out by time, ends before starts at equal times",
    (pairs) => {
      const starts = Float64Array.from(pairs.map(([s]) => s));
      const ends = Float64Array.from(pairs.map(([s, l]) => s + l));
      const { codes: order, times } = orderEndpoints(starts, ends);
      expect(order.length).toBe(pairs.length * 2);
      order.forEach((code, i) => expect(times[i]).toBe(code & 1 ? starts[code >>> 1] : ends[code >>> 1]));
      const key = (code: number) => ((code & 1 ? starts[code >>> 1] : ends[code >>> 1]) * 2 + (code & 1));
      for (let i = 1; i < order.length; i++) expect(key(order[i])).toBeGreaterThanOrEqual(key(order[i - 1]));
      expect(new Set(order).size).toBe(order.length);
    },
  );

  test.each([
    ["2026-11-27T10:00:00", "Europe/Moscow", Date.UTC(2026, 10, 27, 7)],
    ["2026-11-27T10:00:00Z", "Europe/Moscow", Date.UTC(2026, 10, 27, 10)],
    ["2026-11-27T10:00:00+05:00", "Europe/Moscow", Date.UTC(2026, 10, 27, 5)],
    ["2026-11-27 10:00", "UTC", Date.UTC(2026, 10, 27, 10)],
    ["2026-07-01T12:00:00", "Europe/Berlin", Date.UTC(2026, 6, 1, 10)],
    ["2026-01-01T12:00:00.250", "Europe/Berlin", Date.UTC(2026, 0, 1, 11, 0, 0, 250)],
    ["2026-02-30T10:00:00", "UTC", null],
    ["2026-02-30T10:00:00Z", "UTC", null],
    ["2026-11-27T24:00:00Z", "UTC", null],
    ["0050-01-01T00:00:00", "UTC", null],
    ["2026-11-27T25:00:00", "UTC", null],
    ["yesterday", "UTC", null],
  ])("§5.1: %s read in %s", (text, zone, expected) => {
    expect(parseTime(text, zone)).toBe(expected);
  });
});
