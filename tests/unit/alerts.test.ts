/**
 * The Overview's alerts (issue 11 §5): one table row per rule, each a case that raises it and a neighbour that
 * does not. DOMAIN sections where the rule comes from the licensing domain.
 */
import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { ALERT_CODES, overviewAlerts, poolThreshold, type AlertInput } from "@/lib/licensing/alerts";
import type { KitRunway } from "@/lib/licensing/forecast";
import type { PinSummary } from "@/lib/licensing/pin-summary";
import type { PoolUsage } from "@/lib/licensing/pools";
import { alertSettingsForm, alertSettingsPatch, AlertSettingsFormSchema, DEFAULT_SETTINGS, LicensingSettingsPatchSchema } from "@/lib/licensing/settings";
import type { InventoryKit, Pool } from "@/lib/licensing/types";

const NOW = Date.UTC(2026, 11, 7, 12, 0);
const HOUR = 3_600_000;
const MONTH = (365.25 / 12) * 86_400_000;

const pool = (id: string, seats: number, inUse: number, extra: Partial<Pool> = {}): PoolUsage => ({
  pool: { id, source: "soft-server", host: "srv-1c", seats, counting: "per-session", members: [], ignoredKeyIds: [], ...extra },
  inUse,
  free: seats - inUse,
  sessions: inUse,
});
const kit = (id: number, health: PinSummary["health"], backupsLeft = 2): { kit: InventoryKit; pins: PinSummary } => ({
  kit: { id, regNumber: `80000000${id}`, product: "1С:Предприятие 8 ПРОФ. Клиентская лицензия на 5 рабочих мест", kind: "client", seats: 5, protection: "software", usageMode: null },
  pins: { kitId: id, usableSet: "single", total: 15, active: 5, spent: 0, backupsLeft, health },
});
const runway = (kitId: number, backupsLeft: number, expectedExhaustion: number | null): KitRunway => ({
  kitId,
  ratePerYear: 1,
  ratePerComputerYear: 0.2,
  rateSource: "company",
  reason: null,
  backupsLeft,
  expectedExhaustion,
  probabilityWithin6Months: 0.5,
  probabilityWithin12Months: 0.7,
  exhausted: backupsLeft === 0,
});

const base = (over: Partial<AlertInput> = {}): AlertInput => ({
  now: NOW,
  pools: [],
  kits: [],
  runway: [],
  ctx: { servers: [{ host: "srv-1c", bitness: "64" }], serverLicenses: [{ host: "srv-1c", bitness: "64", kitId: 9, regNumber: "8100", via: "software" }], infobases: [] },
  flagged: { total: 0, hibernated: 0, idle: 0 },
  snapshotTakenAt: NOW - 5 * 60_000,
  hasInventory: true,
  settings: DEFAULT_SETTINGS,
  ...over,
});
const codes = (input: AlertInput) => overviewAlerts(input).map((a) => a.code);

