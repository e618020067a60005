import { z } from "zod";

import { getDb } from "@/db/client";
import { createKit, listKits } from "@/db/queries/kits";
import { getLicensingSettings } from "@/db/queries/settings";
import { KitListQuerySchema, KitListResponseSchema, KitWireSchema, newKitSchema } from "@/lib/inventory/api";

import { readJson } from "../_lib/read-json";
import { ok } from "../_lib/respond";
import { route } from "../_lib/guard";

export const dynamic = "force-dynamic";

const KitCreatedResponse = z.object({ kit: KitWireSchema });

/** Kits with their PIN health, filtered, sorted and paged (`?q=&kind=&protection=&health=&sort=&dir=&page=&size=`). */
export const GET = route((request) => {
  const query = KitListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return ok(KitListResponseSchema, listKits(getDb(), query));
});

/** Records a kit and the PINs of its envelope (409 `reg-number-taken` / `pin-taken`, nothing written). */
export const POST = route(async (request, { actor, address }) => {
  const db = getDb();
  const input = newKitSchema(getLicensingSettings(db).multiOnlyMinSeats).parse(await readJson(request));
  return ok(KitCreatedResponse, { kit: createKit(db, input, { actor, address }) }, 201);
});
