/**
 * Browser-facing hardening (issue #5 "Hardening"): the Content-Security-Policy and security headers every
 * response carries, and the same-origin rule for requests that change state. Pure; proxy.ts applies them.
 */

/**
 * The CSP for one response. Scripts run only from this origin or with this request's nonce (Next.js puts
 * it on its own inline scripts); no `unsafe-eval` outside development, where React needs it for
 * debugging. Styles allow inline attributes (charts set them). Nothing may frame the dashboard.
 */
export function contentSecurityPolicy(nonce: string, { development }: { development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers besides the CSP that every response carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request may change state: safe methods always; others only when the browser says it comes from
 * this site (`Sec-Fetch-Site`), or its `Origin` names this host. A request with neither header is not a
 * browser's (curl, cron piping rac output) and is let through — tokens and roles guard those.
 */
export function isAllowedOrigin(request: { method: string; host: string | null; origin: string | null; secFetchSite: string | null }): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  if (request.secFetchSite) return request.secFetchSite === "same-origin" || request.secFetchSite === "none";
  if (!request.origin) return true;
  if (request.origin === "null") return false;
  try {
    return new URL(request.origin).host.toLowerCase() === (request.host ?? "").toLowerCase();
  } catch {
    return false;
  }
}
