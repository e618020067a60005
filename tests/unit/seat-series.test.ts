import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { seatsQuerySchema } from "@/lib/seats/api";
import { bucketCount, chooseBucketMinutes, denialsPerBucket, loadHistogram, MINUTE_MS, seatPercentiles, seatSeries, type SeatCapture } from "@/lib/seats/series";

/** Seats over time (issue 11 §1): buckets, top watermark, gap filling, nearest-rank percentiles, the query. */
const T0 = Date.UTC(2026, 10, 3, 7, 0);
const min = (n: number) => T0 + n * MINUTE_MS;
const HOUR = 60;
const DAY = 24 * HOUR;

describe("bucket size", () => {
  test.each([
    ["an hour", HOUR, 1, 60],
    ["a day", DAY, 15, 96],
    ["a week", 7 * DAY, 60, 168],
    ["90 days", 90 * DAY, 1440, 90],
    ["a year", 365 * DAY, 1440, 365],
    ["three years", 3 * 365 * DAY, 3 * 1440, 365],
  ])("%s → %i-minute buckets (%i of them)", (_, minutes, size, buckets) => {
    expect(chooseBucketMinutes(T0, min(minutes))).toBe(size);
    expect(bucketCount(T0, min(minutes), size)).toBe(buckets);
  });

  fcTest.prop([fc.integer({ min: 1, max: 20 * 365 * DAY })])("never more than 500 buckets", (minutes) => {
    expect(bucketCount(T0, min(minutes), chooseBucketMinutes(T0, min(minutes)))).toBeLessThanOrEqual(500);
  });
});

describe("seatSeries", () => {
  const series = (captures: SeatCapture[], minutes = HOUR, bucketMinutes = 15, capacityBefore = 10) => seatSeries({ captures, from: T0, to: min(minutes), bucketMinutes, capacityBefore });

  test("each bucket starts at from + i × size and the range is covered", () => {
    expect(series([]).map((b) => b.t)).toEqual([min(0), min(15), min(30), min(45)]);
    expect(series([], 50).map((b) => b.t)).toEqual([min(0), min(15), min(30), min(45)]);
  });

  test.each([
    ["one capture", [{ t: min(5), inUse: 4, capacity: 10 }], [4, 0, 0, 0]],
    ["two captures in a bucket: the higher", [{ t: min(16), inUse: 7, capacity: 10 }, { t: min(29), inUse: 3, capacity: 10 }], [0, 7, 0, 0]],
    ["the higher also when it comes first or last", [{ t: min(31), inUse: 2, capacity: 10 }, { t: min(44), inUse: 9, capacity: 10 }, { t: min(40), inUse: 5, capacity: 10 }], [0, 0, 9, 0]],
    ["a capture at the start of a bucket belongs to it", [{ t: min(15), inUse: 6, capacity: 10 }], [0, 6, 0, 0]],
    ["a capture exactly at `to` counts in the last bucket", [{ t: min(60), inUse: 8, capacity: 10 }], [0, 0, 0, 8]],
    ["captures outside the range are ignored", [{ t: min(-1), inUse: 8, capacity: 10 }, { t: min(61), inUse: 8, capacity: 10 }], [0, 0, 0, 0]],
  ])("top watermark: %s", (_, captures, inUse) => {
    expect(series(captures).map((b) => b.inUse)).toEqual(inUse);
  });

  test("gap filling: empty buckets hold 0 and carry the capacity (the one before the range, then the last seen)", () => {
    const out = series([{ t: min(20), inUse: 3, capacity: 12 }], HOUR, 15, 10);
    expect(out).toEqual([
      { t: min(0), inUse: 0, capacity: 10 },
      { t: min(15), inUse: 3, capacity: 12 },
      { t: min(30), inUse: 0, capacity: 12 },
      { t: min(45), inUse: 0, capacity: 12 },
    ]);
  });

  test("no capture at all: every bucket is 0 with the capacity", () => {
    expect(series([], HOUR, 30, 20)).toEqual([
      { t: min(0), inUse: 0, capacity: 20 },
      { t: min(30), inUse: 0, capacity: 20 },
    ]);
  });

  const captureArb = fc.record({ t: fc.integer({ min: min(-30), max: min(3 * HOUR + 30) }), inUse: fc.integer({ min: 0, max: 100 }), capacity: fc.integer({ min: 0, max: 100 }) });

  fcTest.prop([fc.array(captureArb, { maxLength: 60 }), fc.integer({ min: 1, max: 240 })])(
    "every bucket's inUse ≤ the highest capture; series length = number of buckets; the peak is in the series",
    (captures, bucketMinutes) => {
      const to = min(3 * HOUR);
      const out = seatSeries({ captures, from: T0, to, bucketMinutes, capacityBefore: 0 });
      expect(out).toHaveLength(bucketCount(T0, to, bucketMinutes));
      const inRange = captures.filter((c) => c.t >= T0 && c.t <= to).map((c) => c.inUse);
      const top = Math.max(0, ...inRange);
      for (const b of out) expect(b.inUse).toBeLessThanOrEqual(top);
      expect(Math.max(...out.map((b) => b.inUse))).toBe(top);
    },
  );
});