describe("overviewAlerts: one rule each", () => {
  test.each([
    { name: "nothing recorded, a fresh capture: no alert", input: base(), want: [] },
    { name: "a full shared pool is urgent and links to its seats", input: base({ pools: [pool("soft-server:srv-1c", 10, 10)] }), want: ["pool-full"] },
    { name: "a pool at the default 80 % threshold", input: base({ pools: [pool("p", 10, 8)] }), want: ["pool-over-threshold"] },
    { name: "just under the threshold: none", input: base({ pools: [pool("p", 10, 7)] }), want: [] },
    { name: "a pool's own threshold wins over the company-wide one", input: base({ pools: [pool("p", 10, 7)], settings: { ...DEFAULT_SETTINGS, poolThresholds: { p: 0.7 } } }), want: ["pool-over-threshold"] },
    { name: "a raised per-pool threshold silences the default", input: base({ pools: [pool("p", 10, 9)], settings: { ...DEFAULT_SETTINGS, poolThresholds: { p: 0.95 } } }), want: [] },
    { name: "a one-seat license on its own computer is just in use", input: base({ pools: [pool("soft-local:buh-01", 1, 1, { source: "soft-local", host: "buh-01" })] }), want: [] },
    { name: "§1.2: a kit with no backup PIN", input: base({ kits: [kit(1, "exhausted", 0)], runway: [runway(1, 0, NOW)] }), want: ["kit-no-backup-pin"] },
    { name: "§1.3: runway under the horizon (6 months)", input: base({ kits: [kit(2, "low", 1)], runway: [runway(2, 1, NOW + 5 * MONTH)] }), want: ["kit-runway-short"] },
    { name: "§1.3: runway beyond the horizon", input: base({ kits: [kit(2, "ok", 2)], runway: [runway(2, 2, NOW + 7 * MONTH)] }), want: [] },
    { name: "§1.3: no forecast (rate 0): none", input: base({ kits: [kit(2, "ok", 2)], runway: [runway(2, 2, null)] }), want: [] },
    { name: "§2: same-series keys on one host", input: base({ pools: [pool("hasp-network:srv-lm:ORGL8", 20, 5, { source: "hasp-network", host: "srv-lm", keySeries: "ORGL8", ignoredKeyIds: [7] })] }), want: ["same-series-keys"] },
    {
      name: "§4: a client-server infobase on a server without a server license",
      input: base({ ctx: { servers: [{ host: "srv-1c", bitness: "64" }], serverLicenses: [], infobases: [{ name: "Бухгалтерия", mode: "client-server", licenseDistribution: "allow", useHardwareLicense: true, serverHost: "SRV-1C" }] } }),
      want: ["server-without-license"],
    },
    {
      name: "§4: a 32-bit server license does not cover a 64-bit server",
      input: base({ ctx: { servers: [{ host: "srv-1c", bitness: "64" }], serverLicenses: [{ host: "srv-1c", bitness: "32", kitId: 9, regNumber: "8100", via: "software" }], infobases: [{ name: "ЗУП", mode: "client-server", licenseDistribution: "allow", useHardwareLicense: true, serverHost: "srv-1c" }] } }),
      want: ["server-without-license"],
    },
    {
      name: "§4: a file-mode infobase needs no server license",
      input: base({ ctx: { servers: [{ host: "srv-1c", bitness: "64" }], serverLicenses: [], infobases: [{ name: "Склад", mode: "file", licenseDistribution: "allow", useHardwareLicense: true, serverHost: null }] } }),
      want: [],
    },
    {
      name: "§4: license distribution denied",
      input: base({ ctx: { ...base().ctx, infobases: [{ name: "Бухгалтерия", mode: "client-server", licenseDistribution: "deny", useHardwareLicense: true, serverHost: "srv-1c" }] } }),
      want: ["distribution-denied"],
    },
    { name: "seat holders hibernated or idle for hours", input: base({ flagged: { total: 3, hibernated: 1, idle: 2 } }), want: ["idle-seat-holders"] },
    { name: "a capture older than expected (60 min)", input: base({ snapshotTakenAt: NOW - 61 * 60_000 }), want: ["snapshot-stale"] },
    { name: "a capture exactly at the limit is not stale", input: base({ snapshotTakenAt: NOW - 60 * 60_000 }), want: [] },
    { name: "no capture with an inventory", input: base({ snapshotTakenAt: null }), want: ["no-snapshot"] },
    { name: "no capture and nothing recorded: the empty state says it", input: base({ snapshotTakenAt: null, hasInventory: false }), want: [] },
  ])("$name", ({ input, want }) => {
    expect(codes(input)).toEqual(want);
  });

  test("each alert links to the page that resolves it, with what the text needs", () => {
    const alerts = overviewAlerts(
      base({
        pools: [pool("soft-server:srv-1c", 10, 10), pool("hasp-network:srv-lm:ORGL8", 20, 17, { source: "hasp-network", host: "srv-lm", keySeries: "ORGL8", ignoredKeyIds: [7, 8] })],
        kits: [kit(1, "exhausted", 0), kit(2, "low", 1)],
        runway: [runway(1, 0, NOW), runway(2, 1, NOW + MONTH)],
        ctx: {
          servers: [{ host: "srv-1c", bitness: "64" }],
          serverLicenses: [],
          infobases: [
            { name: "ЗУП", mode: "client-server", licenseDistribution: "allow", useHardwareLicense: true, serverHost: "srv-1c" },
            { name: "Бухгалтерия", mode: "client-server", licenseDistribution: "deny", useHardwareLicense: true, serverHost: "srv-1c" },
          ],
        },
        flagged: { total: 2, hibernated: 2, idle: 0 },
        snapshotTakenAt: NOW - 3 * HOUR,
      }),
    );
    expect(alerts.map((a) => [a.code, a.severity, a.href])).toEqual([
      ["pool-full", "danger", "/seats?pool=soft-server%3Asrv-1c"],
      ["kit-no-backup-pin", "danger", "/kits/1"],
      ["server-without-license", "danger", "/servers"],
      ["pool-over-threshold", "warning", "/seats?pool=hasp-network%3Asrv-lm%3AORGL8"],
      ["kit-runway-short", "warning", "/kits/2"],
      ["same-series-keys", "warning", "/keys"],
      ["distribution-denied", "warning", "/infobases"],
      ["idle-seat-holders", "warning", "/sessions?flag=flagged"],
      ["snapshot-stale", "warning", "/sessions"],
    ]);
    const byCode = new Map(alerts.map((a) => [a.code, a]));
    expect(byCode.get("pool-over-threshold")!.params).toMatchObject({ host: "srv-lm", inUse: 17, seats: 20, load: 0.85, threshold: 0.8 });
    expect(byCode.get("kit-runway-short")!.at).toBe(NOW + MONTH);
    expect(byCode.get("same-series-keys")!.params).toMatchObject({ host: "srv-lm", series: "ORGL8", count: 3 });
    // Both client-server infobases of the unlicensed server are named, in order.
    expect(byCode.get("server-without-license")!.params).toMatchObject({ host: "srv-1c", count: 2, infobases: "Бухгалтерия, ЗУП" });
    expect(byCode.get("snapshot-stale")!.params).toMatchObject({ minutes: 180, hours: 3, days: 0, expected: 60 });
  });

  test("poolThreshold: the pool's own setting, else the company-wide one", () => {
    expect(poolThreshold({ utilisationWarning: 0.8, poolThresholds: { a: 0.5 } }, "a")).toBe(0.5);
    expect(poolThreshold({ utilisationWarning: 0.8, poolThresholds: { a: 0.5 } }, "b")).toBe(0.8);
    // 0 is a threshold (always alert), not "unset".
    expect(poolThreshold({ utilisationWarning: 0.8, poolThresholds: { a: 0 } }, "a")).toBe(0);
  });

  fcTest.prop([fc.array(fc.tuple(fc.integer({ min: 2, max: 500 }), fc.integer({ min: 0, max: 600 })), { maxLength: 8 }), fc.double({ min: 0, max: 1, noNaN: true })])(
    "a shared pool alerts exactly when full (urgent) or at/above its threshold; urgent ones come first",
    (pools, threshold) => {
      const usage = pools.map(([seats, inUse], i) => pool(`p${i}`, seats, Math.min(inUse, seats)));
      const alerts = overviewAlerts(base({ pools: usage, settings: { ...DEFAULT_SETTINGS, utilisationWarning: threshold } }));
      for (const u of usage) {
        const raised = alerts.find((a) => a.href === `/seats?pool=${u.pool.id}`);
        const want = u.inUse >= u.pool.seats ? "pool-full" : u.inUse / u.pool.seats >= threshold ? "pool-over-threshold" : undefined;
        expect(raised?.code).toBe(want);
      }
      const severities = alerts.map((a) => a.severity);
      expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === "danger" ? -1 : 1)));
      for (const a of alerts) expect(ALERT_CODES).toContain(a.code);
    },
  );
});

