import { computerDetail, deleteComputer, updateComputer } from "@/db/queries/computers";
import { ComputerDetailResponseSchema, ComputerPatchSchema, ComputerWireSchema } from "@/lib/inventory/api";

import { itemRoutes } from "../../_lib/crud";

export const dynamic = "force-dynamic";

/** The computer with its fingerprints, licenses on it now, ledger history, keys and servers; PATCH; DELETE (409 while anything names it). */
export const { GET, PATCH, DELETE } = itemRoutes({
  name: "computer",
  detail: { schema: ComputerDetailResponseSchema, run: computerDetail },
  patch: { input: ComputerPatchSchema, run: updateComputer, wire: ComputerWireSchema },
  remove: deleteComputer,
});
