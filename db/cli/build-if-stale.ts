/**
 * `next build` only when the sources changed since the last build, so `npm start` and `npm run test:e2e`
 * stay fast on a second run and never serve a stale bundle.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");

/** Folders whose files end up in the bundle (or in what the server reads at start, like drizzle/). */
const SOURCE_DIRS = ["app", "components", "lib", "db", "drizzle", "messages", "public"];
/** Root files that change the build. Missing ones are skipped. */
const SOURCE_FILES = [
  "next.config.ts",
  "instrumentation.ts",
  "proxy.ts",
  "middleware.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

const BUILD_ID = ".next/BUILD_ID";

/** Newest modification time (ms) among the build inputs, and the file that has it. */
export function newestSource(root = PROJECT_ROOT): { file: string; mtimeMs: number } | null {
  let newest: { file: string; mtimeMs: number } | null = null;
  const consider = (file: string, mtimeMs: number) => {
    if (!newest || mtimeMs > newest.mtimeMs) newest = { file: path.relative(root, file), mtimeMs };
  };
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) consider(full, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) {
    const full = path.join(root, dir);
    if (fs.existsSync(full)) {
      consider(full, fs.statSync(full).mtimeMs); // a deleted file only shows as its folder's mtime
      walk(full);
    }
  }
  for (const file of SOURCE_FILES) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) consider(full, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Why a build is needed, or null when `.next/BUILD_ID` is newer than every input. */
export function staleReason(root = PROJECT_ROOT): string | null {
  const buildId = path.join(root, BUILD_ID);
  if (!fs.existsSync(buildId)) return `no ${BUILD_ID} (never built, or the last build failed)`;
  const builtAt = fs.statSync(buildId).mtimeMs;
  const newest = newestSource(root);
  if (newest && newest.mtimeMs > builtAt) return `${newest.file} changed after the last build`;
  return null;
}

export interface EnsureBuildOptions {
  /** Extra environment for `next build` (e.g. a throwaway DATABASE_PATH so the build never opens ./data). */
  env?: Record<string, string | undefined>;
  root?: string;
}

/** Runs `next build` (stdio inherited) when the build is missing or stale; throws if the build fails. */
export function ensureBuild(options: EnsureBuildOptions = {}): { built: boolean } {
  const root = options.root ?? PROJECT_ROOT;
  const reason = staleReason(root);
  if (!reason) {
    console.log("› next build: up to date, skipped");
    return { built: false };
  }
  console.log(`› next build (${reason})`);
  const started = Date.now();
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, ...options.env },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`next build failed (exit ${result.status ?? result.signal}); fix the errors above and run again.`);
  }
  console.log(`› next build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { built: true };
}

if (require.main === module) {
  try {
    ensureBuild();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
