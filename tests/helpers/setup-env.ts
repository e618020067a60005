/**
 * For API tests that import route handlers (which call `getDb()`): import this module FIRST, before
 * anything that reaches `@/db/client`, so `DATABASE_PATH` points at a fresh temp file — never ./data.
 *
 *   import { tempDatabasePath } from "@/tests/helpers/setup-env";
 *   import { GET } from "@/app/api/kits/route";
 *
 * ES imports are evaluated in order, so this module's side effect runs before the route's imports.
 * The file is migrated here so handlers see the full schema on their first query. Each Vitest test
 * file runs in its own process (`pool: "forks"`), so each gets its own database, removed after the file.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll } from "vitest";

import { createDb, type Db } from "@/db/client";
import { runMigrations } from "@/db/migrate";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "seatledger-api-"));

export const tempDatabasePath = path.join(dir, "seatledger.db");

process.env.DATABASE_PATH = tempDatabasePath;

{
  const db = createDb(tempDatabasePath);
  runMigrations(db);
  db.$client.close();
}

afterAll(() => {
  // getDb() caches its connection on globalThis (db/client.ts); close it before removing the file.
  const cached = (globalThis as { seatledgerDb?: Db }).seatledgerDb;
  if (cached?.$client.open) cached.$client.close();
  delete (globalThis as { seatledgerDb?: Db }).seatledgerDb;
  fs.rmSync(dir, { recursive: true, force: true });
});
