import { z } from "zod";

import { getDb } from "@/db/client";
import { deleteUser, updateUser } from "@/db/queries/users";
import { toUserWire, UserPatchSchema, UserUpdatedResponseSchema } from "@/lib/security/account-api";

import { readJson } from "../../_lib/read-json";
import { ok } from "../../_lib/respond";
import { route } from "../../_lib/guard";

export const dynamic = "force-dynamic";

// better-auth's ids are 32 URL-safe characters; anything else cannot name an account.
const UserParams = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a user id as GET /api/users lists it"),
});

/** Changes the role and/or sets a new password (which signs the user out everywhere). */
export const PATCH = route<{ id: string }>(async (request, { params, actor }) => {
  const { id } = UserParams.parse(params);
  const patch = UserPatchSchema.parse(await readJson(request));
  const user = await updateUser(getDb(), id, patch, actor);
  return ok(UserUpdatedResponseSchema, { user: toUserWire(user) });
});

/** Deletes an account and its sessions; not one's own, not the last administrator (409). */
export const DELETE = route<{ id: string }>(async (_request, { params, principal, actor }) => {
  const { id } = UserParams.parse(params);
  deleteUser(getDb(), id, { id: principal?.kind === "user" ? principal.id : null, name: actor });
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
