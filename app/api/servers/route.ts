import { createServer, listServers } from "@/db/queries/infrastructure";
import { ServerListQuerySchema, ServerListResponseSchema, ServerWireSchema, NewServerSchema } from "@/lib/inventory/api";

import { collectionRoutes } from "../_lib/crud";

export const dynamic = "force-dynamic";

export const { GET, POST } = collectionRoutes({
  name: "server",
  listQuery: ServerListQuerySchema,
  listResponse: ServerListResponseSchema,
  list: listServers,
  create: { input: NewServerSchema, run: createServer, wire: ServerWireSchema },
});
