import "@/tests/helpers/setup-env";

import fs from "node:fs";
import path from "node:path";

import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";

import { GET as auditGet } from "@/app/api/audit/route";
import { getDb } from "@/db/client";
import { createApiToken, revokeApiToken } from "@/db/queries/tokens";
import { proxy } from "@/proxy";
import type { TokenScope, UserRole } from "@/lib/domain/enums";
import { ACCESS_RULES, ruleFor, type Method } from "@/lib/security/access";
import { asPrincipal } from "@/tests/helpers/auth";

/**
 * Issue #5 "Tests": every route.ts under app/api and every page is found on disk, and each must appear in
 * the matrix below — written out by hand from the issue, independently of lib/security/access.ts — so a new
 * route without a rule, or a rule that drifts from the matrix, fails here. Every cell is then tried
 * for real: anonymous, each role (a real session cookie) and each token scope (a real token).
 */

const ROLES = ["admin", "finance", "lead", "viewer"] as const satisfies readonly UserRole[];
const SCOPES = ["import", "read", "admin"] as const satisfies readonly TokenScope[];
type Who = { roles: readonly UserRole[]; scopes: readonly TokenScope[] } | "public";

const ALL_ROLES = ROLES;
const READERS = ["admin", "finance"] as const;
const WITH_LEAD = ["admin", "finance", "lead"] as const;
const ADMIN = { roles: ["admin"], scopes: ["admin"] } as const;
const INVENTORY_READ = { roles: READERS, scopes: ["read", "admin"] } as const;
/** The parse/tool endpoints: any valid token; every role but viewer. */
const COMPUTE = { roles: WITH_LEAD, scopes: SCOPES } as const;

const PAGES: Record<string, Who> = {
  "/sign-in": "public",
  "/setup": "public",
  "/": { roles: ALL_ROLES, scopes: [] },
  "/seats": { roles: ALL_ROLES, scopes: [] },
  "/account": { roles: ALL_ROLES, scopes: [] },
  "/forbidden": { roles: ALL_ROLES, scopes: [] },
  "/kits": { roles: READERS, scopes: [] },
  "/kits/new": { roles: ["admin"], scopes: [] },
  "/kits/[id]": { roles: READERS, scopes: [] },
  "/computers": { roles: READERS, scopes: [] },
  "/computers/[id]": { roles: READERS, scopes: [] },
  "/keys": { roles: READERS, scopes: [] },
  "/servers": { roles: READERS, scopes: [] },
  "/infobases": { roles: READERS, scopes: [] },
  "/planning": { roles: READERS, scopes: [] },
  "/tools": { roles: READERS, scopes: [] },
  "/sessions": { roles: WITH_LEAD, scopes: [] },
  "/why": { roles: WITH_LEAD, scopes: [] },
  // Issue 11 §3 / DESIGN.md "Simulator | finance, lead".
  "/simulator": { roles: WITH_LEAD, scopes: [] },
  "/audit": { roles: ["admin"], scopes: [] },
  "/settings": { roles: ["admin"], scopes: [] },
};

