import { z } from "zod";

import { getDb } from "@/db/client";
import { revealOwner } from "@/db/queries/pins";

import { ok } from "../../../_lib/respond";
import { route } from "../../../_lib/guard";

export const dynamic = "force-dynamic";

const Params = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,14}$/, "must be a positive whole number (the owner's id, e.g. 1)")
    .transform(Number),
});
const RevealResponse = z.object({ fields: z.array(z.object({ field: z.string(), value: z.string() })) });

/**
 * An owner's registration data in clear, fields in form order, for an administrator (`secrets.reveal`):
 * recovery needs it typed character for character (DOMAIN §1.1). Every reveal is written to the audit log
 * (which owner, never the data); the answer is never cached.
 */
export const POST = route<{ id: string }>((_request, { actor, address, params }) => {
  const { id } = Params.parse(params);
  return ok(RevealResponse, revealOwner(getDb(), id, { actor, address }));
});
