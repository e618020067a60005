import type { PinSet } from "../domain/enums";
import { lockedMode, reservePins } from "./ledger";
import type { InventoryActivation, InventoryKit, InventoryPin } from "./types";

export type PinHealth = "not-activated" | "ok" | "low" | "exhausted";

export interface PinSummary {
  kitId: number;
  /** The set this kit can still use: the mode chosen at first activation, or the only set it has (§1.2). */
  usableSet: PinSet | null;
  total: number;
  active: number;
  spent: number;
  /**
   * Reserve PINs of the usable set (`reservePins`: unused backup and additional PINs, and unused mains once
   * every seat of the set is activated): recoveries on changed hardware still possible.
   * Null while a combined kit has not chosen its mode (its backups depend on the set it will use).
   */
  backupsLeft: number | null;
  health: PinHealth;
}

/**
 * §1.2: which PIN set a kit can still activate — the mode it locked into (recorded, or the set of its first
 * activation; the ledger's rule), else its only set; null while a combined kit has not chosen.
 */
export function usableSet(kit: InventoryKit, pins: InventoryPin[], activations: readonly InventoryActivation[] = []): PinSet | null {
  const ids = new Set(pins.map((p) => p.id));
  const locked = lockedMode({ kit, pins, activations: activations.filter((a) => ids.has(a.pinId)).map((a) => ({ id: a.id, pinId: a.pinId, at: a.activatedAt })) });
  if (locked) return locked;
  const sets = new Set(pins.map((p) => p.set));
  return sets.size === 1 ? [...sets][0] : null;
}

/**
 * PINs left per software kit (§1.2–1.3). A kit with no reserve PIN left cannot survive its next hardware
 * change without asking the Licensing Center for an additional PIN: `exhausted`; one left: `low`. Agrees with
 * the ledger's `no-backup-pin` refusal and `backup-runway` warning (same `reservePins`).
 */
export function summarisePins(kit: InventoryKit, pins: InventoryPin[], activations: readonly InventoryActivation[] = []): PinSummary {
  const own = pins.filter((p) => p.kitId === kit.id);
  const set = usableSet(kit, own, activations);
  const active = own.filter((p) => p.status === "active").length;
  const spent = own.filter((p) => p.status === "spent").length;
  const backupsLeft = set ? reservePins({ kit, pins: own }, set).length : null;
  const health: PinHealth = (active === 0 && spent === 0) || backupsLeft === null ? "not-activated" : backupsLeft === 0 ? "exhausted" : backupsLeft === 1 ? "low" : "ok";
  return { kitId: kit.id, usableSet: set, total: own.length, active, spent, backupsLeft, health };
}

/** Each kit's PINs and activations, grouped in one pass (per-kit work over a whole inventory stays linear). */
export function groupByKit(inventory: { pins: readonly InventoryPin[]; activations: readonly InventoryActivation[] }) {
  const group = <T>(map: Map<number, T[]>, key: number, value: T) => (map.get(key) ?? map.set(key, []).get(key)!).push(value);
  const pins = new Map<number, InventoryPin[]>();
  for (const p of inventory.pins) group(pins, p.kitId, p);
  const kitOfPin = new Map(inventory.pins.map((p) => [p.id, p.kitId]));
  const activations = new Map<number, InventoryActivation[]>();
  for (const a of inventory.activations) {
    const kitId = kitOfPin.get(a.pinId);
    if (kitId !== undefined) group(activations, kitId, a);
  }
  return { pinsOf: (kitId: number) => pins.get(kitId) ?? [], activationsOf: (kitId: number) => activations.get(kitId) ?? [] };
}

/** The PIN summary of every software kit of an inventory, by kit id. */
export function pinSummaries(inventory: { kits: readonly InventoryKit[]; pins: readonly InventoryPin[]; activations: readonly InventoryActivation[] }): Map<number, PinSummary> {
  const { pinsOf, activationsOf } = groupByKit(inventory);
  return new Map(inventory.kits.filter((k) => k.protection === "software").map((k) => [k.id, summarisePins(k, pinsOf(k.id), activationsOf(k.id))]));
}
