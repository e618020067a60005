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
  /** With a capacity: most seats actually held at once (never above the capacity). */
  heldPeak?: number;
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
export function weightedPercentile(durations: readonly number[], total: number, p: number): number {
  if (total <= 0) return 0;
  const target = (p / 100) * total;
  let acc = 0;
  for (let level = 0; level < durations.length; level++) {
    acc += durations[level] ?? 0;
    if (acc >= target - 1e-9) return level;
  }
  return durations.length - 1;
}

/** Most buckets a series may have: a finer request is widened so memory stays bounded. */
export const MAX_SERIES_BUCKETS = 10_000;

/** Bucket width for a series over `span` ms: the request if given (widened to at most MAX_SERIES_BUCKETS), else ~500 buckets. */
export function seriesBucketMs(span: number, requested?: number): number {
  const wanted = requested && requested > 0 ? requested : Math.ceil(span / 500);
  return Math.max(1, wanted, Math.ceil(span / MAX_SERIES_BUCKETS));
}

/** Growable per-level durations (ms spent at each level of demand). */
class LevelDurations {
  values = new Float64Array(64);
  add(level: number, ms: number): void {
    if (level >= this.values.length) {
      const bigger = new Float64Array(Math.max(level + 1, this.values.length * 2));
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[level] += ms;
  }
}

interface PolicyState {
  demand: number;
  held: number;
  heldPeak: number;
  peak: number;
  peakAt: number | null;
  denials: number;
  timeOver: number;
  timeFull: number;
  durations: LevelDurations;
  buckets: Int32Array;
}

/**
 * Simulates both policies over one workload in a single sweep. Pure; `connections` are not modified.
 * Zero-length and inverted intervals are ignored (they hold nothing under half-open semantics).
 */
export function comparePolicies(connections: readonly WorkloadConnection[], options: PolicyOptions): PolicyComparison {
  // Per app-id: NO_SEAT, OWN_SEAT (always per session) or 0 (shares its computer's seat per device).
  const appKind = new Map<string, number>();
  const kindOf = (app: string) => {
    let kind = appKind.get(app);
    if (kind === undefined) {
      kind = options.noSeatAppIds.includes(app) ? NO_SEAT : options.perSessionAppIds.includes(app) ? OWN_SEAT : 0;
      appKind.set(app, kind);
    }
    return kind;
  };
  // Computer ids: host (case-insensitive) + terminal session. Looked up by the host string as given
  // (one Map lookup for a plain host), falling back to its lower-case form on first sight.
  const plainIds = new Map<string, number>();
  const terminalIds = new Map<string, Map<string, number>>();
  const byLower = new Map<string, number>();
  let computers = 0;
  const idOfKey = (key: string) => {
    let id = byLower.get(key);
    if (id === undefined) {
      id = computers++;
      byLower.set(key, id);
    }
    return id;
  };
  const computerOf = (host: string, terminalSession: string | null | undefined) => {
    if (!terminalSession) {
      let id = plainIds.get(host);
      if (id === undefined) {
        id = idOfKey(host.toLowerCase());
        plainIds.set(host, id);
      }
      return id;
    }
    let sessions = terminalIds.get(host);
    if (!sessions) {
      sessions = new Map();
      terminalIds.set(host, sessions);
    }
    let id = sessions.get(terminalSession);
    if (id === undefined) {
      id = idOfKey(`${host.toLowerCase()}\u0000${terminalSession}`);
      sessions.set(terminalSession, id);
    }
    return id;
  };

  // Connections that take no seat under either policy never enter the sweep; they only widen the scenario.
  // One pass over the objects (the costly part: they are scattered in memory), then compaction.
  const total = connections.length;
  const allStarts = new Float64Array(total);
  const allEnds = new Float64Array(total);
  const kinds = new Int32Array(total);
  let n = 0;
  let scenarioStart = Infinity;
  let scenarioEnd = -Infinity;
  for (let i = 0; i < total; i++) {
    const c = connections[i];
    const start = c.start;
    const end = c.end;
    if (!(end > start)) {
      kinds[i] = NO_SEAT;
      continue;
    }
    if (start < scenarioStart) scenarioStart = start;
    if (end > scenarioEnd) scenarioEnd = end;
    allStarts[i] = start;
    allEnds[i] = end;
    const kind = kindOf(c.app);
    kinds[i] = kind === 0 ? computerOf(c.host, c.terminalSession) : kind;
    if (kind !== NO_SEAT) n++;
  }
  const seatTaking = n;
  if (scenarioStart === Infinity) scenarioStart = scenarioEnd = 0;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const seatOf = new Int32Array(n);
  for (let i = 0, k = 0; i < total; i++) {
    if (kinds[i] === NO_SEAT) continue;
    starts[k] = allStarts[i];
    ends[k] = allEnds[i];
    seatOf[k] = kinds[i];
    k++;
  }

  const { codes, times } = orderEndpoints(starts, ends);
  // The seat of each event, in event order: the sweep then reads memory sequentially.
  const seats = new Int32Array(codes.length);
  for (let e = 0; e < codes.length; e++) seats[e] = seatOf[codes[e] >>> 1];
  const span = scenarioEnd - scenarioStart;
  const bucketMs = seriesBucketMs(span, options.bucketMs);
  const bucketCount = span > 0 ? Math.ceil(span / bucketMs) : 0;
  const capacity = options.capacity;
  const limited = capacity !== undefined;
  const cap = capacity ?? 0;
  const newState = (): PolicyState => ({ demand: 0, held: 0, heldPeak: 0, peak: 0, peakAt: null, denials: 0, timeOver: 0, timeFull: 0, durations: new LevelDurations(), buckets: new Int32Array(bucketCount) });
  const device = newState();
  const session = newState();
  // Per device: connections of each computer in demand, and among those that got a seat.
  const demandRefs = new Int32Array(computers);
  const heldRefs = new Int32Array(computers);
  // Bit 0: refused under per device; bit 1: refused under per session (first come, first served).
  const denied = limited ? new Uint8Array(n) : null;

  const grew = (st: PolicyState, t: number) => {
    if (st.demand > st.peak) {
      st.peak = st.demand;
      st.peakAt = t;
    }
  };
  const devDur = device.durations;
  const sesDur = session.durations;
  const devBuckets = device.buckets;
  const sesBuckets = session.buckets;
  // The bucket the sweep is in, and where it ends: no division per event.
  let bucket = 0;
  let bucketEnd = scenarioStart + bucketMs;

  let prevT = scenarioStart;
  for (let e = 0; e < codes.length; e++) {
    const code = codes[e];
    const t = times[e];
    if (t > prevT) {
      // The levels in force over [prevT, t): time at each level, and the most in every bucket touched.
      const dt = t - prevT;
      devDur.add(device.demand, dt);
      sesDur.add(session.demand, dt);
      while (prevT >= bucketEnd) {
        bucket++;
        bucketEnd += bucketMs;
      }
      for (;;) {
        if (device.demand > devBuckets[bucket]) devBuckets[bucket] = device.demand;
        if (session.demand > sesBuckets[bucket]) sesBuckets[bucket] = session.demand;
        if (t <= bucketEnd) break;
        bucket++;
        bucketEnd += bucketMs;
      }
      if (limited) {
        if (device.demand > cap) device.timeOver += dt;
        if (session.demand > cap) session.timeOver += dt;
        if (cap > 0 && device.held >= cap) device.timeFull += dt;
        if (cap > 0 && session.held >= cap) session.timeFull += dt;
      }
      prevT = t;
    }
    const seat = seats[e];
    const shared = seat >= 0; // per device only: a computer that holds a seat shares it (§4)
    if (code & 1) {
      session.demand++;
      grew(session, t);
      if (!shared || demandRefs[seat]++ === 0) {
        device.demand++;
        grew(device, t);
      }
      if (limited) {
        const k = code >>> 1;
        if (session.held >= cap) {
          denied![k] |= 2;
          session.denials++;
        } else if (++session.held > session.heldPeak) session.heldPeak = session.held;
        if (shared && heldRefs[seat] > 0) heldRefs[seat]++;
        else if (device.held >= cap) {
          denied![k] |= 1;
          device.denials++;
        } else {
          if (++device.held > device.heldPeak) device.heldPeak = device.held;
          if (shared) heldRefs[seat]++;
        }
      }
    } else {
      session.demand--;
      if (!shared || --demandRefs[seat] === 0) device.demand--;
      if (limited) {
        const d = denied![code >>> 1];
        if (!(d & 2)) session.held--;
        if (!(d & 1) && (!shared || --heldRefs[seat] === 0)) device.held--;
      }
    }
  }

  // After the last seat-taking connection ends, no seat is needed until the scenario ends.
  if (scenarioEnd > prevT) {
    devDur.add(0, scenarioEnd - prevT);
    sesDur.add(0, scenarioEnd - prevT);
  }

  const finish = (st: PolicyState): DemandStats => {
    const durations = Array.from(st.durations.values.subarray(0, st.peak + 1));
    const stats: DemandStats = {
      peak: st.peak,
      peakAt: st.peakAt,
      percentiles: {
        p50: weightedPercentile(durations, span, 50),
        p95: weightedPercentile(durations, span, 95),
        p99: weightedPercentile(durations, span, 99),
        max: st.peak,
      },
      histogram: durations.flatMap((ms, seats) => (ms > 0 ? [{ seats, share: ms / span }] : [])),
      series: Array.from(st.buckets, (seats, b) => ({ t: scenarioStart + b * bucketMs, seats })),
    };
    if (limited) {
      stats.free = cap - st.peak;
      stats.timeOverCapacityMs = st.timeOver;
      stats.timeFullMs = st.timeFull;
      stats.denials = st.denials;
      stats.heldPeak = st.heldPeak;
    }
    return stats;
  };

  return {
    scenario: { start: scenarioStart, end: scenarioEnd, connections: connections.length, seatTaking },
    perDevice: finish(device),
    perSession: finish(session),
    bucketMs,
  };
}
