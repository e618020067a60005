/**
 * The inventory API's contract (issue #9): what /api/owners, /api/kits, /api/computers, /api/keys,
 * /api/servers and /api/infobases take and answer. The route handlers parse their input with these and
 * their output before it leaves; the forms use the same schemas (react-hook-form's zod resolver), so a
 * field is refused by the same rule in the browser and on the server. Plain zod: no React, no db.
 *
 * Messages name the rule in English (the API's language); the forms show the catalog's text for the field.
 */
import { z } from "zod";

import { blankToUndefined } from "../query-params";

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
  USAGE_MODES,
} from "../domain/enums";
import { FingerprintSchema } from "../licensing/binding";
import { kitPinSets } from "../licensing/kit-shape";
import { isCalendarDate } from "../licensing/timeline";
import { clearCharacters, TEXT_MASK } from "../security/mask";

// ---------------------------------------------------------------------------------------------------
// Field rules shared by the schemas

const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(", ")}` });

/** A database id: a positive whole number. */
export const IdSchema = z.number({ error: "must be a record id (a positive whole number)" }).int("must be a whole number").positive("must be a positive whole number");

/** An id in a URL path: `/api/kits/12`. */
export const IdParamSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,14}$/, "must be a positive whole number (the record's id, e.g. 12)")
    .transform(Number),
});

/** Required text: trimmed, not blank, at most `max` characters. */
export const requiredText = (max: number) => z.string({ error: "is required (text)" }).trim().min(1, "is required").max(max, `must be at most ${max} characters`);

/** Optional text: trimmed; blank, null or missing → null. */
export const optionalText = (max: number) =>
  z
    .string({ error: "must be text" })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

/** DOMAIN §1.1: a registration number has 9–12 digits (seen: 9 starting 80, 10 starting 81, 12 starting 50000); spaces are ignored. */
export const RegNumberSchema = z
  .string({ error: "must be text of 9 to 12 digits" })
  .transform((s) => s.replace(/\s/g, ""))
  .refine((s) => /^\d{9,12}$/.test(s), "a registration number has 9 to 12 digits");

/**
 * DOMAIN §1.2: a PIN has 15 (sometimes 16) digits, printed in groups. Separators (dashes, spaces) are
 * stripped; a letter is refused rather than stripped (a misread digit: O for 0, l for 1). Messages never
 * quote the value.
 */
export const PinCodeSchema = z
  .string({ error: "must be text of 15 or 16 digits" })
  .superRefine((s, ctx) => {
    if (/\p{L}/u.test(s)) ctx.addIssue({ code: "custom", message: "a PIN has digits only; a letter was found (O for 0? l for 1?)" });
    else {
      const n = s.replace(/\D/g, "").length;
      if (n !== 15 && n !== 16) ctx.addIssue({ code: "custom", message: `a PIN has 15 or 16 digits, ${n} found` });
    }
  })
  .transform((s) => s.replace(/\D/g, ""));

export const CalendarDateSchema = z.string({ error: "must be a date like 2026-11-28" }).trim().refine(isCalendarDate, "must be a date like 2026-11-28 (YYYY-MM-DD)");
const optionalDate = CalendarDateSchema.nullish().transform((v) => v ?? null);

/** An instant with its zone (`2026-11-28T09:30:00+03:00` or `…Z`). */
export const InstantSchema = z.iso.datetime({ offset: true, error: "must be a date and time with a zone, e.g. 2026-11-28T09:30:00+03:00" });

const money = z.number({ error: "must be a whole number of minor units (kopecks)" }).int("must be a whole number of minor units (kopecks)").nonnegative("must be 0 or more").max(1e13, "is too large");
const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "must be a three-letter currency code such as RUB");

/** DOMAIN §1.5: the file is named after the activation time, `YYYYMMDDhhmmss.lic`. */
export const LicFileNameSchema = z
  .string()
  .trim()
  .regex(/^\d{14}\.lic$/i, "a license file is named after its activation time: YYYYMMDDhhmmss.lic")
  .nullish()
  .transform((v) => v ?? null);

// ---------------------------------------------------------------------------------------------------
// Owners (DOMAIN §1.1)

/** One field of the registration form, typed verbatim: the value is never trimmed (recovery compares it character for character). */
export const RegistrationFieldSchema = z.object({
  field: requiredText(100),
  value: z.string({ error: "must be text" }).max(500, "must be at most 500 characters"),
});

export const NewOwnerSchema = z.object({
  name: requiredText(200),
  registrationData: z.array(RegistrationFieldSchema).max(40, "at most 40 fields").default([]),
});
export type NewOwnerInput = z.input<typeof NewOwnerSchema>;
export type NewOwner = z.output<typeof NewOwnerSchema>;

// The output schemas are a last line of defence: a code with more than 3 clear characters, or an owner value
// that is not a mask, fails them and the response is a 500, never a leak.
const MaskedCode = z.string().refine((code) => clearCharacters(code) <= 3, "a PIN must leave the server masked");
const MaskedValue = z
  .string()
  .refine((value) => value.trim() === "" || (value.endsWith(TEXT_MASK) && Array.from(value).length === 1 + Array.from(TEXT_MASK).length), "owner data must leave the server masked");

/** An owner as lists show it: field names readable, values masked (`О•••`); null when unreadable. */
export const OwnerWireSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  fields: z.array(z.object({ field: z.string(), value: MaskedValue })).nullable(),
});
export type OwnerWire = z.infer<typeof OwnerWireSchema>;

// ---------------------------------------------------------------------------------------------------
// Kits and PINs (DOMAIN §1.1–1.2)

export const NewKitPinSchema = z.object({
  code: PinCodeSchema,
  set: enumOf(PIN_SETS),
  role: enumOf(PIN_ROLES),
});

const kitFields = {
  regNumber: RegNumberSchema,
  product: requiredText(300),
  kind: enumOf(KIT_KINDS),
  level: enumOf(KIT_LEVELS).default("PROF"),
  seats: z.number({ error: "must be a whole number of seats" }).int("must be a whole number of seats").min(0, "must be 0 or more").max(100_000, "must be at most 100000"),
  protection: enumOf(KIT_PROTECTIONS),
  serverBitness: enumOf(SERVER_BITNESS).nullish().transform((v) => v ?? null),
  ownerId: IdSchema.nullish().transform((v) => v ?? null),
  purchaseDate: optionalDate,
  priceMinor: money.nullish().transform((v) => v ?? null),
  currency: currency.default("RUB"),
  supplier: optionalText(200),
  invoice: optionalText(100),
  notes: optionalText(2000),
};

interface KitShape {
  kind: (typeof KIT_KINDS)[number];
  seats: number;
  protection: (typeof KIT_PROTECTIONS)[number];
  serverBitness: string | null;
}

/** DOMAIN §1.1: a server license grants no client seats (0), every client kit at least one; only a server license has a bitness. */
export function kitShapeIssues(kit: KitShape): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  if (kit.kind === "server" && kit.seats !== 0) issues.push({ path: "seats", message: "a server license grants no client seats: send 0" });
  if (kit.kind !== "server" && kit.seats < 1) issues.push({ path: "seats", message: "a client kit or basic delivery has at least 1 seat" });
  if (kit.kind !== "server" && kit.serverBitness !== null) issues.push({ path: "serverBitness", message: "only a server license has a bitness" });
  return issues;
}

/**
 * POST /api/kits. `multiOnlyMinSeats` is the admin's setting (§1.2 [M]): it decides which PIN sets a kit
 * of a size may hold. PINs keep the order they were sent in.
 */
export function newKitSchema(multiOnlyMinSeats: number | null = 50) {
  return z
    .object({ ...kitFields, pins: z.array(NewKitPinSchema).max(2000, "at most 2000 PINs per kit").default([]) })
    .superRefine((kit, ctx) => {
      for (const issue of kitShapeIssues(kit)) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
      const sets = kitPinSets(kit, multiOnlyMinSeats);
      if (kit.protection === "hardware" && kit.pins.length > 0) {
        ctx.addIssue({ code: "custom", path: ["pins"], message: "a hardware-key kit has no PINs" });
        return;
      }
      const seen = new Map<string, number>();
      kit.pins.forEach((pin, i) => {
        if (!sets.includes(pin.set)) {
          ctx.addIssue({
            code: "custom",
            path: ["pins", i, "set"],
            message: `a ${kit.kind === "server" ? "server license" : `${kit.seats}-seat kit`} holds ${sets.map((s) => `${s}-user`).join(" and ")} PINs only`,
          });
        }
        const earlier = seen.get(pin.code);
        if (earlier !== undefined) ctx.addIssue({ code: "custom", path: ["pins", i, "code"], message: `the same PIN is already at pins.${earlier}` });
        else seen.set(pin.code, i);
      });
    });
}
export type NewKitInput = z.input<ReturnType<typeof newKitSchema>>;
export type NewKit = z.output<ReturnType<typeof newKitSchema>>;

/** PATCH /api/kits/{id}: any of the kit's own fields (PINs are added through /pins). Unknown keys are refused. */
export const KitPatchSchema = z
  .object({
    regNumber: kitFields.regNumber.optional(),
    product: kitFields.product.optional(),
    kind: kitFields.kind.optional(),
    level: enumOf(KIT_LEVELS).optional(),
    seats: kitFields.seats.optional(),
    protection: kitFields.protection.optional(),
    usageMode: enumOf(USAGE_MODES).nullable().optional(),
    serverBitness: enumOf(SERVER_BITNESS).nullable().optional(),
    ownerId: IdSchema.nullable().optional(),
    purchaseDate: CalendarDateSchema.nullable().optional(),
    priceMinor: money.nullable().optional(),
    currency: currency.optional(),
    supplier: optionalText(200).optional(),
    invoice: optionalText(100).optional(),
    notes: optionalText(2000).optional(),
  })
  .strict();
export type KitPatch = z.output<typeof KitPatchSchema>;

/** POST /api/kits/{id}/pins: an additional PIN from the 1C Licensing Center (§1.2). */
export const NewAdditionalPinSchema = z.object({
  code: PinCodeSchema,
  set: enumOf(PIN_SETS),
  role: z.literal("additional", { error: 'must be "additional" (envelope PINs come with the kit)' }),
  receivedAt: optionalDate,
});
export type NewAdditionalPinInput = z.input<typeof NewAdditionalPinSchema>;

/** A PIN as every list shows it: the code masked (`***-***-***-***-345`). */
export const MaskedPinWireSchema = z.object({
  id: z.number().int(),
  set: z.enum(PIN_SETS),
  role: z.enum(PIN_ROLES),
  status: z.enum(PIN_STATUSES),
  source: z.enum(PIN_SOURCES),
  maskedCode: MaskedCode.nullable(),
  receivedAt: z.string().nullable(),
});
export type MaskedPinWire = z.infer<typeof MaskedPinWireSchema>;

/** A kit as GET /api/pins lists it, PINs masked in the order they were recorded. */
export const KitWireSchema = z.object({
  id: z.number().int(),
  regNumber: z.string(),
  product: z.string(),
  kind: z.enum(KIT_KINDS),
  level: z.enum(KIT_LEVELS),
  seats: z.number().int(),
  protection: z.enum(KIT_PROTECTIONS),
  usageMode: z.enum(USAGE_MODES).nullable(),
  serverBitness: z.enum(SERVER_BITNESS).nullable(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  purchaseDate: z.string().nullable(),
  priceMinor: z.number().int().nullable(),
  currency: z.string(),
  supplier: z.string().nullable(),
  pins: z.array(MaskedPinWireSchema),
});
export type KitWire = z.infer<typeof KitWireSchema>;

// ---------------------------------------------------------------------------------------------------
// The PIN ledger (DOMAIN §1.3)

/** POST /api/kits/{id}/activations: a first activation or a recovery; the ledger's rules decide (422). */
export const NewActivationSchema = z.object({
  pinId: IdSchema,
  operation: enumOf(ACTIVATION_OPERATIONS),
  computerId: IdSchema,
  /** Recovery: whether the key hardware parameters (§1.4) changed since the license was obtained. */
  hardwareChanged: z.boolean({ error: "must be true or false" }).optional(),
  previousPinId: IdSchema.nullish().transform((v) => v ?? undefined),
  method: enumOf(ACTIVATION_METHODS).default("automatic"),
  visibility: enumOf(ACTIVATION_VISIBILITIES).default("all-users"),
  /** When it happened; default: now. */
  at: InstantSchema.optional(),
  licFileName: LicFileNameSchema,
  licFolder: optionalText(500),
  reason: optionalText(1000),
  /** The computer's hardware as bound at this activation (the binding check's fingerprint, §1.4). */
  fingerprint: FingerprintSchema.optional(),
});
export type NewActivationInput = z.input<typeof NewActivationSchema>;
export type NewActivation = z.output<typeof NewActivationSchema>;

export const ActivationWireSchema = z.object({
  id: z.number().int(),
  pinId: z.number().int(),
  operation: z.enum(ACTIVATION_OPERATIONS),
  previousPinId: z.number().int().nullable(),
  computerId: z.number().int(),
  computerName: z.string(),
  at: z.string(),
  method: z.enum(ACTIVATION_METHODS),
  visibility: z.enum(ACTIVATION_VISIBILITIES),
  licFileName: z.string().nullable(),
  licFolder: z.string().nullable(),
  reason: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type ActivationWire = z.infer<typeof ActivationWireSchema>;

const LocalisedSchema = z.object({ en: z.string(), ru: z.string() });

export const PinSummaryWireSchema = z.object({
  usableSet: z.enum(PIN_SETS).nullable(),
  total: z.number().int(),
  active: z.number().int(),
  spent: z.number().int(),
  backupsLeft: z.number().int().nullable(),
  health: z.enum(["not-activated", "ok", "low", "exhausted"]),
});
export type PinSummaryWire = z.infer<typeof PinSummaryWireSchema>;

export const LedgerWarningWireSchema = z.object({
  code: z.string(),
  rule: z.string(),
  confidence: z.enum(["H", "M", "L"]),
  message: LocalisedSchema,
  pinId: z.number().int().optional(),
  activationCount: z.number().int().optional(),
  backupsLeft: z.number().int().optional(),
});

export const RunwayWireSchema = z.object({
  rateSource: z.enum(["kit", "company", "none"]),
  reason: z.string().nullable(),
  ratePerYear: z.number(),
  backupsLeft: z.number().int(),
  expectedExhaustion: z.string().nullable(),
  probabilityWithin6Months: z.number().nullable(),
  probabilityWithin12Months: z.number().nullable(),
  exhausted: z.boolean(),
  method: LocalisedSchema,
});
export type RunwayWire = z.infer<typeof RunwayWireSchema>;

export const KitDetailResponseSchema = z.object({
  kit: KitWireSchema,
  activations: z.array(ActivationWireSchema),
  summary: PinSummaryWireSchema.nullable(),
  runway: RunwayWireSchema.nullable(),
});
export type KitDetailResponse = z.infer<typeof KitDetailResponseSchema>;

export const ActivationCreatedResponseSchema = z.object({
  activation: ActivationWireSchema,
  warnings: z.array(LedgerWarningWireSchema),
  summary: PinSummaryWireSchema,
});

// ---------------------------------------------------------------------------------------------------
// Computers, keys, servers, infobases

export const NewComputerSchema = z.object({
  name: requiredText(100),
  role: enumOf(COMPUTER_ROLES),
  osName: optionalText(100),
  osVersion: optionalText(100),
  notes: optionalText(2000),
});
export const ComputerPatchSchema = NewComputerSchema.partial().strict();
export type NewComputerInput = z.input<typeof NewComputerSchema>;

export const ComputerWireSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(COMPUTER_ROLES),
  osName: z.string().nullable(),
  osVersion: z.string().nullable(),
  notes: z.string().nullable(),
});
export type ComputerWire = z.infer<typeof ComputerWireSchema>;

/** POST /api/computers/{id}/fingerprints: the computer's hardware as observed now (default) or at `takenAt`. */
export const NewFingerprintSchema = FingerprintSchema.extend({ takenAt: InstantSchema.optional(), notes: optionalText(1000) });

export const NewKeySchema = z.object({
  /** §2: free text (ORGL8, ORG8A, ORG8B, ENSR8, EN8SA …); compared case-insensitively. */
  series: requiredText(20).transform((s) => s.toUpperCase()),
  kind: enumOf(KEY_KINDS),
  seats: z.number({ error: "must be a whole number of seats" }).int("must be a whole number of seats").min(0, "must be 0 or more").max(100_000, "must be at most 100000"),
  keyNumber: optionalText(100),
  kitId: IdSchema.nullish().transform((v) => v ?? null),
  computerId: IdSchema.nullish().transform((v) => v ?? null),
  notes: optionalText(2000),
});
export const KeyPatchSchema = z
  .object({
    series: NewKeySchema.shape.series.optional(),
    kind: enumOf(KEY_KINDS).optional(),
    seats: NewKeySchema.shape.seats.optional(),
    keyNumber: optionalText(100).optional(),
    kitId: IdSchema.nullable().optional(),
    computerId: IdSchema.nullable().optional(),
    notes: optionalText(2000).optional(),
  })
  .strict();
export type NewKeyInput = z.input<typeof NewKeySchema>;

export const KeyWireSchema = z.object({
  id: z.number().int(),
  series: z.string(),
  kind: z.enum(KEY_KINDS),
  seats: z.number().int(),
  keyNumber: z.string().nullable(),
  kitId: z.number().int().nullable(),
  computerId: z.number().int().nullable(),
  notes: z.string().nullable(),
});
export type KeyWire = z.infer<typeof KeyWireSchema>;

const port = z.number({ error: "must be a port number" }).int("must be a whole number").min(1, "must be 1–65535").max(65535, "must be 1–65535");

export const NewServerSchema = z.object({
  name: requiredText(100),
  computerId: IdSchema,
  bitness: enumOf(SERVER_BITNESS).default("64"),
  serverLicenseKitId: IdSchema.nullish().transform((v) => v ?? null),
  serviceUser: optionalText(100),
  clusterPort: port.default(1541),
  platformVersion: optionalText(50),
  notes: optionalText(2000),
});
export const ServerPatchSchema = z
  .object({
    name: requiredText(100).optional(),
    computerId: IdSchema.optional(),
    bitness: enumOf(SERVER_BITNESS).optional(),
    serverLicenseKitId: IdSchema.nullable().optional(),
    serviceUser: optionalText(100).optional(),
    clusterPort: port.optional(),
    platformVersion: optionalText(50).optional(),
    notes: optionalText(2000).optional(),
  })
  .strict();
export type NewServerInput = z.input<typeof NewServerSchema>;

export const ServerWireSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  computerId: z.number().int(),
  bitness: z.enum(SERVER_BITNESS),
  serverLicenseKitId: z.number().int().nullable(),
  serviceUser: z.string().nullable(),
  clusterPort: z.number().int(),
  platformVersion: z.string().nullable(),
  notes: z.string().nullable(),
});
export type ServerWire = z.infer<typeof ServerWireSchema>;

const uuid = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "must be the infobase uuid rac prints (8-4-4-4-12 hexadecimal digits)");

const infobaseFields = {
  name: requiredText(200),
  mode: enumOf(INFOBASE_MODES),
  serverId: IdSchema.nullish().transform((v) => v ?? null),
  path: optionalText(500),
  // A blank box is "no uuid", like every other optional text field.
  racUuid: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), uuid.nullish()).transform((v) => v ?? null),
  /** §4 [H]: whether the 1C server may issue client licenses for it. */
  licenseDistribution: enumOf(LICENSE_DISTRIBUTIONS).default("allow"),
  /** §2 [L]: the infobase's "use hardware license" setting. */
  useHardwareLicense: z.boolean({ error: "must be true or false" }).default(true),
  notes: optionalText(2000),
};

/** §4: a client-server infobase lives on a 1C server; a file-mode one on no server. */
export function infobaseModeIssues(ib: { mode: string; serverId: number | null }): Array<{ path: string; message: string }> {
  if (ib.mode === "client-server" && ib.serverId === null) return [{ path: "serverId", message: "a client-server infobase lives on a 1C server: name it" }];
  if (ib.mode === "file" && ib.serverId !== null) return [{ path: "serverId", message: "a file-mode infobase is on no 1C server: leave it empty" }];
  return [];
}

export const NewInfobaseSchema = z.object(infobaseFields).superRefine((ib, ctx) => {
  for (const issue of infobaseModeIssues(ib)) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
});
export const InfobasePatchSchema = z
  .object({
    name: infobaseFields.name.optional(),
    mode: infobaseFields.mode.optional(),
    serverId: IdSchema.nullable().optional(),
    path: optionalText(500).optional(),
    racUuid: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), uuid.nullable().optional()),
    licenseDistribution: enumOf(LICENSE_DISTRIBUTIONS).optional(),
    useHardwareLicense: z.boolean({ error: "must be true or false" }).optional(),
    notes: optionalText(2000).optional(),
  })
  .strict();
export type NewInfobaseInput = z.input<typeof NewInfobaseSchema>;

export const InfobaseWireSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  mode: z.enum(INFOBASE_MODES),
  serverId: z.number().int().nullable(),
  path: z.string().nullable(),
  racUuid: z.string().nullable(),
  licenseDistribution: z.enum(LICENSE_DISTRIBUTIONS),
  useHardwareLicense: z.boolean(),
  notes: z.string().nullable(),
});
export type InfobaseWire = z.infer<typeof InfobaseWireSchema>;

// ---------------------------------------------------------------------------------------------------
// Lists: filtered, sorted and paged on the server (the same query from the page's URL and the API)


export const LIST_PAGE_SIZES = [25, 50, 100] as const;

/** `?q=&sort=&dir=&page=&size=`: text search, one sort column, pages counted from 1. */
export function listQuerySchema<S extends readonly [string, ...string[]]>(sortable: S, defaultSort: S[number]) {
  return z.object({
    q: z.preprocess(blankToUndefined, z.string().trim().max(200, "must be at most 200 characters").optional()),
    sort: z.preprocess(blankToUndefined, z.enum(sortable, { error: `must be one of ${sortable.join(", ")}` }).default(defaultSort as never)),
    dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"], { error: "must be asc or desc" }).default("asc")),
    page: z.preprocess(blankToUndefined, z.coerce.number({ error: "must be a whole number, 1 or more" }).int("must be a whole number, 1 or more").min(1, "must be a whole number, 1 or more").default(1)),
    size: z.preprocess(blankToUndefined, z.coerce.number({ error: "must be 25, 50 or 100" }).refine((n) => (LIST_PAGE_SIZES as readonly number[]).includes(n), "must be 25, 50 or 100").default(50)),
  });
}

// ---------------------------------------------------------------------------------------------------
// The kits list

export const KIT_SORTS = ["regNumber", "product", "kind", "seats", "owner", "purchaseDate", "priceMinor", "health", "backupsLeft"] as const;
export const PIN_HEALTHS = ["not-activated", "ok", "low", "exhausted"] as const;

export const KitListQuerySchema = listQuerySchema(KIT_SORTS, "regNumber").extend({
  kind: z.preprocess(blankToUndefined, enumOf(KIT_KINDS).optional()),
  protection: z.preprocess(blankToUndefined, enumOf(KIT_PROTECTIONS).optional()),
  health: z.preprocess(blankToUndefined, enumOf(PIN_HEALTHS).optional()),
});
export type KitListQuery = z.output<typeof KitListQuerySchema>;

export const KitListRowSchema = KitWireSchema.omit({ pins: true }).extend({
  pinCount: z.number().int(),
  summary: PinSummaryWireSchema.nullable(),
});
export type KitListRow = z.infer<typeof KitListRowSchema>;

export const KitListResponseSchema = z.object({ kits: z.array(KitListRowSchema), total: z.number().int() });
export type KitListResponse = z.infer<typeof KitListResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// Computers, keys, servers and infobases: lists and pages

export const COMPUTER_SORTS = ["name", "role", "os", "licenses", "keys"] as const;
export const ComputerListQuerySchema = listQuerySchema(COMPUTER_SORTS, "name").extend({
  role: z.preprocess(blankToUndefined, enumOf(COMPUTER_ROLES).optional()),
});
export type ComputerListQuery = z.output<typeof ComputerListQuerySchema>;
export const ComputerListRowSchema = ComputerWireSchema.extend({ licenses: z.number().int(), keys: z.number().int() });
export type ComputerListRow = z.infer<typeof ComputerListRowSchema>;
export const ComputerListResponseSchema = z.object({ computers: z.array(ComputerListRowSchema), total: z.number().int() });

export const FingerprintWireSchema = z.object({
  id: z.number().int(),
  takenAt: z.string(),
  osName: z.string().nullable(),
  osVersion: z.string().nullable(),
  osSerial: z.string().nullable(),
  osInstallDate: z.string().nullable(),
  hostname: z.string().nullable(),
  motherboard: z.string().nullable(),
  ramMb: z.number().int().nullable(),
  bios: z.string().nullable(),
  cpus: z.array(z.string()),
  nics: z.array(z.object({ name: z.string(), mac: z.string() })),
  disks: z.array(z.object({ model: z.string(), serial: z.string().optional(), sizeBytes: z.number() })),
  notes: z.string().nullable(),
});
export type FingerprintWire = z.infer<typeof FingerprintWireSchema>;

/** A license whose file is on the computer now: the latest activation of an active PIN (§1.5: file name and folder). */
export const ComputerLicenseWireSchema = z.object({
  pinId: z.number().int(),
  kitId: z.number().int(),
  regNumber: z.string(),
  product: z.string(),
  set: z.enum(PIN_SETS),
  maskedCode: MaskedCode.nullable(),
  operation: z.enum(ACTIVATION_OPERATIONS),
  at: z.string(),
  licFileName: z.string().nullable(),
  licFolder: z.string().nullable(),
  visibility: z.enum(ACTIVATION_VISIBILITIES),
});
export type ComputerLicenseWire = z.infer<typeof ComputerLicenseWireSchema>;

export const ComputerDetailResponseSchema = z.object({
  computer: ComputerWireSchema,
  fingerprints: z.array(FingerprintWireSchema),
  licenses: z.array(ComputerLicenseWireSchema),
  history: z.array(ActivationWireSchema.extend({ kitId: z.number().int(), regNumber: z.string() })),
  keys: z.array(KeyWireSchema),
  servers: z.array(ServerWireSchema),
});
export type ComputerDetailResponse = z.infer<typeof ComputerDetailResponseSchema>;

export const KEY_SORTS = ["series", "kind", "seats", "computer", "kit"] as const;
export const KeyListQuerySchema = listQuerySchema(KEY_SORTS, "series").extend({ kind: z.preprocess(blankToUndefined, enumOf(KEY_KINDS).optional()) });
export type KeyListQuery = z.output<typeof KeyListQuerySchema>;
/** `counted` false: another key of the same series on the same host is the one the platform counts (§2). */
export const KeyListRowSchema = KeyWireSchema.extend({ computerName: z.string().nullable(), kitRegNumber: z.string().nullable(), counted: z.boolean() });
export type KeyListRow = z.infer<typeof KeyListRowSchema>;
export const KeyListResponseSchema = z.object({ keys: z.array(KeyListRowSchema), total: z.number().int() });

export const SERVER_SORTS = ["name", "computer", "bitness", "license", "infobases"] as const;
export const ServerListQuerySchema = listQuerySchema(SERVER_SORTS, "name");
export type ServerListQuery = z.output<typeof ServerListQuerySchema>;
export const ServerListRowSchema = ServerWireSchema.extend({ computerName: z.string(), licenseRegNumber: z.string().nullable(), infobases: z.number().int() });
export type ServerListRow = z.infer<typeof ServerListRowSchema>;
export const ServerListResponseSchema = z.object({ servers: z.array(ServerListRowSchema), total: z.number().int() });

export const INFOBASE_SORTS = ["name", "mode", "server", "licenseDistribution"] as const;
export const InfobaseListQuerySchema = listQuerySchema(INFOBASE_SORTS, "name").extend({ mode: z.preprocess(blankToUndefined, enumOf(INFOBASE_MODES).optional()) });
export type InfobaseListQuery = z.output<typeof InfobaseListQuerySchema>;
export const InfobaseListRowSchema = InfobaseWireSchema.extend({ serverName: z.string().nullable() });
export type InfobaseListRow = z.infer<typeof InfobaseListRowSchema>;
export const InfobaseListResponseSchema = z.object({ infobases: z.array(InfobaseListRowSchema), total: z.number().int() });
