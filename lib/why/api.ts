/** `POST /api/why` and `GET /api/events` (issue 11 API): one zod contract for the routes and the Why page. */
import { z } from "zod";

import { CAUSES } from "../licensing/causes";

const text = (max: number) => z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), text(max).nullish()).transform((v) => v ?? null);
const instant = z.iso.datetime({ offset: true, error: "must be an ISO 8601 instant with a zone, e.g. 2026-11-28T10:15:00+03:00" });

export const WhyRequestSchema = z.object(
  {
    user: optionalText(200),
    /** By name; a computer SeatLedger does not know is a workstation with no license of its own. */
    computer: text(100),
    terminalSession: optionalText(100),
    /** By name (case-insensitive). */
    infobase: text(200),
    app: z.preprocess((v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? "1CV8C" : v), text(100)),
    /** Default: the newest snapshot's time. */
    at: instant.optional(),
  },
  { error: 'The body must be a JSON object { "computer", "infobase", "user"?, "terminalSession"?, "app"?, "at"? }.' },
);
export type WhyRequest = z.output<typeof WhyRequestSchema>;

const Localised = z.object({ en: z.string(), ru: z.string() });
const CauseSchema = z.enum(CAUSES);

export const WhyResponseSchema = z.object({
  granted: z.boolean(),
  pool: z.string().optional(),
  cause: CauseSchema.optional(),
  /** The instant answered for, and the capture whose sessions hold the seats (null: none taken at or before it). */
  at: z.iso.datetime(),
  snapshotTakenAt: z.iso.datetime().nullable(),
  places: z.array(
    z.object({
      place: z.enum(["client", "server"]),
      host: z.string(),
      pool: z.string().optional(),
      seats: z.number().int().optional(),
      inUse: z.number().int().optional(),
      result: z.union([CauseSchema, z.literal("seat")]),
      text: Localised,
    }),
  ),
  holders: z.array(
    z.object({
      user: z.string().nullable(),
      computer: z.string().nullable(),
      infobase: z.string().nullable(),
      app: z.string().nullable(),
      since: z.iso.datetime().nullable(),
      idleMinutes: z.number().int().optional(),
    }),
  ),
  remedies: z.array(z.object({ code: z.string(), text: Localised })),
});
export type WhyResponse = z.infer<typeof WhyResponseSchema>;

export const EventsQuerySchema = z
  .object({ from: instant.optional(), to: instant.optional() })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), { message: "must not be after to", path: ["from"] });
export type EventsQuery = z.output<typeof EventsQuerySchema>;

export const EventWireSchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  user: z.string().nullable(),
  computer: z.string().nullable(),
  infobase: z.string().nullable(),
  app: z.string().nullable(),
  /** The reason that decided the refusal, by the same rule as `POST /api/why`. */
  cause: CauseSchema.nullable(),
  /** The full pool it wanted, when `cause` is `seats-exhausted` and the event names it (engine-written events do). */
  pool: z.string().nullable(),
});
export const EventsResponseSchema = z.object({ events: z.array(EventWireSchema) });

/** `POST /api/events`: the question of `POST /api/why`, saved as a "no free license" event when it is refused. */
export const NewEventSchema = WhyRequestSchema;
export const EventCreatedSchema = z.object({ event: EventWireSchema, answer: WhyResponseSchema });
