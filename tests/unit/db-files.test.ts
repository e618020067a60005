/**
 * Issue 12 §5 hardening: the database, its `-wal` and `-shm` files are 0600 in a 0700 folder (like secret.key),
 * never world-readable.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { sql } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";

import { createDb } from "@/db/client";

const mode = (file: string) => fs.statSync(file).mode & 0o777;
const made: string[] = [];
const tempRoot = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "seatledger-files-"));
  made.push(dir);
  return dir;
};

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("database files are private", () => {
  test("a new database in a new folder: folder 0700; database, -wal and -shm 0600", () => {
    const file = path.join(tempRoot(), "data", "seatledger.db");
    const db = createDb(file);
    db.run(sql`create table t (x integer)`);
    db.run(sql`insert into t values (1)`);
    expect(mode(path.dirname(file))).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
    db.$client.close();
  });

  test("an existing world-readable database is narrowed to 0600; an existing folder keeps its mode", () => {
    const dir = tempRoot();
    fs.chmodSync(dir, 0o755);
    const file = path.join(dir, "seatledger.db");
    const first = createDb(file);
    first.run(sql`create table t (x integer)`);
    first.$client.close();
    fs.chmodSync(file, 0o644);
    const again = createDb(file);
    expect(mode(file)).toBe(0o600);
    expect(mode(dir)).toBe(0o755);
    expect(again.all(sql`select count(*) as n from t`)).toEqual([{ n: 0 }]);
    again.$client.close();
  });
});