const ROUTES: Record<string, Partial<Record<Method, Who>>> = {
  "/api/health": { GET: "public" },
  "/api/simulate": { POST: COMPUTE },
  "/api/parse/rac": { POST: COMPUTE },
  "/api/parse/ring": { POST: COMPUTE },
  "/api/explain/message": { POST: COMPUTE },
  "/api/tools/binding/compare": { POST: COMPUTE },
  "/api/tools/nethasp/lint": { POST: COMPUTE },
  "/api/tools/nethasp/generate": { POST: COMPUTE },
  "/api/import/rac": { POST: { roles: ["admin"], scopes: ["import", "admin"] } },
  // Issue 10 §5: monitoring reads the Overview's seats with a read token.
  "/api/pools": { GET: { roles: ALL_ROLES, scopes: ["read", "admin"] } },
  "/api/metrics": { GET: { roles: ALL_ROLES, scopes: ["read", "admin"] } },
  // Issue 10 §2: the Sessions page's lists (admins, team leads; finance reads).
  "/api/sessions": { GET: { roles: WITH_LEAD, scopes: ["read", "admin"] } },
  "/api/sessions/snapshots": { GET: { roles: WITH_LEAD, scopes: ["read", "admin"] } },
  "/api/sessions/history": { GET: { roles: WITH_LEAD, scopes: ["read", "admin"] } },
  // Issue 11: the Seats page's data (every role) and the Why page's (admins, finance, team leads).
  "/api/seats": { GET: { roles: ALL_ROLES, scopes: ["read", "admin"] } },
  "/api/why": { POST: { roles: WITH_LEAD, scopes: ["read", "admin"] } },
  // Issue 11 §3: the Simulator's history and described workload (finance, team leads; the read token reads).
  "/api/simulate/history": { GET: { roles: WITH_LEAD, scopes: ["read", "admin"] } },
  "/api/simulate/workload": { POST: { roles: WITH_LEAD, scopes: ["read", "admin"] } },
  "/api/events": { GET: { roles: WITH_LEAD, scopes: ["read", "admin"] }, POST: { roles: WITH_LEAD, scopes: ["admin"] } },
  "/api/settings/licensing": { GET: { roles: WITH_LEAD, scopes: ["read", "admin"] }, PATCH: ADMIN },
  "/api/pins": { GET: { roles: READERS, scopes: ["read", "admin"] } },
  "/api/pins/[id]/reveal": { POST: ADMIN },
  "/api/owners/[id]/reveal": { POST: ADMIN },
  // Issue #9: the inventory is read by admin and finance (and the read token), written by admin only.
  "/api/owners": { GET: INVENTORY_READ, POST: ADMIN },
  "/api/kits": { GET: INVENTORY_READ, POST: ADMIN },
  "/api/kits/csv": { GET: INVENTORY_READ, POST: ADMIN },
  "/api/kits/csv/template": { GET: INVENTORY_READ },
  "/api/kits/ring": { POST: INVENTORY_READ },
  "/api/kits/[id]": { GET: INVENTORY_READ, PATCH: ADMIN, DELETE: ADMIN },
  "/api/kits/[id]/pins": { POST: ADMIN },
  "/api/kits/[id]/activations": { POST: ADMIN },
  "/api/kits/[id]/request-letter": { GET: ADMIN },
  "/api/kits/[id]/ring-command": { POST: ADMIN },
  "/api/computers": { GET: INVENTORY_READ, POST: ADMIN },
  "/api/computers/[id]": { GET: INVENTORY_READ, PATCH: ADMIN, DELETE: ADMIN },
  "/api/computers/[id]/fingerprints": { POST: ADMIN },
  "/api/keys": { GET: INVENTORY_READ, POST: ADMIN },
  "/api/keys/[id]": { GET: INVENTORY_READ, PATCH: ADMIN, DELETE: ADMIN },
  "/api/servers": { GET: INVENTORY_READ, POST: ADMIN },
  "/api/servers/[id]": { GET: INVENTORY_READ, PATCH: ADMIN, DELETE: ADMIN },
  "/api/infobases": { GET: INVENTORY_READ, POST: ADMIN },
  "/api/infobases/[id]": { GET: INVENTORY_READ, PATCH: ADMIN, DELETE: ADMIN },
  "/api/audit": { GET: ADMIN },
  "/api/tokens": { GET: ADMIN, POST: ADMIN },
  "/api/tokens/[id]": { DELETE: ADMIN },
  "/api/users": { GET: ADMIN, POST: ADMIN },
  "/api/users/[id]": { PATCH: ADMIN, DELETE: ADMIN },
};

const APP = path.resolve(__dirname, "../../app");

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith("_")) return []; // private folders are not routes
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

/** app/api/pins/[id]/reveal/route.ts → /api/pins/[id]/reveal; route groups `(x)` vanish from URLs. */
const urlOf = (file: string) =>
  "/" +
  path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .join("/");

const files = walk(APP);
const routeFiles = files.filter((f) => path.basename(f) === "route.ts");
const pageFiles = files.filter((f) => path.basename(f) === "page.tsx");

const METHODS: readonly Method[] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
function exportedMethods(file: string): Method[] {
  const text = fs.readFileSync(file, "utf8");
  const found = METHODS.filter((m) => new RegExp(`export\\s+(const|async function|function)\\s+${m}\\b`).test(text));
  // `export const { GET, POST } = …` (the auth library's handler).
  const destructured = /export\s+const\s+\{([^}]*)\}/.exec(text)?.[1] ?? "";
  return [...new Set([...found, ...METHODS.filter((m) => new RegExp(`\\b${m}\\b`).test(destructured))])];
}

/** A concrete URL for a pattern: `[id]` → 999999 (no such row), `[...all]` → get-session. */
const concrete = (pattern: string) => pattern.replace(/\[\.\.\.[^\]]+\]/g, "get-session").replace(/\[[^\]]+\]/g, "999999");

type Principal = { role: UserRole } | { scope: TokenScope } | null;
const PRINCIPALS: Array<[string, Principal]> = [
  ["anonymous", null],
  ...ROLES.map((role): [string, Principal] => [`role ${role}`, { role }]),
  ...SCOPES.map((scope): [string, Principal] => [`token ${scope}`, { scope }]),
];

