import type { Db } from "../client";
import { activations, computers, hardwareKeys, kits, pins, servers } from "../schema";
import { matchLicenses, type SessionMatch } from "@/lib/licensing/match";
import type { Inventory } from "@/lib/licensing/types";
import { toHeldLicense, type RacRecord } from "@/lib/parsers/rac";

import { getLicensingSettings } from "./settings";

/** Everything the licensing engine needs to derive pools: no secrets (PIN codes are not selected). */
export function loadInventory(db: Db): Inventory {
  return {
    kits: db
      .select({ id: kits.id, regNumber: kits.regNumber, product: kits.product, kind: kits.kind, seats: kits.seats, protection: kits.protection, usageMode: kits.usageMode, serverBitness: kits.serverBitness })
      .from(kits)
      .orderBy(kits.id)
      .all(),
    pins: db.select({ id: pins.id, kitId: pins.kitId, set: pins.set, role: pins.role, status: pins.status }).from(pins).orderBy(pins.id).all(),
    activations: db
      .select({ id: activations.id, pinId: activations.pinId, computerId: activations.computerId, operation: activations.operation, activatedAt: activations.activatedAt })
      .from(activations)
      .orderBy(activations.id)
      .all()
      .map((a) => ({ ...a, activatedAt: a.activatedAt.getTime() })),
    computers: db.select({ id: computers.id, name: computers.name, role: computers.role }).from(computers).orderBy(computers.id).all(),
    keys: db
      .select({ id: hardwareKeys.id, series: hardwareKeys.series, kind: hardwareKeys.kind, seats: hardwareKeys.seats, kitId: hardwareKeys.kitId, computerId: hardwareKeys.computerId })
      .from(hardwareKeys)
      .orderBy(hardwareKeys.id)
      .all(),
    servers: db
      .select({ id: servers.id, name: servers.name, computerId: servers.computerId, bitness: servers.bitness, serverLicenseKitId: servers.serverLicenseKitId })
      .from(servers)
      .orderBy(servers.id)
      .all(),
  };
}

/** The rac records that hold a license (a `series`), matched to the kit or key they consume (DOMAIN §5.1). */
export function matchRacLicenses(db: Db, records: readonly RacRecord[]): SessionMatch[] {
  const licensed = records.filter((r) => r.series !== undefined && r.series !== null && r.series !== "");
  return licensed.length ? matchLicenses(loadInventory(db), licensed.map(toHeldLicense), getLicensingSettings(db).perSessionAppIds) : [];
}
