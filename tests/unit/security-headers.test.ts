import { describe, expect, test } from "vitest";

import { contentSecurityPolicy, isAllowedOrigin } from "@/lib/security/headers";

describe("Content-Security-Policy (issue #5 hardening)", () => {
  test("production: scripts only from here or with the nonce, no unsafe-eval, nothing may frame the page", () => {
    const csp = contentSecurityPolicy("abc123", { development: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  test("development allows eval for React's debugging, nothing else changes for scripts", () => {
    expect(contentSecurityPolicy("n", { development: true })).toContain("'unsafe-eval'");
  });
});

describe("isAllowedOrigin — state-changing requests must come from this site", () => {
  const req = (method: string, origin: string | null, secFetchSite: string | null = null, host = "seatledger.local:3000") => ({ method, host, origin, secFetchSite });
  test.each([
    ["a GET from anywhere", req("GET", "https://evil.example", "cross-site"), true],
    ["a POST from the dashboard's own page", req("POST", "http://seatledger.local:3000", "same-origin"), true],
    ["a POST from another site (browser says cross-site)", req("POST", "https://evil.example", "cross-site"), false],
    ["a POST from a sibling subdomain (same-site is not same-origin)", req("POST", "https://a.seatledger.local", "same-site"), false],
    ["an old browser: Origin only, naming this host", req("PATCH", "http://seatledger.local:3000"), true],
    ["an old browser: Origin only, naming another host", req("PATCH", "http://evil.example"), false],
    ["a sandboxed frame (Origin: null)", req("DELETE", "null"), false],
    ["a garbage Origin", req("POST", "::::"), false],
    ["curl or cron: no Origin, no Sec-Fetch-Site", req("POST", null), true],
  ])("%s → %s", (_name, r, allowed) => {
    expect(isAllowedOrigin(r)).toBe(allowed);
  });
});
