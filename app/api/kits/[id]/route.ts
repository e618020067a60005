import { z } from "zod";

import { getDb } from "@/db/client";
import { deleteKit, kitDetail, updateKit } from "@/db/queries/kits";
import { getLicensingSettings } from "@/db/queries/settings";
import { IdParamSchema, KitDetailResponseSchema, KitPatchSchema, KitWireSchema } from "@/lib/inventory/api";

import { readJson } from "../../_lib/read-json";
import { noContent, ok } from "../../_lib/respond";
import { route } from "../../_lib/guard";

export const dynamic = "force-dynamic";

/** The kit (PINs masked), its activations, PIN summary and runway. */
export const GET = route<{ id: string }>((_request, { params }) => {
  const { id } = IdParamSchema.parse(params);
  return ok(KitDetailResponseSchema, kitDetail(getDb(), id));
});

/** Changes the kit's own fields; kind, protection and mode are fixed once it has activations (409). */
export const PATCH = route<{ id: string }>(async (request, { params, actor, address }) => {
  const { id } = IdParamSchema.parse(params);
  const patch = KitPatchSchema.parse(await readJson(request));
  const db = getDb();
  return ok(z.object({ kit: KitWireSchema }), { kit: updateKit(db, id, patch, getLicensingSettings(db), { actor, address }) });
});

/** Deletes a kit and its PINs: 409 `kit-has-activations` while the ledger holds any, `kit-in-use` while a key or server names it. */
export const DELETE = route<{ id: string }>((_request, { params, actor, address }) => {
  const { id } = IdParamSchema.parse(params);
  deleteKit(getDb(), id, { actor, address });
  return noContent();
});
