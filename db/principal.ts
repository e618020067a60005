/**
 * Who is asking: an API token (`Authorization: Bearer …`) or a signed-in user (session cookie). Used by
 * proxy.ts for every request and again by server actions and pages, so nothing trusts a header it did not
 * check itself.
 */
import { isUserRole, type Principal } from "@/lib/security/access";

import { getAuth } from "./auth";
import { getDb } from "./client";
import { verifyApiToken } from "./queries/tokens";

/** Header proxy.ts sets to the client's address (any value the client sent is replaced). */
export const CLIENT_ADDRESS_HEADER = "x-seatledger-client";

/**
 * The client's address: the last X-Forwarded-For hop (Next.js fills it from the socket when absent; a
 * reverse proxy in front appends the real peer), else null.
 */
export function clientAddress(headers: Headers): string | null {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  return hops.at(-1)?.replace(/^::ffff:/, "") ?? null;
}

/**
 * The principal, or null. A request carrying a Bearer token is judged by that token alone (a bad token is
 * anonymous, never a fallback to the cookie); other Authorization schemes (a reverse proxy's Basic auth)
 * leave the cookie in charge.
 */
export async function resolvePrincipal(headers: Headers): Promise<Principal | null> {
  const authorization = headers.get("authorization");
  if (authorization !== null && /^Bearer\s/i.test(authorization)) {
    const token = verifyApiToken(getDb(), authorization);
    return token ? { kind: "token", id: token.id, name: token.name, scope: token.scope } : null;
  }
  if (!(headers.get("cookie") ?? "").includes("seatledger.session_token")) return null;
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const { user } = session;
  const role = (user as { role?: unknown }).role;
  if (!isUserRole(role) || (user as { banned?: boolean | null }).banned) return null;
  return { kind: "user", id: user.id, email: user.email, name: user.name, role };
}
