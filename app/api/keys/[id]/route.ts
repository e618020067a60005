import { z } from "zod";

import { deleteKey, getKey, updateKey } from "@/db/queries/infrastructure";
import { KeyPatchSchema, KeyWireSchema } from "@/lib/inventory/api";

import { itemRoutes } from "../../_lib/crud";

export const dynamic = "force-dynamic";

export const { GET, PATCH, DELETE } = itemRoutes({
  name: "key",
  detail: { schema: z.object({ key: KeyWireSchema }), run: (db, id) => ({ key: getKey(db, id) }) },
  patch: { input: KeyPatchSchema, run: updateKey, wire: KeyWireSchema },
  remove: deleteKey,
});
