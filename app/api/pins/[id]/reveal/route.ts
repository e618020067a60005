import { z } from "zod";

import { getDb } from "@/db/client";
import { revealPin } from "@/db/queries/pins";

import { ok } from "../../../_lib/respond";
import { route } from "../../../_lib/guard";

export const dynamic = "force-dynamic";

const Params = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,14}$/, "must be a positive whole number (the PIN's id, e.g. 12)")
    .transform(Number),
});
const RevealResponse = z.object({ code: z.string() });

/**
 * The clear code of one PIN, for an administrator (`secrets.reveal`). Every reveal is written to the audit
 * log (which PIN, never the code); the answer is never cached (respond.ts sends `Cache-Control: no-store`).
 */
export const POST = route<{ id: string }>((_request, { actor, address, params }) => {
  const { id } = Params.parse(params);
  return ok(RevealResponse, revealPin(getDb(), id, { actor, address }));
});
