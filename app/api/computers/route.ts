import { createComputer, listComputers } from "@/db/queries/computers";
import { ComputerListQuerySchema, ComputerListResponseSchema, ComputerWireSchema, NewComputerSchema } from "@/lib/inventory/api";

import { collectionRoutes } from "../_lib/crud";

export const dynamic = "force-dynamic";

/** Computers (`?q=&role=&sort=&dir=&page=&size=`) with their active licenses and keys; POST records one (409 `computer-name-taken`). */
export const { GET, POST } = collectionRoutes({
  name: "computer",
  listQuery: ComputerListQuerySchema,
  listResponse: ComputerListResponseSchema,
  list: listComputers,
  create: { input: NewComputerSchema, run: createComputer, wire: ComputerWireSchema },
});
