import { describe, expect, test } from "vitest";

import { USER_ROLES } from "@/lib/domain/enums";
import { actorOf, can, decide, decideApi, pageAllowed, safeNext, PERMISSIONS, ROLE_PERMISSIONS, ruleFor, SCOPE_PERMISSIONS, type Principal } from "@/lib/security/access";

const user = (role: (typeof USER_ROLES)[number]): Principal => ({ kind: "user", id: "u1", email: `${role}@x.ru`, name: role, role });

describe("the access matrix (issue #5 'Roles'; the route-by-route check is tests/api/access.test.ts)", () => {
  test("admin holds every permission; finance reads everything the lead and the viewer may", () => {
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual([...PERMISSIONS].sort());
    for (const key of ["viewer", "lead"] as const) for (const p of ROLE_PERMISSIONS[key]) expect(ROLE_PERMISSIONS.finance).toContain(p);
  });

  test("only the admin may reveal secrets, manage users and tokens, read the audit log or change settings", () => {
    for (const p of ["secrets.reveal", "users", "tokens", "audit", "settings.write"] as const) {
      expect(USER_ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(p))).toEqual(["admin"]);
    }
  });

  test("no costs and no PINs for a lead; a viewer has the Overview and Seats", () => {
    expect(ROLE_PERMISSIONS.lead).not.toContain("inventory");
    expect(ROLE_PERMISSIONS.lead).not.toContain("planning");
    expect([...ROLE_PERMISSIONS.viewer].sort()).toEqual(["account", "overview", "seats"]);
  });

  test("the Simulator (DESIGN.md: finance, lead) is open to admin, finance and lead, and to the read and admin tokens", () => {
    expect(USER_ROLES.filter((r) => ROLE_PERMISSIONS[r].includes("simulator"))).toEqual(["admin", "finance", "lead"]);
    expect((["import", "read", "admin"] as const).filter((s) => SCOPE_PERMISSIONS[s].includes("simulator"))).toEqual(["read", "admin"]);
    expect(pageAllowed("/simulator", user("lead"))).toBe(true);
    expect(pageAllowed("/simulator", user("viewer"))).toBe(false);
    expect(decideApi("/api/simulate/history", "GET", user("viewer"))).toMatchObject({ status: 403, permission: "simulator" });
    expect(decideApi("/api/simulate/workload", "POST", user("finance"))).toEqual({ allow: true });
  });

  test("every token may compute; import adds import; read is finance without an account; admin is admin without one", () => {
    for (const scope of ["import", "read", "admin"] as const) expect(SCOPE_PERMISSIONS[scope]).toContain("compute");
    expect(SCOPE_PERMISSIONS.import).toEqual(["compute", "import"]);
    expect(SCOPE_PERMISSIONS.read).not.toContain("import");
    expect(SCOPE_PERMISSIONS.read).not.toContain("secrets.reveal");
    expect(SCOPE_PERMISSIONS.admin).toContain("secrets.reveal");
    for (const scope of ["import", "read", "admin"] as const) expect(SCOPE_PERMISSIONS[scope]).not.toContain("account");
  });

  test("patterns: [x] matches one segment, [...x] one or more, a trailing slash is the same path", () => {
    expect(ruleFor("/api/pins/12/reveal")?.path).toBe("/api/pins/[id]/reveal");
    expect(ruleFor("/api/pins/12")).toBeNull();
    expect(ruleFor("/api/auth/get-session")).toBeNull();
    expect(ruleFor("/kits/")?.path).toBe("/kits");
    expect(ruleFor("/")?.path).toBe("/");
  });

  test("decide: public, unknown paths, missing methods, HEAD as GET", () => {
    expect(decide("/sign-in", "GET", null)).toEqual({ allow: true });
    expect(decide("/no-such-page", "GET", null)).toMatchObject({ allow: false, status: 401 });
    expect(decide("/no-such-page", "GET", user("viewer"))).toEqual({ allow: true }); // → the 404 page
    expect(decide("/api/health", "DELETE", null)).toMatchObject({ status: 401 });
    expect(decide("/api/health", "DELETE", user("admin"))).toMatchObject({ status: 405 });
    expect(decide("/api/settings/licensing", "PATCH", user("finance"))).toMatchObject({ status: 403, permission: "settings.write" });
    expect(decide("/api/pins", "HEAD", user("finance"))).toEqual({ allow: true });
    expect(decide("/api/pins", "HEAD", user("lead"))).toMatchObject({ status: 403 });
  });

  test("decideApi: a route handler without an API rule is closed; tokens never open pages", () => {
    const token: Principal = { kind: "token", id: 1, name: "cron", scope: "admin" };
    expect(decideApi("/api/no-rule", "GET", user("admin"))).toMatchObject({ allow: false, status: 403, permission: null });
    expect(decideApi("/api/no-rule", "GET", null)).toMatchObject({ status: 401 });
    expect(decideApi("/kits", "GET", user("admin"))).toMatchObject({ status: 403 });
    expect(decideApi("/api/audit", "GET", token)).toEqual({ allow: true });
    expect(decide("/kits", "GET", token)).toMatchObject({ status: 401 });
    expect(decide("/no-such-page", "GET", token)).toMatchObject({ status: 401 });
  });

  test("can, pageAllowed and actorOf", () => {
    expect(can(null, "overview")).toBe(false);
    expect(pageAllowed("/settings", user("finance"))).toBe(false);
    expect(pageAllowed("/settings", user("admin"))).toBe(true);
    expect(actorOf(user("lead"))).toBe("lead@x.ru");
    expect(actorOf({ kind: "token", id: 3, name: "cron", scope: "import" })).toBe("token #3 cron");
    expect(actorOf(null)).toBeNull();
  });

  test.each([
    ["/kits", "/kits"],
    ["/audit?action=pin.reveal&from=2026-11-01", "/audit?action=pin.reveal&from=2026-11-01"],
    [undefined, "/"],
    ["", "/"],
    ["//evil.example/kits", "/"],
    ["https://evil.example", "/"],
    ["/\\evil.example", "/"],
    ["kits", "/"],
    ["/sign-in?next=/kits", "/"],
    ["/kits x", "/"],
  ])("after sign-in, next=%s goes to %s (never off the site)", (next, to) => {
    expect(safeNext(next)).toBe(to);
  });
});
