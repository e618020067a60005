/** Plain-data inventory the licensing engine works on (DESIGN.md "Core types"). No I/O, no framework. */
import type {
  ActivationOperation,
  ComputerRole,
  KeyKind,
  KitKind,
  KitProtection,
  PinRole,
  PinSet,
  PinStatus,
  ServerBitness,
  UsageMode,
} from "../domain/enums";

export interface InventoryKit {
  id: number;
  regNumber: string;
  product: string;
  kind: KitKind;
  seats: number;
  protection: KitProtection;
  usageMode: UsageMode | null;
  /** Server licenses: 32 or 64 bit; null when not recorded. */
  serverBitness?: ServerBitness | null;
}

export interface InventoryPin {
  id: number;
  kitId: number;
  set: PinSet;
  role: PinRole;
  status: PinStatus;
}

export interface InventoryActivation {
  id: number;
  pinId: number;
  computerId: number;
  operation: ActivationOperation;
  /** Epoch milliseconds. */
  activatedAt: number;
}

export interface InventoryComputer {
  id: number;
  name: string;
  role: ComputerRole;
}

export interface InventoryKey {
  id: number;
  series: string;
  kind: KeyKind;
  seats: number;
  kitId: number | null;
  computerId: number | null;
}

export interface InventoryServer {
  id: number;
  name: string;
  computerId: number;
  bitness: ServerBitness;
  serverLicenseKitId: number | null;
}

export interface Inventory {
  kits: InventoryKit[];
  pins: InventoryPin[];
  activations: InventoryActivation[];
  computers: InventoryComputer[];
  keys: InventoryKey[];
  servers: InventoryServer[];
}

export type PoolSource = "soft-local" | "soft-server" | "hasp-local" | "hasp-network" | "hasp-server";
export type Counting = "per-computer" | "per-session";

/** One license file or key that contributes seats to a pool. */
export interface PoolMember {
  kitId: number | null;
  regNumber: string | null;
  pinId?: number;
  keyId?: number;
  seats: number;
  /** §4 [H]: the seats come from a multi-user license (a PIN of the multi-user set); absent = false. */
  multiUser?: boolean;
}

/** A place seats really exist (DOMAIN §2, §4): one host, one way of counting. */
export interface Pool {
  id: string;
  source: PoolSource;
  /** Network name of the computer the licenses live on. */
  host: string;
  /** §4 [H]: the host's role — on a terminal server a multi-user license serves file-mode infobases too; absent = not recorded. */
  hostRole?: ComputerRole;
  seats: number;
  counting: Counting;
  /** HASP pools: the key series. */
  keySeries?: string;
  members: PoolMember[];
  /** Keys present on the host that add no seats (same series counted once, §2). */
  ignoredKeyIds: number[];
}

/** A 1C server license (§4 "1C server license"): not a client seat, needed for client-server mode. */
export interface ServerLicense {
  host: string;
  /** What the license covers: 64-bit also covers a 32-bit server (§4); null = not recorded. */
  bitness: ServerBitness | null;
  kitId: number | null;
  regNumber: string | null;
  keyId?: number;
  via: "software" | "hardware";
}

/** The license a session reported holding (the `--licenses` fields of rac, §5.1). */
export interface HeldLicense {
  userName: string | null;
  host: string | null;
  terminalSession: string | null;
  appId: string | null;
  series: string | null;
  licenseType: string | null;
  issuedByServer: boolean | null;
  net: boolean | null;
  rmngrAddress: string | null;
  /** rac `full-presentation` ("Сервер, srv-1c, …"): the only place a `process list --licenses` record names its host. */
  fullPresentation?: string | null;
}
