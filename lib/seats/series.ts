/**
 * Seats held over time (issue 11 §1): the per-pool rollups of the snapshots shaped into buckets for a chart,
 * with the peak and percentiles. Pure: captures, range and bucket size come in as plain numbers (epoch ms).
 */

/** Seats held by a pool at one capture, or by all pools (their rows of the capture summed, seats too). */
export interface SeatCapture {
  t: number;
  inUse: number;
  capacity: number;
}

/** One bucket of the series: starts at `t`, lasts the bucket size. */
export interface SeatBucket {
  t: number;
  /** The highest `inUse` of the captures in the bucket (a top watermark), 0 when none fell in it. */
  inUse: number;
  capacity: number;
}

export interface SeatPercentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;
/** Bucket sizes offered before whole days; the first that keeps the series within `TARGET_BUCKETS` wins. */
const BUCKET_STEPS_MINUTES = [1, 5, 15, 60, DAY_MINUTES] as const;
const TARGET_BUCKETS = 200;
/** Beyond `TARGET_BUCKETS` days the bucket grows by whole days so the series stays within this many. */
export const DEFAULT_MAX_BUCKETS = 500;
/** More buckets than this is refused when the caller picks the size (a chart cannot show them anyway). */
export const MAX_BUCKETS = 5000;

/** Buckets covering `[from, to]`: the last one may be partial; a zero-length range still has one. */
export function bucketCount(from: number, to: number, bucketMinutes: number): number {
  return Math.max(1, Math.ceil((to - from) / (bucketMinutes * MINUTE_MS)));
}

/**
 * The bucket size for a range when the caller names none: the smallest of 1, 5, 15, 60 minutes or a day that
 * gives at most 200 buckets (15 min for a day, 60 for a week, a day for 90 days); for longer ranges whole days,
 * as few as keep the series within 500 buckets (a day for a year).
 */
export function chooseBucketMinutes(from: number, to: number): number {
  for (const step of BUCKET_STEPS_MINUTES) if (bucketCount(from, to, step) <= TARGET_BUCKETS) return step;
  const days = Math.ceil((to - from) / (DAY_MINUTES * MINUTE_MS));
  return Math.max(1, Math.ceil(days / DEFAULT_MAX_BUCKETS)) * DAY_MINUTES;
}

export interface SeriesInput {
  /** Captures of the range; any order. Those outside `[from, to]` are ignored. */
  captures: readonly SeatCapture[];
  from: number;
  to: number;
  bucketMinutes: number;
  /** Seats the buckets before the first capture carry (the pool's capacity before the range). */
  capacityBefore: number;
}

/**
 * Every bucket of `[from, to]`, each starting at `from + i × size`: `inUse` is the highest capture in it (0 when
 * there is none — no capture means nothing was seen, not that the peak was missed), `capacity` the highest
 * capacity of its captures, carried forward into empty buckets (`capacityBefore` until the first capture).
 * A capture exactly at `to` counts in the last bucket.
 */
export function seatSeries({ captures, from, to, bucketMinutes, capacityBefore }: SeriesInput): SeatBucket[] {
  const size = bucketMinutes * MINUTE_MS;
  const n = bucketCount(from, to, bucketMinutes);
  const top = new Array<number>(n).fill(-1);
  const capacity = new Array<number>(n).fill(-1);
  for (const c of captures) {
    if (c.t < from || c.t > to) continue;
    const i = Math.min(n - 1, Math.floor((c.t - from) / size));
    top[i] = Math.max(top[i], c.inUse);
    capacity[i] = Math.max(capacity[i], c.capacity);
  }
  const series: SeatBucket[] = [];
  let carried = capacityBefore;
  for (let i = 0; i < n; i++) {
    if (capacity[i] >= 0) carried = capacity[i];
    series.push({ t: from + i * size, inUse: Math.max(0, top[i]), capacity: carried });
  }
  return series;
}

/** Denials counted per bucket of `[from, to]` (the buckets of `seatSeries`): only buckets with one or more, in time order. */
export function denialsPerBucket(times: readonly number[], from: number, to: number, bucketMinutes: number): Array<{ t: number; count: number }> {
  const size = bucketMinutes * MINUTE_MS;
  const n = bucketCount(from, to, bucketMinutes);
  const counts = new Map<number, number>();
  for (const time of times) {
    if (time < from || time > to) continue;
    const i = Math.min(n - 1, Math.floor((time - from) / size));
    counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[0] - b[0]).map(([i, count]) => ({ t: from + i * size, count }));
}

/**
 * Nearest-rank percentiles of the values (the smallest value with at least p % of the values at or below it),
 * and the maximum; all 0 when there are none.
 */
export function seatPercentiles(values: readonly number[]): SeatPercentiles {
  if (values.length === 0) return { p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(1, Math.ceil((p * sorted.length) / 100)) - 1];
  return { p50: rank(50), p95: rank(95), p99: rank(99), max: sorted[sorted.length - 1] };
}

/** One band of the load histogram: seats held `from`…`to` (both included). */
export interface LoadBand {
  from: number;
  to: number;
  /** Buckets whose top watermark lies in the band. */
  buckets: number;
  /** `buckets` over all buckets of the series (0…1). */
  share: number;
}

/**
 * Share of time at each load: the buckets of a series counted by their `inUse` (the top watermark) in bands of
 * equal width from 0 to the highest value, at most `maxBands` of them (one seat wide while that fits). Empty
 * buckets count at 0 seats, as the series shows them. No buckets → no bands.
 */
export function loadHistogram(series: readonly Pick<SeatBucket, "inUse">[], maxBands = 10): LoadBand[] {
  if (series.length === 0) return [];
  const top = Math.max(0, ...series.map((b) => b.inUse));
  const width = Math.max(1, Math.ceil((top + 1) / Math.max(1, maxBands)));
  const bands: LoadBand[] = Array.from({ length: Math.ceil((top + 1) / width) }, (_, i) => ({ from: i * width, to: Math.min(top, (i + 1) * width - 1), buckets: 0, share: 0 }));
  for (const b of series) bands[Math.floor(Math.max(0, b.inUse) / width)].buckets++;
  for (const band of bands) band.share = band.buckets / series.length;
  return bands;
}
