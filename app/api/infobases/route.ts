import { createInfobase, listInfobases } from "@/db/queries/infrastructure";
import { InfobaseListQuerySchema, InfobaseListResponseSchema, InfobaseWireSchema, NewInfobaseSchema } from "@/lib/inventory/api";

import { collectionRoutes } from "../_lib/crud";

export const dynamic = "force-dynamic";

export const { GET, POST } = collectionRoutes({
  name: "infobase",
  listQuery: InfobaseListQuerySchema,
  listResponse: InfobaseListResponseSchema,
  list: listInfobases,
  create: { input: NewInfobaseSchema, run: createInfobase, wire: InfobaseWireSchema },
});