describe("seatPercentiles (nearest rank)", () => {
  test.each([
    ["no captures", [], { p50: 0, p95: 0, p99: 0, max: 0 }],
    ["one capture", [7], { p50: 7, p95: 7, p99: 7, max: 7 }],
    ["1..10", [3, 1, 2, 4, 5, 6, 7, 8, 9, 10], { p50: 5, p95: 10, p99: 10, max: 10 }],
    ["1..100", Array.from({ length: 100 }, (_, i) => 100 - i), { p50: 50, p95: 95, p99: 99, max: 100 }],
    ["1..20", Array.from({ length: 20 }, (_, i) => i + 1), { p50: 10, p95: 19, p99: 20, max: 20 }],
  ])("%s", (_, values, expected) => {
    expect(seatPercentiles(values)).toEqual(expected);
  });

  fcTest.prop([fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 300 })])("monotone: p50 ≤ p95 ≤ p99 ≤ max, each one of the values", (values) => {
    const p = seatPercentiles(values);
    expect(p.p50).toBeLessThanOrEqual(p.p95);
    expect(p.p95).toBeLessThanOrEqual(p.p99);
    expect(p.p99).toBeLessThanOrEqual(p.max);
    if (values.length) for (const v of [p.p50, p.p95, p.p99, p.max]) expect(values).toContain(v);
  });
});

describe("seatsQuerySchema", () => {
  const NOW = Date.UTC(2026, 10, 3, 12, 0);
  const parse = (q: Record<string, string>) => seatsQuerySchema(NOW).safeParse(q);
  const pathsOf = (q: Record<string, string>) => {
    const r = parse(q);
    return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
  };

  test("defaults: to = now, from = a week before, 60-minute buckets, all pools", () => {
    expect(parse({}).data).toEqual({ pool: null, from: NOW - 7 * DAY * MINUTE_MS, to: NOW, bucketMinutes: 60 });
    expect(parse({ pool: "", from: "", to: "", bucketMinutes: "" }).data).toEqual({ pool: null, from: NOW - 7 * DAY * MINUTE_MS, to: NOW, bucketMinutes: 60 });
  });

  test("instants with a zone, bucket minutes as given", () => {
    expect(parse({ pool: "soft-server:srv-1c", from: "2026-11-03T10:00:00+03:00", to: "2026-11-03T08:00:00Z", bucketMinutes: "5" }).data).toEqual({ pool: "soft-server:srv-1c", from: Date.UTC(2026, 10, 3, 7), to: Date.UTC(2026, 10, 3, 8), bucketMinutes: 5 });
  });

  test.each([
    [{ from: "2026-11-03T10:00:00" }, "from"],
    [{ to: "yesterday" }, "to"],
    [{ from: "2026-11-03T10:00:00Z", to: "2026-11-03T10:00:00Z" }, "from"],
    [{ from: "2026-11-03T11:00:00Z", to: "2026-11-03T10:00:00Z" }, "from"],
    [{ bucketMinutes: "0" }, "bucketMinutes"],
    [{ bucketMinutes: "1.5" }, "bucketMinutes"],
    [{ bucketMinutes: "abc" }, "bucketMinutes"],
    [{ from: "2025-11-03T00:00:00Z", to: "2026-11-03T00:00:00Z", bucketMinutes: "60" }, "bucketMinutes"],
  ])("%o is refused naming %s", (q, field) => {
    expect(pathsOf(q)).toEqual([field]);
  });
});