function allowed(who: Who, principal: Principal): boolean {
  if (who === "public") return true;
  if (principal === null) return false;
  return "role" in principal ? who.roles.includes(principal.role) : who.scopes.includes(principal.scope);
}

describe("every page and route on disk has a rule, and the rules are the issue's matrix", () => {
  test("the app has the pages and routes this test knows — no more, no fewer", () => {
    expect(pageFiles.map(urlOf).sort()).toEqual(Object.keys(PAGES).sort());
    expect(routeFiles.map(urlOf).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  test.each(routeFiles.map((f) => [urlOf(f), f]))("%s: its exported methods are exactly the matrix's", (url, file) => {
    expect(exportedMethods(file).sort()).toEqual(Object.keys(ROUTES[url] ?? {}).sort());
  });

  test("every rule in lib/security/access.ts belongs to a page or route that exists (no stale rules)", () => {
    const known = new Set([...Object.keys(PAGES), ...Object.keys(ROUTES)]);
    expect(ACCESS_RULES.map((r) => r.path).filter((p) => !known.has(p))).toEqual([]);
  });

  test.each([...Object.keys(PAGES), ...Object.keys(ROUTES)])("%s is matched by its own rule, not a neighbour's", (pattern) => {
    expect(ruleFor(concrete(pattern))?.path).toBe(pattern);
  });
});

const nextRequest = (url: string, method: string, headers: Record<string, string>) => new NextRequest(new URL(url, "http://localhost:3000"), { method, headers: { host: "localhost:3000", ...headers } });

describe("pages through the proxy: anonymous → sign-in, forbidden → the 403 page, allowed → rendered", () => {
  const cases = Object.entries(PAGES).flatMap(([page, who]) => PRINCIPALS.filter(([, p]) => p === null || "role" in p).map(([name, p]) => [page, name, who, p] as const));
  test.each(cases)("GET %s as %s", async (page, _name, who, principal) => {
    const response = await proxy(nextRequest(page, "GET", await asPrincipal(principal)));
    if (principal !== null && (page === "/sign-in" || page === "/setup")) {
      expect(response.status).toBe(303); // signed in already: to the Overview
      expect(new URL(response.headers.get("location")!, "http://localhost:3000").pathname).toBe("/");
    } else if (allowed(who, principal)) {
      expect(response.headers.get("x-middleware-next")).toBe("1");
    } else if (principal === null) {
      expect(response.status).toBe(303);
      const location = new URL(response.headers.get("location")!, "http://localhost:3000");
      expect(location.pathname).toBe("/sign-in");
      if (page !== "/") expect(location.searchParams.get("next")).toBe(page);
    } else {
      expect(response.status).toBe(403);
      expect(new URL(response.headers.get("x-middleware-rewrite")!).pathname).toBe("/forbidden");
    }
  });

  test("a server action posted by an anonymous visitor to a protected page is a 401, not a redirect", async () => {
    const response = await proxy(nextRequest("/kits", "POST", { "next-action": "abc" }));
    expect(response.status).toBe(401);
  });

  test("a server action posted from a page the role may not open runs against the 403 page, never the page itself", async () => {
    const response = await proxy(nextRequest("/settings", "POST", { "next-action": "abc", ...(await asPrincipal({ role: "finance" })) }));
    expect(new URL(response.headers.get("x-middleware-rewrite")!).pathname).toBe("/forbidden");
    const plainPost = await proxy(nextRequest("/settings", "POST", await asPrincipal({ role: "finance" })));
    expect(plainPost.status).toBe(403);
  });
});

describe("API routes: anonymous → 401, outside the matrix → 403, inside → reaches the handler", () => {
  const cases = Object.entries(ROUTES).flatMap(([route, methods]) =>
    Object.entries(methods).flatMap(([method, who]) => PRINCIPALS.map(([name, p]) => [`${method} ${route}`, name, route, method, who!, p] as const)),
  );

  test.each(cases)("%s as %s", async (_label, _name, route, method, who, principal) => {
    const headers = await asPrincipal(principal);
    const url = concrete(route);
    const viaProxy = await proxy(nextRequest(url, method, headers));
    const file = routeFiles.find((f) => urlOf(f) === route)!;
    const handlers = (await import(/* @vite-ignore */ file)) as Record<string, (r: Request, c: unknown) => Promise<Response>>;
    const direct = await handlers[method](new Request(new URL(url, "http://localhost:3000"), { method, headers }), { params: Promise.resolve({ id: "999999", all: ["get-session"] }) });

    if (allowed(who, principal)) {
      expect(viaProxy.headers.get("x-middleware-next")).toBe("1");
      // Reaching the handler: whatever it says about an empty body or an unknown id, it is not a refusal —
      // and not a crash.
      expect([401, 403]).not.toContain(direct.status);
      expect(direct.status).toBeLessThan(500);
    } else {
      const status = principal === null ? 401 : 403;
      expect(viaProxy.status).toBe(status);
      expect(direct.status).toBe(status);
      const body = await direct.json();
      expect(body.error.code).toBe(status === 401 ? "unauthenticated" : "forbidden");
    }
  });

  test("the auth library has no HTTP route: signing in, out and password changes go through server actions", async () => {
    expect(routeFiles.filter((f) => urlOf(f).startsWith("/api/auth"))).toEqual([]);
    expect((await proxy(nextRequest("/api/auth/sign-in/email", "POST", {}))).status).toBe(401);
    expect((await proxy(nextRequest("/api/auth/get-session", "GET", await asPrincipal({ role: "admin" })))).headers.get("x-middleware-next")).toBe("1"); // → 404
  });

  test("a revoked or made-up token is anonymous, never a fallback to the cookie", async () => {
    const cookie = await asPrincipal({ role: "admin" });
    const made = createApiToken(getDb(), { name: "soon revoked", scope: "admin" });
    const asToken = { authorization: `Bearer ${made.token}` };
    expect((await proxy(nextRequest("/api/audit", "GET", asToken))).headers.get("x-middleware-next")).toBe("1");
    revokeApiToken(getDb(), made.row.id);
    for (const authorization of [asToken.authorization, "Bearer slt_madeup"]) {
      expect((await proxy(nextRequest("/api/audit", "GET", { ...cookie, authorization }))).status).toBe(401);
      expect((await auditGet(new Request("http://localhost:3000/api/audit", { headers: { ...cookie, authorization } }))).status).toBe(401);
    }
  });

  test("another Authorization scheme (a reverse proxy's Basic auth) leaves the session cookie in charge", async () => {
    const cookie = await asPrincipal({ role: "admin" });
    const response = await proxy(nextRequest("/api/audit", "GET", { ...cookie, authorization: "Basic dXNlcjpwYXNz" }));
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  test("a token opens no page: scripts use the API", async () => {
    const response = await proxy(nextRequest("/kits", "GET", await asPrincipal({ scope: "admin" })));
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get("location")!, "http://localhost:3000").pathname).toBe("/sign-in");
  });
});

describe("server actions check their own permission (they can be posted to any page)", () => {
  /** Actions anyone may call, and why. */
  const PUBLIC_ACTIONS: Record<string, string> = {
    setLocale: "the interface language, a cookie",
    signIn: "signing in; rate-limited and audited",
    signOut: "signing out the caller's own session",
    setupFirstAdmin: "works only while the database has no account at all",
  };
  // Every module of the app that says "use server" anywhere (a file-level or an inline directive); components
  // too, though none holds an action today.
  const COMPONENTS = path.resolve(APP, "../components");
  const actionFiles = [...files, ...walk(COMPONENTS)].filter((f) => /\.tsx?$/.test(f) && /["']use server["']/.test(fs.readFileSync(f, "utf8")));
  const EXPORTED_ACTION = /export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=\s*async)/g;

  test("there are server action modules to check", () => {
    expect(actionFiles.length).toBeGreaterThan(0);
  });

  test.each(actionFiles.map((f) => [path.relative(APP, f), f]))("%s: every exported action calls authorize() and acts on its answer, or is listed as public", (_rel, file) => {
    const text = fs.readFileSync(file, "utf8");
    const starts = [...text.matchAll(EXPORTED_ACTION)];
    expect(starts.length, "a 'use server' module with no exported async function: this test cannot read it").toBeGreaterThan(0);
    starts.forEach((match, i) => {
      const name = match[1] ?? match[2];
      if (name in PUBLIC_ACTIONS) return;
      const body = text.slice(match.index, starts[i + 1]?.index ?? text.length);
      expect(body, `${name} must call authorize(permission) and return when it refuses`).toMatch(/const (\w+) = await authorize\("[\w.]+"\);\s*if \(!\1\.ok\) return/);
    });
  });

  test("the public actions are still there (a renamed one would silently lose its check)", () => {
    const exported = actionFiles.flatMap((f) => [...fs.readFileSync(f, "utf8").matchAll(EXPORTED_ACTION)].map((m) => m[1] ?? m[2]));
    expect(exported).toEqual(expect.arrayContaining(Object.keys(PUBLIC_ACTIONS)));
  });
});
