/** The Sessions page's lists and their API routes (issue 10 §2): one zod contract for both. */
import { z } from "zod";

import { listQuerySchema } from "../inventory/api";
import { blankToUndefined } from "../query-params";

const optionalId = z.preprocess(blankToUndefined, z.coerce.number({ error: "must be a snapshot id" }).int("must be a snapshot id").positive("must be a snapshot id").optional());
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, `must be at most ${max} characters`).optional());
const LocalisedSchema = z.object({ en: z.string(), ru: z.string() });
/** Lists of things over time read newest first unless asked otherwise. */
const newestFirst = z.preprocess(blankToUndefined, z.enum(["asc", "desc"], { error: "must be asc or desc" }).default("desc"));

// ---------------------------------------------------------------------------------------------------
// Snapshots

export const SNAPSHOT_SORTS = ["takenAt", "sessions", "licensed", "unmatched", "warnings"] as const;
export const SnapshotListQuerySchema = listQuerySchema(SNAPSHOT_SORTS, "takenAt").extend({
  dir: newestFirst,
});
export type SnapshotListQuery = z.output<typeof SnapshotListQuerySchema>;

export const SnapshotRowSchema = z.object({
  id: z.number().int(),
  takenAt: z.iso.datetime(),
  source: z.string(),
  sessions: z.number().int(),
  /** null: imported before these counts were kept. */
  licensed: z.number().int().nullable(),
  matched: z.number().int().nullable(),
  unmatched: z.number().int().nullable(),
  warnings: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export type SnapshotRow = z.infer<typeof SnapshotRowSchema>;
export const SnapshotListResponseSchema = z.object({ snapshots: z.array(SnapshotRowSchema), total: z.number().int() });

// ---------------------------------------------------------------------------------------------------
// Holders of one snapshot

export const HOLDER_SORTS = ["userName", "host", "infobase", "appId", "license", "pool", "startedAt", "idle"] as const;
export const HOLDER_LICENSES = ["matched", "unmatched", "none"] as const;
export const HOLDER_FLAGS = ["flagged", "hibernated", "idle"] as const;

export const HolderListQuerySchema = listQuerySchema(HOLDER_SORTS, "userName").extend({
  /** Default: the newest snapshot. */
  snapshot: optionalId,
  infobase: optionalText(200),
  app: optionalText(100),
  license: z.preprocess(blankToUndefined, z.enum(HOLDER_LICENSES, { error: `must be one of ${HOLDER_LICENSES.join(", ")}` }).optional()),
  flag: z.preprocess(blankToUndefined, z.enum(HOLDER_FLAGS, { error: `must be one of ${HOLDER_FLAGS.join(", ")}` }).optional()),
});
export type HolderListQuery = z.output<typeof HolderListQuerySchema>;

export const MatchFixSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("kit"), id: z.number().int(), regNumber: z.string() }),
  z.object({ kind: z.literal("key"), series: z.string() }),
  z.object({ kind: z.literal("new-kit"), regNumber: z.string() }),
  z.object({ kind: z.literal("new-key"), series: z.string() }),
]);

export const HolderWireSchema = z.object({
  id: z.number().int(),
  userName: z.string().nullable(),
  host: z.string().nullable(),
  infobase: z.string().nullable(),
  appId: z.string().nullable(),
  series: z.string().nullable(),
  licenseType: z.string().nullable(),
  issuedByServer: z.boolean().nullable(),
  net: z.boolean().nullable(),
  matched: z.boolean().nullable(),
  poolId: z.string().nullable(),
  poolSource: z.enum(["soft-local", "soft-server", "hasp-local", "hasp-network", "hasp-server"]).nullable(),
  /** The computer the pool's seats sit on (the 1C server's computer, the License Manager host, …). */
  poolHost: z.string().nullable(),
  counting: z.enum(["per-computer", "per-session"]).nullable(),
  kitId: z.number().int().nullable(),
  reason: LocalisedSchema.nullable(),
  fix: MatchFixSchema.nullable(),
  startedAt: z.iso.datetime().nullable(),
  idleMinutes: z.number().int().nullable(),
  hibernated: z.boolean(),
  flags: z.array(z.enum(["hibernated", "idle"])),
});
export type HolderWire = z.infer<typeof HolderWireSchema>;

export const HolderListResponseSchema = z.object({
  snapshot: SnapshotRowSchema.nullable(),
  sessions: z.array(HolderWireSchema),
  total: z.number().int(),
  /** What the filters can pick from in this snapshot. */
  infobases: z.array(z.string()),
  apps: z.array(z.string()),
  counts: z.object({ sessions: z.number().int(), licensed: z.number().int(), matched: z.number().int(), unmatched: z.number().int(), flagged: z.number().int() }),
});
export type HolderListResponse = z.infer<typeof HolderListResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// A user's or a computer's history

export const HISTORY_SORTS = ["firstSeenAt", "lastSeenAt", "userName", "host", "infobase", "appId", "license"] as const;
export const HistoryQuerySchema = listQuerySchema(HISTORY_SORTS, "firstSeenAt")
  .extend({
    dir: newestFirst,
    user: optionalText(200),
    host: optionalText(200),
  })
  .refine((q) => q.user !== undefined || q.host !== undefined, { message: "name a user or a computer (user= or host=)", path: ["user"] });
export type HistoryQuery = z.output<typeof HistoryQuerySchema>;

export const HistoryRowSchema = z.object({
  id: z.number().int(),
  userName: z.string().nullable(),
  host: z.string().nullable(),
  infobase: z.string().nullable(),
  appId: z.string().nullable(),
  series: z.string().nullable(),
  licenseType: z.string().nullable(),
  issuedByServer: z.boolean().nullable(),
  firstSeenAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
});
export type HistoryRow = z.infer<typeof HistoryRowSchema>;
export const HistoryResponseSchema = z.object({ sessions: z.array(HistoryRowSchema), total: z.number().int() });
