import { NextResponse, type NextRequest } from "next/server";

import { CLIENT_ADDRESS_HEADER, clientAddress, resolvePrincipal } from "@/db/principal";
import { accessDeniedBody, decide } from "@/lib/security/access";
import { bodyTooLargeMessage, MAX_BODY_BYTES } from "@/lib/security/body-limits";
import { contentSecurityPolicy, isAllowedOrigin, SECURITY_HEADERS } from "@/lib/security/headers";

/** Where a page the principal may not open is rendered (with status 403). */
export const FORBIDDEN_PATH = "/forbidden";

function withSecurityHeaders(response: NextResponse, csp?: string): NextResponse {
  if (csp) response.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) response.headers.set(k, v);
  return response;
}


/**
 * The origin Next.js compares rewrites and redirects against. Under `next start --hostname X`, request.url
 * still says localhost while Next.js's router expects X: a rewrite to localhost became an external proxy
 * answering 200 instead of 403, a redirect an absolute Location sending the browser to another host. With
 * the router's own origin both stay internal (the Location is sent relative, so the browser keeps the name
 * it used). `next start` exports that origin; tests fall back to request.url.
 */
const serverOrigin = (request: NextRequest) => process.env.__NEXT_PRIVATE_ORIGIN || request.url;

const redirectTo = (request: NextRequest, location: string) => withSecurityHeaders(NextResponse.redirect(new URL(location, serverOrigin(request)), 303));

const jsonError = (body: unknown, status: number) => withSecurityHeaders(NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } }));

/**
 * Whether the body is over the largest any route accepts. Next.js hands a route only what it buffered for
 * the proxy (`proxyClientMaxBodySize`, set above this limit in next.config.ts): without this check a body
 * past the buffer would arrive cut and be taken as whole. A declared length decides at once; a chunked body
 * (no Content-Length) is counted as it arrives — Next.js buffers it for the route in any case.
 */
async function bodyOverLimit(request: NextRequest): Promise<boolean> {
  if (!request.body) return false;
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared)) return declared > MAX_BODY_BYTES;
  const reader = request.body.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      return true;
    }
  }
}

/**
 * Runs before every page and route (Next.js 16 "proxy", Node.js runtime): refuses cross-site requests
 * that would change state, checks the access rule of the path (lib/security/access.ts) for the signed-in
 * user or API token, and gives every response a per-request CSP nonce and the security headers.
 * Route handlers and server actions check access again themselves.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (
    !isAllowedOrigin({
      method: request.method,
      host: request.headers.get("host"),
      origin: request.headers.get("origin"),
      secFetchSite: request.headers.get("sec-fetch-site"),
    })
  ) {
    return jsonError(
      { error: { code: "cross-origin", message: "Requests that change data must come from this dashboard's own pages (or from a script without an Origin header)." } },
      403,
    );
  }

  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  const principal = await resolvePrincipal(request.headers);
  const decision = decide(pathname, request.method, principal);
  const isPageView = !isApi && (request.method === "GET" || request.method === "HEAD");

  if (principal && isPageView && (pathname === "/sign-in" || pathname === "/setup")) return redirectTo(request, "/");
  // A server action posted from a page the role may not open (sign-out on the 403 page): it runs against
  // the 403 page instead, so whatever it renders afterwards is that page, never the forbidden one.
  const isSignedInAction = !isApi && request.method === "POST" && request.headers.has("next-action") && decision.allow === false && decision.status === 403;
  if (!decision.allow && !isSignedInAction && (isApi || !isPageView)) return jsonError(accessDeniedBody(decision), decision.status);
  if (!decision.allow && decision.status === 401) {
    return redirectTo(request, pathname === "/" ? "/sign-in" : `/sign-in?${new URLSearchParams({ next: `${pathname}${search}` })}`);
  }

  if (decision.allow && (await bodyOverLimit(request))) {
    return jsonError({ error: { code: "body-too-large", message: bodyTooLargeMessage(MAX_BODY_BYTES) } }, 413);
  }

  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const nonce = btoa(String.fromCharCode(...bytes));
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const address = clientAddress(request.headers);
  if (address) requestHeaders.set(CLIENT_ADDRESS_HEADER, address);
  else requestHeaders.delete(CLIENT_ADDRESS_HEADER);

  if (!decision.allow) {
    // A page this role may not open: the 403 page inside the dashboard's frame, with a real 403 status
    // (an action's answer keeps 200: the browser's router reads it as the action's result).
    const status = isSignedInAction ? 200 : 403;
    return withSecurityHeaders(NextResponse.rewrite(new URL(FORBIDDEN_PATH, serverOrigin(request)), { status, request: { headers: requestHeaders } }), csp);
  }
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

export const config = {
  // Static files anyone may fetch: collectors/ holds the fingerprint scripts (no data, run by admins on their machines).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|docs/|collectors/).*)" }],
};
