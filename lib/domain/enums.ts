/** Closed vocabularies of the domain (DOMAIN.md), shared by the schema, zod validation and the UI. */

/** §1.1: basic delivery (includes a 1-seat client license), client-license kits, server licenses. */
export const KIT_KINDS = ["basic", "client", "server"] as const;
/** §1.1 [M]: client kits exist at PROF and KORP levels; MINI is the 5-connection server. */
export const KIT_LEVELS = ["PROF", "KORP", "MINI"] as const;
export const KIT_PROTECTIONS = ["software", "hardware"] as const;
/** §1.2 [M]: combined 5/10/20 kits lock into one of the two modes at their first activation. */
export const USAGE_MODES = ["single", "multi"] as const;
export const SERVER_BITNESS = ["32", "64"] as const;

export const PIN_SETS = ["single", "multi"] as const;
export const PIN_ROLES = ["main", "backup", "additional"] as const;
/**
 * unused: never activated; active: its license file is in use; spent: replaced after a hardware change
 * (recovery with --previous-pin); void: withdrawn or exchanged at the Licensing Center.
 */
export const PIN_STATUSES = ["unused", "active", "spent", "void"] as const;
/** §1.2: printed in the kit's envelope, or issued later by the 1C Licensing Center. */
export const PIN_SOURCES = ["envelope", "licensing-center"] as const;

/** §1.3 [H]: first-time registration, or recovery ("re-obtaining"). */
export const ACTIVATION_OPERATIONS = ["first", "recovery"] as const;
export const ACTIVATION_METHODS = ["automatic", "request-file", "medium"] as const;
export const ACTIVATION_VISIBILITIES = ["all-users", "current-user"] as const;

export const COMPUTER_ROLES = ["workstation", "terminal-server", "1c-server", "license-manager", "web-server"] as const;

/** §2: a local key serves its own computer, a network key is served by a License Manager, a server key licenses a 1C server. */
export const KEY_KINDS = ["local", "network", "server"] as const;

export const INFOBASE_MODES = ["file", "client-server"] as const;
/** §4 [H]: whether the 1C server may issue client licenses for the infobase. */
export const LICENSE_DISTRIBUTIONS = ["allow", "deny"] as const;

export const SNAPSHOT_SOURCES = ["demo", "import", "api"] as const;

/** Issue #5: what an API token may do — post imports, read everything its scope allows, or administer. */
export const TOKEN_SCOPES = ["import", "read", "admin"] as const;
/** Who may see and do what (issue #5; the matrix is lib/security/access.ts). */
export const USER_ROLES = ["admin", "finance", "lead", "viewer"] as const;

export type KitKind = (typeof KIT_KINDS)[number];
export type KitLevel = (typeof KIT_LEVELS)[number];
export type KitProtection = (typeof KIT_PROTECTIONS)[number];
export type UsageMode = (typeof USAGE_MODES)[number];
export type ServerBitness = (typeof SERVER_BITNESS)[number];
export type PinSet = (typeof PIN_SETS)[number];
export type PinRole = (typeof PIN_ROLES)[number];
export type PinStatus = (typeof PIN_STATUSES)[number];
export type PinSource = (typeof PIN_SOURCES)[number];
export type ActivationOperation = (typeof ACTIVATION_OPERATIONS)[number];
export type ActivationMethod = (typeof ACTIVATION_METHODS)[number];
export type ActivationVisibility = (typeof ACTIVATION_VISIBILITIES)[number];
export type ComputerRole = (typeof COMPUTER_ROLES)[number];
export type KeyKind = (typeof KEY_KINDS)[number];
export type InfobaseMode = (typeof INFOBASE_MODES)[number];
export type LicenseDistribution = (typeof LICENSE_DISTRIBUTIONS)[number];
export type SnapshotSource = (typeof SNAPSHOT_SOURCES)[number];
export type TokenScope = (typeof TOKEN_SCOPES)[number];
export type UserRole = (typeof USER_ROLES)[number];
