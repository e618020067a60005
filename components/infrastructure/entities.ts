import type { ComputerRole } from "@/lib/domain/enums";

/** The three pages of "Keys & servers"; each name is also its page path, its API path and its list's key in the API's answer. */
export const INFRA_ENTITIES = ["keys", "servers", "infobases"] as const;
export type InfraEntity = (typeof INFRA_ENTITIES)[number];

/** The key of one record in the API's answer (`{ key: … }` from POST /api/keys). */
export const SINGULAR = { keys: "key", servers: "server", infobases: "infobase" } as const satisfies Record<InfraEntity, string>;

/** What the forms' pickers offer (db/queries/infrastructure.ts `inventoryChoices`). */
export interface InventoryChoices {
  computers: ReadonlyArray<{ id: number; name: string; role: ComputerRole }>;
  hardwareKits: ReadonlyArray<{ id: number; regNumber: string; product: string }>;
  serverKits: ReadonlyArray<{ id: number; regNumber: string; product: string }>;
  servers: ReadonlyArray<{ id: number; name: string }>;
}
