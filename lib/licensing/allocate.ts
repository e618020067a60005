/**
 * Allocation: which license a connection gets, walking the platform's search order (DOMAIN §4.1), and
 * how seats are counted once it has one (§4). A denial carries every place looked at and why it gave
 * nothing — the story the platform's "no free license" message tells — and who holds the seats.
 */
import type { InfobaseMode, LicenseDistribution, ServerBitness } from "../domain/enums";
import { CAUSE_TEXT, type Cause, type Localised } from "./causes";
import { computerKey, sameHost as same } from "./pools";
import type { LicensingSettings } from "./settings";
import { seriesBucketMs, weightedPercentile } from "./simulate";
import { orderEndpoints } from "./timeline";
import type { Pool, PoolSource, ServerLicense } from "./types";

export interface InfobaseInfo {
  name: string;
  mode: InfobaseMode;
  /** §4 [H]: whether the 1C server may issue client licenses for this infobase. */
  licenseDistribution: LicenseDistribution;
  /** §2 [L]: the infobase's "use hardware license" setting; false = keys are not looked for. */
  useHardwareLicense: boolean;
  /** Host of the cluster the infobase lives on (client-server mode). */
  serverHost: string | null;
}

export interface AllocationContext {
  pools: Pool[];
  serverLicenses: ServerLicense[];
  infobases: InfobaseInfo[];
  /** Known 1C servers; a client-server infobase on one of them needs a server license there (§4). */
  servers: Array<{ host: string; bitness: ServerBitness }>;
  settings: Pick<LicensingSettings, "noSeatAppIds" | "perSessionAppIds">;
  /** Computers recorded as terminal servers (`derivePools`): a connection from one without a terminal session counts per user (§4). */
  terminalHosts?: ReadonlySet<string>;
}

export interface Connection {
  id: string;
  user: string | null;
  host: string;
  terminalSession?: string | null;
  infobase: string;
  app: string;
  /** Epoch ms. */
  start: number;
  /** Epoch ms, exclusive; absent = still open. */
  end?: number;
}

/** One place of the search order and what it found there. */
export interface Step {
  place: "client" | "server";
  host: string;
  source: PoolSource | "server-license";
  poolId?: string;
  cause: Cause;
  text: Localised;
}

export interface Holder {
  user: string | null;
  host: string;
  terminalSession: string | null;
  connections: number;
  /** Earliest start among the holder's connections (epoch ms). */
  since: number;
}

export type Allocation =
  | { kind: "seat"; connectionId: string; poolId: string; obtainedBy: "client" | "server"; counting: "per-computer" | "per-session"; shared: boolean; looked: Step[] }
  | { kind: "no-seat"; connectionId: string }
  | { kind: "denied"; connectionId: string; looked: Step[]; wantedPoolId: string | null; holders: Holder[] };

interface PoolState {
  pool: Pool;
  /** Client-obtained seats, per computer: computer key → its connections (of them, to file-mode infobases). */
  computers: Map<string, { connections: number; fileConnections: number; user: string | null; host: string; terminalSession: string | null; since: number }>;
  /** Per-session seats: connection id → holder. */
  sessions: Map<string, { user: string | null; host: string; terminalSession: string | null; since: number; file: boolean }>;
  /** `fileModeSeats(pool)`, and the seats held for file-mode infobases (never more than that). */
  fileSeats: number;
  fileHeld: number;
}

const held = (s: PoolState) => s.computers.size + s.sessions.size;

/**
 * §4 [H]: "file-mode infobases can use only single-user licenses, except in terminal mode". The seats of a
 * pool that may serve a file-mode infobase: all of them on a terminal server, elsewhere those not from a
 * multi-user license (a pool adds single- and multi-user licenses up, so the rest still serve client-server).
 */
export function fileModeSeats(pool: Pool): number {
  if (pool.hostRole === "terminal-server") return pool.seats;
  return Math.max(0, pool.seats - pool.members.reduce((n, m) => n + (m.multiUser ? m.seats : 0), 0));
}

/**
 * §4 [H]: a known 1C server with no server license that covers it (64-bit covers 32-bit too; a license whose
 * bitness was not recorded is given the benefit of the doubt). Its client-server infobases refuse every
 * connection. A host SeatLedger does not know as a 1C server is not judged.
 */
