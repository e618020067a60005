import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";

import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = "./data/seatledger.db";

/** The database file: `DATABASE_PATH`, else `./data/seatledger.db`. */
export function databasePath(): string {
  return process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
}

/** Opens (creating the folder if needed) a SQLite file with WAL and foreign keys on. */
export function createDb(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema }) as Db;
}

const globalForDb = globalThis as unknown as { seatledgerDb?: Db };

/** The process-wide connection to `databasePath()`, opened on first use. */
export function getDb(): Db {
  if (!globalForDb.seatledgerDb) globalForDb.seatledgerDb = createDb(databasePath());
  return globalForDb.seatledgerDb;
}
