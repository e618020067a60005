/**
 * The whole licensing domain as SQLite tables (DOMAIN.md §1–§5). Later issues add behaviour, not tables.
 *
 * Conventions: instants are integer epoch milliseconds (`timestamp_ms`); calendar dates are ISO text
 * `YYYY-MM-DD`; money is integer minor units (kopecks/cents) with a currency code; enumerations are
 * text columns guarded by CHECK constraints so a bad value fails in the database as well as in zod.
 * Secrets (PIN codes, owner registration data) live in their own columns so issue 5 can encrypt them.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import {
  ACTIVATION_METHODS,
  ACTIVATION_OPERATIONS,
  ACTIVATION_VISIBILITIES,
  COMPUTER_ROLES,
  INFOBASE_MODES,
  KEY_KINDS,
  KIT_KINDS,
  KIT_LEVELS,
  KIT_PROTECTIONS,
  LICENSE_DISTRIBUTIONS,
  PIN_ROLES,
  PIN_SETS,
  PIN_SOURCES,
  PIN_STATUSES,
  SERVER_BITNESS,
  SNAPSHOT_SOURCES,
  TOKEN_SCOPES,
  USAGE_MODES,
  USER_ROLES,
} from "@/lib/domain/enums";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`);

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`"${column}" in (${values.map((v) => `'${v}'`).join(", ")})`);

/** License owner: the organisation and the registration data typed at the first activation (§1.1). */
export const owners = sqliteTable("owners", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** Display name of the organisation. */
  name: text("name").notNull(),
  /**
   * The registration form exactly as typed at the first activation, as a JSON array of
   * `{ field, value }` pairs in form order, encrypted at rest (db/crypto.ts). Kept verbatim: recovery
   * needs it character for character.
   */
  registrationData: text("registration_data").notNull().default("[]"),
  notes: text("notes"),
  createdAt: createdAt(),
});

/** A purchased kit, identified by its registration number (§1.1). */
export const kits = sqliteTable(
  "kits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    regNumber: text("reg_number").notNull(),
    product: text("product").notNull(),
    kind: text("kind", { enum: KIT_KINDS }).notNull(),
    level: text("level", { enum: KIT_LEVELS }).notNull().default("PROF"),
    /** Client seats the kit grants (a basic delivery grants 1; a server license 0). */
    seats: integer("seats").notNull(),
    protection: text("protection", { enum: KIT_PROTECTIONS }).notNull(),
    /** Combined 5/10/20 kits lock into one mode at their first activation (§1.2); null until then. */
    usageMode: text("usage_mode", { enum: USAGE_MODES }),
    /** Server licenses only: 32 or 64 bit (§4 "1C server license"). */
    serverBitness: text("server_bitness", { enum: SERVER_BITNESS }),
    ownerId: integer("owner_id").references(() => owners.id, { onDelete: "restrict" }),
    purchaseDate: text("purchase_date"),
    priceMinor: integer("price_minor"),
    currency: text("currency").notNull().default("RUB"),
    supplier: text("supplier"),
    invoice: text("invoice"),
    notes: text("notes"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("kits_reg_number_unique").on(t.regNumber),
    check("kits_reg_number_digits", sql`length(${t.regNumber}) between 9 and 12 and ${t.regNumber} not glob '*[^0-9]*'`),
    check("kits_kind", inList("kind", KIT_KINDS)),
    check("kits_level", inList("level", KIT_LEVELS)),
    check("kits_protection", inList("protection", KIT_PROTECTIONS)),
    check("kits_usage_mode", sql`"usage_mode" is null or ${inList("usage_mode", USAGE_MODES)}`),
    check("kits_server_bitness", sql`"server_bitness" is null or ${inList("server_bitness", SERVER_BITNESS)}`),
    check("kits_seats", sql`${t.seats} >= 0`),
    check("kits_price", sql`${t.priceMinor} is null or ${t.priceMinor} >= 0`),
  ],
);

