/**
 * Runs once when the Next.js server starts (STACK.md): apply pending migrations, then seed the demo
 * company into an empty database unless SEATLEDGER_DEMO=0.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb, databasePath } = await import("./db/client");
  const { runMigrations } = await import("./db/migrate");
  const { isDatabaseEmpty, seedDemo } = await import("./db/seed");
  const { countUsers, seedDemoAccounts } = await import("./db/queries/users");
  const { DEMO_ACCOUNTS } = await import("./lib/demo/accounts");
  const db = getDb();
  runMigrations(db);
  if (process.env.SEATLEDGER_DEMO !== "0" && isDatabaseEmpty(db)) {
    const company = seedDemo(db);
    // The demo accounts come with the demo data only, and only into a database nobody has signed up to.
    if (countUsers(db) === 0) await seedDemoAccounts(db, DEMO_ACCOUNTS);
    console.log(
      `SeatLedger: seeded the demo company into ${databasePath()} (history up to ${company.anchor}) with one demo account per role (see README). Set SEATLEDGER_DEMO=0 to start empty.`,
    );
  } else if (countUsers(db) === 0) {
    console.log("SeatLedger: no accounts yet. Open the dashboard to create the first administrator, or run `npm run user:create -- --email … --role admin`.");
  }
}
