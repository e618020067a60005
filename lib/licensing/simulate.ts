/**
 * The same workload under the two ways seats are counted (DOMAIN §4):
 * - client licensing ("per computer", the license obtained on the client): all connections of one
 *   computer share one seat, a terminal session being its own computer; web and mobile clients and
 *   web/HTTP/OData services still count per session;
 * - server-issued licensing ("per session"): every connection takes a seat.
 * App-ids that never take a client seat (background jobs, consoles …, a setting) take none under both.
 *
 * One sweep over the ordered interval endpoints (O(n log n) overall, O(n) after ordering).
 */
import { orderEndpoints } from "./timeline";

export type Policy = "perDevice" | "perSession";

export interface WorkloadConnection {
  /** May be empty or null: background jobs often run without a user. */
  user?: string | null;
  host: string;
  terminalSession?: string | null;
  infobase?: string;
  app: string;
  /** Epoch ms; half-open interval [start, end). */
  start: number;
  end: number;
}

export interface PolicyOptions {
  /** App-ids that take no client seat (§4 [M]). */
  noSeatAppIds: readonly string[];
  /** App-ids that always count per session (§4: web and mobile clients, services [M]). */
  perSessionAppIds: readonly string[];
  /** Seats owned: adds free seats, time spent full and the connections that would be refused. */
  capacity?: number;
  /** Width of the buckets of the returned series (max per bucket); default: about 500 buckets. */
  bucketMs?: number;
}

export interface DemandStats {
  /** Most seats needed at once (unconstrained demand). */
  peak: number;
  /** First moment the peak was reached (epoch ms), null for an empty workload. */
  peakAt: number | null;
  /** Time-weighted percentiles of concurrent demand over the scenario [first start, last end). */
  percentiles: { p50: number; p95: number; p99: number; max: number };
  /** Share of the scenario's time during which exactly `seats` seats were needed. */
  histogram: Array<{ seats: number; share: number }>;
  /** Demand over time: per bucket, the most seats needed at once. */
  series: Array<{ t: number; seats: number }>;
  /** With a capacity: capacity − peak (negative = shortfall). */
  free?: number;
  /** With a capacity: ms during which demand exceeded it. */
  timeOverCapacityMs?: number;
  /** With a capacity: ms during which every seat was held (first come, first served). */
  timeFullMs?: number;
  /** With a capacity: connections refused because no seat was free when they started. */
  denials?: number;
}

export interface PolicyComparison {
  scenario: { start: number; end: number; connections: number; seatTaking: number };
  perDevice: DemandStats;
  perSession: DemandStats;
  bucketMs: number;
}

const NO_SEAT = -1;
const OWN_SEAT = -2;

/** Time-weighted percentile from durations per level: the smallest level whose cumulative share ≥ p. */
function weightedPercentile(durations: number[], total: number, p: number): number {
  if (total <= 0) return 0;
  const target = (p / 100) * total;
  let acc = 0;
  for (let level = 0; level < durations.length; level++) {
    acc += durations[level] ?? 0;
    if (acc >= target - 1e-9) return level;
  }
  return durations.length - 1;
}

/**
 * Simulates both policies over one workload. Pure; `connections` are not modified. Zero-length and
 * inverted intervals are ignored (they hold nothing under half-open semantics).
 */