/** A PIN code of a kit (§1.2): main and backups from the envelope, additional ones from the Licensing Center. */
export const pins = sqliteTable(
  "pins",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kitId: integer("kit_id")
      .notNull()
      .references(() => kits.id, { onDelete: "cascade" }),
    set: text("set", { enum: PIN_SETS }).notNull(),
    role: text("role", { enum: PIN_ROLES }).notNull(),
    status: text("status", { enum: PIN_STATUSES }).notNull().default("unused"),
    source: text("source", { enum: PIN_SOURCES }).notNull().default("envelope"),
    /** The code (15, sometimes 16 digits), encrypted at rest: `v1:` + AES-256-GCM (db/crypto.ts). */
    code: text("code").notNull(),
    /** Keyed hash of the digits (HMAC-SHA-256): the uniqueness check works without decrypting. */
    codeHash: text("code_hash"),
    receivedAt: text("received_at"),
    notes: text("notes"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("pins_code_hash_unique").on(t.codeHash),
    index("pins_kit").on(t.kitId),
    check("pins_set", inList("set", PIN_SETS)),
    check("pins_role", inList("role", PIN_ROLES)),
    check("pins_status", inList("status", PIN_STATUSES)),
    check("pins_source", inList("source", PIN_SOURCES)),
  ],
);

/** A computer SeatLedger knows: workstation, terminal server, 1C server, License Manager host, web server. */
export const computers = sqliteTable(
  "computers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Network name, as the platform and rac report it. */
    name: text("name").notNull(),
    role: text("role", { enum: COMPUTER_ROLES }).notNull(),
    osName: text("os_name"),
    osVersion: text("os_version"),
    /** Free text: department, owner, location. */
    notes: text("notes"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("computers_name_unique").on(sql`lower(${t.name})`), check("computers_role", inList("role", COMPUTER_ROLES))],
);

/** The eleven hardware parameters a software license is bound to (§1.4), as observed at one instant. */
export const fingerprints = sqliteTable(
  "fingerprints",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    computerId: integer("computer_id")
      .notNull()
      .references(() => computers.id, { onDelete: "cascade" }),
    takenAt: integer("taken_at", { mode: "timestamp_ms" }).notNull(),
    osName: text("os_name"),
    osVersion: text("os_version"),
    osSerial: text("os_serial"),
    osInstallDate: text("os_install_date"),
    hostname: text("hostname"),
    motherboard: text("motherboard"),
    ramMb: integer("ram_mb"),
    bios: text("bios"),
    /** JSON string[]: one entry per CPU with its parameters. */
    cpus: text("cpus").notNull().default("[]"),
    /** JSON {name, mac}[]. */
    nics: text("nics").notNull().default("[]"),
    /** JSON {model, serial?, sizeBytes}[]. */
    disks: text("disks").notNull().default("[]"),
    notes: text("notes"),
  },
  (t) => [index("fingerprints_computer").on(t.computerId, t.takenAt)],
);

/** The PIN ledger: every first activation and recovery (§1.3). */
export const activations = sqliteTable(
  "activations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pinId: integer("pin_id")
      .notNull()
      .references(() => pins.id, { onDelete: "restrict" }),
    operation: text("operation", { enum: ACTIVATION_OPERATIONS }).notNull(),
    /** Recovery on changed hardware names the PIN it replaces (`ring … --previous-pin`). */
    previousPinId: integer("previous_pin_id").references(() => pins.id, { onDelete: "restrict" }),
    computerId: integer("computer_id")
      .notNull()
      .references(() => computers.id, { onDelete: "restrict" }),
    fingerprintId: integer("fingerprint_id").references(() => fingerprints.id, { onDelete: "set null" }),
    method: text("method", { enum: ACTIVATION_METHODS }).notNull(),
    visibility: text("visibility", { enum: ACTIVATION_VISIBILITIES }).notNull(),
    /** `YYYYMMDDhhmmss.lic` (§1.5). */
    licFileName: text("lic_file_name"),
    licFolder: text("lic_folder"),
    recordedBy: text("recorded_by"),
    activatedAt: integer("activated_at", { mode: "timestamp_ms" }).notNull(),
    reason: text("reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("activations_pin").on(t.pinId),
    index("activations_computer").on(t.computerId),
    check("activations_operation", inList("operation", ACTIVATION_OPERATIONS)),
    check("activations_method", inList("method", ACTIVATION_METHODS)),
    check("activations_visibility", inList("visibility", ACTIVATION_VISIBILITIES)),
  ],
);

