import "@/tests/helpers/setup-env";

import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";

import { POST as parseRing } from "@/app/api/parse/ring/route";
import { DELETE } from "@/app/api/tokens/[id]/route";
import { GET, POST } from "@/app/api/tokens/route";
import { TokenCreatedResponseSchema, TokenListResponseSchema } from "@/lib/security/account-api";
import { getDb } from "@/db/client";
import { apiTokens, auditLog } from "@/db/schema";
import { ParseRingResponseSchema } from "@/lib/parsers/ring";
import { ErrorSchema } from "@/tests/helpers/api";
import { asPrincipal, sessionHeaders, tokenHeaders, userEmail } from "@/tests/helpers/auth";

type Headers = Record<string, string>;
const BASE = "http://localhost/api/tokens";
const json = { "content-type": "application/json" };

const list = (headers: Headers) => GET(new Request(BASE, { headers }));
const create = (headers: Headers, body: unknown) => POST(new Request(BASE, { method: "POST", headers: { ...headers, ...json }, body: JSON.stringify(body) }));
const revoke = (headers: Headers, id: string | number) =>
  DELETE(new Request(`${BASE}/${id}`, { method: "DELETE", headers }), { params: Promise.resolve({ id: String(id) }) });
/** What a cron job piping `ring` output would send. */
const ring = (token: string) =>
  parseRing(
    new Request("http://localhost/api/parse/ring", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
      body: "209384756102938-8101234567\n",
    }),
  );

const admin = () => sessionHeaders("admin");

async function newToken(name: string, scope: "import" | "read" | "admin" = "import", as?: Headers) {
  const res = await create(as ?? (await admin()), { name, scope });
  expect(res.status).toBe(201);
  return TokenCreatedResponseSchema.parse(await res.json());
}

const auditOf = (action: string, entityId: number) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(entityId))))
    .all();

async function errorOf(res: Response, status: number) {
  expect(res.status).toBe(status);
  return ErrorSchema.parse(await res.json()).error;
}

describe("who may manage API tokens: admins only (lib/security/access.ts `tokens`)", () => {
  const calls = {
    "GET /api/tokens": (h: Headers) => list(h),
    "POST /api/tokens": (h: Headers) => create(h, { name: "sneaky", scope: "admin" }),
    "DELETE /api/tokens/[id]": (h: Headers) => revoke(h, 1),
  };
  const cases = Object.entries(calls).flatMap(([name, call]) =>
    (
      [
        ["anonymous", 401, null],
        ["finance", 403, { role: "finance" }],
        ["lead", 403, { role: "lead" }],
        ["viewer", 403, { role: "viewer" }],
        ["an import token", 403, { scope: "import" }],
        ["a read token", 403, { scope: "read" }],
      ] as const
    ).map(([who, status, principal]) => [name, who, status, principal, call] as const),
  );

  test.each(cases)("%s as %s → %i", async (_name, _who, status, principal, call) => {
    const error = await errorOf(await call(await asPrincipal(principal)), status);
    expect(error.code).toBe(status === 401 ? "unauthenticated" : "forbidden");
  });

  test("nothing was created or revoked by the refused requests", () => {
    const rows = getDb().select().from(apiTokens).all();
    expect(rows.some((r) => r.name === "sneaky")).toBe(false);
    expect(rows.every((r) => r.revokedAt === null)).toBe(true);
  });
});

describe("POST /api/tokens", () => {
  test("answers the clear token once, records who created it, and audits it without the token", async () => {
    const { token, apiToken } = await newToken("rac import on srv-1c", "import");
    expect(token).toMatch(/^slt_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({ name: "rac import on srv-1c", scope: "import", prefix: token.slice(0, 10), createdBy: userEmail("admin"), lastUsedAt: null, revokedAt: null });
    const [entry] = auditOf("token.create", apiToken.id);
    expect(entry.actor).toBe(userEmail("admin"));
    expect(JSON.parse(entry.after!)).toEqual({ name: "rac import on srv-1c", scope: "import", prefix: apiToken.prefix });
    expect(JSON.stringify(entry)).not.toContain(token);
  });

  test("an admin-scope token may create one; the creator is that token", async () => {
    const { apiToken } = await newToken("made by a script", "read", tokenHeaders("admin"));
    expect(apiToken.createdBy).toMatch(/^token #\d+ test admin$/);
  });

  test.each([
    ["an empty name", { name: "  ", scope: "read" }, "name"],
    ["no name", { scope: "read" }, "name"],
    ["a name over 100 characters", { name: "x".repeat(101), scope: "read" }, "name"],
    ["an unknown scope", { name: "x", scope: "root" }, "scope"],
    ["no scope", { name: "x" }, "scope"],
  ])("%s → 400 naming the field", async (_name, body, field) => {
    const error = await errorOf(await create(await admin(), body), 400);
    expect(error.issues?.map((i) => i.path)).toEqual([field]);
    expect(error.message).toMatch(new RegExp(`^${field}: `));
  });

  test("the creator cannot be claimed in the body", async () => {
    const error = await errorOf(await create(await admin(), { name: "x", scope: "read", createdBy: "someone else" }), 400);
    expect(error.message).toContain("createdBy");
  });
});

describe("using, listing and revoking a token", () => {
  test("a created token is accepted as Bearer; the list then shows its last use and never the token or its hash", async () => {
    const { token, apiToken } = await newToken("ring on srv-1c", "import");
    const res = await ring(token);
    expect(res.status).toBe(200);
    expect(ParseRingResponseSchema.parse(await res.json()).licenses).toEqual([{ pin: "209384756102938", regNumber: "8101234567" }]);

    const listed = await list(await admin());
    expect(listed.status).toBe(200);
    const text = await listed.text();
    const { tokens } = TokenListResponseSchema.parse(JSON.parse(text));
    const mine = tokens.find((t) => t.id === apiToken.id);
    expect(mine?.lastUsedAt).not.toBeNull();
    expect(mine).toMatchObject({ name: "ring on srv-1c", scope: "import", prefix: apiToken.prefix, revokedAt: null });
    expect(text).not.toContain(token);
    for (const { tokenHash } of getDb().select({ tokenHash: apiTokens.tokenHash }).from(apiTokens).all()) expect(text).not.toContain(tokenHash);
    expect(text).not.toMatch(/hash/i);
    expect(auditOf("token.use", apiToken.id)).toHaveLength(1);
  });

  test("a revoked token is refused at once (401); revoking is audited; a second revoke is a 404", async () => {
    const { token, apiToken } = await newToken("old cron", "import");
    expect((await ring(token)).status).toBe(200);

    const res = await revoke(await admin(), apiToken.id);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect((await errorOf(await ring(token), 401)).code).toBe("unauthenticated");

    const { tokens } = TokenListResponseSchema.parse(await (await list(await admin())).json());
    expect(tokens.find((t) => t.id === apiToken.id)?.revokedAt).not.toBeNull();
    const [entry] = auditOf("token.revoke", apiToken.id);
    expect(entry.actor).toBe(userEmail("admin"));

    expect((await errorOf(await revoke(await admin(), apiToken.id), 404)).code).toBe("not-found");
  });

  test.each(["abc", "0", "-1", "1.5", "1e3", "99999999999999999999"])("the id %j → 400 naming it", async (id) => {
    const error = await errorOf(await revoke(await admin(), id), 400);
    expect(error.issues?.map((i) => i.path)).toEqual(["id"]);
  });

  test("an id no token has → 404", async () => {
    expect((await errorOf(await revoke(await admin(), 987654), 404)).message).toMatch(/^id: no live token 987654/);
  });
});
