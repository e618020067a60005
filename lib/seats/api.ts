/** `GET /api/seats` (issue 11 §1): seats held over time, one zod contract for the route and its callers. */
import { z } from "zod";

import { blankToUndefined, InstantMsSchema } from "../query-params";
import { bucketCount, chooseBucketMinutes, MAX_BUCKETS } from "./series";

const DAY_MS = 86_400_000;
/** The range when the caller names no `from`: a week before `to`. */
export const DEFAULT_RANGE_MS = 7 * DAY_MS;
const instant = z.preprocess(blankToUndefined, InstantMsSchema.optional());

/**
 * The query, resolved: `to` defaults to `now`, `from` to a week before `to`, `bucketMinutes` to
 * `chooseBucketMinutes` (at most ~500 buckets). Refused, naming the field: an instant without a zone,
 * `from` not before `to`, a bucket size under a minute or one giving more than `MAX_BUCKETS` buckets.
 */
export const seatsQuerySchema = (now: number) =>
  z
    .object({
      pool: z.preprocess(blankToUndefined, z.string().trim().max(300, "must be at most 300 characters").optional()),
      from: instant,
      to: instant,
      bucketMinutes: z.preprocess(blankToUndefined, z.coerce.number({ error: "must be a whole number of minutes" }).int("must be a whole number of minutes").min(1, "must be at least 1 minute").optional()),
    })
    .transform((q, ctx) => {
      const to = q.to ?? now;
      const from = q.from ?? to - DEFAULT_RANGE_MS;
      if (from >= to) {
        ctx.addIssue({ code: "custom", path: ["from"], message: "must be before to" });
        return z.NEVER;
      }
      const bucketMinutes = q.bucketMinutes ?? chooseBucketMinutes(from, to);
      if (bucketCount(from, to, bucketMinutes) > MAX_BUCKETS) {
        ctx.addIssue({ code: "custom", path: ["bucketMinutes"], message: `gives more than ${MAX_BUCKETS} buckets for this range: pick at least ${Math.ceil((to - from) / 60_000 / MAX_BUCKETS)} minutes` });
        return z.NEVER;
      }
      return { pool: q.pool ?? null, from, to, bucketMinutes };
    });
export type SeatsQuery = z.output<ReturnType<typeof seatsQuerySchema>>;

const seats = z.number().int().nonnegative();

export const SeatBucketWireSchema = z.object({
  /** Start of the bucket. */
  t: z.iso.datetime(),
  /** The most seats held at one capture in the bucket; 0 when no capture fell in it. */
  inUse: seats,
  /** The pool's seats (all pools' summed without `pool`). */
  capacity: seats,
});

export const SeatsResponseSchema = z.object({
  /** The pool asked for; null = all pools summed. */
  pool: z.string().nullable(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  bucketMinutes: z.number().int().positive(),
  series: z.array(SeatBucketWireSchema),
  /** The most seats held at one capture of the range (0 without captures). */
  peak: seats,
  /** Nearest-rank percentiles of the seats held at the captures of the range. */
  percentiles: z.object({ p50: seats, p95: seats, p99: seats, max: seats }),
  /** "No free license" events recorded in the range; with `pool`, those refused because that pool was full. */
  denials: seats,
});
export type SeatsResponse = z.infer<typeof SeatsResponseSchema>;
