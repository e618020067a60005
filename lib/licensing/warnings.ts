/**
 * Warnings about the inventory as a whole: licensing terms the company may be breaking. They never change
 * how seats are counted — the platform does not check these terms; the license agreement does.
 */
import type { Localised } from "../domain/localised";
import type { Inventory } from "./types";

export const INVENTORY_WARNING_CODES = ["no-basic-delivery"] as const;
export type InventoryWarningCode = (typeof INVENTORY_WARNING_CODES)[number];

export interface InventoryWarning {
  code: InventoryWarningCode;
  /** The DOMAIN.md section the term comes from, e.g. "DOMAIN §1.1". */
  rule: `DOMAIN §${string}`;
  message: Localised;
  remedy: Localised;
}

/**
 * §1.1 [H]: client licenses only work together with at least one basic delivery. Returns the warning when the
 * company has client-license kits but no activated basic delivery (a basic kit with an active PIN, or a
 * hardware-protected basic kit whose key is recorded on a computer); null otherwise.
 */
export function basicDeliveryWarning(inventory: Inventory): InventoryWarning | null {
  if (!inventory.kits.some((k) => k.kind === "client")) return null;
  const activePinKits = new Set(inventory.pins.filter((p) => p.status === "active").map((p) => p.kitId));
  const pluggedKeyKits = new Set(inventory.keys.filter((k) => k.kitId !== null && k.computerId !== null).map((k) => k.kitId));
  const activated = inventory.kits.some((k) => k.kind === "basic" && (k.protection === "software" ? activePinKits.has(k.id) : pluggedKeyKits.has(k.id)));
  if (activated) return null;
  return {
    code: "no-basic-delivery",
    rule: "DOMAIN §1.1",
    message: {
      en: "The company has client licenses but no activated basic delivery: client licenses only work together with at least one basic delivery. This is a licensing term, not a technical check, so their seats are still counted here.",
      ru: "У компании есть клиентские лицензии, но нет активированной базовой поставки: клиентские лицензии работают только вместе хотя бы с одной базовой поставкой. Это условие лицензирования, а не техническая проверка, поэтому их места здесь всё равно учитываются.",
    },
    remedy: {
      en: "Record the basic delivery the company owns with its activation (or its key on a computer), or buy one.",
      ru: "Внесите базовую поставку компании вместе с её активацией (или её ключ на компьютере) либо купите её.",
    },
  };
}

/** Every inventory warning that applies, in a stable order. */
export function inventoryWarnings(inventory: Inventory): InventoryWarning[] {
  return [basicDeliveryWarning(inventory)].filter((w): w is InventoryWarning => w !== null);
}
