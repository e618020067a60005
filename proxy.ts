import { NextResponse, type NextRequest } from "next/server";

import { contentSecurityPolicy, isAllowedOrigin, SECURITY_HEADERS } from "@/lib/security/headers";

/**
 * Runs before every page and route (Next.js 16 "proxy"): refuses cross-site requests that would change
 * state, and gives every response a per-request CSP nonce and the security headers.
 */
export function proxy(request: NextRequest) {
  if (
    !isAllowedOrigin({
      method: request.method,
      host: request.headers.get("host"),
      origin: request.headers.get("origin"),
      secFetchSite: request.headers.get("sec-fetch-site"),
    })
  ) {
    const response = NextResponse.json(
      { error: { code: "cross-origin", message: "Requests that change data must come from this dashboard's own pages (or from a script without an Origin header)." } },
      { status: 403 },
    );
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) response.headers.set(k, v);
    return response;
  }

  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const nonce = btoa(String.fromCharCode(...bytes));
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) response.headers.set(k, v);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|docs/).*)" }],
};
