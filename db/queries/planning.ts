/**
 * What the Planning page (issue 11 §4) reads: today's pools, each pool's daily seat peaks from the rollups
 * written at import (the same reading as GET /api/seats with bucketMinutes=1440), the settings, the PIN runway
 * of every software kit, and every kit with what it cost. No rules here: lib/planning shapes it.
 */
import type { Db } from "../client";
import { loadInventory } from "./inventory";
import { loadOverview } from "./overview";
import { kitRows } from "./pins";
import { denialsOf, readSeatSeries } from "./seat-usage";
import { getLicensingSettings } from "./settings";
import { forecastInventoryRunway } from "@/lib/licensing/kit-runway";
import { buildPlanning, historyWindow, worstRefusalDay, type PlanningModel, type PlanningParams, type PlanPool } from "@/lib/planning/plan";

const DAY_MINUTES = 1440;

export interface PlanningData {
  model: PlanningModel;
  /** The newest capture; null before the first import (no seat history to forecast from). */
  snapshotTakenAt: Date | null;
  currency: string;
}

/** Every figure of the Planning page at `now` for the URL's parameters. */
export function loadPlanning(db: Db, at: Date, params: PlanningParams): PlanningData {
  const now = at.getTime();
  const overview = loadOverview(db, at);
  const pools: PlanPool[] = overview.model.pools.map(({ pool }) => ({ id: pool.id, host: pool.host, source: pool.source, counting: pool.counting, seats: pool.seats, keySeries: pool.keySeries ?? null }));
  const window = historyWindow(now);
  const read = pools.map((p) => [p.id, readSeatSeries(db, { pool: p.id, from: window.from, to: window.to, bucketMinutes: DAY_MINUTES })] as const);
  const dailySeries = new Map(read.map(([id, seats]) => [id, seats.series.map((b) => ({ t: Date.parse(b.t), inUse: b.inUse }))] as const));
  const denials = new Map(read.map(([id, seats]) => [id, seats.denials] as const));
  const worstDays = new Map(pools.filter((p) => (denials.get(p.id) ?? 0) > 0).map((p) => [p.id, worstRefusalDay(denialsOf(db, { pool: p.id, from: window.from, to: window.to }))] as const));
  const settings = getLicensingSettings(db);
  const inventory = loadInventory(db);
  const kits = kitRows(db).map((k) => ({ id: k.id, regNumber: k.regNumber, product: k.product, kind: k.kind, protection: k.protection, seats: k.seats, purchaseDate: k.purchaseDate, priceMinor: k.priceMinor, currency: k.currency }));
  const model = buildPlanning({ now, params, pools, dailySeries, denials, worstDays, settings, runway: forecastInventoryRunway(inventory, now), kits });
  return { model, snapshotTakenAt: overview.snapshotTakenAt, currency: settings.currency };
}
