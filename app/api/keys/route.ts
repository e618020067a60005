import { createKey, listKeys } from "@/db/queries/infrastructure";
import { KeyListQuerySchema, KeyListResponseSchema, KeyWireSchema, NewKeySchema } from "@/lib/inventory/api";

import { collectionRoutes } from "../_lib/crud";

export const dynamic = "force-dynamic";

export const { GET, POST } = collectionRoutes({
  name: "key",
  listQuery: KeyListQuerySchema,
  listResponse: KeyListResponseSchema,
  list: listKeys,
  create: { input: NewKeySchema, run: createKey, wire: KeyWireSchema },
});
