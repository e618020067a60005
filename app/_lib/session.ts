import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";

import { CLIENT_ADDRESS_HEADER, resolvePrincipal } from "@/db/principal";
import { actorOf, can, type Permission, type Principal } from "@/lib/security/access";

/** The signed-in user (or token) of this request, looked up once per render. */
export const currentPrincipal = cache(async (): Promise<Principal | null> => resolvePrincipal(await headers()));

/** The client's address as proxy.ts saw it. */
export async function currentAddress(): Promise<string | null> {
  return (await headers()).get(CLIENT_ADDRESS_HEADER);
}

export type ActionDenied = { ok: false; error: "unauthenticated" | "forbidden" };

/**
 * For server actions: they can be posted to any page, so each checks its own permission (the proxy only
 * knows the page's). Returns who is acting, or the refusal to return to the form.
 */
export async function authorize(permission: Permission): Promise<{ ok: true; principal: Principal; actor: string; address: string | null } | ActionDenied> {
  const principal = await currentPrincipal();
  if (!principal) return { ok: false, error: "unauthenticated" };
  if (!can(principal, permission)) return { ok: false, error: "forbidden" };
  return { ok: true, principal, actor: actorOf(principal)!, address: await currentAddress() };
}

/**
 * For pages that hold secrets or money: proxy.ts has already answered 401/403 to anyone outside the
 * matrix; this second check means the page never relies on the proxy alone. Whoever still gets here
 * without the permission sees the 404 page, never the data.
 */
export async function requirePage(permission: Permission): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal || !can(principal, permission)) notFound();
  return principal;
}
