import path from "node:path";

import { migrate } from "drizzle-orm/better-sqlite3/migrator";

import type { Db } from "./client";

/** Folder of drizzle-kit's generated migrations; resolved from the working directory (the project root). */
export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

/** Applies every pending migration; a no-op on an up-to-date file. Synchronous with better-sqlite3. */
export function runMigrations(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
