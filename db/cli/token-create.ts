/**
 * npm run token:create -- --name "rac import on srv-1c" --scope import|read|admin
 * Creates an API token for automation and prints it alone on the last line (shown once; only its hash is
 * kept). Use it as `Authorization: Bearer <token>`.
 */
import { parseArgs } from "node:util";

import { ZodError } from "zod";

import { createDb, databasePath } from "../client";
import { runMigrations } from "../migrate";
import { createApiToken } from "../queries/tokens";

function main(): number {
  let values: { name?: string; scope?: string };
  try {
    ({ values } = parseArgs({ options: { name: { type: "string" }, scope: { type: "string" } } }));
  } catch (error) {
    console.error(`token:create: ${(error as Error).message}\nUsage: npm run token:create -- --name "what it is for" --scope import|read|admin`);
    return 2;
  }
  const db = createDb(databasePath());
  try {
    runMigrations(db);
    const { token, row } = createApiToken(db, { name: values.name ?? "", scope: values.scope as never, createdBy: "token:create (command line)" });
    console.log(`Token #${row.id} "${row.name}" with scope ${row.scope}. It is shown only now — store it where the job that uses it can read it:`);
    console.log(token);
    return 0;
  } catch (error) {
    if (error instanceof ZodError) {
      console.error(`token:create: ${error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}`);
      return 2;
    }
    throw error;
  } finally {
    db.$client.close();
  }
}

process.exitCode = main();
