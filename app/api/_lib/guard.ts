import { recordAudit } from "@/db/queries/audit";
import { getDb } from "@/db/client";
import { clientAddress, resolvePrincipal } from "@/db/principal";
import { accessDeniedBody, actorOf, decideApi, type Principal } from "@/lib/security/access";

import { handle } from "./respond";

export interface RouteContext<P> {
  principal: Principal | null;
  /** Who the audit log names: the user's e-mail or `token:<name>`. */
  actor: string | null;
  address: string | null;
  params: P;
}

/**
 * Every API route handler goes through this: the access rule of its path and method (lib/security/access.ts)
 * is checked again here — proxy.ts checked it first — so a route is never open because a request slipped
 * past the proxy. Token use is written to the audit log. Errors go through `handle`.
 */
export function route<P = Record<string, never>>(handler: (request: Request, context: RouteContext<P>) => Promise<Response> | Response) {
  return handle(async (request: Request, nextContext?: { params?: Promise<P> }) => {
    const principal = await resolvePrincipal(request.headers);
    const { pathname } = new URL(request.url);
    const decision = decideApi(pathname, request.method, principal);
    const address = clientAddress(request.headers);
    if (principal?.kind === "token") {
      recordAudit(getDb(), {
        actor: actorOf(principal),
        action: "token.use",
        entity: "api_token",
        entityId: principal.id,
        after: { method: request.method, path: pathname, allowed: decision.allow },
        address,
      });
    }
    if (!decision.allow) return Response.json(accessDeniedBody(decision), { status: decision.status, headers: { "Cache-Control": "no-store" } });
    const params = ((await nextContext?.params) ?? {}) as P;
    return handler(request, { principal, actor: actorOf(principal), address, params });
  });
}
