import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: { "@": root },
  },
  test: {
    // Playwright owns *.spec.ts under tests/e2e; Vitest must never collect them.
    include: ["tests/**/*.test.ts"],
    environment: "node",
    // better-sqlite3 is a native addon: separate processes are safer than worker threads.
    pool: "forks",
    env: { NO_COLOR: "1" },
  },
});
