import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, test, vi } from "vitest";

import { decryptText, encryptText, isEncrypted, pinHash, secretKeyPath, secretKeys } from "@/db/crypto";
import { pins, owners, kits } from "@/db/schema";
import { runMigrations } from "@/db/migrate";
import { createTempDb, type TempDb } from "@/tests/helpers/temp-db";

const temps: TempDb[] = [];
afterEach(() => {
  while (temps.length) temps.pop()!.cleanup();
  vi.unstubAllEnvs();
});

describe("secrets at rest (issue #5): AES-256-GCM and a keyed PIN hash", () => {
  test("a generated secret lives beside the database with mode 0600, and is reused", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "seatledger-key-"));
    try {
      const db = path.join(dir, "x.db");
      const a = secretKeys(db);
      const file = secretKeyPath(db);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(secretKeys(db)).toBe(a);
      expect(fs.readFileSync(file, "utf8").trim().length).toBeGreaterThanOrEqual(40);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("text round-trips; every encryption differs; a tampered or foreign value fails without echoing it", () => {
    const t = createTempDb();
    temps.push(t);
    const keys = secretKeys(t.file);
    const a = encryptText("123456789012345", keys);
    const b = encryptText("123456789012345", keys);
    expect(isEncrypted(a)).toBe(true);
    expect(a).not.toBe(b);
    expect(decryptText(a, keys)).toBe("123456789012345");
    const tampered = a.slice(0, -4) + (a.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(() => decryptText(tampered, keys)).toThrow(/could not be decrypted/);
    const other = createTempDb();
    temps.push(other);
    let message = "";
    try {
      decryptText(a, secretKeys(other.file));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/secret key/);
    expect(message).not.toContain("123456789012345");
  });

  test("the PIN hash ignores separators, differs per secret, and makes duplicate PINs a constraint error", () => {
    const t = createTempDb();
    temps.push(t);
    const keys = secretKeys(t.file);
    expect(pinHash("123-456-789-012-345", keys)).toBe(pinHash("123456789012345", keys));
    expect(pinHash("123456789012345", keys)).not.toBe(pinHash("123456789012346", keys));
    const kit = t.db.insert(kits).values({ regNumber: "8100000001", product: "p", kind: "client", seats: 1, protection: "software" }).returning().get();
    const row = (code: string) => ({ kitId: kit.id, set: "single" as const, role: "main" as const, code: encryptText(code, keys), codeHash: pinHash(code, keys) });
    t.db.insert(pins).values(row("123456789012345")).run();
    expect(() => t.db.insert(pins).values(row("123-456-789-012-345")).run()).toThrow(/UNIQUE/);
  });

  test("SEATLEDGER_SECRET replaces the key file (one secret for everything), and must be long enough", () => {
    vi.stubEnv("SEATLEDGER_SECRET", "x".repeat(40));
    const a = createTempDb();
    const b = createTempDb();
    temps.push(a, b);
    expect(pinHash("123456789012345", secretKeys(a.file))).toBe(pinHash("123456789012345", secretKeys(b.file)));
    expect(fs.existsSync(secretKeyPath(a.file))).toBe(false);
    vi.stubEnv("SEATLEDGER_SECRET", "short");
    expect(() => secretKeys(path.join(os.tmpdir(), "never", "x.db"))).toThrow(/at least 32/);
  });

  test("a database written before encryption is sealed by the next migration run, once", () => {
    const t = createTempDb();
    temps.push(t);
    const kit = t.db.insert(kits).values({ regNumber: "8100000002", product: "p", kind: "client", seats: 1, protection: "software" }).returning().get();
    t.db.insert(pins).values({ kitId: kit.id, set: "single", role: "main", code: "111222333444555" }).run();
    t.db.insert(owners).values({ name: "ООО «Тест»", registrationData: '[{"field":"ИНН","value":"7700000000"}]' }).run();
    runMigrations(t.db);
    const pin = t.db.select().from(pins).get()!;
    const owner = t.db.select().from(owners).get()!;
    const keys = secretKeys(t.file);
    expect(isEncrypted(pin.code)).toBe(true);
    expect(decryptText(pin.code, keys)).toBe("111222333444555");
    expect(pin.codeHash).toBe(pinHash("111222333444555", keys));
    expect(decryptText(owner.registrationData, keys)).toContain("7700000000");
    runMigrations(t.db);
    expect(t.db.select().from(pins).get()!.code).toBe(pin.code);
  });
});
