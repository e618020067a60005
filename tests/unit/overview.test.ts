import { describe, expect, test } from "vitest";

import { demoInventory, generateDemoCompany } from "@/lib/demo/company";
import { buildOverview } from "@/lib/licensing/overview";
import type { HeldLicense, Inventory } from "@/lib/licensing/types";

const company = generateDemoCompany({ anchor: "2026-11-27" });
const inventory: Inventory = demoInventory(company);
const snapshotSessions: HeldLicense[] = company.sessions.filter((s) => s.firstSeenAt <= company.now && s.lastSeenAt >= company.now);

describe("buildOverview on the demo company", () => {
  const model = buildOverview(inventory, snapshotSessions);

  test("purchased vs usable: the same-series key and the kit in stock explain the gap (§2, §1.2)", () => {
    expect(model.reconciliation).toEqual({ purchased: 113, usable: 88, notActivated: 5, notCounted: 20, unaccounted: 0 });
  });

  test("totals add up the pools, and no pool is over-allocated", () => {
    expect(model.totals.seats).toBe(model.pools.reduce((s, u) => s + u.pool.seats, 0));
    expect(model.totals.inUse).toBe(model.pools.reduce((s, u) => s + u.inUse, 0));
    expect(model.totals.free).toBe(model.totals.seats - model.totals.inUse);
    for (const u of model.pools) expect(u.inUse).toBeLessThanOrEqual(u.pool.seats);
  });

  test("every licensed session of the snapshot is matched to a pool; in-use agrees with rac's max-users-cur", () => {
    expect(model.snapshot!.unmatched).toBe(0);
    expect(model.snapshot!.sessions).toBe(snapshotSessions.length);
    expect(model.snapshot!.licensed).toBe(snapshotSessions.filter((s) => s.series).length);
    // rac reports the seats in use of the license at the session's start; the latest-starting session per
    // pool therefore carries the current count, unless a holder left since.
    const hasp = model.pools.find((u) => u.pool.source === "hasp-network")!;
    const haspSessions = company.sessions.filter((s) => s.series === "ORGL8" && s.firstSeenAt <= company.now && s.lastSeenAt >= company.now);
    expect(hasp.inUse).toBe(new Set(haspSessions.map((s) => s.host)).size);
  });

  test("PIN health per software kit: hardware kits are not listed", () => {
    expect(model.kits.map((k) => k.kit.protection)).not.toContain("hardware");
    const health = Object.fromEntries(model.kits.map((k) => [k.kit.regNumber, k.pins.health]));
    expect(Object.values(health).filter((h) => h === "exhausted")).toHaveLength(1);
  });

  test("without a snapshot nothing is in use and the snapshot block is absent", () => {
    const empty = buildOverview(inventory, null);
    expect(empty.snapshot).toBeNull();
    expect(empty.totals.inUse).toBe(0);
    expect(empty.totals.free).toBe(empty.totals.seats);
  });

  test("an empty inventory gives an empty, consistent overview", () => {
    const none = buildOverview({ kits: [], pins: [], activations: [], computers: [], keys: [], servers: [] }, []);
    expect(none.pools).toEqual([]);
    expect(none.totals).toEqual({ seats: 0, inUse: 0, free: 0 });
    expect(none.reconciliation).toEqual({ purchased: 0, usable: 0, notActivated: 0, notCounted: 0, unaccounted: 0 });
  });
});
