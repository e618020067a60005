/**
 * lib/ stays pure because a lint rule says so (STYLE.md "Rooms"), not because people remember.
 * These tests prove the `libPurity` block exported by eslint.config.mjs reports every forbidden
 * import inside lib/, ignores the same imports elsewhere, lets a pure file through, and is wired
 * into the project's real config.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { ESLint, type Linter } from "eslint";
import nextTs from "eslint-config-next/typescript";
import { beforeAll, describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixturesRoot = path.join(root, "tests/fixtures/lint");

type PurityBlock = { files: string[]; rules: { "no-restricted-imports": [string, { patterns: { group: string[]; message: string }[] }] } };

// A variable specifier keeps tsc from demanding types for the .mjs config; Vitest loads it as ESM.
async function loadLibPurity(): Promise<PurityBlock> {
  const href = pathToFileURL(path.join(root, "eslint.config.mjs")).href;
  const mod = (await import(/* @vite-ignore */ href)) as { libPurity: PurityBlock };
  return mod.libPurity;
}

/** Every specifier lib/ must refuse, and a fragment of the message its pattern group gives. */
const FORBIDDEN: [specifier: string, message: string][] = [
  ["@/db", "must not import db/"],
  ["@/db/client", "must not import db/"],
  ["@/db/schema", "must not import db/"],
  ["../db", "must not import db/"],
  ["../db/client", "must not import db/"],
  ["../../db", "must not import db/"],
  ["../../db/queries", "must not import db/"],
  ["next", "must not import next"],
  ["next/headers", "must not import next"],
  ["next/server", "must not import next"],
  ["react", "must not import react"],
  ["react/jsx-runtime", "must not import react"],
  ["react-dom", "must not import react"],
  ["react-dom/client", "must not import react"],
  ["better-sqlite3", "database driver"],
  ["drizzle-orm", "database driver"],
  ["drizzle-orm/sqlite-core", "database driver"],
  ["node:fs", "no node:* built-ins"],
  ["node:path", "no node:* built-ins"],
  ["node:crypto", "no node:* built-ins"],
  ["fs", "no Node built-ins"],
  ["fs/promises", "no Node built-ins"],
  ["path", "no Node built-ins"],
  ["os", "no Node built-ins"],
  ["crypto", "no Node built-ins"],
  ["child_process", "no Node built-ins"],
  ["http", "no Node built-ins"],
  ["https", "no Node built-ins"],
  ["net", "no Node built-ins"],
];

/**
 * The pattern entries as they stand today. Several are subsumed by a sibling for the specifiers above
 * (`@/db` also matches `@/db/client`), so behaviour alone cannot notice their removal: this list does.
 * Add here when you add a pattern; removing one is a decision the test makes you state.
 */
const EXPECTED_PATTERNS = [
  "@/db", "@/db/*", "**/db/*", "../db", "../../db",
  "next", "next/*",
  "react", "react/*", "react-dom", "react-dom/*",
  "better-sqlite3", "drizzle-orm", "drizzle-orm/*",
  "node:*",
  "fs", "fs/*", "path", "os", "crypto", "child_process", "http", "https", "net",
];

const RULE = "no-restricted-imports";

let libPurity: PurityBlock;
let isolated: ESLint;

/** Lints `source` as if it lived at `relativePath` in the project; returns only the purity rule's messages. */
async function purityMessages(eslint: ESLint, source: string, relativePath: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, relativePath) });
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal, `parse error in ${relativePath}`).toEqual([]);
  return result.messages.filter((m) => m.ruleId === RULE);
}

beforeAll(async () => {
  libPurity = await loadLibPurity();
  // Only the TypeScript parser setup plus the exported block: what is tested is libPurity itself.
  isolated = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [...nextTs, libPurity as unknown as Linter.Config],
  });
}, 30_000);

