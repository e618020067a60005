/** Pieces of the API query contracts shared by several routes (lib/inventory/api.ts, lib/sessions/api.ts, lib/seats/api.ts, /api/import/rac). */
import { z } from "zod";

import { parseTime } from "./licensing/timeline";

/** A blank query value is no value: the schema's default or "optional" then applies. */
export const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const WITH_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO 8601 instant with a zone, as epoch ms — an instant, not a wall-clock time: the caller may be in another zone than the 1C server. */
export const InstantMsSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const ms = WITH_ZONE.test(value) ? parseTime(value, "UTC") : null;
    if (ms === null) {
      ctx.addIssue({ code: "custom", message: "must be an ISO 8601 instant with a zone, e.g. 2026-11-28T10:15:00Z or 2026-11-28T13:15:00+03:00" });
      return z.NEVER;
    }
    return ms;
  });
