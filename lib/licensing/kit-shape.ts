/**
 * What a kit's envelope may hold (DOMAIN §1.1–1.2): which PIN sets a kit of a given kind and size has.
 * The kit form asks for the size first and shows these sets; the API refuses a PIN of any other set.
 */
import type { KitKind, KitProtection, PinSet } from "../domain/enums";
import { DEFAULT_SETTINGS } from "./settings";

export interface KitShapeInput {
  kind: KitKind;
  seats: number;
  protection: KitProtection;
}

/**
 * The PIN sets of a kit (§1.2 [M]): a hardware-key kit has none; a server license and a 1-seat kit (or a
 * basic delivery) a single-user set; a kit of `multiOnlyMinSeats` seats or more (a setting, 50 by default)
 * only the multi-user set; the sizes between (5/10/20) both.
 */
export function kitPinSets(kit: KitShapeInput, multiOnlyMinSeats: number | null = DEFAULT_SETTINGS.multiOnlyMinSeats): PinSet[] {
  if (kit.protection === "hardware") return [];
  if (kit.kind === "server" || kit.kind === "basic" || kit.seats <= 1) return ["single"];
  if (multiOnlyMinSeats !== null && kit.seats >= multiOnlyMinSeats) return ["multi"];
  return ["single", "multi"];
}

/**
 * How the kit form asks for each set's PINs (§1.2): a 1-seat kit (or basic delivery) holds one main and two
 * backups [M] — three fields; for other sets the count is not known, so the form takes a pasted list.
 */
export function envelopeLayout(kit: KitShapeInput, multiOnlyMinSeats?: number | null): Array<{ set: PinSet; fixed: boolean }> {
  return kitPinSets(kit, multiOnlyMinSeats).map((set) => ({ set, fixed: set === "single" && kit.kind !== "server" && kit.seats <= 1 }));
}
