import { z } from "zod";

import { getDb } from "@/db/client";
import { listKitsWithPins } from "@/db/queries/pins";
import { KitWireSchema, OwnerWireSchema } from "@/lib/inventory/api";

import { ok } from "../_lib/respond";
import { route } from "../_lib/guard";

export const dynamic = "force-dynamic";

// The wire schemas refuse a PIN or owner value that is not masked: a leak becomes a 500, never a response.
const PinsResponse = z.object({ kits: z.array(KitWireSchema), owners: z.array(OwnerWireSchema) });

/** Every kit with its PINs, and every owner: PIN codes and owner registration data masked (issue #5). */
export const GET = route(() => ok(PinsResponse, listKitsWithPins(getDb())));
