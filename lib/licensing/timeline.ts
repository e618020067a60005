/**
 * Time helpers: ordering interval endpoints for the simulation (O(n) radix sort, so a sweep over a
 * million sessions stays within a small factor of a plain sort), and wall-clock times and calendar days
 * in an IANA time zone (rac's zone-less local times, the audit log's day filters).
 */

/** Event code: `(index << 1) | 1` for the start of interval `index`, `index << 1` for its end. */
export type EventCode = number;

const RADIX = 65536;
const TWO_32 = 4294967296;

export interface OrderedEndpoints {
  /** Event codes in time order (see `EventCode`). */
  codes: Uint32Array;
  /** The time of each event, in the same order: sweeps read it sequentially instead of by index. */
  times: Float64Array;
}

/**
 * Orders the 2n endpoints of half-open intervals [start, end): by time, and at equal times every end
 * before any start, so a session ending at 10:00 and one starting at 10:00 never overlap.
 * Stable, O(n) (LSD radix sort on 16-bit digits). Times must be whole milliseconds.
 */
export function orderEndpoints(starts: Float64Array, ends: Float64Array): OrderedEndpoints {
  const n = starts.length;
  const m = n * 2;
  let min = Infinity;
  let wholeSeconds = true;
  for (let i = 0; i < n; i++) {
    const s = starts[i];
    const e = ends[i];
    if (s < min) min = s;
    if (e < min) min = e;
    if (wholeSeconds && (s % 1000 !== 0 || e % 1000 !== 0)) wholeSeconds = false;
  }
  // rac prints whole seconds: counting in seconds keeps 68 years of keys in one 32-bit word.
  const unit = wholeSeconds ? 1000 : 1;
  const lo = new Uint32Array(m);
  const hi = new Uint32Array(m);
  const codes = new Uint32Array(m);
  let maxHi = 0;
  // key = (t - min) / unit * 2 + isStart: integral below 2^53, split into two 32-bit words.
  for (let j = 0; j < m; j++) {
    const i = j >>> 1;
    const isStart = j & 1;
    const key = (((isStart ? starts[i] : ends[i]) - min) / unit) * 2 + isStart;
    const h = Math.floor(key / TWO_32);
    hi[j] = h;
    lo[j] = key - h * TWO_32;
    codes[j] = j;
    if (h > maxHi) maxHi = h;
  }
  const lo2 = new Uint32Array(m);
  const hi2 = maxHi > 0 ? new Uint32Array(m) : hi;
  const codes2 = new Uint32Array(m);
  const count = new Uint32Array(RADIX);
  // Ping-pong between the two buffers; the digit passes needed decide where the result ends up.
  const digits: Array<[boolean, number]> = [[false, 0], [false, 16]];
  if (maxHi > 0) digits.push([true, 0]);
  if (maxHi > 0xffff) digits.push([true, 16]);
  let flipped = false;
  for (const [useHi, shift] of digits) {
    if (flipped) radixPass(lo2, hi2, codes2, lo, hi, codes, useHi, shift, count, maxHi > 0);
    else radixPass(lo, hi, codes, lo2, hi2, codes2, useHi, shift, count, maxHi > 0);
    flipped = !flipped;
  }
  if (flipped) {
    lo.set(lo2);
    if (maxHi > 0) hi.set(hi2);
    codes.set(codes2);
  }
  const times = new Float64Array(m);
  for (let i = 0; i < m; i++) times[i] = min + Math.floor((hi[i] * TWO_32 + lo[i]) / 2) * unit;
  return { codes, times };
}

/** One stable counting pass on a 16-bit digit of the (hi, lo) key, moving keys and codes together. */
function radixPass(
  lo: Uint32Array,
  hi: Uint32Array,
  codes: Uint32Array,
  outLo: Uint32Array,
  outHi: Uint32Array,
  outCodes: Uint32Array,
  useHi: boolean,
  shift: number,
  count: Uint32Array,
  moveHi: boolean,
): void {
  const keys = useHi ? hi : lo;
  const m = keys.length;
  count.fill(0);
  for (let i = 0; i < m; i++) count[(keys[i] >>> shift) & 0xffff]++;
  let sum = 0;
  for (let d = 0; d < RADIX; d++) {
    const c = count[d];
    count[d] = sum;
    sum += c;
  }
  if (moveHi) {
    for (let i = 0; i < m; i++) {
      const p = count[(keys[i] >>> shift) & 0xffff]++;
      outLo[p] = lo[i];
      outHi[p] = hi[i];
      outCodes[p] = codes[i];
    }
  } else {
    for (let i = 0; i < m; i++) {
      const p = count[(keys[i] >>> shift) & 0xffff]++;
      outLo[p] = lo[i];
      outCodes[p] = codes[i];
    }
  }
}

