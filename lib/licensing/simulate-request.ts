/**
 * The `POST /api/simulate` contract: request and response schemas and the translation from the
 * request's connections (ISO times, possibly zone-less, possibly open-ended) to a workload.
 */
import { z } from "zod";

import type { LicensingSettings } from "./settings";
import { comparePolicies, type DemandStats, type WorkloadConnection } from "./simulate";
import { parseTime } from "./timeline";

/** Most connections one request may simulate (the bench runs a million through the engine directly). */
export const MAX_API_CONNECTIONS = 100_000;

const time = z.string().trim().min(1, "must be an ISO 8601 time such as 2026-11-27T10:00:00");

export const SimulateRequestSchema = z.object({
  capacity: z.number().int("must be a whole number of seats").min(0, "must be 0 or more").max(1_000_000).optional(),
  bucketMinutes: z.number().int().min(1).max(10_080).optional(),
  connections: z
    .array(
      z.object({
        user: z.string().nullable().optional(),
        host: z.string().trim().min(1, "must name the computer (rac host)"),
        terminalSession: z.string().trim().nullable().optional(),
        infobase: z.string().trim().min(1, "must name the infobase"),
        app: z.string().trim().min(1, "must be a rac app-id such as 1CV8C, Designer, WebClient, BackgroundJob"),
        start: time.optional(),
        end: time.optional(),
      }),
    )
    .max(MAX_API_CONNECTIONS, `at most ${MAX_API_CONNECTIONS} connections per request`),
});

export type SimulateRequest = z.infer<typeof SimulateRequestSchema>;

const Percentiles = z.object({ p50: z.number(), p95: z.number(), p99: z.number(), max: z.number() });
const PolicyResult = z.object({
  peak: z.number().int(),
  peakAt: z.string().nullable(),
  free: z.number().int().optional(),
  percentiles: Percentiles,
  histogram: z.array(z.object({ seats: z.number().int(), share: z.number() })),
  timeOverCapacityMinutes: z.number().optional(),
  timeFullMinutes: z.number().optional(),
  denials: z.number().int().optional(),
});

export const SimulateResponseSchema = z.object({
  perDevice: PolicyResult,
  perSession: PolicyResult,
  scenario: z.object({ start: z.string(), end: z.string(), connections: z.number().int(), seatTaking: z.number().int(), timeZone: z.string() }),
  series: z.array(z.object({ t: z.string(), perDevice: z.number().int(), perSession: z.number().int() })),
});

export type SimulateResponse = z.infer<typeof SimulateResponseSchema>;

export interface TimeIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * Reads the request's times (zone-less = `settings.serverTimeZone`, DOMAIN §5.1). A connection without
 * start or end is open for the whole scenario: from the earliest start to the latest end given; with no
 * times at all, the scenario is one minute from `now` (ms). Returns the workload, or the problems found (path + rule).
 */
export function toWorkload(req: SimulateRequest, timeZone: string, now: number): { workload: WorkloadConnection[]; start: number; end: number } | { issues: TimeIssue[] } {
  const issues: TimeIssue[] = [];
  const parsed = req.connections.map((c, i) => {
    const read = (field: "start" | "end") => {
      const text = c[field];
      if (text === undefined) return undefined;
      const ms = parseTime(text, timeZone);
      if (ms === null) issues.push({ path: ["connections", i, field], message: `"${text}" is not an ISO 8601 time (e.g. 2026-11-27T10:00:00 or 2026-11-27T10:00:00+03:00)` });
      return ms ?? undefined;
    };
    const start = read("start");
    const end = read("end");
    if (start !== undefined && end !== undefined && end <= start) issues.push({ path: ["connections", i, "end"], message: "must be later than start (intervals are half-open: [start, end))" });
    return { start, end };
  });
  if (issues.length) return { issues };
  let start = Infinity;
  let end = -Infinity;
  for (const p of parsed) {
    for (const t of [p.start, p.end]) {
      if (t === undefined) continue;
      if (t < start) start = t;
      if (t > end) end = t;
    }
  }
  if (start === Infinity) start = end = Math.floor(now / 1000) * 1000;
  // An open-ended connection must hold something: the scenario lasts at least a minute past the last
  // start of a connection without an end, and begins a minute before the first end of one without a start.
  for (const p of parsed) {
    if (p.end === undefined && p.start !== undefined && p.start + 60_000 > end) end = p.start + 60_000;
    if (p.start === undefined && p.end !== undefined && p.end - 60_000 < start) start = p.end - 60_000;
  }
  if (end <= start) end = start + 60_000;
  const workload = req.connections.map((c, i) => ({
    user: c.user ?? null,
    host: c.host,
    terminalSession: c.terminalSession ?? null,
    infobase: c.infobase,
    app: c.app,
    start: parsed[i].start ?? start,
    end: parsed[i].end ?? end,
  }));
  return { workload, start, end };
}

const iso = (ms: number) => new Date(ms).toISOString();
const minutes = (ms: number | undefined) => (ms === undefined ? undefined : Math.round((ms / 60_000) * 100) / 100);

function policyResult(s: DemandStats): z.infer<typeof PolicyResult> {
  return {
    peak: s.peak,
    peakAt: s.peakAt === null ? null : iso(s.peakAt),
    free: s.free,
    percentiles: s.percentiles,
    histogram: s.histogram,
    timeOverCapacityMinutes: minutes(s.timeOverCapacityMs),
    timeFullMinutes: minutes(s.timeFullMs),
    denials: s.denials,
  };
}

/** Runs both policies for an API request whose times were read. */
export function simulateRequest(req: SimulateRequest, settings: LicensingSettings, workload: WorkloadConnection[]): SimulateResponse {
  const r = comparePolicies(workload, {
    noSeatAppIds: settings.noSeatAppIds,
    perSessionAppIds: settings.perSessionAppIds,
    capacity: req.capacity,
    bucketMs: req.bucketMinutes ? req.bucketMinutes * 60_000 : undefined,
  });
  return {
    perDevice: policyResult(r.perDevice),
    perSession: policyResult(r.perSession),
    scenario: { start: iso(r.scenario.start), end: iso(r.scenario.end), connections: r.scenario.connections, seatTaking: r.scenario.seatTaking, timeZone: settings.serverTimeZone },
    series: r.perDevice.series.map((p, i) => ({ t: iso(p.t), perDevice: p.seats, perSession: r.perSession.series[i]?.seats ?? 0 })),
  };
}
