/**
 * Principals for API tests (import "@/tests/helpers/setup-env" first): headers that carry an API token of a
 * scope, or the session cookie of a user of a role, both real — created in the test's temp database and
 * checked by the same code as in production (db/principal.ts).
 */
import { getAuth } from "@/db/auth";
import { getDb } from "@/db/client";
import { createApiToken } from "@/db/queries/tokens";
import { createUser, getUserByEmail } from "@/db/queries/users";
import type { TokenScope, UserRole } from "@/lib/domain/enums";

const tokens = new Map<TokenScope, string>();
const cookies = new Map<UserRole, string>();

export const TEST_PASSWORD = "correct horse battery";

/** `Authorization: Bearer …` of a live token of that scope (one per scope per test file). */
export function tokenHeaders(scope: TokenScope): Record<string, string> {
  if (!tokens.has(scope)) tokens.set(scope, createApiToken(getDb(), { name: `test ${scope}`, scope }).token);
  return { authorization: `Bearer ${tokens.get(scope)}` };
}

export const userEmail = (role: UserRole) => `${role}@test.seatledger.local`;

/** The session cookie of a signed-in user of that role (one user per role per test file). */
export async function sessionHeaders(role: UserRole): Promise<Record<string, string>> {
  if (!cookies.has(role)) {
    const email = userEmail(role);
    if (!getUserByEmail(getDb(), email)) await createUser(getDb(), { email, role, password: TEST_PASSWORD, name: `Test ${role}` }, "test");
    const { headers } = await getAuth().api.signInEmail({ body: { email, password: TEST_PASSWORD }, returnHeaders: true });
    const cookie = headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    cookies.set(role, cookie);
  }
  return { cookie: cookies.get(role)! };
}

/** A request as the given principal: a role (session cookie), a token scope, or nobody. */
export async function asPrincipal(who: { role: UserRole } | { scope: TokenScope } | null): Promise<Record<string, string>> {
  if (who === null) return {};
  return "role" in who ? sessionHeaders(who.role) : tokenHeaders(who.scope);
}
