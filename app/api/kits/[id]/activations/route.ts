import { getDb } from "@/db/client";
import { recordActivation } from "@/db/queries/kits";
import { getLicensingSettings } from "@/db/queries/settings";
import { ActivationCreatedResponseSchema, IdParamSchema, NewActivationSchema } from "@/lib/inventory/api";

import { readJson } from "../../../_lib/read-json";
import { ok } from "../../../_lib/respond";
import { route } from "../../../_lib/guard";

export const dynamic = "force-dynamic";

/**
 * Records a first activation or a recovery (DOMAIN §1.3). The PIN ledger's rules decide: a refused step is
 * a 422 whose `error.code` is the rule's and whose `details` carry its message and remedy in English and
 * Russian; nothing is written then.
 */
export const POST = route<{ id: string }>(async (request, { params, actor, address }) => {
  const { id } = IdParamSchema.parse(params);
  const input = NewActivationSchema.parse(await readJson(request));
  const db = getDb();
  return ok(ActivationCreatedResponseSchema, recordActivation(db, id, input, getLicensingSettings(db), { actor, address }), 201);
});