/** A USB HASP key (§2). The series does not tell the seats; the key model does. */
export const hardwareKeys = sqliteTable(
  "hardware_keys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    series: text("series").notNull(),
    kind: text("kind", { enum: KEY_KINDS }).notNull(),
    seats: integer("seats").notNull(),
    keyNumber: text("key_number"),
    kitId: integer("kit_id").references(() => kits.id, { onDelete: "set null" }),
    /** The computer the key is plugged into (for a network key: the License Manager host). */
    computerId: integer("computer_id").references(() => computers.id, { onDelete: "set null" }),
    notes: text("notes"),
    createdAt: createdAt(),
  },
  (t) => [
    index("hardware_keys_computer").on(t.computerId),
    check("hardware_keys_kind", inList("kind", KEY_KINDS)),
    check("hardware_keys_seats", sql`${t.seats} >= 0`),
  ],
);

/** A 1C:Enterprise server cluster (§4 "1C server license", §4.1). */
export const servers = sqliteTable(
  "servers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    computerId: integer("computer_id")
      .notNull()
      .references(() => computers.id, { onDelete: "restrict" }),
    platformVersion: text("platform_version"),
    bitness: text("bitness", { enum: SERVER_BITNESS }).notNull().default("64"),
    /** The kit of kind `server` that licenses this cluster; null = no server license recorded. */
    serverLicenseKitId: integer("server_license_kit_id").references(() => kits.id, { onDelete: "set null" }),
    /** OS user the server runs as (`usr1cv8`): its per-user license folder matters (§1.5). */
    serviceUser: text("service_user"),
    clusterPort: integer("cluster_port").notNull().default(1541),
    notes: text("notes"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("servers_name_unique").on(t.name), check("servers_bitness", inList("bitness", SERVER_BITNESS))],
);

/** An infobase: file mode or on a 1C server, with the server's right to issue licenses for it (§4). */
export const infobases = sqliteTable(
  "infobases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    mode: text("mode", { enum: INFOBASE_MODES }).notNull(),
    serverId: integer("server_id").references(() => servers.id, { onDelete: "set null" }),
    /** File mode: the folder of 1Cv8.1CD. */
    path: text("path"),
    /** The infobase uuid rac prints, for matching sessions. */
    racUuid: text("rac_uuid"),
    licenseDistribution: text("license_distribution", { enum: LICENSE_DISTRIBUTIONS }).notNull().default("allow"),
    /** The "use hardware license" setting of the infobase (§2, [L]). */
    useHardwareLicense: integer("use_hardware_license", { mode: "boolean" }).notNull().default(true),
    notes: text("notes"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("infobases_name_unique").on(t.name),
    uniqueIndex("infobases_rac_uuid_unique").on(t.racUuid),
    check("infobases_mode", inList("mode", INFOBASE_MODES)),
    check("infobases_distribution", inList("license_distribution", LICENSE_DISTRIBUTIONS)),
  ],
);

/** One capture of `rac session list --licenses` (or the demo's equivalent). */
export const sessionSnapshots = sqliteTable(
  "session_snapshots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    takenAt: integer("taken_at", { mode: "timestamp_ms" }).notNull(),
    source: text("source", { enum: SNAPSHOT_SOURCES }).notNull(),
    serverId: integer("server_id").references(() => servers.id, { onDelete: "set null" }),
    /** Records in the capture after de-duplication by `session`. */
    sessionCount: integer("session_count").notNull().default(0),
    /** Of those: holding a license, matched to a kit or key, not matched. Null for captures imported before they were kept. */
    licensedCount: integer("licensed_count"),
    matchedCount: integer("matched_count"),
    unmatchedCount: integer("unmatched_count"),
    /** The parser's warnings about the capture (dropped records, a cut last record), JSON array of `{ line, message }`. */
    warnings: text("warnings").notNull().default("[]"),
    notes: text("notes"),
    createdAt: createdAt(),
  },
  (t) => [index("session_snapshots_taken_at").on(t.takenAt), check("session_snapshots_source", inList("source", SNAPSHOT_SOURCES))],
);

