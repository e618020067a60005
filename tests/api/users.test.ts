import "@/tests/helpers/setup-env";

import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";

import { DELETE, PATCH } from "@/app/api/users/[id]/route";
import { GET, POST } from "@/app/api/users/route";
import { UserCreatedResponseSchema, UserListResponseSchema, UserUpdatedResponseSchema } from "@/lib/security/account-api";
import { getAuth } from "@/db/auth";
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { getUserByEmail } from "@/db/queries/users";
import { auditLog, authAccount } from "@/db/schema";
import { ErrorSchema } from "@/tests/helpers/api";
import { asPrincipal, sessionHeaders, tokenHeaders, userEmail } from "@/tests/helpers/auth";

type Headers = Record<string, string>;
const BASE = "http://localhost/api/users";
const json = { "content-type": "application/json" };

const list = (headers: Headers) => GET(new Request(BASE, { headers }));
const create = (headers: Headers, body: unknown) => POST(new Request(BASE, { method: "POST", headers: { ...headers, ...json }, body: JSON.stringify(body) }));
const patch = (headers: Headers, id: string, body: unknown) =>
  PATCH(new Request(`${BASE}/${encodeURIComponent(id)}`, { method: "PATCH", headers: { ...headers, ...json }, body: JSON.stringify(body) }), { params: Promise.resolve({ id }) });
const remove = (headers: Headers, id: string) => DELETE(new Request(`${BASE}/${encodeURIComponent(id)}`, { method: "DELETE", headers }), { params: Promise.resolve({ id }) });

const admin = () => sessionHeaders("admin");
const adminId = async () => {
  await admin();
  return getUserByEmail(getDb(), userEmail("admin"))!.id;
};