export function lacksServerLicense(ctx: Pick<AllocationContext, "servers" | "serverLicenses">, serverHost: string): boolean {
  const server = ctx.servers.find((s) => same(s.host, serverHost));
  return !!server && !ctx.serverLicenses.some((l) => same(l.host, serverHost) && (l.bitness !== "32" || server.bitness === "32"));
}

/** An infobase nobody described: client-server on the only known server, distribution allowed. */
function defaultInfobase(name: string, ctx: AllocationContext): InfobaseInfo {
  return { name, mode: "client-server", licenseDistribution: "allow", useHardwareLicense: true, serverHost: ctx.servers.length === 1 ? ctx.servers[0].host : null };
}

/**
 * A stateful allocator: connections take and release seats in the order they are given.
 * `withHolders: false` skips listing who holds the wanted pool on each denial (simulations over time).
 */
export function createAllocator(ctx: AllocationContext, { withHolders = true }: { withHolders?: boolean } = {}) {
  const states = new Map(ctx.pools.map((pool) => [pool.id, { pool, computers: new Map(), sessions: new Map(), fileSeats: fileModeSeats(pool), fileHeld: 0 } as PoolState]));
  const index = new Map<string, PoolState[]>();
  for (const p of ctx.pools) {
    const key = `${p.source}|${p.host.toLowerCase()}`;
    index.set(key, [...(index.get(key) ?? []), states.get(p.id)!]);
  }
  const none: PoolState[] = [];
  const byHost = (source: PoolSource, host: string) => index.get(`${source}|${host.toLowerCase()}`) ?? none;
  const network = ctx.pools.filter((p) => p.source === "hasp-network").map((p) => states.get(p.id)!);
  const infobases = new Map(ctx.infobases.map((ib) => [ib.name.toLowerCase(), ib]));
  const noSeat = new Set(ctx.settings.noSeatAppIds);
  const perSessionApps = new Set(ctx.settings.perSessionAppIds);
  /** Computer key → the per-computer pool it already holds a seat in ("same kind of source as the last success", §4.1). */
  const seatOfComputer = new Map<string, string>();

  const step = (place: Step["place"], host: string, source: Step["source"], cause: Cause, poolId?: string): Step => ({ place, host, source, poolId, cause, text: CAUSE_TEXT[cause] });

  function holdersOf(poolId: string): Holder[] {
    const s = states.get(poolId);
    if (!s) return [];
    const byWho = new Map<string, Holder>();
    const add = (h: { user: string | null; host: string; terminalSession: string | null; since: number }, connections: number) => {
      const key = `${h.user ?? ""}|${h.host.toLowerCase()}|${h.terminalSession ?? ""}`;
      const prev = byWho.get(key);
      if (prev) {
        prev.connections += connections;
        prev.since = Math.min(prev.since, h.since);
      } else byWho.set(key, { user: h.user, host: h.host, terminalSession: h.terminalSession, connections, since: h.since });
    };
    for (const c of s.computers.values()) add(c, c.connections);
    for (const c of s.sessions.values()) add(c, 1);
    return [...byWho.values()].sort((a, b) => a.since - b.since || (a.user ?? "").localeCompare(b.user ?? ""));
  }

  const infobaseOf = (c: Connection) => infobases.get(c.infobase.toLowerCase()) ?? defaultInfobase(c.infobase, ctx);

  /** Puts a connection in a pool, counted per computer or per session; true when its computer already had the seat. */
  function seatIn(s: PoolState, c: Connection, counting: "per-computer" | "per-session"): boolean {
    const file = infobaseOf(c).mode === "file";
    const who = { user: c.user, host: c.host, terminalSession: c.terminalSession ?? null, since: c.start };
    if (counting === "per-session") {
      s.sessions.set(c.id, { ...who, file });
      if (file) s.fileHeld += 1;
      return false;
    }
    const key = computerKey({ host: c.host, terminalSession: c.terminalSession, userName: c.user }, ctx.terminalHosts);
    const entry = s.computers.get(key);
    if (entry) {
      entry.connections += 1;
      entry.since = Math.min(entry.since, c.start);
      if (file && entry.fileConnections++ === 0) s.fileHeld += 1;
    } else {
      s.computers.set(key, { ...who, connections: 1, fileConnections: file ? 1 : 0 });
      if (file) s.fileHeld += 1;
    }
    seatOfComputer.set(key, s.pool.id);
    return entry !== undefined;
  }

  /**
   * Records a seat a connection already holds — a session of a rac capture, whose pool and counting the capture
   * says (§5.1) — without walking the search order. Unknown pools are ignored.
   */
  function occupy(c: Connection, poolId: string, counting: "per-computer" | "per-session"): void {
    const s = states.get(poolId);
    if (s) seatIn(s, c, counting);
  }

  function allocate(c: Connection): Allocation {
    if (noSeat.has(c.app)) return { kind: "no-seat", connectionId: c.id };
    const ib = infobaseOf(c);
    const file = ib.mode === "file";
    const key = computerKey({ host: c.host, terminalSession: c.terminalSession, userName: c.user }, ctx.terminalHosts);
    const perSession = perSessionApps.has(c.app);
    const looked: Step[] = [];
    let wanted: string | null = null;

    const perComputer = (obtainedBy: "client" | "server") => obtainedBy === "client" && !perSession;
    /** A seat for this connection: the computer's own seat in the pool (§4: per computer), else a free one; file mode within `fileSeats`. */
    const fits = (s: PoolState, obtainedBy: "client" | "server") => {
      const entry = perComputer(obtainedBy) ? s.computers.get(key) : undefined;
      if (entry) return !file || entry.fileConnections > 0 || s.fileHeld < s.fileSeats;
      return held(s) < s.pool.seats && (!file || s.fileHeld < s.fileSeats);
    };
    const take = (s: PoolState, obtainedBy: "client" | "server"): Allocation => {
      const counting = perComputer(obtainedBy) ? "per-computer" : "per-session";
      const shared = seatIn(s, c, counting);
      return { kind: "seat", connectionId: c.id, poolId: s.pool.id, obtainedBy, counting, shared, looked };
    };
    /** Tries the pools of one place; records a step when none of them has a seat for this connection. */
    const tryPools = (candidates: PoolState[], place: Step["place"], host: string, source: PoolSource, missing: Cause): PoolState | null => {
      const obtainedBy = place === "client" ? "client" : "server";
      for (const s of candidates) if (fits(s, obtainedBy)) return s;
      if (candidates.length === 0) looked.push(step(place, host, source, missing));
      for (const s of candidates) {
        const fileLimited = file && s.fileHeld >= s.fileSeats;
        looked.push(step(place, s.pool.host, s.pool.source, fileLimited ? "file-mode-single-user-only" : "seats-exhausted", s.pool.id));
        // A pool with no seat file mode may use is not the one this connection waited for.
        if (!fileLimited || s.fileSeats > 0) wanted ??= s.pool.id;
      }
      return null;
    };

    // §4 [H]: a client-server infobase needs a server license on its server (64-bit covers 32-bit too;
    // a license whose bitness was not recorded is given the benefit of the doubt).
    if (ib.mode === "client-server" && ib.serverHost) {
      if (lacksServerLicense(ctx, ib.serverHost)) {
        looked.push(step("server", ib.serverHost, "server-license", "no-server-license"));
        return { kind: "denied", connectionId: c.id, looked, wantedPoolId: null, holders: [] };
      }
    }

    // 1. On the client computer (§4.1): the source of the last success first — a computer that holds a
    // seat shares it (§4: per computer) — then software licenses, a local key, network keys.
    if (!perSession) {
      const heldPool = seatOfComputer.get(key);
      const s = heldPool ? states.get(heldPool) : undefined;
      if (s && s.computers.has(key) && fits(s, "client")) return take(s, "client");
    }
    // A client running on the 1C server's own computer reads the license files there too (§1.5).
    const local = tryPools([...byHost("soft-local", c.host), ...byHost("soft-server", c.host)], "client", c.host, "soft-local", "no-file");
    if (local) return take(local, "client");
    if (ib.useHardwareLicense) {
      const key1 = tryPools(byHost("hasp-local", c.host), "client", c.host, "hasp-local", "no-local-key");
      if (key1) return take(key1, "client");
      const net = tryPools(network, "client", c.host, "hasp-network", "no-license-manager");
      if (net) return take(net, "client");
    }

    // 2–3. On the cluster (client-server only): licenses the server issues, per session (§4).
    if (ib.mode === "client-server" && ib.serverHost) {
      if (ib.licenseDistribution === "deny") {
        looked.push(step("server", ib.serverHost, "soft-server", "distribution-denied"));
      } else {
        const soft = tryPools([...byHost("soft-server", ib.serverHost), ...byHost("soft-local", ib.serverHost)], "server", ib.serverHost, "soft-server", "no-file");
        if (soft) return take(soft, "server");
        if (ib.useHardwareLicense) {
          const key2 = tryPools(byHost("hasp-local", ib.serverHost), "server", ib.serverHost, "hasp-local", "no-local-key");
          if (key2) return take(key2, "server");
          const net2 = tryPools(network, "server", ib.serverHost, "hasp-network", "no-license-manager");
          if (net2) return take(net2, "server");
        }
      }
    }
    return { kind: "denied", connectionId: c.id, looked, wantedPoolId: wanted, holders: wanted && withHolders ? holdersOf(wanted) : [] };
  }

  function release(c: Connection, a: Allocation): void {
    if (a.kind !== "seat") return;
    const s = states.get(a.poolId)!;
    if (a.counting === "per-session") {
      if (s.sessions.get(c.id)?.file) s.fileHeld -= 1;
      s.sessions.delete(c.id);
      return;
    }
    const key = computerKey({ host: c.host, terminalSession: c.terminalSession, userName: c.user }, ctx.terminalHosts);
    const entry = s.computers.get(key);
    if (!entry) return;
    entry.connections -= 1;
    if (infobaseOf(c).mode === "file" && entry.fileConnections > 0 && --entry.fileConnections === 0) s.fileHeld -= 1;
    if (entry.connections <= 0) {
      s.computers.delete(key);
      // After a file-mode connection found its seat elsewhere, a computer can hold seats in two pools.
      if (seatOfComputer.get(key) === s.pool.id) seatOfComputer.delete(key);
    }
  }

  const heldIn = (poolId: string) => {
    const s = states.get(poolId);
    return s ? held(s) : 0;
  };

  return { allocate, occupy, release, heldIn, holdersOf };
}

