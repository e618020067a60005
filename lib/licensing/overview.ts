import { derivePools, usageAtInstant, type PoolUsage } from "./pools";
import { pinSummaries, type PinSummary } from "./pin-summary";
import { DEFAULT_SETTINGS, type LicensingSettings } from "./settings";
import type { HeldLicense, Inventory, InventoryKit, ServerLicense } from "./types";
import { inventoryWarnings, type InventoryWarning } from "./warnings";

export interface SeatReconciliation {
  /** Client seats of every client kit and basic delivery bought. */
  purchased: number;
  /** Seats that exist in a pool (activated files, counted keys). */
  usable: number;
  /** Software kits with no active PIN: bought, not activated yet. */
  notActivated: number;
  /** Keys that add nothing because another key of the same series sits on the same host (§2). */
  notCounted: number;
  /** Anything else: keys plugged in nowhere, spent PINs whose files were never re-obtained. */
  unaccounted: number;
}

export interface OverviewModel {
  pools: PoolUsage[];
  totals: { seats: number; inUse: number; free: number };
  reconciliation: SeatReconciliation;
  serverLicenses: ServerLicense[];
  kits: Array<{ kit: InventoryKit; pins: PinSummary }>;
  snapshot: { sessions: number; licensed: number; unmatched: number; byApp: Array<{ appId: string; sessions: number }> } | null;
  /** Licensing terms the inventory may break (`inventoryWarnings`); seats are counted regardless. */
  warnings: InventoryWarning[];
}

const CLIENT_KINDS = new Set(["client", "basic"]);

/**
 * Everything the Overview shows, from the inventory and the sessions of the newest snapshot (null when
 * no snapshot exists). Seats are counted the pool's way (§4); PINs per kit per §1.2–1.3.
 */
export function buildOverview(
  inventory: Inventory,
  snapshotSessions: Array<HeldLicense> | null,
  settings: Pick<LicensingSettings, "perSessionAppIds"> = DEFAULT_SETTINGS,
): OverviewModel {
  const { pools, serverLicenses, terminalHosts } = derivePools(inventory);
  const { usage, unmatched } = usageAtInstant(pools, snapshotSessions ?? [], settings.perSessionAppIds, serverLicenses, terminalHosts);
  const totals = usage.reduce((acc, u) => ({ seats: acc.seats + u.pool.seats, inUse: acc.inUse + u.inUse, free: acc.free + u.free }), { seats: 0, inUse: 0, free: 0 });

  const clientKits = inventory.kits.filter((k) => CLIENT_KINDS.has(k.kind));
  const purchased = clientKits.reduce((s, k) => s + k.seats, 0);
  const activeKitIds = new Set(inventory.pins.filter((p) => p.status === "active").map((p) => p.kitId));
  const notActivated = clientKits.filter((k) => k.protection === "software" && !activeKitIds.has(k.id)).reduce((s, k) => s + k.seats, 0);
  const ignored = new Set(pools.flatMap((p) => p.ignoredKeyIds));
  const notCounted = inventory.keys.filter((k) => ignored.has(k.id)).reduce((s, k) => s + k.seats, 0);
  const usable = totals.seats;
  const reconciliation: SeatReconciliation = { purchased, usable, notActivated, notCounted, unaccounted: purchased - usable - notActivated - notCounted };

  const summaries = pinSummaries(inventory);
  const kits = inventory.kits
    .filter((k) => k.protection === "software")
    .map((kit) => ({ kit, pins: summaries.get(kit.id)! }));

  let snapshot: OverviewModel["snapshot"] = null;
  if (snapshotSessions) {
    const byApp = new Map<string, number>();
    for (const s of snapshotSessions) byApp.set(s.appId ?? "", (byApp.get(s.appId ?? "") ?? 0) + 1);
    snapshot = {
      sessions: snapshotSessions.length,
      licensed: snapshotSessions.filter((s) => s.series).length,
      unmatched: unmatched.length,
      byApp: [...byApp].map(([appId, sessions]) => ({ appId, sessions })).sort((a, b) => b.sessions - a.sessions || a.appId.localeCompare(b.appId)),
    };
  }
  return { pools: usage, totals, reconciliation, serverLicenses, kits, snapshot, warnings: inventoryWarnings(inventory) };
}
