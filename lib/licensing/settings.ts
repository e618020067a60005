/**
 * Values behind the [M]/[L] rules of DOMAIN.md: defaults here, overridden by an admin through the
 * settings table (db/queries/settings.ts). The engine never hard-codes these; it receives them.
 */
import { z } from "zod";

import { isTimeZone } from "./timeline";

/** Standard client-kit sizes (DOMAIN §1.1 [M]). */
export const STANDARD_KIT_SIZES = [1, 5, 10, 20, 50, 100, 300, 500] as const;

export const LicensingSettingsSchema = z.object({
  /** §4 [M]: app-ids (rac `app-id`) whose sessions never take a client seat. */
  noSeatAppIds: z.array(z.string().min(1)),
  /** §4 [H]/[M]: app-ids that always count per session (web and mobile clients, web/HTTP/OData services). */
  perSessionAppIds: z.array(z.string().min(1)),
  /** §1.2 [M]: kits of this many seats or more are multi-user only (on a server); null = no such rule. */
  multiOnlyMinSeats: z.number().int().min(1).nullable(),
  /** §1.3 [L]: "a PIN can usually be activated no more than six times". */
  pinActivationLimit: z.number().int().min(1).max(100),
  /** §4 [L]: KORP licensing counts unique users at about this factor of owned seats. */
  corpFactor: z.number().min(1).max(3),
  /** §1.1 [M]: the client-kit sizes one can buy. */
  kitSizes: z.array(z.number().int().positive()).min(1),
  /** Price of a client kit per size, in minor units (kopecks), for purchase plans. */
  kitPrices: z.record(z.string().regex(/^\d+$/), z.number().int().nonnegative()),
  currency: z.string().length(3),
  /** The zone of the 1C server's local times printed by rac (§5.1). */
  serverTimeZone: z.string().min(1).refine(isTimeZone, "must be an IANA time zone such as Europe/Moscow"),
  /** Warn when a kit's last backup PIN is expected within this many months. */
  runwayWarningMonths: z.number().int().min(1).max(60),
  /** Pool load at or above which a pool is shown as nearly full (and the Overview raises an alert). */
  utilisationWarning: z.number().min(0).max(1),
  /** Per pool (an id from /api/pools): its own load threshold, in place of `utilisationWarning`. */
  poolThresholds: z.record(z.string().trim().min(1).max(300), z.number().min(0).max(1)),
  /** The Overview warns when the newest rac capture is older than this (captures are expected every few minutes). */
  snapshotMaxAgeMinutes: z.number().int().min(1).max(10_080),
});

export type LicensingSettings = z.infer<typeof LicensingSettingsSchema>;

export const DEFAULT_SETTINGS: LicensingSettings = {
  noSeatAppIds: ["BackgroundJob", "SystemBackgroundJob", "SrvrConsole", "COMConsole", "JobScheduler", "Debugger", "RAS"],
  perSessionAppIds: ["WebClient", "MobileClient", "WSConnection", "HTTPServiceConnection", "ODataConnection"],
  multiOnlyMinSeats: 50,
  pinActivationLimit: 6,
  corpFactor: 1.1,
  kitSizes: [...STANDARD_KIT_SIZES],
  // Example list prices of PROF client kits, rubles → kopecks; finance sets the real ones.
  kitPrices: {
    "1": 860_000,
    "5": 3_000_000,
    "10": 5_700_000,
    "20": 10_800_000,
    "50": 25_500_000,
    "100": 48_000_000,
    "300": 138_000_000,
    "500": 216_000_000,
  },
  currency: "RUB",
  serverTimeZone: "Europe/Moscow",
  runwayWarningMonths: 6,
  utilisationWarning: 0.8,
  poolThresholds: {},
  snapshotMaxAgeMinutes: 60,
};

/** What an admin may send to change settings: any subset of the keys, each validated; unknown keys refused. */
export const LicensingSettingsPatchSchema = LicensingSettingsSchema.partial().strict();
export type LicensingSettingsPatch = z.infer<typeof LicensingSettingsPatchSchema>;

/** Defaults overlaid with whatever valid values were stored; unknown or invalid keys are ignored. */
export function resolveSettings(stored: Record<string, unknown>): LicensingSettings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const shape = LicensingSettingsSchema.shape;
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in shape)) continue;
    const parsed = shape[key as keyof typeof shape].safeParse(value);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as LicensingSettings;
}

/** `GET`/`PATCH /api/settings/licensing`: the settings in force and their defaults. */
export const LicensingSettingsResponseSchema = z.object({ settings: LicensingSettingsSchema, defaults: LicensingSettingsSchema });

const percent = z.number({ error: "must be a number of percent" }).min(0, "must be between 0 and 100 %").max(100, "must be between 0 and 100 %");

/**
 * The Settings page's alerts form: the API's own rules for these keys, loads in percent (as people read
 * them) instead of the API's fractions. A pool left blank follows the company-wide threshold.
 */
export const AlertSettingsFormSchema = z.object({
  utilisationPercent: percent,
  runwayWarningMonths: LicensingSettingsSchema.shape.runwayWarningMonths,
  snapshotMaxAgeMinutes: LicensingSettingsSchema.shape.snapshotMaxAgeMinutes,
  pools: z.array(z.object({ id: z.string().min(1), percent: percent.optional() })),
});
export type AlertSettingsForm = z.infer<typeof AlertSettingsFormSchema>;

/** 0.7 → 70 (not 70.00000000000001). */
export const toPercent = (fraction: number) => Math.round(fraction * 10_000) / 100;

/** The form's values for the settings in force and the pools shown (their own threshold, or blank). */
export function alertSettingsForm(settings: LicensingSettings, poolIds: readonly string[]): AlertSettingsForm {
  return {
    utilisationPercent: toPercent(settings.utilisationWarning),
    runwayWarningMonths: settings.runwayWarningMonths,
    snapshotMaxAgeMinutes: settings.snapshotMaxAgeMinutes,
    pools: poolIds.map((id) => ({ id, percent: settings.poolThresholds[id] === undefined ? undefined : toPercent(settings.poolThresholds[id]) })),
  };
}

/**
 * The `PATCH` body for the form's values. Thresholds of pools the form did not show (a pool gone from the
 * inventory for now) are kept; a shown pool left blank loses its own threshold.
 */
export function alertSettingsPatch(values: AlertSettingsForm, current: LicensingSettings["poolThresholds"]): { set: LicensingSettingsPatch } {
  const shown = new Set(values.pools.map((p) => p.id));
  const kept = Object.entries(current).filter(([id]) => !shown.has(id));
  const own = values.pools.filter((p) => p.percent !== undefined).map((p) => [p.id, p.percent! / 100] as const);
  return {
    set: {
      utilisationWarning: values.utilisationPercent / 100,
      runwayWarningMonths: values.runwayWarningMonths,
      snapshotMaxAgeMinutes: values.snapshotMaxAgeMinutes,
      poolThresholds: Object.fromEntries([...kept, ...own]),
    },
  };
}
