import { z } from "zod";

import { getDb } from "@/db/client";
import { getSchemaStatus } from "@/db/queries/health";

import { handle, ok } from "../_lib/respond";

export const dynamic = "force-dynamic";

const HealthResponse = z.object({ status: z.literal("ok"), migrations: z.number().int().nonnegative() });

/** Liveness and schema check for monitoring: answers only when the database opens and is migrated. */
export const GET = handle(() => ok(HealthResponse, { status: "ok", ...getSchemaStatus(getDb()) }));
