/**
 * The Simulator's two routes (issue 11 §3), one zod contract for the routes, the page and the tests:
 * `GET /api/simulate/history` (the company's sessions over a range) and `POST /api/simulate/workload`
 * (a described workload, lib/licensing/workload.ts). Both answer the `POST /api/simulate` shape plus the
 * range and the cost of each policy.
 */
import { z } from "zod";

import type { LicensingSettings } from "../licensing/settings";
import { SimulateResponseSchema, simulateRequest } from "../licensing/simulate-request";
import { MAX_SERIES_BUCKETS, type WorkloadConnection } from "../licensing/simulate";
import { blankToUndefined, InstantMsSchema } from "../query-params";
import { simulationCost } from "./cost";

const DAY_MS = 86_400_000;
/** The history range when the caller names no `from`: 30 days before `to`. */
export const DEFAULT_HISTORY_DAYS = 30;
/** The longest history one request may replay. */
export const MAX_HISTORY_DAYS = 400;
/** Bucket widths the series may use, smallest first. */
const BUCKET_STEPS_MINUTES = [5, 15, 30, 60, 120, 240, 720, 1440] as const;
const TARGET_BUCKETS = 800;

const instant = z.preprocess(blankToUndefined, InstantMsSchema.optional());
const bucketMinutes = z.number().int("must be a whole number of minutes").min(1, "must be at least 1 minute").max(10_080, "must be at most 10080 minutes (a week)");

/** The smallest bucket width of BUCKET_STEPS_MINUTES giving at most ~800 buckets over `[from, to)`: an hour for 30 days. */
export function simulatorBucketMinutes(from: number, to: number): number {
  for (const step of BUCKET_STEPS_MINUTES) if ((to - from) / (step * 60_000) <= TARGET_BUCKETS) return step;
  return Math.ceil((to - from) / DAY_MS / TARGET_BUCKETS) * 1440;
}

/**
 * `GET /api/simulate/history?from=&to=&bucketMinutes=`, resolved: `to` defaults to `defaultTo` (the newest
 * capture, or now without one), `from` to 30 days before `to`. Refused, naming the field: an instant without
 * a zone, `from` not before `to`, a range over 400 days, a bucket outside 1…10080 minutes.
 */
export const historyQuerySchema = (defaultTo: number) =>
  z
    .object({
      from: instant,
      to: instant,
      bucketMinutes: z.preprocess(blankToUndefined, z.coerce.number({ error: "must be a whole number of minutes" }).pipe(bucketMinutes).optional()),
    })
    .transform((q, ctx) => {
      const to = q.to ?? defaultTo;
      const from = q.from ?? to - DEFAULT_HISTORY_DAYS * DAY_MS;
      if (from >= to) {
        ctx.addIssue({ code: "custom", path: ["from"], message: `must be before to (${new Date(to).toISOString()})` });
        return z.NEVER;
      }
      if (to - from > MAX_HISTORY_DAYS * DAY_MS) {
        ctx.addIssue({ code: "custom", path: ["from"], message: `must be at most ${MAX_HISTORY_DAYS} days before to` });
        return z.NEVER;
      }
      // The engine widens a finer bucket on its own; refusing it keeps the answer's bucketMinutes true.
      if (q.bucketMinutes !== undefined && (to - from) / (q.bucketMinutes * 60_000) > MAX_SERIES_BUCKETS) {
        ctx.addIssue({ code: "custom", path: ["bucketMinutes"], message: `gives more than ${MAX_SERIES_BUCKETS} buckets for this range: pick at least ${Math.ceil((to - from) / 60_000 / MAX_SERIES_BUCKETS)} minutes` });
        return z.NEVER;
      }
      return { from, to, bucketMinutes: q.bucketMinutes ?? simulatorBucketMinutes(from, to) };
    });
export type HistoryQuery = z.output<ReturnType<typeof historyQuerySchema>>;

const money = z.number().int().nullable();
const KitPurchaseSchema = z.object({ size: z.number().int().positive(), count: z.number().int().positive(), unitPrice: z.number().int(), total: z.number().int() });
const KitChoiceSchema = z.object({ kits: z.array(KitPurchaseSchema), seatsBought: z.number().int().nonnegative(), cost: money });
const SeatNeedSchema = z.object({ seats: z.number().int().nonnegative(), all: KitChoiceSchema, toBuy: z.number().int().nonnegative(), buy: KitChoiceSchema });
const PolicyCostSchema = z.object({ p95: SeatNeedSchema, peak: SeatNeedSchema });
const DifferenceSchema = z.object({ seats: z.number().int(), all: money, buy: money });

export const SimulationCostSchema = z.object({
  /** ISO 4217 code of every amount; amounts are minor units (kopecks). */
  currency: z.string(),
  /** Usable seats of every pool now (the Overview's total). */
  owned: z.number().int().nonnegative(),
  perDevice: PolicyCostSchema,
  perSession: PolicyCostSchema,
  difference: z.object({ p95: DifferenceSchema, peak: DifferenceSchema }),
});

export const SimulationResponseSchema = SimulateResponseSchema.extend({
  /** The range simulated (history: as asked; a described workload: its first working day to the end of its last). */
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  bucketMinutes: z.number().int().positive(),
  /** The newest capture of sessions (history only; null when none was ever imported). */
  newestCapture: z.iso.datetime().nullable(),
  cost: SimulationCostSchema,
});
export type SimulationResponse = z.infer<typeof SimulationResponseSchema>;

export interface SimulationInput {
  workload: WorkloadConnection[];
  from: number;
  to: number;
  bucketMinutes: number;
  newestCapture: number | null;
  /** Usable seats owned now. */
  owned: number;
  settings: LicensingSettings;
}

/** Both policies over a workload (the `POST /api/simulate` engine and shape) with the range and the cost table. */
export function simulation(input: SimulationInput): SimulationResponse {
  const result = simulateRequest({ bucketMinutes: input.bucketMinutes, connections: [] }, input.settings, input.workload);
  const cost = simulationCost({
    perDevice: { p95: result.perDevice.percentiles.p95, peak: result.perDevice.peak },
    perSession: { p95: result.perSession.percentiles.p95, peak: result.perSession.peak },
    owned: input.owned,
    kitSizes: input.settings.kitSizes,
    kitPrices: input.settings.kitPrices,
    currency: input.settings.currency,
  });
  return {
    ...result,
    from: new Date(input.from).toISOString(),
    to: new Date(input.to).toISOString(),
    bucketMinutes: input.bucketMinutes,
    newestCapture: input.newestCapture === null ? null : new Date(input.newestCapture).toISOString(),
    cost,
  };
}
