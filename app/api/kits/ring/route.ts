import { z } from "zod";

import { getDb } from "@/db/client";
import { checkRingOutput } from "@/db/queries/kits-io";
import { RingReconcileRowSchema } from "@/lib/licensing/ring-reconcile";

import { readText } from "../../_lib/read-text";
import { ok } from "../../_lib/respond";
import { route } from "../../_lib/guard";

export const dynamic = "force-dynamic";

const Query = z.object({ kitId: z.coerce.number({ error: "must be a kit id" }).int("must be a kit id").positive("must be a kit id").optional() });
const Response_ = z.object({ licenses: z.array(RingReconcileRowSchema), warnings: z.array(z.object({ line: z.number().int(), message: z.string() })) });

/**
 * `ring license list` output (pasted or piped) checked against the PIN ledger (DOMAIN §5.2): each license
 * matched to its kit and PIN; a PIN the ledger does not know, or a license installed whose PIN the ledger
 * says is unused, comes with a suggestion to record it. Writes nothing; PINs come back masked.
 */
export const POST = route(async (request) => {
  const { kitId } = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { text } = await readText(request, 1024 * 1024);
  return ok(Response_, checkRingOutput(getDb(), text, kitId));
});
