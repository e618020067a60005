/**
 * `npm run test:e2e`: find (or install) a Chromium, build if stale, then run Playwright against
 * `next start` on a free port with a fresh database in the OS temp folder. Extra arguments go to
 * `playwright test` (e.g. `npm run test:e2e -- --grep smoke`).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { ensureBuild, PROJECT_ROOT } from "../../db/cli/build-if-stale";

const HOW_TO_INSTALL = [
  "No Chromium found for the browser tests. Install one, then run `npm run test:e2e` again:",
  "  • Debian/Ubuntu (as root):  apt-get update && apt-get install -y chromium     → /usr/bin/chromium",
  "  • with internet access:     npx playwright install chromium",
  "  • or point at any Chromium/Chrome binary:  CHROMIUM_PATH=/path/to/chrome npm run test:e2e",
].join("\n");

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

async function playwrightsOwnChromium(): Promise<string | null> {
  try {
    const { chromium } = await import("playwright-core");
    const file = chromium.executablePath();
    return file && isExecutable(file) ? file : null;
  } catch {
    return null;
  }
}

/** CHROMIUM_PATH, then Debian's /usr/bin/chromium, then the browser `npx playwright install` downloads. */
async function findBrowser(): Promise<string | null> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    console.warn(`! CHROMIUM_PATH=${fromEnv} is not an executable file; looking elsewhere`);
  }
  if (isExecutable("/usr/bin/chromium")) return "/usr/bin/chromium";
  return playwrightsOwnChromium();
}

function run(command: string, args: string[]): boolean {
  console.log(`› ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", cwd: PROJECT_ROOT });
  return result.status === 0;
}

function installBrowser(): void {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && fs.existsSync("/etc/debian_version")) {
    console.log("› no Chromium found; installing Debian's chromium with apt-get (about 25 s)");
    if (run("apt-get", ["update"])) run("apt-get", ["install", "-y", "chromium"]);
    return;
  }
  console.log("› no Chromium found; trying `npx playwright install chromium`");
  run("npx", ["playwright", "install", "chromium"]);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function main(): Promise<number> {
  let browser = await findBrowser();
  if (!browser) {
    installBrowser();
    browser = await findBrowser();
  }
  if (!browser) {
    console.error(`\n${HOW_TO_INSTALL}\n`);
    return 1;
  }
  console.log(`› browser: ${browser}`);

  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "seatledger-e2e-"));
  const databasePath = path.join(tempDir, "seatledger.db");
  try {
    // If the build evaluates server code that opens the database, it gets a throwaway file, never ./data.
    ensureBuild({ env: { DATABASE_PATH: path.join(tempDir, "build.db") } });

    const port = await freePort();
    const emptyPort = await freePort();
    console.log(`› playwright test on http://127.0.0.1:${port} (database: ${databasePath})`);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CHROMIUM_PATH: browser,
      E2E_PORT: String(port),
      E2E_EMPTY_PORT: String(emptyPort),
      E2E_DATABASE_PATH: databasePath,
      DATABASE_PATH: databasePath,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    // The server must seed the demo company on its empty database.
    delete env.SEATLEDGER_DEMO;

    const cli = path.join(PROJECT_ROOT, "node_modules", "@playwright", "test", "cli.js");
    const child = spawn(process.execPath, [cli, "test", ...process.argv.slice(2)], { cwd: PROJECT_ROOT, env, stdio: "inherit" });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    const code = await new Promise<number>((resolve) => {
      child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
      child.on("error", (error) => {
        console.error(error);
        resolve(1);
      });
    });
    process.off("SIGINT", forward);
    process.off("SIGTERM", forward);
    return code;
  } finally {
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