describe("loadHistogram (share of time at each load)", () => {
  const of = (values: number[], maxBands?: number) => loadHistogram(values.map((inUse) => ({ inUse })), maxBands);

  test("no buckets → no bands", () => {
    expect(of([])).toEqual([]);
  });

  test("one seat per band while it fits; empty buckets count at 0", () => {
    expect(of([0, 0, 1, 2, 2, 3])).toEqual([
      { from: 0, to: 0, buckets: 2, share: 2 / 6 },
      { from: 1, to: 1, buckets: 1, share: 1 / 6 },
      { from: 2, to: 2, buckets: 2, share: 2 / 6 },
      { from: 3, to: 3, buckets: 1, share: 1 / 6 },
    ]);
  });

  test("all buckets at 0: one band holding everything", () => {
    expect(of([0, 0, 0])).toEqual([{ from: 0, to: 0, buckets: 3, share: 1 }]);
  });

  test.each([
    [19, 10, 2, 10],
    [20, 10, 3, 7],
    [49, 5, 10, 5],
    [9, 10, 1, 10],
  ])("values up to %i in at most %i bands: %i seats wide, %i bands", (top, maxBands, width, count) => {
    const bands = of([0, top], maxBands);
    expect(bands).toHaveLength(count);
    expect(bands[0]).toMatchObject({ from: 0, to: width - 1 });
    expect(bands.at(-1)!.to).toBe(top);
  });

  fcTest.prop([fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 30 })])(
    "every bucket in exactly one band; bands contiguous from 0 to the top; shares sum to 1",
    (values, maxBands) => {
      const bands = of(values, maxBands);
      expect(bands.length).toBeLessThanOrEqual(maxBands);
      expect(bands.reduce((s, b) => s + b.buckets, 0)).toBe(values.length);
      expect(bands.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 9);
      expect(bands[0].from).toBe(0);
      expect(bands.at(-1)!.to).toBe(Math.max(...values));
      for (let i = 1; i < bands.length; i++) expect(bands[i].from).toBe(bands[i - 1].to + 1);
      for (const v of values) expect(bands.filter((b) => b.from <= v && v <= b.to)).toHaveLength(1);
    },
  );
});

describe("denialsPerBucket (the denials the Seats chart marks)", () => {
  const from = Date.UTC(2026, 10, 2, 9, 0);
  const to = from + 60 * MINUTE_MS;
  test.each([
    { name: "none", times: [], want: [] },
    { name: "two in one bucket, one in another", times: [from + 1 * MINUTE_MS, from + 14 * MINUTE_MS, from + 31 * MINUTE_MS], want: [{ t: from, count: 2 }, { t: from + 30 * MINUTE_MS, count: 1 }] },
    { name: "one at `to` counts in the last bucket", times: [to], want: [{ t: from + 45 * MINUTE_MS, count: 1 }] },
    { name: "outside the range ignored", times: [from - 1, to + 1], want: [] },
    { name: "any order in, time order out", times: [from + 50 * MINUTE_MS, from], want: [{ t: from, count: 1 }, { t: from + 45 * MINUTE_MS, count: 1 }] },
  ])("$name", ({ times, want }) => {
    expect(denialsPerBucket(times, from, to, 15)).toEqual(want);
  });

  fcTest.prop([fc.array(fc.integer({ min: from, max: to }), { maxLength: 50 }), fc.constantFrom(1, 5, 15, 60)])("counts every denial of the range once, at a bucket start", (times, minutes) => {
    const buckets = denialsPerBucket(times, from, to, minutes);
    expect(buckets.reduce((s, b) => s + b.count, 0)).toBe(times.length);
    for (const b of buckets) expect((b.t - from) % (minutes * MINUTE_MS)).toBe(0);
  });
});
