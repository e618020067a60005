import type { Db } from "../client";

/** Number of drizzle migrations recorded as applied, and whether the database answers. */
export function getSchemaStatus(db: Db): { migrations: number } {
  const row = db.$client.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number };
  return { migrations: row.n };
}