describe("libPurity (exported from eslint.config.mjs)", () => {
  test("applies to lib/ only", () => {
    expect(libPurity.files).toEqual(["lib/**/*.{ts,tsx}"]);
    expect(libPurity.rules[RULE][0]).toBe("error");
  });

  test("still lists every pattern", () => {
    const groups = libPurity.rules[RULE][1].patterns.flatMap((p) => p.group);
    for (const pattern of EXPECTED_PATTERNS) expect(groups, `pattern "${pattern}" was removed`).toContain(pattern);
  });

  test.each(FORBIDDEN)("reports import of %s inside lib/", async (specifier, message) => {
    const source = `import x from "${specifier}";\nexport const y = x;\n`;
    const messages = await purityMessages(isolated, source, "lib/licensing/__purity_fixture__.ts");
    expect(messages).toHaveLength(1);
    expect(messages[0].severity).toBe(2);
    expect(messages[0].message).toContain(message);
  });

  test.each(FORBIDDEN)("reports side-effect import and re-export of %s inside lib/", async (specifier) => {
    const source = `import "${specifier}";\nexport * from "${specifier}";\n`;
    const messages = await purityMessages(isolated, source, "lib/__purity_fixture__.tsx");
    expect(messages.length).toBeGreaterThanOrEqual(1);
  });

  test.each(FORBIDDEN)("does not report import of %s outside lib/ (db/x.ts)", async (specifier) => {
    const source = `import x from "${specifier}";\nexport const y = x;\n`;
    expect(await purityMessages(isolated, source, "db/__purity_fixture__.ts")).toEqual([]);
  });

  test("lets lib/ import lib/ and third-party pure code", async () => {
    const source = [
      `import { KIT_KINDS } from "@/lib/domain/enums";`,
      `import { PIN_STATUSES } from "../domain/enums";`,
      `import { z } from "zod";`,
      `export const kinds = z.enum(KIT_KINDS);`,
      `export const statuses = PIN_STATUSES;`,
      "",
    ].join("\n");
    expect(await purityMessages(isolated, source, "lib/licensing/__purity_fixture__.ts")).toEqual([]);
  });

  describe("fixture files (tests/fixtures/lint/lib/)", () => {
    let fixtures: ESLint;
    beforeAll(() => {
      // cwd at the fixtures root, so their lib/ folder is the `lib/**` the block's glob means.
      fixtures = new ESLint({
        cwd: fixturesRoot,
        overrideConfigFile: true,
        overrideConfig: [...nextTs, libPurity as unknown as Linter.Config],
      });
    });

    test("bad-node-fs.ts is reported", async () => {
      const [result] = await fixtures.lintFiles([path.join(fixturesRoot, "lib/bad-node-fs.ts")]);
      const messages = result.messages.filter((m) => m.ruleId === RULE);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ line: 2, severity: 2 });
      expect(messages[0].message).toContain("node:fs");
    });

    test("pure.ts passes", async () => {
      const [result] = await fixtures.lintFiles([path.join(fixturesRoot, "lib/pure.ts")]);
      expect(result.messages.filter((m) => m.ruleId === RULE)).toEqual([]);
      expect(result.errorCount).toBe(0);
    });
  });
});

describe("the project's eslint.config.mjs", () => {
  let project: ESLint;
  beforeAll(() => {
    project = new ESLint({ cwd: root });
  });

  test("enables libPurity's rule for lib/ files", async () => {
    const config = (await project.calculateConfigForFile(path.join(root, "lib/licensing/x.ts"))) as Linter.Config;
    expect(config.rules?.[RULE]).toEqual([2, libPurity.rules[RULE][1]]);
  }, 30_000);

  test("reports node:fs in lib/ and not in db/", async () => {
    const source = `import fs from "node:fs";\nexport const exists = fs.existsSync;\n`;
    const inLib = await purityMessages(project, source, "lib/parsers/__purity_fixture__.ts");
    expect(inLib.map((m) => m.message)).toEqual([expect.stringContaining("node:fs")]);
    expect(await purityMessages(project, source, "db/__purity_fixture__.ts")).toEqual([]);
  }, 30_000);
});
