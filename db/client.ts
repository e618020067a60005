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

/**
 * The database holds PIN codes and owner data (encrypted, but with everything else in clear): the folder it
 * creates is 0700, a new database file 0600 — SQLite gives its `-wal` and `-shm` files the database file's
 * mode — and an existing file readable by others is narrowed to 0600 (as far as its owner may). A folder that
 * already exists is left as it is: it may be shared on purpose.
 */
export function makePrivate(file: string): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, "a", 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((fs.statSync(f).mode & 0o077) !== 0) fs.chmodSync(f, 0o600);
    } catch {
      // Gone in the meantime, or owned by someone else: nothing this process may change.
    }
  }
}

/** Opens (creating the folder if needed) a SQLite file with WAL and foreign keys on; see `makePrivate`. */
export function createDb(file: string): Db {
  if (file !== ":memory:") makePrivate(file);
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
