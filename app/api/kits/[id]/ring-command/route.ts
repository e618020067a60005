import { z } from "zod";

import { getDb } from "@/db/client";
import { ringCommand } from "@/db/queries/kits-io";
import { IdParamSchema, IdSchema, optionalText } from "@/lib/inventory/api";

import { readJson } from "../../../_lib/read-json";
import { ok } from "../../../_lib/respond";
import { route } from "../../../_lib/guard";

export const dynamic = "force-dynamic";

const Body = z.object({ pinId: IdSchema, previousPinId: IdSchema.nullish(), licFolder: optionalText(500) });
const Localised = z.object({ en: z.string(), ru: z.string() });
const Command = z.object({
  command: z.string(),
  options: z.array(z.object({ option: z.string(), value: z.string(), from: z.string() })),
  unmapped: z.array(z.string()),
  missing: z.array(z.string()),
  warnings: z.array(Localised),
});

/**
 * The exact `ring license activate` command for one ledger step (DOMAIN §5.2), for Linux and Windows: the PIN
 * (and `--previous-pin`) in clear, the owner registration data verbatim. Administrators only; audited like a reveal.
 */
export const POST = route<{ id: string }>(async (request, { params, actor, address }) => {
  const { id } = IdParamSchema.parse(params);
  const body = Body.parse(await readJson(request));
  return ok(z.object({ linux: Command, windows: Command }), ringCommand(getDb(), id, body, { actor, address }));
});
