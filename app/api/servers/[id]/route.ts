import { z } from "zod";

import { deleteServer, getServer, updateServer } from "@/db/queries/infrastructure";
import { ServerPatchSchema, ServerWireSchema } from "@/lib/inventory/api";

import { itemRoutes } from "../../_lib/crud";

export const dynamic = "force-dynamic";

export const { GET, PATCH, DELETE } = itemRoutes({
  name: "server",
  detail: { schema: z.object({ server: ServerWireSchema }), run: (db, id) => ({ server: getServer(db, id) }) },
  patch: { input: ServerPatchSchema, run: updateServer, wire: ServerWireSchema },
  remove: deleteServer,
});
