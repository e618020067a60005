/** `npm run db:migrate`: applies pending drizzle migrations to DATABASE_PATH (default ./data/seatledger.db). */
import path from "node:path";

import { createDb, databasePath } from "../client";
import { runMigrations } from "../migrate";
import { getSchemaStatus } from "../queries/health";

const file = path.resolve(databasePath());
const db = createDb(file);
try {
  const before = db.$client.prepare("select 1 from sqlite_master where name = '__drizzle_migrations'").get() ? getSchemaStatus(db).migrations : 0;
  runMigrations(db);
  const after = getSchemaStatus(db).migrations;
  console.log(`Database: ${file}`);
  console.log(`Migrations applied: ${after} (${after - before} new)`);
} catch (error) {
  console.error(`Migration of ${file} failed:`, error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
