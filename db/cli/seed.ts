/**
 * npm run db:seed [-- --reset] [--anchor YYYY-MM-DD]
 * Seeds the demo company into the database (DATABASE_PATH or ./data/seatledger.db) after migrating it.
 * Refuses a database that already holds data unless --reset is given (which wipes inventory and sessions).
 */
import { parseArgs } from "node:util";

import { createDb, databasePath } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { countUsers, seedDemoAccounts } from "@/db/queries/users";
import { clearDomainData, isDatabaseEmpty, seedDemo } from "@/db/seed";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";

async function main(): Promise<number> {
  let values: { reset?: boolean; anchor?: string };
  try {
    ({ values } = parseArgs({ options: { reset: { type: "boolean" }, anchor: { type: "string" } } }));
  } catch (error) {
    console.error(`db:seed: ${(error as Error).message}\nUsage: npm run db:seed -- [--reset] [--anchor YYYY-MM-DD]`);
    return 2;
  }
  if (values.anchor !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.anchor)) {
    console.error(`db:seed: --anchor must be a date written YYYY-MM-DD, got "${values.anchor}"`);
    return 2;
  }
  const file = databasePath();
  const db = createDb(file);
  runMigrations(db);
  if (!isDatabaseEmpty(db)) {
    if (!values.reset) {
      console.error(`db:seed: ${file} already holds data. Run "npm run db:seed -- --reset" to wipe inventory and sessions and load the demo company again.`);
      return 1;
    }
    clearDomainData(db);
  }
  const started = performance.now();
  const company = seedDemo(db, { anchor: values.anchor });
  console.log(
    `Demo company seeded into ${file} in ${Math.round(performance.now() - started)} ms: ${company.kits.length} kits, ${company.pins.length} PINs, ` +
      `${company.computers.length} computers, ${company.sessions.length} sessions over 90 days up to ${company.anchor}, ${company.noLicenseEvents.length} "no free license" events.`,
  );
  if (countUsers(db) === 0) {
    await seedDemoAccounts(db, DEMO_ACCOUNTS);
    console.log(`Demo accounts created (one per role; README lists them): ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}.`);
  }
  db.$client.close();
  return 0;
}

main().then((code) => (process.exitCode = code));