/**
 * A 1C session folded over the snapshots that saw it: the rac fields (§5.1) plus the license it held,
 * first/last seen, and what it was matched to. A session belongs to a snapshot when
 * `first_seen_at <= taken_at <= last_seen_at`.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sessionUuid: text("session_uuid").notNull(),
    sessionId: integer("session_id"),
    infobaseUuid: text("infobase_uuid"),
    infobaseId: integer("infobase_id").references(() => infobases.id, { onDelete: "set null" }),
    connection: text("connection"),
    process: text("process"),
    userName: text("user_name"),
    host: text("host"),
    /** Not a rac field: which terminal-server session the client ran in (each is its own computer, §4). */
    terminalSession: text("terminal_session"),
    appId: text("app_id"),
    locale: text("locale"),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    lastActiveAt: integer("last_active_at", { mode: "timestamp_ms" }),
    hibernate: integer("hibernate", { mode: "boolean" }),
    clientIp: text("client_ip"),
    // License fields from `--licenses` (§5.1).
    licenseFullName: text("license_full_name"),
    series: text("series"),
    issuedByServer: integer("issued_by_server", { mode: "boolean" }),
    licenseType: text("license_type"),
    net: integer("net", { mode: "boolean" }),
    maxUsersAll: integer("max_users_all"),
    maxUsersCur: integer("max_users_cur"),
    rmngrAddress: text("rmngr_address"),
    rmngrPort: integer("rmngr_port"),
    rmngrPid: text("rmngr_pid"),
    shortPresentation: text("short_presentation"),
    fullPresentation: text("full_presentation"),
    /** Every other rac key of the record (counters, new platform keys), JSON object, camelCase keys. */
    extra: text("extra").notNull().default("{}"),
    firstSeenAt: integer("first_seen_at", { mode: "timestamp_ms" }).notNull(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    matchedKitId: integer("matched_kit_id").references(() => kits.id, { onDelete: "set null" }),
    matchedKeyId: integer("matched_key_id").references(() => hardwareKeys.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("sessions_uuid_unique").on(t.sessionUuid),
    index("sessions_seen").on(t.firstSeenAt, t.lastSeenAt),
    index("sessions_last_seen").on(t.lastSeenAt),
  ],
);

/**
 * Seats held per pool at each snapshot (issue 11 §1): the Overview's figures for that capture, written when
 * the capture is stored, so a year of history is read without replaying every session. `taken_at` is the
 * snapshot's, copied for range scans; `capacity` is the pool's seats in the inventory of that moment.
 */
export const poolUsage = sqliteTable(
  "pool_usage",
  {
    snapshotId: integer("snapshot_id")
      .notNull()
      .references(() => sessionSnapshots.id, { onDelete: "cascade" }),
    takenAt: integer("taken_at", { mode: "timestamp_ms" }).notNull(),
    /** The pool's id as `/api/pools` prints it (`<kind>:<host>[:<key series>]`). */
    poolId: text("pool_id").notNull(),
    inUse: integer("in_use").notNull(),
    capacity: integer("capacity").notNull(),
  },
  (t) => [
    uniqueIndex("pool_usage_snapshot_pool_unique").on(t.snapshotId, t.poolId),
    index("pool_usage_pool_taken_at").on(t.poolId, t.takenAt),
    index("pool_usage_taken_at").on(t.takenAt),
  ],
);

/** A "no free license found" occurrence (§4.2): who, where, when, the platform's text and our explanation. */
export const noLicenseEvents = sqliteTable(
  "no_license_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    occurredAt: integer("occurred_at", { mode: "timestamp_ms" }).notNull(),
    userName: text("user_name"),
    host: text("host"),
    computerId: integer("computer_id").references(() => computers.id, { onDelete: "set null" }),
    infobaseId: integer("infobase_id").references(() => infobases.id, { onDelete: "set null" }),
    appId: text("app_id"),
    /** The platform's message as the user saw it. */
    message: text("message").notNull(),
    /** JSON: the explanation lines `{ text, place, cause, explanation }[]`. */
    explanation: text("explanation").notNull().default("[]"),
    reportedBy: text("reported_by"),
    createdAt: createdAt(),
  },
  (t) => [index("no_license_events_occurred").on(t.occurredAt)],
);

