/**
 * Browser tests drive `next start` with a fresh database in the OS temp folder and the system Chromium
 * (STACK.md "Browser tests"). Run them with `npm run test:e2e` (tests/e2e/run.ts picks the browser,
 * the port and the database). Running `npx playwright test` directly also works after `next build`:
 * it then makes its own temp database and uses port 3100 unless E2E_PORT is set.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { defineConfig } from "@playwright/test";

import { storageStateOf } from "./tests/e2e/roles";

const projectRoot = __dirname;

/** The nearest existing ancestor, resolved through symlinks (the database file does not exist yet). */
function realPathOfNearest(file: string): string {
  let existing = path.resolve(file);
  const rest: string[] = [];
  while (!fs.existsSync(existing)) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  return path.join(fs.realpathSync(existing), ...rest);
}

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/**
 * Refuses any database that is not a file under the OS temp folder (and not inside the project):
 * the suite seeds and mutates it, so it must never meet ./data or a real DATABASE_PATH.
 */
export function assertTemporaryDatabase(file: string): string {
  const resolved = realPathOfNearest(file);
  const tmp = fs.realpathSync(os.tmpdir());
  const root = fs.realpathSync(projectRoot);
  if (!isInside(tmp, resolved) || isInside(root, resolved)) {
    throw new Error(
      `Refusing to run browser tests against ${resolved}: the e2e database must live in the OS temp folder (${tmp}), ` +
        `outside the project. Run \`npm run test:e2e\`, or set E2E_DATABASE_PATH to a file under ${tmp}.`,
    );
  }
  return resolved;
}

// Playwright loads this file in the runner and again in each worker; workers inherit the runner's env,
// so a database made here is made once.
if (!process.env.E2E_DATABASE_PATH) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "seatledger-e2e-"));
  process.env.E2E_DATABASE_PATH = path.join(dir, "seatledger.db");
}
const databasePath = assertTemporaryDatabase(process.env.E2E_DATABASE_PATH);
// The server must seed the demo company on its empty database (instrumentation.ts).
delete process.env.SEATLEDGER_DEMO;

const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://127.0.0.1:${port}`;
// A second server on a database with no demo and no account: the one-time setup page (tests/e2e/setup.spec.ts).
const emptyPort = Number(process.env.E2E_EMPTY_PORT || port + 1);
const emptyDatabasePath = assertTemporaryDatabase(path.join(path.dirname(databasePath), "empty.db"));
process.env.E2E_EMPTY_BASE_URL = `http://127.0.0.1:${emptyPort}`;
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function serverEnv(file: string): Record<string, string> {
  return {
    DATABASE_PATH: file,
    E2E_DATABASE_PATH: file,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    // Playwright sets FORCE_COLOR=1 for the server; with NO_COLOR (CI) Node would warn about the pair.
    ...(process.env.NO_COLOR ? { FORCE_COLOR: "0" } : {}),
  };
}

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "*.spec.ts",
  outputDir: "test-results",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: "list",
  timeout: 30_000,
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    screenshot: "only-on-failure",
    trace: "off",
    launchOptions: {
      executablePath,
      // No --user-data-dir: Playwright refuses it and makes a fresh profile itself.
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // Signs in as each demo role once; the specs then start signed in (as the admin unless they say otherwise).
    { name: "sign-in", testMatch: "auth.setup.ts", use: { browserName: "chromium" } },
    { name: "chromium", dependencies: ["sign-in"], use: { browserName: "chromium", storageState: storageStateOf("admin") } },
  ],
  webServer: [
    {
      // No --hostname: with a loopback --hostname, Next.js 16 turns the proxy's 403 rewrite into an external
      // proxy answering 200 (its NextURL renames 127.0.0.1 to localhost, its router does not). The browser
      // still uses 127.0.0.1, so the tests see that sign-in redirects keep the host the browser used.
      command: `node node_modules/next/dist/bin/next start --port ${port}`,
      cwd: projectRoot,
      url: baseURL,
      // Never reuse a server already on the port: it could be serving a real database.
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: serverEnv(databasePath),
    },
    {
      command: `node node_modules/next/dist/bin/next start --port ${emptyPort}`,
      cwd: projectRoot,
      url: process.env.E2E_EMPTY_BASE_URL,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { ...serverEnv(emptyDatabasePath), SEATLEDGER_DEMO: "0" },
    },
  ],
});
