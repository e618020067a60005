import type { Db } from "../client";
import { loadInventory } from "./inventory";
import { countNoLicenseEvents, getLatestSnapshot, listSessionsAt, type SnapshotSession } from "./sessions";
import { getLicensingSettings } from "./settings";
import { buildOverview, type OverviewModel } from "@/lib/licensing/overview";

export interface OverviewData {
  model: OverviewModel;
  snapshotTakenAt: Date | null;
  sessions: SnapshotSession[];
  kitProducts: Map<number, string>;
  events: { lastWeek: number; total: number };
  empty: boolean;
  /** Pool load from which a pool is shown as nearly full (a setting). */
  utilisationWarning: number;
}

const WEEK_MS = 7 * 86_400_000;

/** Everything the Overview page shows, read in one place. `now` decides the 7-day window. */
export function loadOverview(db: Db, now: Date): OverviewData {
  const inventory = loadInventory(db);
  const snapshot = getLatestSnapshot(db);
  const sessions = snapshot ? listSessionsAt(db, snapshot.takenAt) : [];
  const settings = getLicensingSettings(db);
  return {
    model: buildOverview(inventory, snapshot ? sessions : null, settings),
    utilisationWarning: settings.utilisationWarning,
    snapshotTakenAt: snapshot?.takenAt ?? null,
    sessions,
    kitProducts: new Map(inventory.kits.map((k) => [k.id, k.product])),
    events: { lastWeek: countNoLicenseEvents(db, new Date(now.getTime() - WEEK_MS)), total: countNoLicenseEvents(db, null) },
    empty: inventory.kits.length === 0 && inventory.computers.length === 0 && !snapshot,
  };
}
