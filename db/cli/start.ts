/**
 * `npm start`: build if the sources changed since the last build, then `next start`.
 * PORT (default 3000) and SEATLEDGER_HOST (when set) choose where it listens; DATABASE_PATH which file it uses.
 */
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";

import { databasePath } from "../client";
import { ensureBuild, PROJECT_ROOT } from "./build-if-stale";

try {
  ensureBuild();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const port = process.env.PORT || "3000";
// Not HOSTNAME: shells and containers export it as the machine's own name.
const hostname = process.env.SEATLEDGER_HOST;
const args = ["start", "--port", port, ...(hostname ? ["--hostname", hostname] : [])];

console.log(`SeatLedger on http://localhost:${port} (database: ${path.resolve(PROJECT_ROOT, databasePath())})`);

const nextBin = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
const child = spawn(process.execPath, [nextBin, ...args], {
  cwd: PROJECT_ROOT,
  stdio: "inherit",
  env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}

child.on("exit", (code, signal) => {
  process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
});
child.on("error", (error) => {
  console.error(error);
  process.exit(1);
});
