import { spawnSync } from "node:child_process";
import path from "node:path";

import { afterEach, describe, expect, test } from "vitest";

import { getAuth } from "@/db/auth";
import { createTempDb, type TempDb } from "@/tests/helpers/temp-db";

const temps: TempDb[] = [];
const fresh = () => {
  const t = createTempDb();
  temps.push(t);
  return t;
};
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

const run = (file: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "db/cli/user-create.ts", ...args], {
    env: { ...process.env, DATABASE_PATH: file, NO_COLOR: "1" },
    encoding: "utf8",
  });

const users = (t: TempDb) => t.db.$client.prepare("select email, role, name from auth_user").all();

describe("npm run user:create (issue #5: the first administrator from a shell)", () => {
  test("without --password a password is generated, printed once on the last line, and signs in", async () => {
    const t = fresh();
    const r = run(t.file, "--email", "Anna@Example.ru", "--role", "admin");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Created admin anna@example.ru");
    const password = r.stdout.trim().split("\n").at(-1)!;
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(users(t)).toEqual([{ email: "anna@example.ru", role: "admin", name: "anna" }]);
    const signedIn = await getAuth(t.db).api.signInEmail({ body: { email: "anna@example.ru", password } });
    expect(signedIn.user.email).toBe("anna@example.ru");
    // Written by the library as a hash, never the password itself.
    expect(JSON.stringify(t.db.$client.prepare("select * from auth_account").all())).not.toContain(password);
    const audit = t.db.$client.prepare("select actor, action, after from audit_log").all() as Array<{ actor: string; action: string; after: string }>;
    expect(audit).toEqual([{ actor: "user:create (command line)", action: "user.create", after: expect.stringContaining('"role":"admin"') }]);
  }, 30_000);

  test("a given password is used and not printed", () => {
    const t = fresh();
    const r = run(t.file, "--email", "oleg@example.ru", "--role", "finance", "--name", "Олег Белов", "--password", "a-long-enough-one");
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("a-long-enough-one");
    expect(users(t)).toEqual([{ email: "oleg@example.ru", role: "finance", name: "Олег Белов" }]);
  }, 30_000);

  test("bad options are exit code 2 naming each option and its rule; nothing is created", () => {
    const t = fresh();
    const r = run(t.file, "--email", "not-an-address", "--role", "boss", "--password", "short");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--email: must be an e-mail address/);
    expect(r.stderr).toMatch(/--role: must be one of admin, finance, lead, viewer/);
    expect(r.stderr).toMatch(/--password: must be at least 10 characters/);
    expect(r.stderr).not.toContain("short");
    expect(users(t)).toEqual([]);
  }, 30_000);

  test("an e-mail that already has an account is exit code 1 and changes nothing", () => {
    const t = fresh();
    expect(run(t.file, "--email", "anna@example.ru", "--role", "viewer").status).toBe(0);
    const r = run(t.file, "--email", "ANNA@example.ru", "--role", "admin");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("already has an account");
    expect(users(t)).toEqual([{ email: "anna@example.ru", role: "viewer", name: "anna" }]);
  }, 30_000);
});
