/**
 * The Overview's alerts (issue 11 §5): what needs someone's attention now, each pointing at the page that
 * resolves it. Pure: the inventory's pools, kits, servers and infobases, the newest capture's seat holders and
 * the settings come in; the texts live in the message catalogs (`overview.alerts.<code>`), filled with `params`.
 */
import { lacksServerLicense, type AllocationContext } from "./allocate";
import type { KitRunway } from "./forecast";
import type { PinSummary } from "./pin-summary";
import type { PoolUsage } from "./pools";
import type { LicensingSettings } from "./settings";
import type { InventoryKit } from "./types";

export const ALERT_CODES = [
  "pool-full",
  "pool-over-threshold",
  "kit-no-backup-pin",
  "kit-runway-short",
  "same-series-keys",
  "server-without-license",
  "distribution-denied",
  "idle-seat-holders",
  "snapshot-stale",
  "no-snapshot",
] as const;
export type AlertCode = (typeof ALERT_CODES)[number];

export interface Alert {
  code: AlertCode;
  /** `danger`: people are (or will be) refused now; `warning`: act before they are. */
  severity: "danger" | "warning";
  /** The page that resolves it. */
  href: string;
  /** Values for the catalog text; `at` (epoch ms), when present, is a date. */
  params: Record<string, string | number>;
  at?: number;
}

export interface AlertInput {
  now: number;
  pools: readonly PoolUsage[];
  kits: ReadonlyArray<{ kit: InventoryKit; pins: PinSummary }>;
  runway: readonly KitRunway[];
  ctx: Pick<AllocationContext, "servers" | "serverLicenses" | "infobases">;
  /** Seat holders of the newest capture kept while hibernated or idle for hours (lib/sessions/holders.ts flags). */
  flagged: { hibernated: number; idle: number; total: number };
  snapshotTakenAt: number | null;
  /** Anything recorded at all: without it "no capture yet" is not news. */
  hasInventory: boolean;
  settings: Pick<LicensingSettings, "utilisationWarning" | "poolThresholds" | "runwayWarningMonths" | "snapshotMaxAgeMinutes">;
}

const MONTH_MS = (365.25 / 12) * 86_400_000;

/** The load threshold of a pool: its own setting, else the company-wide one. */
export const poolThreshold = (settings: Pick<LicensingSettings, "utilisationWarning" | "poolThresholds">, poolId: string): number => settings.poolThresholds[poolId] ?? settings.utilisationWarning;

/** A pool others can run out of: a one-seat license on its own computer is simply in use. */
export const isSharedPool = (pool: { seats: number }) => pool.seats > 1;

/** How full a pool is against its threshold: `full`, `over-threshold` or null (fine, or not shared). */
export function poolLoad(settings: Pick<LicensingSettings, "utilisationWarning" | "poolThresholds">, pool: { id: string; seats: number }, inUse: number): "full" | "over-threshold" | null {
  if (!isSharedPool(pool)) return null;
  if (inUse >= pool.seats) return "full";
  return inUse / pool.seats >= poolThreshold(settings, pool.id) ? "over-threshold" : null;
}

/** Every alert, the ones refusing people now first; within a severity in the order of `ALERT_CODES`. */
export function overviewAlerts(input: AlertInput): Alert[] {
  const { now, settings } = input;
  const alerts: Alert[] = [];

  for (const { pool, inUse } of input.pools) {
    const load = poolLoad(settings, pool, inUse);
    if (!load) continue;
    const params = { host: pool.host, source: pool.source, inUse, seats: pool.seats, load: inUse / pool.seats, threshold: poolThreshold(settings, pool.id) };
    const href = `/seats?pool=${encodeURIComponent(pool.id)}`;
    alerts.push(load === "full" ? { code: "pool-full", severity: "danger", href, params } : { code: "pool-over-threshold", severity: "warning", href, params });
  }

  // §1.2–1.3: no backup PIN left means the next hardware change needs the Licensing Center.
  const runwayOf = new Map(input.runway.map((r) => [r.kitId, r]));
  const horizon = now + settings.runwayWarningMonths * MONTH_MS;
  for (const { kit, pins } of input.kits) {
    const params = { regNumber: kit.regNumber, product: kit.product };
    const href = `/kits/${kit.id}`;
    if (pins.health === "exhausted") {
      alerts.push({ code: "kit-no-backup-pin", severity: "danger", href, params });
      continue;
    }
    const runway = runwayOf.get(kit.id);
    if (runway && !runway.exhausted && runway.expectedExhaustion !== null && runway.expectedExhaustion <= horizon) {
      alerts.push({ code: "kit-runway-short", severity: "warning", href, params: { ...params, backupsLeft: runway.backupsLeft, months: settings.runwayWarningMonths }, at: runway.expectedExhaustion });
    }
  }

  // §2: keys of one series on one host count once; the others add nothing.
  for (const { pool } of input.pools) {
    if (pool.ignoredKeyIds.length > 0) alerts.push({ code: "same-series-keys", severity: "warning", href: "/keys", params: { host: pool.host, series: pool.keySeries ?? "", count: pool.ignoredKeyIds.length + 1 } });
  }

  // §4 [H]: client-server infobases on a server without a server license refuse every connection.
  const onServer = new Map<string, { host: string; infobases: string[] }>();
  for (const ib of input.ctx.infobases) {
    if (ib.mode !== "client-server" || !ib.serverHost || !lacksServerLicense(input.ctx, ib.serverHost)) continue;
    const key = ib.serverHost.toLowerCase();
    const entry = onServer.get(key) ?? { host: ib.serverHost, infobases: [] };
    entry.infobases.push(ib.name);
    onServer.set(key, entry);
  }
  for (const { host, infobases } of onServer.values()) {
    alerts.push({ code: "server-without-license", severity: "danger", href: "/servers", params: { host, count: infobases.length, infobases: infobases.sort((a, b) => a.localeCompare(b)).join(", ") } });
  }

  // §4: with distribution denied the server issues no license for the infobase: every client needs its own.
  for (const ib of input.ctx.infobases) {
    if (ib.mode === "client-server" && ib.licenseDistribution === "deny") alerts.push({ code: "distribution-denied", severity: "warning", href: "/infobases", params: { infobase: ib.name, host: ib.serverHost ?? "" } });
  }

  if (input.flagged.total > 0) {
    alerts.push({ code: "idle-seat-holders", severity: "warning", href: "/sessions?flag=flagged", params: { count: input.flagged.total, hibernated: input.flagged.hibernated, idle: input.flagged.idle } });
  }

  if (input.snapshotTakenAt === null) {
    if (input.hasInventory) alerts.push({ code: "no-snapshot", severity: "warning", href: "/sessions", params: {} });
  } else {
    const minutes = Math.floor((now - input.snapshotTakenAt) / 60_000);
    if (minutes > settings.snapshotMaxAgeMinutes) {
      alerts.push({ code: "snapshot-stale", severity: "warning", href: "/sessions", params: { minutes, hours: Math.floor(minutes / 60), days: Math.floor(minutes / 1440), expected: settings.snapshotMaxAgeMinutes }, at: input.snapshotTakenAt });
    }
  }

  const rank = (a: Alert) => (a.severity === "danger" ? 0 : 1) * ALERT_CODES.length + ALERT_CODES.indexOf(a.code);
  return alerts.map((a, i) => ({ a, i })).sort((x, y) => rank(x.a) - rank(y.a) || x.i - y.i).map(({ a }) => a);
}
