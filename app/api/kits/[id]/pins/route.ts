import { z } from "zod";

import { getDb } from "@/db/client";
import { addKitPin } from "@/db/queries/kits";
import { IdParamSchema, MaskedPinWireSchema, NewAdditionalPinSchema } from "@/lib/inventory/api";

import { readJson } from "../../../_lib/read-json";
import { ok } from "../../../_lib/respond";
import { route } from "../../../_lib/guard";

export const dynamic = "force-dynamic";

/** An additional PIN issued by the 1C Licensing Center (DOMAIN §1.2); answered masked. */
export const POST = route<{ id: string }>(async (request, { params, actor, address }) => {
  const { id } = IdParamSchema.parse(params);
  const input = NewAdditionalPinSchema.parse(await readJson(request));
  return ok(z.object({ pin: MaskedPinWireSchema }), { pin: addKitPin(getDb(), id, input, { actor, address }) }, 201);
});
