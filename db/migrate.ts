import path from "node:path";

import { migrate } from "drizzle-orm/better-sqlite3/migrator";

import type { Db } from "./client";
import { encryptLegacySecrets } from "./secrets";

/** Folder of drizzle-kit's generated migrations; resolved from the working directory (the project root). */
export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

/**
 * Applies every pending migration, then seals any PIN code or owner data still stored in clear (a SQL
 * migration cannot encrypt: the key is outside the database). A no-op on an up-to-date file.
 */
export function runMigrations(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  encryptLegacySecrets(db);
}
