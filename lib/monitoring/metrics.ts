/**
 * Seats for monitoring (issue 10 §5): the Overview's pool figures as JSON (`GET /api/pools`) and in the
 * Prometheus text exposition format 0.0.4 (`GET /api/metrics`), for Zabbix HTTP agents and Prometheus scrapes.
 */
import { z } from "zod";

import type { OverviewModel } from "../licensing/overview";

export const PoolViewSchema = z.object({
  /** Stable id of the pool: `<kind>:<host>[:<key series>]`. */
  id: z.string(),
  kind: z.enum(["soft-local", "soft-server", "hasp-local", "hasp-network", "hasp-server"]),
  /** Name of the computer the seats sit on: the 1C server's computer for server-issued seats, the License Manager host for a network key. */
  host: z.string(),
  counting: z.enum(["per-computer", "per-session"]),
  seats: z.number().int().nonnegative(),
  inUse: z.number().int().nonnegative(),
  /** `seats - inUse`; negative when the newest snapshot shows more holders than the inventory has seats. */
  free: z.number().int(),
  regNumbers: z.array(z.string()),
  keySeries: z.string().nullable(),
});
export type PoolView = z.infer<typeof PoolViewSchema>;

export const PoolsResponseSchema = z.object({
  /** When the newest session snapshot was taken; null before the first import (every pool then has 0 in use). */
  takenAt: z.iso.datetime().nullable(),
  pools: z.array(PoolViewSchema),
});
export type PoolsResponse = z.infer<typeof PoolsResponseSchema>;

/** The pools exactly as the Overview's pools table shows them. */
export function poolsView(model: Pick<OverviewModel, "pools">, takenAt: Date | null): PoolsResponse {
  return {
    takenAt: takenAt?.toISOString() ?? null,
    pools: model.pools.map(({ pool, inUse, free }) => ({
      id: pool.id,
      kind: pool.source,
      host: pool.host,
      counting: pool.counting,
      seats: pool.seats,
      inUse,
      free,
      regNumbers: [...new Set(pool.members.map((m) => m.regNumber).filter((r): r is string => r !== null))],
      keySeries: pool.keySeries ?? null,
    })),
  };
}

export interface MetricSample {
  labels?: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  /** `[a-zA-Z_:][a-zA-Z0-9_:]*` */
  name: string;
  help: string;
  type: "gauge" | "counter";
  samples: MetricSample[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Label values escape `\`, `"` and line feeds; HELP text escapes `\` and line feeds (exposition format 0.0.4). */
const escapeLabel = (v: string) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n|\r/g, "\\n");
const escapeHelp = (v: string) => v.replace(/\\/g, "\\\\").replace(/\r?\n|\r/g, "\\n");
const formatNumber = (v: number) => (Number.isNaN(v) ? "NaN" : v === Infinity ? "+Inf" : v === -Infinity ? "-Inf" : String(v));

/** Prints metric families in the Prometheus text format 0.0.4; throws on a name a scraper would refuse (a bug, not input). */
export function formatPrometheus(families: readonly MetricFamily[]): string {
  let out = "";
  for (const f of families) {
    if (!METRIC_NAME.test(f.name)) throw new Error(`invalid metric name ${f.name}`);
    out += `# HELP ${f.name} ${escapeHelp(f.help)}\n# TYPE ${f.name} ${f.type}\n`;
    for (const s of f.samples) {
      const labels = Object.entries(s.labels ?? {});
      for (const [k] of labels) if (!LABEL_NAME.test(k) || k.startsWith("__")) throw new Error(`invalid label name ${k}`);
      const set = labels.length ? `{${labels.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(",")}}` : "";
      out += `${f.name}${set} ${formatNumber(s.value)}\n`;
    }
  }
  return out;
}

export interface SeatMetricsInput {
  model: Pick<OverviewModel, "pools" | "kits">;
  /** Newest snapshot; null before the first import. */
  takenAt: Date | null;
  now: Date;
  /** "No free license" events recorded, all time. */
  noLicenseEvents: number;
}

/**
 * The metric families SeatLedger exposes: seats, in use and free per pool (labels `pool`, `host`), backup PINs
 * left per software kit (label `reg_number`; kits not activated yet have none to count and are left out), age
 * of the newest snapshot (absent before the first import), and "no free license" events counted.
 */
export function seatMetrics({ model, takenAt, now, noLicenseEvents }: SeatMetricsInput): MetricFamily[] {
  const poolLabels = (p: OverviewModel["pools"][number]) => ({ pool: p.pool.id, host: p.pool.host });
  return [
    { name: "seatledger_pool_seats", type: "gauge", help: "Seats of the license pool (activated license files and counted keys).", samples: model.pools.map((p) => ({ labels: poolLabels(p), value: p.pool.seats })) },
    { name: "seatledger_pool_seats_in_use", type: "gauge", help: "Seats of the pool held in the newest session snapshot, counted the pool's way (per computer or per session).", samples: model.pools.map((p) => ({ labels: poolLabels(p), value: p.inUse })) },
    { name: "seatledger_pool_seats_free", type: "gauge", help: "Seats of the pool free in the newest session snapshot (negative: more holders than seats recorded).", samples: model.pools.map((p) => ({ labels: poolLabels(p), value: p.free })) },
    {
      name: "seatledger_kit_backup_pins_left",
      type: "gauge",
      help: "Unused PINs left to recover the kit's license after a hardware change (0: the next change needs the Licensing Center).",
      samples: model.kits.filter((k) => k.pins.backupsLeft !== null).map((k) => ({ labels: { reg_number: k.kit.regNumber }, value: k.pins.backupsLeft! })),
    },
    {
      name: "seatledger_snapshot_age_seconds",
      type: "gauge",
      help: "Seconds since the newest session snapshot was taken (no sample before the first import).",
      samples: takenAt ? [{ value: Math.max(0, Math.round((now.getTime() - takenAt.getTime()) / 1000)) }] : [],
    },
    { name: "seatledger_no_free_license_events_total", type: "counter", help: "\"No free license\" events recorded.", samples: [{ value: noLicenseEvents }] },
  ];
}
