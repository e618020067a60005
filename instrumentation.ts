/**
 * Runs once when the Next.js server starts (STACK.md): apply pending migrations, then seed the demo
 * company into an empty database unless SEATLEDGER_DEMO=0.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb, databasePath } = await import("./db/client");
  const { runMigrations } = await import("./db/migrate");
  const { isDatabaseEmpty, seedDemo } = await import("./db/seed");
  const db = getDb();
  runMigrations(db);
  if (process.env.SEATLEDGER_DEMO !== "0" && isDatabaseEmpty(db)) {
    const company = seedDemo(db);
    console.log(`SeatLedger: seeded the demo company into ${databasePath()} (history up to ${company.anchor}). Set SEATLEDGER_DEMO=0 to start empty.`);
  }
}