const ZONED = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;
const WITH_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

// Building an Intl.DateTimeFormat costs ~0.3 ms; an import of 20,000 rac sessions reads 40,000 times.
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    zoneFormats.set(timeZone, format);
  }
  return format;
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms, asked of Intl (~10 µs a call). */
function exactZoneOffset(ms: number, timeZone: string): number {
  const parts = zoneFormat(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 200_000;
/** Per zone and UTC hour: the offset when it holds for the whole hour, NaN when the clocks change inside it. */
const hourOffsets = new Map<string, number>();

/**
 * Offset of `timeZone` from UTC at instant `ms`, in ms (Moscow: +3 h). Clocks change at most once an hour,
 * so an hour whose first and last second share an offset has it throughout: asked of Intl twice per zone
 * and hour, then remembered (rac times and a simulation's 100,000 connections fall into few hours).
 */
function zoneOffset(ms: number, timeZone: string): number {
  const hour = Math.floor(ms / HOUR_MS);
  const key = `${timeZone}|${hour}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    const first = exactZoneOffset(hour * HOUR_MS, timeZone);
    offset = first === exactZoneOffset((hour + 1) * HOUR_MS - 1000, timeZone) ? first : Number.NaN;
    if (hourOffsets.size >= MAX_CACHED_HOURS) hourOffsets.clear();
    hourOffsets.set(key, offset);
  }
  return Number.isNaN(offset) ? exactZoneOffset(ms, timeZone) : offset;
}

/**
 * Reads an ISO 8601 time. With a zone (`Z`, `+03:00`) it is exact; without one (as rac prints the
 * 1C server's local time, DOMAIN §5.1) it is read in `timeZone`. Returns epoch ms, or null if invalid.
 */
export function parseTime(text: string, timeZone: string): number | null {
  const value = text.trim();
  const zone = WITH_ZONE.exec(value);
  const m = ZONED.exec(zone ? value.slice(0, zone.index) : value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  // Years outside 1970–2999 are typing mistakes here (and Date.UTC would read 0050 as 1950).
  if (+y < 1970 || +y > 2999) return null;
  const local = Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0, frac ? Number(frac.padEnd(3, "0")) : 0);
  const check = new Date(local);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || (s !== undefined && +s > 59)) return null;
  if (zone) {
    if (!/^T/i.test(value.slice(10, 11))) return null;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return wallClockInstant(local, timeZone);
}

/**
 * The instant at which `timeZone`'s clocks show `local` (a wall-clock time written as if it were UTC ms).
 * A time the clocks skip when summer time starts is read with the offset from before the change, so it
 * lands where the clocks jumped to (00:00 in Havana on the day summer time starts is 01:00 summer time).
 */
function wallClockInstant(local: number, timeZone: string): number {
  // Two rounds settle the offset across a DST change.
  const offset = zoneOffset(local - zoneOffset(local, timeZone), timeZone);
  const instant = local - offset;
  if (instant + zoneOffset(instant, timeZone) === local) return instant;
  return local - Math.min(offset, zoneOffset(instant, timeZone));
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a calendar day written `YYYY-MM-DD` (2026-02-30 is not; years 0100–9999). */
export function isCalendarDate(value: string): boolean {
  const m = CALENDAR_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  // Date.UTC reads years 0–99 as 1900–1999: the year check refuses them.
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/**
 * The instant (epoch ms) at which calendar day `date` (YYYY-MM-DD), or the day `plusDays` after it, begins
 * in `timeZone`: when its clocks show 00:00. RangeError when `date` is not an `isCalendarDate`.
 * Where summer time starts at midnight (America/Havana, America/Santiago) the day begins at 01:00.
 */
export function startOfDay(date: string, timeZone: string, plusDays = 0): number {
  if (!isCalendarDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const [y, m, d] = date.split("-").map(Number);
  return wallClockInstant(Date.UTC(y, m - 1, d + plusDays), timeZone);
}

/** The calendar day (YYYY-MM-DD) in `timeZone` at instant `ms`. */
export function calendarDate(ms: number, timeZone: string): string {
  return new Date(ms + zoneOffset(ms, timeZone)).toISOString().slice(0, 10);
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
