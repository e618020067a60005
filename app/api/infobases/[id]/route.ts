import { z } from "zod";

import { deleteInfobase, getInfobase, updateInfobase } from "@/db/queries/infrastructure";
import { InfobasePatchSchema, InfobaseWireSchema } from "@/lib/inventory/api";

import { itemRoutes } from "../../_lib/crud";

export const dynamic = "force-dynamic";

export const { GET, PATCH, DELETE } = itemRoutes({
  name: "infobase",
  detail: { schema: z.object({ infobase: InfobaseWireSchema }), run: (db, id) => ({ infobase: getInfobase(db, id) }) },
  patch: { input: InfobasePatchSchema, run: updateInfobase, wire: InfobaseWireSchema },
  remove: deleteInfobase,
});
