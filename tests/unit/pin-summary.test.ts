import { describe, expect, test } from "vitest";

import { demoInventory, generateDemoCompany } from "@/lib/demo/company";
import { pinSummaries, summarisePins, usableSet } from "@/lib/licensing/pin-summary";
import type { InventoryKit, InventoryPin } from "@/lib/licensing/types";

const kit = (seats: number, usageMode: InventoryKit["usageMode"], kind: InventoryKit["kind"] = "client"): InventoryKit => ({ id: 1, regNumber: "8100000001", product: "k", kind, seats, protection: "software", usageMode });
let nextId = 1;
const pin = (set: InventoryPin["set"], role: InventoryPin["role"], status: InventoryPin["status"]): InventoryPin => ({ id: nextId++, kitId: 1, set, role, status });

describe("summarisePins — DOMAIN §1.2–1.3", () => {
  test.each([
    ["§1.2: a fresh 1-seat kit (main + 2 backups) is not activated", kit(1, "single"), [pin("single", "main", "unused"), pin("single", "backup", "unused"), pin("single", "backup", "unused")], { active: 0, spent: 0, backupsLeft: 2, health: "not-activated" }],
    ["§1.3: one recovery on changed hardware leaves one backup", kit(1, "single"), [pin("single", "main", "spent"), pin("single", "backup", "active"), pin("single", "backup", "unused")], { active: 1, spent: 1, backupsLeft: 1, health: "low" }],
    ["§1.3: both backups used: exhausted", kit(1, "single"), [pin("single", "main", "spent"), pin("single", "backup", "spent"), pin("single", "backup", "active")], { active: 1, spent: 2, backupsLeft: 0, health: "exhausted" }],
    ["§1.2: an additional PIN from the Licensing Center extends the kit", kit(1, "single"), [pin("single", "main", "spent"), pin("single", "backup", "spent"), pin("single", "backup", "active"), pin("single", "additional", "unused")], { backupsLeft: 1, health: "low" }],
    ["§1.2: a kit locked into multi-user mode cannot use its single-user backups", kit(10, "multi"), [pin("multi", "main", "active"), pin("multi", "backup", "unused"), pin("multi", "backup", "unused"), pin("single", "backup", "unused"), pin("single", "backup", "unused")], { usableSet: "multi", backupsLeft: 2, health: "ok" }],
    ["§1.3 [M] (unused mains are reserves once every seat is activated): a 1-seat kit first activated with backup #2 has main + backup #3 left", kit(1, "single"), [pin("single", "main", "unused"), pin("single", "backup", "active"), pin("single", "backup", "unused")], { active: 1, backupsLeft: 2, health: "ok" }],
    ["§1.3 [M] (unused mains are reserves once every seat is activated): so a 1-seat kit with only its main unused is low, not exhausted", kit(1, "single"), [pin("single", "main", "unused"), pin("single", "backup", "spent"), pin("single", "backup", "active")], { backupsLeft: 1, health: "low" }],
    ["§1.3 [M] (unused mains are reserves once every seat is activated): not while a seat is free — 1 of 2 active", kit(2, "single"), [pin("single", "main", "spent"), pin("single", "main", "unused"), pin("single", "backup", "spent"), pin("single", "backup", "active")], { active: 1, backupsLeft: 0, health: "exhausted" }],
    ["§1.3 [M] (unused mains are reserves once every seat is activated): a 2-seat kit, one seat via a backup, both active", kit(2, "single"), [pin("single", "main", "active"), pin("single", "main", "unused"), pin("single", "backup", "active")], { backupsLeft: 1, health: "low" }],
    ["§1.3 [M] (unused mains are reserves once every seat is activated): a server license (limit 1) activated with a backup", kit(0, null, "server"), [pin("single", "main", "unused"), pin("single", "backup", "active"), pin("single", "backup", "unused")], { usableSet: "single", backupsLeft: 2, health: "ok" }],
    ["§1.3 [M] (unused mains are reserves once every seat is activated): a basic delivery (limit 1) activated with a backup", kit(1, "single", "basic"), [pin("single", "main", "unused"), pin("single", "backup", "active"), pin("single", "backup", "spent")], { backupsLeft: 1, health: "low" }],
    ["§1.2: a kit locked into multi-user mode with its multi backups spent is exhausted", kit(10, "multi"), [pin("multi", "main", "spent"), pin("multi", "backup", "spent"), pin("multi", "backup", "active"), pin("single", "backup", "unused")], { backupsLeft: 0, health: "exhausted" }],
  ])("%s", (_name, k, pins, expected) => {
    expect(summarisePins(k, pins)).toMatchObject(expected);
  });

  test("§1.2: a combined kit whose mode is not chosen has no backup count yet (it depends on the set)", () => {
    expect(summarisePins(kit(5, null), [pin("single", "main", "unused"), pin("single", "backup", "unused"), pin("multi", "main", "unused"), pin("multi", "backup", "unused")])).toMatchObject({
      usableSet: null,
      backupsLeft: null,
      health: "not-activated",
    });
  });

  test("§1.2: a combined kit without a recorded mode is locked by the set of its first activation", () => {
    const single = pin("single", "main", "active");
    const pins = [single, pin("single", "backup", "unused"), pin("multi", "main", "unused"), pin("multi", "backup", "unused"), pin("multi", "backup", "unused")];
    const activations = [{ id: 1, pinId: single.id, computerId: 1, operation: "first" as const, activatedAt: 5 }];
    expect(summarisePins(kit(5, null), pins, activations)).toMatchObject({ usableSet: "single", backupsLeft: 1, health: "low" });
  });

  test("§1.2: a combined kit with both sets and no mode chosen has no usable set yet", () => {
    expect(usableSet(kit(5, null), [pin("single", "main", "unused"), pin("multi", "main", "unused")])).toBeNull();
    expect(usableSet(kit(50, null), [pin("multi", "main", "unused")])).toBe("multi");
  });
});

describe("pinSummaries — every kit's summary from one grouping of the inventory", () => {
  test("the same as summarising each kit against the whole inventory (the demo company)", () => {
    const inventory = demoInventory(generateDemoCompany({ anchor: "2026-11-27" }));
    const software = inventory.kits.filter((k) => k.protection === "software");
    expect(software.length).toBeGreaterThan(5);
    expect(pinSummaries(inventory)).toEqual(new Map(software.map((k) => [k.id, summarisePins(k, inventory.pins, inventory.activations)])));
  });
});
