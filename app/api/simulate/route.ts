import { z } from "zod";

import { getDb } from "@/db/client";
import { getLicensingSettings } from "@/db/queries/settings";
import { SimulateRequestSchema, SimulateResponseSchema, simulateRequest, toWorkload } from "@/lib/licensing/simulate-request";

import { readJson } from "../_lib/read-json";
import { ok } from "../_lib/respond";
import { route } from "../_lib/guard";

export const dynamic = "force-dynamic";

/** Up to 100,000 connections of about 150 bytes each. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Per-computer (client licensing) versus per-session (server-issued) seats for a workload (DOMAIN §4).
 * Zone-less times are read in the configured 1C server zone.
 */
export const POST = route(async (request: Request) => {
  const body = SimulateRequestSchema.parse(await readJson(request, MAX_BODY_BYTES));
  const settings = getLicensingSettings(getDb());
  const read = toWorkload(body, settings.serverTimeZone, Date.now());
  if ("issues" in read) throw new z.ZodError(read.issues.map((i) => ({ code: "custom" as const, path: i.path, message: i.message, input: undefined })));
  return ok(SimulateResponseSchema, simulateRequest(body, settings, read.workload));
});
