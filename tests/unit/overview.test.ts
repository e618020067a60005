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

  test("every licensed session of the snapshot is matched, and each pool's in-use is what the raw rac fields say", () => {
    expect(model.snapshot!.unmatched).toBe(0);
    expect(model.snapshot!.sessions).toBe(snapshotSessions.length);
    expect(model.snapshot!.licensed).toBe(snapshotSessions.filter((s) => s.series).length);
    // Independently of the engine: per series, server-issued or web sessions count one each, the rest
    // once per computer (host + terminal session, or user on the terminal server), and the generator matched each session to its kit/key.
    const expected = new Map<string, number>();
    const seen = new Set<string>();
    for (const s of company.sessions.filter((x) => x.firstSeenAt <= company.now && x.lastSeenAt >= company.now && x.series)) {
      // On the terminal server, rac prints no terminal session: each user is a computer there (§4).
      const who = s.issuedByServer || s.appId === "WebClient" ? `session:${s.id}` : `${s.host}|${s.terminalSession ?? (s.host === "srv-ts" ? s.userName : "")}`;
      const pool = s.issuedByServer ? `server:${s.series}` : `${s.series}@${s.licenseType === "HASP" ? "lm" : s.host}`;
      if (seen.has(`${pool}#${who}`)) continue;
      seen.add(`${pool}#${who}`);
      expected.set(pool, (expected.get(pool) ?? 0) + 1);
    }
    const actual = new Map<string, number>();
    for (const u of model.pools) {
      if (u.inUse === 0) continue;
      const series = u.pool.keySeries ?? u.pool.members[0].regNumber;
      const key = u.pool.source === "soft-server" ? `server:${series}` : `${series}@${u.pool.source === "hasp-network" ? "lm" : u.pool.host}`;
      actual.set(key, u.inUse);
    }
    expect(actual).toEqual(expected);
  });

  test("§4, §5.1: records of the cluster's server license (rac process list --licenses) are not unmatched", () => {
    const serverKit = company.kits.find((k) => k.kind === "server")!;
    const processRecord: HeldLicense = { userName: null, host: null, terminalSession: null, appId: null, series: serverKit.regNumber, licenseType: "soft", issuedByServer: false, net: false, rmngrAddress: null, fullPresentation: `Сервер, srv-1c, программная лицензия ${serverKit.regNumber}, сервер 64-бит` };
    const withServer = buildOverview(inventory, [...snapshotSessions, processRecord, { ...processRecord }]);
    expect(withServer.snapshot!.unmatched).toBe(0);
    expect(withServer.totals).toEqual(model.totals);
  });

  test("§1.1: the demo has an activated basic delivery: no inventory warnings", () => {
    expect(model.warnings).toEqual([]);
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
