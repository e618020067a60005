import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * lib/ is the pure engine (STYLE.md "Rooms"): no database, no framework, no Node built-ins.
 * `now` and random sources arrive as arguments, so the same code runs in pages, routes, scripts and tests.
 */
export const libPurity = {
  files: ["lib/**/*.{ts,tsx}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: ["@/db", "@/db/*", "**/db/*", "../db", "../../db"], message: "lib/ is pure: it must not import db/ (pass data in instead)." },
          { group: ["next", "next/*"], message: "lib/ is pure: it must not import next." },
          { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "lib/ is pure: it must not import react." },
          { group: ["better-sqlite3", "drizzle-orm", "drizzle-orm/*"], message: "lib/ is pure: it must not touch the database driver." },
          { group: ["node:*"], message: "lib/ is pure: no node:* built-ins (pass now, randomness and data in as arguments)." },
          { group: ["fs", "fs/*", "path", "os", "crypto", "child_process", "http", "https", "net"], message: "lib/ is pure: no Node built-ins." },
        ],
      },
    ],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  libPurity,
  globalIgnores([".next/**", "node_modules/**", "drizzle/**", "data/**", "next-env.d.ts", "tests/fixtures/lint/**", "test-results/**", "playwright-report/**"]),
]);
