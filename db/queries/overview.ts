import type { Db } from "../client";
import { countNoLicenseEvents, getLatestSnapshot, listSessionsAt, type SnapshotSession } from "./sessions";
import { loadAllocationContext } from "./why";
import { overviewAlerts, type Alert } from "@/lib/licensing/alerts";
import { forecastInventoryRunway } from "@/lib/licensing/kit-runway";
import { buildOverview, type OverviewModel } from "@/lib/licensing/overview";
import type { LicensingSettings } from "@/lib/licensing/settings";
import { holderRows } from "@/lib/sessions/holders";

export interface OverviewData {
  model: OverviewModel;
  snapshotTakenAt: Date | null;
  sessions: SnapshotSession[];
  kitProducts: Map<number, string>;
  events: { lastWeek: number; total: number };
  empty: boolean;
  /** Pool load from which a pool is shown as nearly full: the company-wide setting and the per-pool ones. */
  thresholds: Pick<LicensingSettings, "utilisationWarning" | "poolThresholds">;
  runwayWarningMonths: number;
  /** What needs attention now, each with the page that resolves it (issue 11 §5). */
  alerts: Alert[];
}

const WEEK_MS = 7 * 86_400_000;

/** Everything the Overview page shows, read in one place. `now` decides the 7-day window, the runway horizon and the capture's age. */
export function loadOverview(db: Db, now: Date): OverviewData {
  const { ctx, inventory, settings } = loadAllocationContext(db);
  const snapshot = getLatestSnapshot(db);
  const sessions = snapshot ? listSessionsAt(db, snapshot.takenAt) : [];
  const model = buildOverview(inventory, snapshot ? sessions : null, settings);
  const holders = snapshot
    ? holderRows(inventory, sessions.map((s) => ({ ...s, startedAt: s.startedAt?.getTime() ?? null, lastActiveAt: s.lastActiveAt?.getTime() ?? null })), snapshot.takenAt.getTime(), settings.perSessionAppIds)
    : [];
  const flaggedRows = holders.filter((h) => h.flags.length > 0);
  const empty = inventory.kits.length === 0 && inventory.computers.length === 0 && !snapshot;
  return {
    model,
    thresholds: { utilisationWarning: settings.utilisationWarning, poolThresholds: settings.poolThresholds },
    runwayWarningMonths: settings.runwayWarningMonths,
    snapshotTakenAt: snapshot?.takenAt ?? null,
    sessions,
    kitProducts: new Map(inventory.kits.map((k) => [k.id, k.product])),
    events: { lastWeek: countNoLicenseEvents(db, new Date(now.getTime() - WEEK_MS)), total: countNoLicenseEvents(db, null) },
    empty,
    alerts: overviewAlerts({
      now: now.getTime(),
      pools: model.pools,
      kits: model.kits,
      runway: forecastInventoryRunway(inventory, now.getTime()).kits,
      ctx,
      flagged: { total: flaggedRows.length, hibernated: flaggedRows.filter((h) => h.flags.includes("hibernated")).length, idle: flaggedRows.filter((h) => h.flags.includes("idle")).length },
      snapshotTakenAt: snapshot?.takenAt.getTime() ?? null,
      hasInventory: !empty,
      settings,
    }),
  };
}
