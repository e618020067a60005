import { spawnSync } from "node:child_process";
import path from "node:path";

import { afterEach, describe, expect, test } from "vitest";

import { apiTokens } from "@/db/schema";
import { createApiToken, listApiTokens, revokeApiToken, verifyApiToken } from "@/db/queries/tokens";
import { createTempDb, type TempDb } from "@/tests/helpers/temp-db";

const temps: TempDb[] = [];
afterEach(() => {
  while (temps.length) temps.pop()!.cleanup();
});
const fresh = () => {
  const t = createTempDb();
  temps.push(t);
  return t;
};

describe("API tokens (issue #5): shown once, stored hashed, revocable, last use recorded", () => {
  test("a created token verifies from a Bearer header; only its hash is stored", () => {
    const { db } = fresh();
    const { token, row } = createApiToken(db, { name: "rac import on srv-1c", scope: "import" });
    expect(token).toMatch(/^slt_[A-Za-z0-9_-]{43}$/);
    const stored = db.select().from(apiTokens).all();
    expect(JSON.stringify(stored)).not.toContain(token.slice(4));
    expect(row.prefix).toBe(token.slice(0, 10));
    const at = new Date("2026-11-27T08:30:00Z");
    expect(verifyApiToken(db, `Bearer ${token}`, at)).toMatchObject({ id: row.id, scope: "import", lastUsedAt: at });
    expect(listApiTokens(db)[0]).toMatchObject({ lastUsedAt: at });
    expect(listApiTokens(db)[0]).not.toHaveProperty("tokenHash");
  });

  test.each([
    ["no header", null],
    ["another scheme", "Basic abc"],
    ["a token of another form", "Bearer abc"],
    ["an unknown token", "Bearer slt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
  ])("%s is refused", (_name, header) => {
    const { db } = fresh();
    createApiToken(db, { name: "x", scope: "read" });
    expect(verifyApiToken(db, header)).toBeNull();
  });

  test("a revoked token is refused; revoking twice changes nothing", () => {
    const { db } = fresh();
    const { token, row } = createApiToken(db, { name: "old cron", scope: "read" });
    expect(revokeApiToken(db, row.id)).toBe(true);
    expect(revokeApiToken(db, row.id)).toBe(false);
    expect(verifyApiToken(db, `Bearer ${token}`)).toBeNull();
  });

  test.each([
    ["an empty name", { name: " ", scope: "read" }, /name/],
    ["an unknown scope", { name: "x", scope: "root" }, /scope/],
  ])("%s is refused with the field named", (_name, input, message) => {
    const { db } = fresh();
    expect(() => createApiToken(db, input as never)).toThrow(message);
    expect(db.select().from(apiTokens).all()).toEqual([]);
  });
});

describe("npm run token:create", () => {
  const run = (file: string, ...args: string[]) =>
    spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "db/cli/token-create.ts", ...args], {
      env: { ...process.env, DATABASE_PATH: file, NO_COLOR: "1" },
      encoding: "utf8",
    });

  test("prints the token alone on its last line, and it works", () => {
    const t = fresh();
    const r = run(t.file, "--name", "rac import", "--scope", "import");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    const token = lines.at(-1)!;
    expect(token).toMatch(/^slt_\S+$/);
    expect(verifyApiToken(t.db, `Bearer ${token}`)?.scope).toBe("import");
  }, 30_000);

  test("a bad scope is exit code 2 with a message naming the option, and no token", () => {
    const t = fresh();
    const r = run(t.file, "--name", "x", "--scope", "root");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--scope: must be one of import, read, admin/);
    expect(t.db.select().from(apiTokens).all()).toEqual([]);
  }, 30_000);
});
