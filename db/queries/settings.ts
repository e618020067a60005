import type { Db } from "../client";
import { settings } from "../schema";
import { resolveSettings, type LicensingSettings } from "@/lib/licensing/settings";

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
