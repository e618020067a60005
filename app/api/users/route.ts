import { getDb } from "@/db/client";
import { createUser, listUsers } from "@/db/queries/users";
import { NewUserSchema, toUserWire, UserCreatedResponseSchema, UserListResponseSchema } from "@/lib/security/account-api";

import { readJson } from "../_lib/read-json";
import { ok } from "../_lib/respond";
import { route } from "../_lib/guard";

export const dynamic = "force-dynamic";

/** Every account with its role and latest sign-in; never a password or its hash. */
export const GET = route(() => ok(UserListResponseSchema, { users: listUsers(getDb()).map(toUserWire) }));

/**
 * Creates an account. Without `password` one is generated and answered this once (the admin passes it on);
 * a password the admin chose is never echoed back.
 */
export const POST = route(async (request, { actor }) => {
  const input = NewUserSchema.strict().parse(await readJson(request));
  const { user, password, generated } = await createUser(getDb(), input, actor);
  return ok(UserCreatedResponseSchema, { user: toUserWire(user), ...(generated ? { password } : {}) }, 201);
});
