import { z } from "zod";

import { getDb } from "@/db/client";
import { getSchemaStatus } from "@/db/queries/health";

import { ok } from "../_lib/respond";
import { route } from "../_lib/guard";

export const dynamic = "force-dynamic";

const HealthResponse = z.object({ status: z.literal("ok"), migrations: z.number().int().nonnegative() });

/** Liveness and schema check for monitoring: answers only when the database opens and is migrated. */
export const GET = route(() => ok(HealthResponse, { status: "ok", ...getSchemaStatus(getDb()) }));
