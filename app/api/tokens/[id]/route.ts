import { z } from "zod";

import { getDb } from "@/db/client";
import { revokeApiToken } from "@/db/queries/tokens";
import { AppError } from "@/lib/errors";

import { route } from "../../_lib/guard";

export const dynamic = "force-dynamic";

const TokenParams = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,14}$/, "must be a token id (a whole number) as GET /api/tokens lists it")
    .transform(Number),
});

/** Revokes a token at once: its next request is a 401. 404 when no live token has that id. */
export const DELETE = route<{ id: string }>(async (_request, { params, actor }) => {
  const { id } = TokenParams.parse(params);
  if (!revokeApiToken(getDb(), id, new Date(), actor)) throw new AppError("not-found", `id: no live token ${id} (unknown or already revoked).`, 404);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
