import { eq } from "drizzle-orm";

import type { Db } from "../client";
import { recordAudit } from "./audit";
import { settings } from "../schema";
import { DEFAULT_SETTINGS, resolveSettings, type LicensingSettings, type LicensingSettingsPatch } from "@/lib/licensing/settings";

/** The licensing settings in force: stored values over the defaults (invalid stored values are ignored). */
export function getLicensingSettings(db: Db): LicensingSettings {
  const stored: Record<string, unknown> = {};
  for (const row of db.select().from(settings).all()) {
    try {
      stored[row.key] = JSON.parse(row.value);
    } catch {
      // A hand-edited row that is not JSON: the default stays in force.
    }
  }
  return resolveSettings(stored);
}

/**
 * Stores the given settings (already validated) in one transaction and returns the settings in force.
 * A value equal to the default is stored too, so a later change of default does not move it silently;
 * `reset` keys are deleted and fall back to the default.
 */
export function saveLicensingSettings(
  db: Db,
  patch: LicensingSettingsPatch,
  reset: ReadonlyArray<keyof LicensingSettings> = [],
  audit: { actor: string | null; address?: string | null } = { actor: null },
): LicensingSettings {
  const before = getLicensingSettings(db);
  db.transaction((tx) => {
    for (const key of reset) tx.delete(settings).where(eq(settings.key, key)).run();
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      const row = { key, value: JSON.stringify(value), updatedAt: new Date() };
      tx.insert(settings).values(row).onConflictDoUpdate({ target: settings.key, set: { value: row.value, updatedAt: row.updatedAt } }).run();
    }
    const changed = [...Object.keys(patch), ...reset] as Array<keyof LicensingSettings>;
    if (changed.length) {
      const pick = (s: LicensingSettings) => Object.fromEntries(changed.map((k) => [k, s[k]]));
      // Same connection, so these run inside the transaction (better-sqlite3 is synchronous).
      recordAudit(db, { ...audit, action: "settings.update", entity: "settings", before: pick(before), after: pick(getLicensingSettings(db)) });
    }
  });
  return getLicensingSettings(db);
}

export { DEFAULT_SETTINGS };