export function comparePolicies(connections: readonly WorkloadConnection[], options: PolicyOptions): PolicyComparison {
  const noSeat = new Set(options.noSeatAppIds);
  const perSessionApps = new Set(options.perSessionAppIds);

  const valid: number[] = [];
  for (let i = 0; i < connections.length; i++) if (connections[i].end > connections[i].start) valid.push(i);
  const n = valid.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  // Per connection: the computer id it shares a seat with (per device), OWN_SEAT, or NO_SEAT.
  const seatOf = new Int32Array(n);
  const computerIds = new Map<string, number>();
  let seatTaking = 0;
  for (let k = 0; k < n; k++) {
    const c = connections[valid[k]];
    starts[k] = c.start;
    ends[k] = c.end;
    if (noSeat.has(c.app)) seatOf[k] = NO_SEAT;
    else if (perSessionApps.has(c.app)) seatOf[k] = OWN_SEAT;
    else {
      const key = `${c.host.toLowerCase()}\u0000${c.terminalSession ?? ""}`;
      let id = computerIds.get(key);
      if (id === undefined) {
        id = computerIds.size;
        computerIds.set(key, id);
      }
      seatOf[k] = id;
    }
    if (seatOf[k] !== NO_SEAT) seatTaking++;
  }

  const order = orderEndpoints(starts, ends);
  let scenarioStart = Infinity;
  let scenarioEnd = -Infinity;
  for (let k = 0; k < n; k++) {
    if (starts[k] < scenarioStart) scenarioStart = starts[k];
    if (ends[k] > scenarioEnd) scenarioEnd = ends[k];
  }
  if (n === 0) scenarioStart = scenarioEnd = 0;
  const span = scenarioEnd - scenarioStart;
  const bucketMs = options.bucketMs && options.bucketMs > 0 ? options.bucketMs : Math.max(1, Math.ceil(span / 500));

  const run = (policy: Policy): DemandStats => {
    const capacity = options.capacity;
    const demandRefs = policy === "perDevice" ? new Int32Array(computerIds.size) : null;
    const heldRefs = policy === "perDevice" ? new Int32Array(computerIds.size) : null;
    const denied = capacity === undefined ? null : new Uint8Array(n);
    let demand = 0;
    let held = 0;
    let peak = 0;
    let peakAt: number | null = null;
    let denials = 0;
    let timeOver = 0;
    let timeFull = 0;
    const durations: number[] = [0];
    const bucketCount = n === 0 ? 0 : Math.ceil(span / bucketMs);
    const buckets = new Int32Array(bucketCount);
    let prevT = scenarioStart;

    for (let e = 0; e < order.length; e++) {
      const code = order[e];
      const k = code >>> 1;
      const isStart = (code & 1) === 1;
      const t = isStart ? starts[k] : ends[k];
      if (t > prevT) {
        const dt = t - prevT;
        durations[demand] = (durations[demand] ?? 0) + dt;
        // The level held over [prevT, t) counts in every bucket that interval touches.
        const lastBucket = Math.ceil((t - scenarioStart) / bucketMs) - 1;
        for (let b = Math.floor((prevT - scenarioStart) / bucketMs); b <= lastBucket; b++) if (demand > buckets[b]) buckets[b] = demand;
        if (capacity !== undefined) {
          if (demand > capacity) timeOver += dt;
          if (held >= capacity && capacity > 0) timeFull += dt;
        }
        prevT = t;
      }
      const seat = seatOf[k];
      if (seat === NO_SEAT) continue;
      // Per device, a connection of a computer that already holds a seat shares it (§4).
      const shared = policy === "perDevice" && seat >= 0;
      if (isStart) {
        if (!shared || demandRefs![seat]++ === 0) demand++;
        if (capacity !== undefined) {
          if (shared && heldRefs![seat] > 0) heldRefs![seat]++;
          else if (held >= capacity) {
            denied![k] = 1;
            denials++;
          } else {
            held++;
            if (shared) heldRefs![seat]++;
          }
        }
        if (demand > peak) {
          peak = demand;
          peakAt = t;
        }
      } else {
        if (!shared || --demandRefs![seat] === 0) demand--;
        if (capacity !== undefined && !denied![k]) {
          if (!shared || --heldRefs![seat] === 0) held--;
        }
      }
    }

    const series: DemandStats["series"] = Array.from(buckets, (seats, b) => ({ t: scenarioStart + b * bucketMs, seats }));

    const total = span;
    const histogram: DemandStats["histogram"] = [];
    for (let level = 0; level < durations.length; level++) {
      if (durations[level]) histogram.push({ seats: level, share: total > 0 ? durations[level] / total : 0 });
    }
    const stats: DemandStats = {
      peak,
      peakAt,
      percentiles: {
        p50: weightedPercentile(durations, total, 50),
        p95: weightedPercentile(durations, total, 95),
        p99: weightedPercentile(durations, total, 99),
        max: peak,
      },
      histogram,
      series,
    };
    if (capacity !== undefined) {
      stats.free = capacity - peak;
      stats.timeOverCapacityMs = timeOver;
      stats.timeFullMs = timeFull;
      stats.denials = denials;
    }
    return stats;
  };

  return {
    scenario: { start: scenarioStart, end: scenarioEnd, connections: connections.length, seatTaking },
    perDevice: run("perDevice"),
    perSession: run("perSession"),
    bucketMs,
  };
}