export interface InstantResult {
  allocations: Allocation[];
  usage: Array<{ poolId: string; seats: number; held: number; free: number; holders: Holder[] }>;
}

/**
 * Everyone connected at one instant: connections take seats in the order they started (then by id),
 * first come, first served. Free seats never go negative.
 */
export function allocateAtInstant(ctx: AllocationContext, connections: readonly Connection[]): InstantResult {
  const allocator = createAllocator(ctx, { withHolders: false });
  const ordered = [...connections].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(ordered.map((c) => [c.id, allocator.allocate(c)]));
  const usage = ctx.pools.map((p) => {
    const h = allocator.heldIn(p.id);
    return { poolId: p.id, seats: p.seats, held: h, free: p.seats - h, holders: allocator.holdersOf(p.id) };
  });
  // At one instant nobody leaves, so the holders when a connection was refused are the final holders.
  const holders = new Map(usage.map((u) => [u.poolId, u.holders]));
  return {
    allocations: connections.map((c) => {
      const a = byId.get(c.id)!;
      return a.kind === "denied" && a.wantedPoolId ? { ...a, holders: holders.get(a.wantedPoolId) ?? [] } : a;
    }),
    usage,
  };
}

export interface PoolTimeline {
  poolId: string;
  seats: number;
  peak: number;
  peakAt: number | null;
  /** ms during which every seat of the pool was held. */
  timeFullMs: number;
  /** Connections refused whose first exhausted place was this pool. */
  denials: number;
  histogram: Array<{ seats: number; share: number }>;
  percentiles: { p50: number; p95: number; p99: number; max: number };
  series: Array<{ t: number; seats: number }>;
}

