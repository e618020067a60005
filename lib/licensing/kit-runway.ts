/**
 * The PIN runway of every software kit (DOMAIN §1.3 "Exhaustion") from the inventory: what the ledger
 * says about each kit, fed to the Poisson forecast of lib/licensing/forecast.ts.
 */
import { forecastPinRunway, type KitRunway, type KitRunwayInput, type PinRunwayForecast } from "./forecast";
import { groupByKit, summarisePins } from "./pin-summary";
import type { Inventory, InventoryActivation, InventoryKit, InventoryPin } from "./types";

/**
 * One kit's runway input: its reserve PINs, its active licenses (each a computer whose hardware can
 * change), its first activation, and its recoveries on changed hardware — a recovery with a PIN that had
 * never been activated before (a backup spent, §1.3); a recovery that reuses its PIN spent nothing.
 * `own` are the kit's PINs and activations.
 */
function runwayInputOf(kit: InventoryKit, own: { pins: InventoryPin[]; activations: InventoryActivation[] }): KitRunwayInput {
  const history = [...own.activations].sort((a, b) => a.activatedAt - b.activatedAt || a.id - b.id);
  const seen = new Set<number>();
  const hardwareChanges: number[] = [];
  for (const a of history) {
    if (a.operation === "recovery" && !seen.has(a.pinId)) hardwareChanges.push(a.activatedAt);
    seen.add(a.pinId);
  }
  return {
    kitId: kit.id,
    backupsLeft: summarisePins(kit, own.pins, own.activations).backupsLeft ?? 0,
    licensedComputers: own.pins.filter((p) => p.status === "active").length,
    firstActivatedAt: history[0]?.activatedAt ?? null,
    hardwareChanges,
  };
}

/** The runway of every software kit, each judged against the company's rate when its own history is short. */
export function forecastInventoryRunway(inventory: Pick<Inventory, "kits" | "pins" | "activations">, now: number): PinRunwayForecast {
  const { pinsOf, activationsOf } = groupByKit(inventory);
  const inputs = inventory.kits.filter((k) => k.protection === "software").map((k) => runwayInputOf(k, { pins: pinsOf(k.id), activations: activationsOf(k.id) }));
  return forecastPinRunway(inputs, now);
}

export type { KitRunway };
