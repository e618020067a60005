import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { createDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { kits, pins } from "@/db/schema";
import { createTempDb, type TempDb } from "@/tests/helpers/temp-db";

/** SQLite's code for a failed constraint, whatever drizzle wraps it in. */
function sqliteCode(error: unknown): string | undefined {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_")) return code;
  }
  return undefined;
}

function expectConstraint(run: () => unknown, code: string) {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${code}`).toBeDefined();
  expect(sqliteCode(caught)).toBe(code);
}

const kit = (regNumber: string) => ({
  regNumber,
  product: "1C:Enterprise 8 PROF. Client license for 5 users",
  kind: "client" as const,
  seats: 5,
  protection: "software" as const,
});

describe("migrations", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "seatledger-migrate-"));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("apply to an empty file, then again to the migrated file, without error", () => {
    const file = path.join(dir, "seatledger.db");
    const first = createDb(file);
    expect(() => runMigrations(first)).not.toThrow();
    const applied = first.$client.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number };
    expect(applied.n).toBeGreaterThan(0);
    first.$client.close();

    const second = createDb(file);
    expect(() => runMigrations(second)).not.toThrow();
    const again = second.$client.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number };
    expect(again.n).toBe(applied.n);
    const tables = second.$client
      .prepare("select name from sqlite_master where type = 'table' and name in ('kits', 'pins', 'activations', 'sessions')")
      .all();
    expect(tables).toHaveLength(4);
    second.$client.close();
  });

  test("creates the database folder when it does not exist", () => {
    const file = path.join(dir, "nested", "deeper", "seatledger.db");
    const db = createDb(file);
    runMigrations(db);
    db.$client.close();
    expect(fs.existsSync(file)).toBe(true);
  });
});

describe("a migrated database", () => {
  let temp: TempDb;
  beforeEach(() => {
    temp = createTempDb();
  });
  afterEach(() => {
    temp.cleanup();
  });

  test("has foreign keys and WAL on", () => {
    expect(temp.db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(temp.db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
  });

  test("lives under the OS temp folder", () => {
    expect(path.relative(os.tmpdir(), temp.file).startsWith("..")).toBe(false);
  });

  test("accepts a kit with a 9–12 digit registration number", () => {
    temp.db.insert(kits).values(kit("880012345")).run();
    temp.db.insert(kits).values(kit("880012345678")).run();
    expect(temp.db.select().from(kits).all()).toHaveLength(2);
  });

  test.each([
    ["8 digits", "88001234"],
    ["13 digits", "8800123456789"],
    ["a letter", "88001234A"],
    ["a space", "8800 12345"],
    ["a dash", "8800-12345"],
    ["empty", ""],
  ])("refuses a registration number with %s (CHECK)", (_label, regNumber) => {
    expectConstraint(() => temp.db.insert(kits).values(kit(regNumber)).run(), "SQLITE_CONSTRAINT_CHECK");
    expect(temp.db.select().from(kits).all()).toHaveLength(0);
  });

  test("refuses a duplicate registration number (UNIQUE)", () => {
    temp.db.insert(kits).values(kit("880012345")).run();
    expectConstraint(() => temp.db.insert(kits).values(kit("880012345")).run(), "SQLITE_CONSTRAINT_UNIQUE");
  });

  test("refuses a PIN with an unknown status (CHECK)", () => {
    const [{ id: kitId }] = temp.db.insert(kits).values(kit("880012345")).returning({ id: kits.id }).all();
    const pin = { kitId, set: "single" as const, role: "main" as const, code: "123456789012345" };
    expectConstraint(
      () => temp.db.insert(pins).values({ ...pin, status: "lost" as never }).run(),
      "SQLITE_CONSTRAINT_CHECK",
    );
    temp.db.insert(pins).values({ ...pin, status: "active" }).run();
    expect(temp.db.select().from(pins).all()).toHaveLength(1);
  });

  test("refuses a PIN of a kit that does not exist (FOREIGN KEY)", () => {
    expectConstraint(
      () => temp.db.insert(pins).values({ kitId: 999, set: "single", role: "main", code: "123456789012345" }).run(),
      "SQLITE_CONSTRAINT_FOREIGNKEY",
    );
  });
});
