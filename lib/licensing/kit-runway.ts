/**
 * The PIN runway of every software kit (DOMAIN §1.3 "Exhaustion") from the inventory: what the ledger
 * says about each kit, fed to the Poisson forecast of lib/licensing/forecast.ts.
 */
import { forecastPinRunway, type KitRunway, type KitRunwayInput, type PinRunwayForecast } from "./forecast";
import { summarisePins } from "./pin-summary";
import type { Inventory } from "./types";

/**
 * One kit's runway input: its reserve PINs, its active licenses (each a computer whose hardware can
 * change), its first activation, and its recoveries on changed hardware — a recovery with a PIN that had
 * never been activated before (a backup spent, §1.3); a recovery that reuses its PIN spent nothing.
 */
export function runwayInputOf(kitId: number, inventory: Pick<Inventory, "kits" | "pins" | "activations">): KitRunwayInput | null {
  const kit = inventory.kits.find((k) => k.id === kitId);
  if (!kit || kit.protection !== "software") return null;
  const own = inventory.pins.filter((p) => p.kitId === kitId);
  const ids = new Set(own.map((p) => p.id));
  const history = inventory.activations.filter((a) => ids.has(a.pinId)).sort((a, b) => a.activatedAt - b.activatedAt || a.id - b.id);
  const seen = new Set<number>();
  const hardwareChanges: number[] = [];
  for (const a of history) {
    if (a.operation === "recovery" && !seen.has(a.pinId)) hardwareChanges.push(a.activatedAt);
    seen.add(a.pinId);
  }
  const summary = summarisePins(kit, inventory.pins, inventory.activations);
  return {
    kitId,
    backupsLeft: summary.backupsLeft ?? 0,
    licensedComputers: own.filter((p) => p.status === "active").length,
    firstActivatedAt: history[0]?.activatedAt ?? null,
    hardwareChanges,
  };
}

/** The runway of every software kit, each judged against the company's rate when its own history is short. */
export function forecastInventoryRunway(inventory: Pick<Inventory, "kits" | "pins" | "activations">, now: number): PinRunwayForecast {
  const inputs = inventory.kits.map((k) => runwayInputOf(k.id, inventory)).filter((x): x is KitRunwayInput => x !== null);
  return forecastPinRunway(inputs, now);
}

export type { KitRunway };
