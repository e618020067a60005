/**
 * Who may see and do what (issue #5, DESIGN.md "Pages and who they serve"). One table for every page and
 * API route; the proxy (proxy.ts) and every server action enforce it, and tests/api/access.test.ts fails
 * when a page or route exists without a rule here.
 */
import { TOKEN_SCOPES, USER_ROLES, type TokenScope, type UserRole } from "@/lib/domain/enums";

export const PERMISSIONS = [
  "overview",
  "seats",
  /** Kits, keys, servers, PINs (masked) and what they cost. */
  "inventory",
  /** Recording kits, PINs, activations, computers, keys, servers and infobases (issue #9: admin only). */
  "inventory.write",
  "sessions",
  "why",
  /** The Simulator (issue 11 §3): per-computer versus per-session seats over the history or a described workload, and their cost. */
  "simulator",
  /** Saving a "why?" answer as a "no free license" event (issue 11 §2): people, not read-only tokens. */
  "events.write",
  "planning",
  /** The Tools page. */
  "tools",
  /** Stateless parse/lint/simulate endpoints: they only read what the caller sends. */
  "compute",
  "settings.read",
  "settings.write",
  "audit",
  "users",
  "tokens",
  /** Seeing a PIN or owner registration data in clear (always written to the audit log). */
  "secrets.reveal",
  "import",
  /** One's own account: password change, sign-out. */
  "account",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Permission[] = PERMISSIONS;
const FINANCE: readonly Permission[] = ["overview", "seats", "inventory", "sessions", "why", "simulator", "events.write", "planning", "tools", "compute", "settings.read", "account"];

/** The matrix: admin everything; finance everything read-only with PINs masked; lead no costs, no PINs. */
export const ROLE_PERMISSIONS: Record<UserRole, readonly Permission[]> = {
  admin: ALL,
  finance: FINANCE,
  lead: ["overview", "seats", "sessions", "why", "simulator", "events.write", "compute", "settings.read", "account"],
  viewer: ["overview", "seats", "account"],
};

/** Tokens: any valid one may use the stateless endpoints; `import` adds imports; the others act as a role. */
export const SCOPE_PERMISSIONS: Record<TokenScope, readonly Permission[]> = {
  import: ["compute", "import"],
  read: FINANCE.filter((p) => p !== "account" && p !== "events.write"),
  admin: ALL.filter((p) => p !== "account"),
};

export const isUserRole = (value: unknown): value is UserRole => (USER_ROLES as readonly unknown[]).includes(value);
export const isTokenScope = (value: unknown): value is TokenScope => (TOKEN_SCOPES as readonly unknown[]).includes(value);

/** Whoever is asking: a signed-in user or an API token. */
export type Principal =
  | { kind: "user"; id: string; email: string; name: string; role: UserRole }
  | { kind: "token"; id: number; name: string; scope: TokenScope };

export function permissionsOf(principal: Principal): readonly Permission[] {
  return principal.kind === "user" ? ROLE_PERMISSIONS[principal.role] : SCOPE_PERMISSIONS[principal.scope];
}

export const can = (principal: Principal | null, permission: Permission): boolean =>
  principal !== null && permissionsOf(principal).includes(permission);

/** How the audit log names a principal. */
export const actorOf = (principal: Principal | null): string | null =>
  principal === null ? null : principal.kind === "user" ? principal.email : `token #${principal.id} ${principal.name}`;

/** `public`: anyone; `signed-in`: any principal; otherwise a permission. */
export type Requirement = "public" | "signed-in" | Permission;
export type Method = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

export interface AccessRule {
  /** A path; `[x]` matches one segment, `[...x]` one or more. */
  path: string;
  kind: "page" | "api";
  /** Per method; a page's rule also covers the server actions posted to it (they check again themselves). */
  methods: Partial<Record<Method, Requirement>>;
}

const page = (path: string, requirement: Requirement): AccessRule => ({ path, kind: "page", methods: { GET: requirement, HEAD: requirement, POST: requirement } });
const api = (path: string, methods: AccessRule["methods"]): AccessRule => ({ path, kind: "api", methods });

export const ACCESS_RULES: readonly AccessRule[] = [
  page("/sign-in", "public"),
  page("/setup", "public"),
  page("/", "overview"),
  page("/seats", "seats"),
  page("/kits", "inventory"),
  page("/kits/new", "inventory.write"),
  page("/kits/[id]", "inventory"),
  page("/computers", "inventory"),
  page("/computers/[id]", "inventory"),
  page("/keys", "inventory"),
  page("/servers", "inventory"),
  page("/infobases", "inventory"),
  page("/sessions", "sessions"),
  page("/why", "why"),
  page("/simulator", "simulator"),
  page("/planning", "planning"),
  page("/tools", "tools"),
  page("/audit", "audit"),
  page("/settings", "settings.write"),
  page("/account", "account"),
  // Rendered in place of a page the role may not open (proxy.ts); opened directly it just says so.
  page("/forbidden", "signed-in"),

  // Monitoring: answers only "ok" and the number of migrations.
  api("/api/health", { GET: "public" }),
  api("/api/simulate", { POST: "compute" }),
  // Issue 11 §3: the Simulator page's history and described-workload answers (read the company's sessions and seats).
  api("/api/simulate/history", { GET: "simulator" }),
  api("/api/simulate/workload", { POST: "simulator" }),
  api("/api/parse/rac", { POST: "compute" }),
  api("/api/parse/ring", { POST: "compute" }),
  api("/api/explain/message", { POST: "compute" }),
  api("/api/tools/binding/compare", { POST: "compute" }),
  api("/api/tools/nethasp/lint", { POST: "compute" }),
  api("/api/tools/nethasp/generate", { POST: "compute" }),
  // Monitoring (Prometheus, Zabbix): the Overview's seats, read with a `read` token.
  api("/api/pools", { GET: "overview" }),
  api("/api/metrics", { GET: "overview" }),
  api("/api/sessions", { GET: "sessions" }),
  api("/api/sessions/snapshots", { GET: "sessions" }),
  api("/api/sessions/history", { GET: "sessions" }),
  // Issue 11: seats over time (the Seats page), "why no free license?" and the recorded events (the Why page).
  api("/api/seats", { GET: "seats" }),
  api("/api/why", { POST: "why" }),
  api("/api/events", { GET: "why", POST: "events.write" }),
  // Cron jobs piping `rac session list --licenses` into the database.
  api("/api/import/rac", { POST: "import" }),
  api("/api/settings/licensing", { GET: "settings.read", PATCH: "settings.write" }),
  api("/api/pins", { GET: "inventory" }),
  api("/api/pins/[id]/reveal", { POST: "secrets.reveal" }),
  api("/api/owners", { GET: "inventory", POST: "inventory.write" }),
  api("/api/owners/[id]/reveal", { POST: "secrets.reveal" }),
  // Static segments before `[id]`: the first rule that matches a path is its rule.
  api("/api/kits", { GET: "inventory", POST: "inventory.write" }),
  api("/api/kits/csv", { GET: "inventory", POST: "inventory.write" }),
  api("/api/kits/csv/template", { GET: "inventory" }),
  api("/api/kits/ring", { POST: "inventory" }),
  api("/api/kits/[id]", { GET: "inventory", PATCH: "inventory.write", DELETE: "inventory.write" }),
  api("/api/kits/[id]/pins", { POST: "inventory.write" }),
  api("/api/kits/[id]/activations", { POST: "inventory.write" }),
  // Both hold a PIN in clear: audited like a reveal.
  api("/api/kits/[id]/request-letter", { GET: "secrets.reveal" }),
  api("/api/kits/[id]/ring-command", { POST: "secrets.reveal" }),
  api("/api/computers", { GET: "inventory", POST: "inventory.write" }),
  api("/api/computers/[id]", { GET: "inventory", PATCH: "inventory.write", DELETE: "inventory.write" }),
  api("/api/computers/[id]/fingerprints", { POST: "inventory.write" }),
  api("/api/keys", { GET: "inventory", POST: "inventory.write" }),
  api("/api/keys/[id]", { GET: "inventory", PATCH: "inventory.write", DELETE: "inventory.write" }),
  api("/api/servers", { GET: "inventory", POST: "inventory.write" }),
  api("/api/servers/[id]", { GET: "inventory", PATCH: "inventory.write", DELETE: "inventory.write" }),
  api("/api/infobases", { GET: "inventory", POST: "inventory.write" }),
  api("/api/infobases/[id]", { GET: "inventory", PATCH: "inventory.write", DELETE: "inventory.write" }),
  api("/api/audit", { GET: "audit" }),
  api("/api/tokens", { GET: "tokens", POST: "tokens" }),
  api("/api/tokens/[id]", { DELETE: "tokens" }),
  api("/api/users", { GET: "users", POST: "users" }),
  api("/api/users/[id]", { PATCH: "users", DELETE: "users" }),
];

function matches(pattern: string, pathname: string): boolean {
  const want = pattern.split("/").filter(Boolean);
  const got = pathname.split("/").filter(Boolean);
  for (let i = 0; i < want.length; i++) {
    const w = want[i];
    if (w.startsWith("[...")) return got.length > i;
    if (i >= got.length) return false;
    if (!w.startsWith("[") && w !== got[i]) return false;
  }
  return got.length === want.length;
}

/** The rule for a path, or null when none exists (an unknown page is a 404 for a signed-in user). */
export function ruleFor(pathname: string): AccessRule | null {
  const clean = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return ACCESS_RULES.find((r) => matches(r.path, clean)) ?? null;
}

export type AccessDecision =
  | { allow: true }
  | { allow: false; status: 401; reason: "sign-in" }
  /** `permission` null: the path has no rule for what was asked (a route handler without an API rule). */
  | { allow: false; status: 403; reason: "forbidden"; permission: Permission | null }
  | { allow: false; status: 405; reason: "method" };

/**
 * The decision for one request. Paths without a rule need a principal (so probing unknown URLs tells an
 * anonymous visitor nothing) and then fall through to the 404 page.
 */
export function decide(pathname: string, method: string, principal: Principal | null): AccessDecision {
  const rule = ruleFor(pathname);
  // Tokens are for scripts calling the API; a page or a server action opened with one is anonymous.
  if (principal?.kind === "token" && rule?.kind !== "api") principal = null;
  if (!rule) return principal ? { allow: true } : { allow: false, status: 401, reason: "sign-in" };
  const requirement = rule.methods[method.toUpperCase() as Method] ?? (method.toUpperCase() === "HEAD" ? rule.methods.GET : undefined);
  if (requirement === undefined) {
    // OPTIONS and unknown methods: nothing to serve; let Next.js answer 405 to signed-in callers only.
    return principal ? { allow: false, status: 405, reason: "method" } : { allow: false, status: 401, reason: "sign-in" };
  }
  if (requirement === "public") return { allow: true };
  if (!principal) return { allow: false, status: 401, reason: "sign-in" };
  if (requirement === "signed-in" || can(principal, requirement)) return { allow: true };
  return { allow: false, status: 403, reason: "forbidden", permission: requirement };
}

/** For route handlers: as `decide`, but a path without an API rule of its own is closed to everyone. */
export function decideApi(pathname: string, method: string, principal: Principal | null): AccessDecision {
  if (ruleFor(pathname)?.kind === "api") return decide(pathname, method, principal);
  return principal ? { allow: false, status: 403, reason: "forbidden", permission: null } : { allow: false, status: 401, reason: "sign-in" };
}

/** The pages a principal may open, for the navigation. */
export function pageAllowed(path: string, principal: Principal | null): boolean {
  return decide(path, "GET", principal).allow;
}

/** The API's answer to a refused request (the same error body as every route, app/api/_lib/respond.ts). */
export function accessDeniedBody(decision: Exclude<AccessDecision, { allow: true }>) {
  switch (decision.status) {
    case 401:
      return { error: { code: "unauthenticated", message: "Sign in, or send an API token as `Authorization: Bearer <token>` (npm run token:create)." } };
    case 403:
      return {
        error: {
          code: "forbidden",
          message: decision.permission ? `Your role or token scope does not include "${decision.permission}".` : "This endpoint has no access rule, so nobody may call it.",
        },
      };
    case 405:
      return { error: { code: "method-not-allowed", message: "This endpoint does not accept that method." } };
  }
}

/**
 * Where to go after signing in: only a path on this site (`//evil.example`, `https://…` or a backslash
 * would make the sign-in form an open redirect), never back to the sign-in page; else the Overview.
 */
export function safeNext(next: string | null | undefined): string {
  return next && /^\/(?!\/)[^\\\s]*$/.test(next) && !next.startsWith("/sign-in") ? next : "/";
}
