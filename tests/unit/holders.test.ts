import { describe, expect, test } from "vitest";

import { DEFAULT_SETTINGS } from "@/lib/licensing/settings";
import type { Inventory } from "@/lib/licensing/types";
import { holderRows, IDLE_FLAG_MS, type SnapshotSessionInput } from "@/lib/sessions/holders";

/** Issue 10 §2: who holds the seats — the pool each session counts in, the fix for an unmatched one, flags. */
const inventory: Inventory = {
  kits: [
    { id: 1, regNumber: "8100000001", product: "10 seats", kind: "client", seats: 10, protection: "software", usageMode: "multi" },
    { id: 2, regNumber: "8100000002", product: "5 seats, not activated yet", kind: "client", seats: 5, protection: "software", usageMode: "multi" },
  ],
  pins: [{ id: 1, kitId: 1, set: "multi", role: "main", status: "active" }],
  activations: [{ id: 1, pinId: 1, computerId: 1, operation: "first", activatedAt: 1 }],
  computers: [
    { id: 1, name: "srv-1c", role: "1c-server" },
    { id: 2, name: "srv-lm", role: "license-manager" },
  ],
  keys: [{ id: 1, series: "ORGL8", kind: "network", seats: 20, kitId: null, computerId: 2 }],
  servers: [],
};
const T = Date.UTC(2026, 10, 4, 7);

const s = (id: number, extra: Partial<SnapshotSessionInput> = {}): SnapshotSessionInput => ({
  id,
  sessionUuid: `u-${id}`,
  userName: `user ${id}`,
  host: `ws-${id}`,
  terminalSession: null,
  appId: "1CV8C",
  infobase: "Бухгалтерия",
  series: "8100000001",
  licenseType: "soft",
  issuedByServer: true,
  net: false,
  rmngrAddress: "srv-1c",
  startedAt: T - 3_600_000,
  lastActiveAt: T - 60_000,
  hibernate: false,
  licenseFullName: "file:///var/1C/licenses/20240115093012.lic",
  ...extra,
});
const rows = (...sessions: SnapshotSessionInput[]) => holderRows(inventory, sessions, T, DEFAULT_SETTINGS.perSessionAppIds);

describe("holderRows", () => {
  test("a server-issued license counts per session in the 1C server's pool", () => {
    expect(rows(s(1))[0]).toMatchObject({ matched: true, poolId: "soft-server:srv-1c", poolSource: "soft-server", poolHost: "srv-1c", counting: "per-session", kitId: 1, reason: null, fix: null, idleMs: 60_000, flags: [] });
  });

  test.each([
    ["a registration number nobody recorded → record the kit", { series: "899999999", issuedByServer: false, rmngrAddress: null }, { kind: "new-kit", regNumber: "899999999" }],
    ["the kit is recorded but no license of it is active → its kit page", { series: "8100000002", issuedByServer: false, rmngrAddress: null }, { kind: "kit", id: 2, regNumber: "8100000002" }],
    ["a key series nobody recorded → record the key", { series: "org8b", licenseType: "HASP", net: false, issuedByServer: false }, { kind: "new-key", series: "ORG8B" }],
    ["a recorded series not on that host → the key's list", { series: "ORGL8", licenseType: "HASP", net: false, issuedByServer: false }, { kind: "key", series: "ORGL8" }],
  ])("unmatched: %s", (_name, extra, fix) => {
    const [row] = rows(s(1, extra as Partial<SnapshotSessionInput>));
    expect(row.matched).toBe(false);
    expect(row.fix).toEqual(fix);
    expect(row.reason?.en).toBeTruthy();
  });

  test.each([
    ["hibernated, holding a seat", { hibernate: true }, ["hibernated"]],
    ["idle exactly the threshold", { lastActiveAt: T - IDLE_FLAG_MS }, ["idle"]],
    ["idle a minute less", { lastActiveAt: T - IDLE_FLAG_MS + 60_000 }, []],
    ["both", { hibernate: true, lastActiveAt: T - 5 * 3_600_000 }, ["hibernated", "idle"]],
    ["hibernated without a license: no seat, no flag", { hibernate: true, series: null }, []],
    ["idle time unknown", { lastActiveAt: null }, []],
    ["last activity after the snapshot (the row holds a newer capture's): unknown, not idle", { lastActiveAt: T + 60_000, hibernate: false }, []],
  ])("flags: %s", (_name, extra, flags) => {
    expect(rows(s(1, extra as Partial<SnapshotSessionInput>))[0].flags).toEqual(flags);
  });

  test("a last activity later than the snapshot leaves the idle time unknown", () => {
    expect(rows(s(1, { lastActiveAt: T + 60_000 }))[0].idleMs).toBeNull();
  });

  test("a session without a license has no match at all (null), not unmatched", () => {
    expect(rows(s(1, { series: null }))[0]).toMatchObject({ matched: null, poolId: null, reason: null, fix: null });
  });
});