export interface PoolSimulation {
  scenario: { start: number; end: number };
  pools: PoolTimeline[];
  /** Denials with no exhausted pool to blame (no license anywhere, distribution denied, no server license). */
  otherDenials: number;
  denied: Array<{ connectionId: string; at: number; wantedPoolId: string | null; causes: Cause[] }>;
  bucketMs: number;
}

/**
 * Replays connections over time against the real pools (§4.1 search order, §4 counting): seats held per
 * pool over time, peak, time spent full, denials, histogram and time-weighted percentiles.
 * Connections without an end stay open to the end of the scenario.
 */
export function simulatePools(ctx: AllocationContext, connections: readonly Connection[], options: { bucketMs?: number; maxDenied?: number } = {}): PoolSimulation {
  const n = connections.length;
  let scenarioStart = Infinity;
  let scenarioEnd = -Infinity;
  for (const c of connections) {
    scenarioStart = Math.min(scenarioStart, c.start);
    scenarioEnd = Math.max(scenarioEnd, c.end ?? c.start);
  }
  if (n === 0) scenarioStart = scenarioEnd = 0;
  if (scenarioEnd <= scenarioStart) scenarioEnd = scenarioStart + 1;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  connections.forEach((c, i) => {
    starts[i] = c.start;
    ends[i] = Math.max(c.start, c.end ?? scenarioEnd);
  });
  const span = scenarioEnd - scenarioStart;
  const bucketMs = seriesBucketMs(span, options.bucketMs);
  const bucketCount = Math.ceil(span / bucketMs);
  const allocator = createAllocator(ctx, { withHolders: false });
  /** Only seats are kept (to release them at the end); denials are counted and sampled. */
  const allocations: Array<Allocation | undefined> = new Array(n);
  const poolIds = ctx.pools.map((p) => p.id);
  const level = new Int32Array(poolIds.length);
  const index = new Map(poolIds.map((id, i) => [id, i]));
  const durations = poolIds.map(() => [0] as number[]);
  const peaks = poolIds.map(() => ({ peak: 0, at: null as number | null, full: 0, denials: 0 }));
  const buckets = poolIds.map(() => new Int32Array(bucketCount));
  const denied: PoolSimulation["denied"] = [];
  let otherDenials = 0;
  let prevT = scenarioStart;
  const { codes, times } = orderEndpoints(starts, ends);

  for (let e = 0; e < codes.length; e++) {
    const code = codes[e];
    const i = code >>> 1;
    const isStart = (code & 1) === 1;
    const t = times[e];
    if (t > prevT) {
      const first = Math.floor((prevT - scenarioStart) / bucketMs);
      const last = Math.ceil((t - scenarioStart) / bucketMs) - 1;
      for (let p = 0; p < poolIds.length; p++) {
        const l = level[p];
        durations[p][l] = (durations[p][l] ?? 0) + (t - prevT);
        if (l >= ctx.pools[p].seats && l > 0) peaks[p].full += t - prevT;
        for (let b = first; b <= last; b++) if (l > buckets[p][b]) buckets[p][b] = l;
      }
      prevT = t;
    }
    if (isStart) {
      if (starts[i] === ends[i]) continue; // zero-length: holds nothing (half-open)
      const a = allocator.allocate(connections[i]);
      if (a.kind === "seat") allocations[i] = a;
      if (a.kind === "denied") {
        if (a.wantedPoolId) peaks[index.get(a.wantedPoolId)!].denials++;
        else otherDenials++;
        if (denied.length < (options.maxDenied ?? 1000)) denied.push({ connectionId: connections[i].id, at: t, wantedPoolId: a.wantedPoolId, causes: a.looked.map((s) => s.cause) });
      }
      if (a.kind === "seat" && !a.shared) {
        const p = index.get(a.poolId)!;
        level[p] = allocator.heldIn(a.poolId);
        if (level[p] > peaks[p].peak) {
          peaks[p].peak = level[p];
          peaks[p].at = t;
        }
      }
    } else {
      const a = allocations[i];
      if (a) {
        allocator.release(connections[i], a);
        if (a.kind === "seat") level[index.get(a.poolId)!] = allocator.heldIn(a.poolId);
      }
    }
  }

  const pools: PoolTimeline[] = ctx.pools.map((pool, p) => {
    const d = durations[p];
    const pct = (q: number) => weightedPercentile(d, span, q);
    return {
      poolId: pool.id,
      seats: pool.seats,
      peak: peaks[p].peak,
      peakAt: peaks[p].at,
      timeFullMs: peaks[p].full,
      denials: peaks[p].denials,
      histogram: d.map((ms, seats) => ({ seats, share: ms / span })).filter((h) => h.share > 0),
      percentiles: { p50: pct(50), p95: pct(95), p99: pct(99), max: peaks[p].peak },
      series: Array.from(buckets[p], (seats, b) => ({ t: scenarioStart + b * bucketMs, seats })),
    };
  });
  return { scenario: { start: scenarioStart, end: scenarioEnd }, pools, otherDenials, denied, bucketMs };
}