/** Signs in through the library (as the sign-in form does) and returns the session cookie. */
async function signIn(email: string, password: string): Promise<Headers> {
  const { headers } = await getAuth().api.signInEmail({ body: { email, password }, returnHeaders: true });
  return { cookie: headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
}

/** Creates a user through the API as the admin; returns the user and the password to sign in with. */
async function newUser(email: string, role: "admin" | "finance" | "lead" | "viewer" = "viewer") {
  const res = await create(await admin(), { email, role });
  expect(res.status).toBe(201);
  const body = UserCreatedResponseSchema.parse(await res.json());
  return { user: body.user, password: body.password! };
}

const auditOf = (action: string, entityId: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
    .all();

async function errorOf(res: Response, status: number) {
  expect(res.status).toBe(status);
  return ErrorSchema.parse(await res.json()).error;
}

describe("who may manage users: admins only (lib/security/access.ts `users`)", () => {
  const calls = {
    "GET /api/users": (h: Headers) => list(h),
    "POST /api/users": (h: Headers) => create(h, { email: "nobody@example.ru", role: "viewer" }),
    "PATCH /api/users/[id]": (h: Headers) => patch(h, "someone", { role: "admin" }),
    "DELETE /api/users/[id]": (h: Headers) => remove(h, "someone"),
  };
  const cases = Object.entries(calls).flatMap(([name, call]) =>
    (
      [
        ["anonymous", null, 401],
        ["finance", { role: "finance" }, 403],
        ["lead", { role: "lead" }, 403],
        ["viewer", { role: "viewer" }, 403],
        ["an import token", { scope: "import" }, 403],
        ["a read token", { scope: "read" }, 403],
      ] as const
    ).map(([who, principal, status]) => [name, who, status, principal, call] as const),
  );

  test.each(cases)("%s as %s → %i", async (_name, _who, status, principal, call) => {
    const res = await call(await asPrincipal(principal));
    const error = await errorOf(res, status);
    expect(error.code).toBe(status === 401 ? "unauthenticated" : "forbidden");
  });

  test("an admin-scope token may list users", async () => {
    expect((await list(tokenHeaders("admin"))).status).toBe(200);
  });
});

describe("POST /api/users", () => {
  test("without a password: one is generated, answered once, and signs in", async () => {
    const res = await create(await admin(), { email: "Pat.Ivanova@Example.ru", name: "Pat Ivanova", role: "lead" });
    expect(res.status).toBe(201);
    const body = UserCreatedResponseSchema.parse(await res.json());
    expect(body.user).toMatchObject({ email: "pat.ivanova@example.ru", name: "Pat Ivanova", role: "lead", lastSignInAt: null });
    expect(body.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const cookie = await signIn("pat.ivanova@example.ru", body.password!);
    expect(cookie.cookie).toContain("seatledger.session_token=");
    // Shown once: the list never carries it.
    const listed = await (await list(await admin())).text();
    expect(listed).not.toContain(body.password!);
  });

  test("with a password: it is not echoed back, and it signs in", async () => {
    const res = await create(await admin(), { email: "oleg@example.ru", role: "finance", password: "a long enough secret" });
    expect(res.status).toBe(201);
    const body = UserCreatedResponseSchema.parse(await res.json());
    expect(body).not.toHaveProperty("password");
    expect(body.user.name).toBe("oleg");
    await expect(signIn("oleg@example.ru", "a long enough secret")).resolves.toBeTruthy();
  });

  test("the creation is audited with who did it, never the password", async () => {
    const res = await create(await admin(), { email: "audited@example.ru", role: "viewer", password: "audit me please" });
    const { user } = UserCreatedResponseSchema.parse(await res.json());
    const [entry] = auditOf("user.create", user.id);
    expect(entry).toMatchObject({ actor: userEmail("admin"), entity: "user" });
    expect(JSON.parse(entry.after!)).toEqual({ email: "audited@example.ru", name: "audited", role: "viewer" });
    expect(JSON.stringify(entry)).not.toContain("audit me please");
  });

  test.each([
    ["the same address", "dup@example.ru"],
    ["the same address in other case with spaces", "  DUP@Example.RU "],
  ])("an e-mail already taken (%s) → 409 naming the field", async (_name, again) => {
    if (!getUserByEmail(getDb(), "dup@example.ru")) expect((await create(await admin(), { email: "dup@example.ru", role: "viewer" })).status).toBe(201);
    const error = await errorOf(await create(await admin(), { email: again, role: "viewer" }), 409);
    expect(error).toMatchObject({ code: "conflict", message: expect.stringMatching(/^email: dup@example\.ru already has an account/) });
  });

  test.each([
    ["a malformed e-mail", { email: "not-an-address", role: "viewer" }, "email"],
    ["no e-mail", { role: "viewer" }, "email"],
    ["a short password", { email: "short@example.ru", role: "viewer", password: "123456789" }, "password"],
    ["an unknown role", { email: "root@example.ru", role: "root" }, "role"],
    ["no role", { email: "norole@example.ru" }, "role"],
    ["a name over 100 characters", { email: "long@example.ru", role: "viewer", name: "x".repeat(101) }, "name"],
  ])("%s → 400 naming the field", async (_name, body, field) => {
    const error = await errorOf(await create(await admin(), body), 400);
    expect(error.code).toBe("invalid-input");
    expect(error.issues?.map((i) => i.path)).toEqual([field]);
    expect(error.message).toMatch(new RegExp(`^${field}: `));
  });

  test("a body that is not JSON → 400 invalid-json; a field the API does not take → 400", async () => {
    const bad = await POST(new Request(BASE, { method: "POST", headers: { ...(await admin()), ...json }, body: "{email:" }));
    expect((await errorOf(bad, 400)).code).toBe("invalid-json");
    const extra = await errorOf(await create(await admin(), { email: "extra@example.ru", role: "viewer", banned: false }), 400);
    expect(extra.message).toContain("banned");
  });
});

describe("GET /api/users", () => {
  test("lists every user with role and times, and never a password or its hash", async () => {
    await newUser("listed@example.ru");
    const res = await list(await admin());
    expect(res.status).toBe(200);
    const text = await res.text();
    const { users } = UserListResponseSchema.parse(JSON.parse(text));
    expect(users.map((u) => u.email)).toEqual(expect.arrayContaining([userEmail("admin"), "listed@example.ru"]));
    expect(users.find((u) => u.email === userEmail("admin"))?.lastSignInAt).not.toBeNull();
    const hashes = getDb().select({ password: authAccount.password }).from(authAccount).all();
    expect(hashes.length).toBeGreaterThan(0);
    for (const { password } of hashes) expect(text).not.toContain(password!);
    expect(text).not.toMatch(/password/i);
  });

  test("the last sign-in survives signing out (it is also read from the audit log)", async () => {
    const { user, password } = await newUser("goes-home@example.ru");
    const cookie = await signIn(user.email, password);
    const signedInAt = new Date("2031-02-03T04:05:06Z");
    recordAudit(getDb(), { actor: user.email, action: "auth.sign-in", entity: "user", entityId: user.id }, signedInAt);
    await getAuth().api.signOut({ headers: new Headers(cookie) });
    const { users } = UserListResponseSchema.parse(await (await list(await admin())).json());
    expect(users.find((u) => u.id === user.id)?.lastSignInAt).toBe(signedInAt.toISOString());
  });
});

describe("PATCH /api/users/[id]", () => {
  test("a role change applies to that user's very next request", async () => {
    const { user, password } = await newUser("promoted@example.ru", "viewer");
    const theirs = await signIn(user.email, password);
    expect((await list(theirs)).status).toBe(403);

    const res = await patch(await admin(), user.id, { role: "admin" });
    expect(res.status).toBe(200);
    expect(UserUpdatedResponseSchema.parse(await res.json()).user.role).toBe("admin");
    expect((await list(theirs)).status).toBe(200);

    expect((await patch(await admin(), user.id, { role: "finance" })).status).toBe(200);
    expect((await list(theirs)).status).toBe(403);

    const entries = auditOf("user.update", user.id);
    expect(entries.map((e) => [JSON.parse(e.before!).role, JSON.parse(e.after!).role])).toEqual([
      ["viewer", "admin"],
      ["admin", "finance"],
    ]);
    expect(entries.every((e) => e.actor === userEmail("admin"))).toBe(true);
  });

  test("a new password signs the user out everywhere; only the new one works", async () => {
    const { user, password } = await newUser("forgetful@example.ru", "viewer");
    const theirs = await signIn(user.email, password);
    expect((await list(theirs)).status).toBe(403);

    expect((await patch(await admin(), user.id, { password: "brand new secret 42" })).status).toBe(200);
    expect((await errorOf(await list(theirs), 401)).code).toBe("unauthenticated");
    await expect(signIn(user.email, password)).rejects.toThrow();
    await expect(signIn(user.email, "brand new secret 42")).resolves.toBeTruthy();

    const [entry] = auditOf("user.update", user.id);
    expect(JSON.parse(entry.after!)).toEqual({ email: user.email, role: "viewer", passwordChanged: true });
    expect(JSON.stringify(entry)).not.toContain("brand new secret 42");
  });

  test.each([
    ["nothing to change", {}, "(body)"],
    ["an unknown role", { role: "owner" }, "role"],
    ["a short password", { password: "short" }, "password"],
  ])("%s → 400 naming the field", async (_name, body, field) => {
    const { user } = await newUser(`patch-${field.replace(/\W/g, "")}-${Object.keys(body).length}@example.ru`);
    const error = await errorOf(await patch(await admin(), user.id, body), 400);
    expect(error.issues?.map((i) => i.path)).toEqual([field]);
  });

  test("an id that cannot be a user id → 400 naming it; an unknown one → 404", async () => {
    const bad = await errorOf(await patch(await admin(), "../../etc", { role: "viewer" }), 400);
    expect(bad.issues?.map((i) => i.path)).toEqual(["id"]);
    const missing = await errorOf(await patch(await admin(), "no-such-user", { role: "viewer" }), 404);
    expect(missing.code).toBe("not-found");
  });

  test("the last administrator cannot be demoted → 409", async () => {
    // Everyone promoted above was demoted again: the test admin is the only one.
    const error = await errorOf(await patch(await admin(), await adminId(), { role: "viewer" }), 409);
    expect(error).toMatchObject({ code: "last-admin", message: expect.stringMatching(/^role: /) });
    expect((await list(await admin())).status).toBe(200);
  });
});

describe("DELETE /api/users/[id]", () => {
  test("deletes the account and signs it out; audited; a second delete is a 404", async () => {
    const { user, password } = await newUser("leaver@example.ru", "lead");
    const theirs = await signIn(user.email, password);
    const res = await remove(await admin(), user.id);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");

    const { users } = UserListResponseSchema.parse(await (await list(await admin())).json());
    expect(users.some((u) => u.id === user.id)).toBe(false);
    expect((await list(theirs)).status).toBe(401);
    await expect(signIn(user.email, password)).rejects.toThrow();

    const [entry] = auditOf("user.delete", user.id);
    expect(entry.actor).toBe(userEmail("admin"));
    expect(JSON.parse(entry.before!)).toMatchObject({ email: "leaver@example.ru", role: "lead" });
    expect((await errorOf(await remove(await admin(), user.id), 404)).code).toBe("not-found");
  });

  test("an admin cannot delete themselves → 409", async () => {
    const error = await errorOf(await remove(await admin(), await adminId()), 409);
    expect(error.code).toBe("self-delete");
  });

  test("the last administrator cannot be deleted, even by an admin-scope token → 409", async () => {
    const error = await errorOf(await remove(tokenHeaders("admin"), await adminId()), 409);
    expect(error.code).toBe("last-admin");
  });

  test("with a second administrator, one admin may delete the other", async () => {
    const { user } = await newUser("second-admin@example.ru", "admin");
    expect((await remove(await admin(), user.id)).status).toBe(204);
  });
});