describe("the Settings page's alerts form", () => {
  const settings = { ...DEFAULT_SETTINGS, utilisationWarning: 0.7, poolThresholds: { a: 0.95, gone: 0.5 } };

  test("shows loads in percent, a pool without its own threshold blank", () => {
    expect(alertSettingsForm(settings, ["a", "b"])).toEqual({
      utilisationPercent: 70,
      runwayWarningMonths: 6,
      snapshotMaxAgeMinutes: 60,
      pools: [{ id: "a", percent: 95 }, { id: "b", percent: undefined }],
    });
  });

  test("saves fractions; a blanked pool loses its threshold, a pool not shown keeps its own", () => {
    const patch = alertSettingsPatch({ utilisationPercent: 85, runwayWarningMonths: 3, snapshotMaxAgeMinutes: 20, pools: [{ id: "a" }, { id: "b", percent: 60 }] }, settings.poolThresholds);
    expect(patch).toEqual({ set: { utilisationWarning: 0.85, runwayWarningMonths: 3, snapshotMaxAgeMinutes: 20, poolThresholds: { gone: 0.5, b: 0.6 } } });
    // What it sends passes the API's own rules.
    expect(LicensingSettingsPatchSchema.safeParse(patch.set).success).toBe(true);
  });

  test.each([
    ["a load over 100 %", { utilisationPercent: 120 }, "utilisationPercent"],
    ["a negative pool threshold", { pools: [{ id: "a", percent: -1 }] }, "pools.0.percent"],
    ["0 months of runway", { runwayWarningMonths: 0 }, "runwayWarningMonths"],
    ["a capture age of 1.5 minutes", { snapshotMaxAgeMinutes: 1.5 }, "snapshotMaxAgeMinutes"],
  ])("%s is refused on its field", (_name, change, path) => {
    const result = AlertSettingsFormSchema.safeParse({ ...alertSettingsForm(DEFAULT_SETTINGS, ["a"]), ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toContain(path);
  });
});
