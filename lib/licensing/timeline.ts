/**
 * Time helpers for the simulation: ordering interval endpoints (O(n) radix sort, so a sweep over a
 * million sessions stays within a small factor of a plain sort) and reading rac's zone-less local times.
 */

/** Event code: `(index << 1) | 1` for the start of interval `index`, `index << 1` for its end. */
export type EventCode = number;

const RADIX = 65536;
const TWO_32 = 4294967296;

/**
 * Orders the 2n endpoints of half-open intervals [start, end): by time, and at equal times every end
 * before any start, so a session ending at 10:00 and one starting at 10:00 never overlap.
 * Returns event codes (see `EventCode`). Stable, O(n) (LSD radix sort on 16-bit digits).
 */
export function orderEndpoints(starts: Float64Array, ends: Float64Array): Uint32Array {
  const n = starts.length;
  const m = n * 2;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    if (starts[i] < min) min = starts[i];
    if (ends[i] < min) min = ends[i];
  }
  let lo = new Uint32Array(m);
  let hi = new Uint32Array(m);
  let codes = new Uint32Array(m);
  let maxHi = 0;
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < 2; s++) {
      const j = i * 2 + s;
      // key = (t - min) * 2 + isStart: integral ms below 2^52, split into two 32-bit words.
      const key = ((s ? starts[i] : ends[i]) - min) * 2 + s;
      const h = Math.floor(key / TWO_32);
      hi[j] = h;
      lo[j] = key - h * TWO_32;
      codes[j] = j;
      if (h > maxHi) maxHi = h;
    }
  }
  let lo2 = new Uint32Array(m);
  let hi2 = new Uint32Array(m);
  let codes2 = new Uint32Array(m);
  const count = new Uint32Array(RADIX);
  const pass = (useHi: boolean, shift: number) => {
    const keys = useHi ? hi : lo;
    count.fill(0);
    for (let i = 0; i < m; i++) count[(keys[i] >>> shift) & 0xffff]++;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < m; i++) {
      const p = count[(keys[i] >>> shift) & 0xffff]++;
      lo2[p] = lo[i];
      hi2[p] = hi[i];
      codes2[p] = codes[i];
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [codes, codes2] = [codes2, codes];
  };
  pass(false, 0);
  pass(false, 16);
  if (maxHi > 0) pass(true, 0);
  if (maxHi > 0xffff) pass(true, 16);
  return codes;
}

const ZONED = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;
const WITH_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/** Offset of `timeZone` from UTC at instant `ms`, in ms (Moscow: +3 h). */
function zoneOffset(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * Reads an ISO 8601 time. With a zone (`Z`, `+03:00`) it is exact; without one (as rac prints the
 * 1C server's local time, DOMAIN §5.1) it is read in `timeZone`. Returns epoch ms, or null if invalid.
 */
export function parseTime(text: string, timeZone: string): number | null {
  const value = text.trim();
  if (WITH_ZONE.test(value)) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  const m = ZONED.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  const local = Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0, frac ? Number(frac.padEnd(3, "0")) : 0);
  const check = new Date(local);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || (s !== undefined && +s > 59)) return null;
  // Two rounds settle the offset across a DST change.
  let guess = local - zoneOffset(local, timeZone);
  guess = local - zoneOffset(guess, timeZone);
  return guess;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
