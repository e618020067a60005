import fs from "node:fs";
import path from "node:path";

/** Where browser tests save their named screenshots: `<project>/test-results/screenshots/` (git-ignored). */
export const SCREENSHOTS_DIR = path.resolve(__dirname, "..", "..", "test-results", "screenshots");

/** Absolute path for `<name>.png` in SCREENSHOTS_DIR, creating the folder. */
export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  return path.join(SCREENSHOTS_DIR, `${name}.png`);
}
