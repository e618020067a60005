import { z } from "zod";

import { getDb } from "@/db/client";
import { createOwner } from "@/db/queries/kits";
import { maskedOwners } from "@/db/queries/pins";
import { NewOwnerSchema, OwnerWireSchema } from "@/lib/inventory/api";

import { readJson } from "../_lib/read-json";
import { ok } from "../_lib/respond";
import { route } from "../_lib/guard";

export const dynamic = "force-dynamic";

const OwnersResponse = z.object({ owners: z.array(OwnerWireSchema) });
const OwnerCreatedResponse = z.object({ owner: OwnerWireSchema });

/** Every license owner, registration data masked (DOMAIN §1.1). */
export const GET = route(() => ok(OwnersResponse, { owners: maskedOwners(getDb()) }));

/** Records an owner with the registration data typed verbatim; answered masked. */
export const POST = route(async (request, { actor, address }) => {
  const input = NewOwnerSchema.parse(await readJson(request));
  return ok(OwnerCreatedResponse, { owner: createOwner(getDb(), input, { actor, address }) }, 201);
});
