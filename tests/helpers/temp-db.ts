import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { createDb, type Db } from "@/db/client";
import { runMigrations } from "@/db/migrate";

export interface TempDb {
  db: Db;
  /** Absolute path of the SQLite file (inside its own folder under the OS temp folder). */
  file: string;
  /** Closes the connection and removes the folder (the file and its -wal/-shm companions). */
  cleanup: () => void;
}

/** A fresh, migrated SQLite file under `os.tmpdir()`; every call gets its own folder. */
export function createTempDb(): TempDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "seatledger-test-"));
  const file = path.join(dir, "seatledger.db");
  const db = createDb(file);
  runMigrations(db);
  return {
    db,
    file,
    cleanup: () => {
      if (db.$client.open) db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
