/**
 * npm run user:create -- --email anna@example.ru --role admin [--name "Anna Smirnova"] [--password …]
 * Creates an account (the way to make the first administrator from a shell). Without --password a password
 * is generated and printed once. Prefer leaving --password out: a password on the command line stays in
 * the shell history.
 */
import { parseArgs } from "node:util";

import { ZodError } from "zod";

import { isAppError } from "@/lib/errors";

import { getDb, databasePath } from "../client";
import { runMigrations } from "../migrate";
import { createUser } from "../queries/users";

const USAGE = 'Usage: npm run user:create -- --email anna@example.ru --role admin|finance|lead|viewer [--name "Anna Smirnova"] [--password …]';

async function main(): Promise<number> {
  let values: { email?: string; role?: string; name?: string; password?: string };
  try {
    ({ values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } } }));
  } catch (error) {
    console.error(`user:create: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const db = getDb();
  try {
    runMigrations(db);
    const { user, password, generated } = await createUser(db, { email: values.email ?? "", role: values.role as never, name: values.name, password: values.password }, "user:create (command line)");
    console.log(`Created ${user.role} ${user.email} in ${databasePath()}.`);
    if (generated) console.log(`Generated password (shown only now; the user can change it under "Your account"):\n${password}`);
    return 0;
  } catch (error) {
    if (error instanceof ZodError) {
      console.error(`user:create: ${error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}\n${USAGE}`);
      return 2;
    }
    if (isAppError(error)) {
      console.error(`user:create: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    db.$client.close();
  }
}

main().then((code) => (process.exitCode = code));