/** Admin-adjustable values for the [M]/[L] rules of DOMAIN.md (app-ids that take no seat, prices, …). */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  /** JSON value. */
  value: text("value").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`),
});

/** Append-only record of who changed what (filled by issue 5; the app offers no update or delete). */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actor: text("actor"),
    action: text("action").notNull(),
    entity: text("entity"),
    entityId: text("entity_id"),
    /** JSON, secrets never written. */
    before: text("before"),
    after: text("after"),
    address: text("address"),
  },
  (t) => [index("audit_log_at").on(t.at), index("audit_log_action_at").on(t.action, t.at), index("audit_log_actor_at").on(t.actor, t.at)],
);

/** API tokens for automation (cron piping rac output). Only a hash of the token is stored; it is shown once. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    scope: text("scope", { enum: TOKEN_SCOPES }).notNull(),
    /** SHA-256 of the whole token (it carries 256 random bits, so a plain hash is enough). */
    tokenHash: text("token_hash").notNull(),
    /** The first characters, to tell tokens apart in lists. */
    prefix: text("prefix").notNull(),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("api_tokens_hash_unique").on(t.tokenHash), check("api_tokens_scope", inList("scope", TOKEN_SCOPES))],
);

/*
 * Accounts and sign-in sessions, owned by better-auth (db/auth.ts) through its Drizzle adapter. Field names
 * are the library's (user, session, account, verification + the admin plugin's role/ban fields); the
 * password hash lives in auth_account.password, written only by the library.
 */
const authTime = (name: string) => integer(name, { mode: "timestamp_ms" });

export const authUser = sqliteTable(
  "auth_user",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
    image: text("image"),
    role: text("role", { enum: USER_ROLES }).notNull().default("viewer"),
    banned: integer("banned", { mode: "boolean" }).default(false),
    banReason: text("ban_reason"),
    banExpires: authTime("ban_expires"),
    createdAt: authTime("created_at").notNull(),
    updatedAt: authTime("updated_at").notNull(),
  },
  (t) => [uniqueIndex("auth_user_email_unique").on(t.email), check("auth_user_role", inList("role", USER_ROLES))],
);

export const authSession = sqliteTable(
  "auth_session",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => authUser.id, { onDelete: "cascade" }),
    expiresAt: authTime("expires_at").notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    impersonatedBy: text("impersonated_by"),
    createdAt: authTime("created_at").notNull(),
    updatedAt: authTime("updated_at").notNull(),
  },
  (t) => [uniqueIndex("auth_session_token_unique").on(t.token), index("auth_session_user").on(t.userId)],
);

export const authAccount = sqliteTable(
  "auth_account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => authUser.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: authTime("access_token_expires_at"),
    refreshTokenExpiresAt: authTime("refresh_token_expires_at"),
    scope: text("scope"),
    password: text("password"),
    createdAt: authTime("created_at").notNull(),
    updatedAt: authTime("updated_at").notNull(),
  },
  (t) => [index("auth_account_user").on(t.userId)],
);

export const authVerification = sqliteTable(
  "auth_verification",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: authTime("expires_at").notNull(),
    createdAt: authTime("created_at").notNull(),
    updatedAt: authTime("updated_at").notNull(),
  },
  (t) => [index("auth_verification_identifier").on(t.identifier)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
export type AuthUser = typeof authUser.$inferSelect;
export type Owner = typeof owners.$inferSelect;
export type NewOwner = typeof owners.$inferInsert;
export type Kit = typeof kits.$inferSelect;
export type NewKit = typeof kits.$inferInsert;
export type Pin = typeof pins.$inferSelect;
export type NewPin = typeof pins.$inferInsert;
export type Computer = typeof computers.$inferSelect;
export type NewComputer = typeof computers.$inferInsert;
export type FingerprintRow = typeof fingerprints.$inferSelect;
export type Activation = typeof activations.$inferSelect;
export type HardwareKey = typeof hardwareKeys.$inferSelect;
export type Server = typeof servers.$inferSelect;
export type Infobase = typeof infobases.$inferSelect;
export type SessionSnapshot = typeof sessionSnapshots.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type NoLicenseEvent = typeof noLicenseEvents.$inferSelect;
