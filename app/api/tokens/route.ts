import { getDb } from "@/db/client";
import { createApiToken, listApiTokens } from "@/db/queries/tokens";
import { NewTokenSchema, TokenCreatedResponseSchema, TokenListResponseSchema, toApiTokenWire } from "@/lib/security/account-api";

import { readJson } from "../_lib/read-json";
import { ok } from "../_lib/respond";
import { route } from "../_lib/guard";

export const dynamic = "force-dynamic";

// Who created a token is the acting principal, never what the body claims.
const CreateRequest = NewTokenSchema.pick({ name: true, scope: true }).strict();

/** Every token, revoked ones included: name, scope, first characters, creator, last use. */
export const GET = route(() => ok(TokenListResponseSchema, { tokens: listApiTokens(getDb()).map(toApiTokenWire) }));

/** Creates a token; the clear token is answered this once (only its hash is stored). */
export const POST = route(async (request, { actor }) => {
  const { name, scope } = CreateRequest.parse(await readJson(request));
  const { token, row } = createApiToken(getDb(), { name, scope, createdBy: actor });
  return ok(TokenCreatedResponseSchema, { token, apiToken: toApiTokenWire(row) }, 201);
});
