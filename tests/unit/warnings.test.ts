import { describe, expect, test } from "vitest";

import { demoInventory, generateDemoCompany } from "@/lib/demo/company";
import { buildOverview } from "@/lib/licensing/overview";
import type { Inventory, InventoryKit } from "@/lib/licensing/types";
import { basicDeliveryWarning, INVENTORY_WARNING_CODES, inventoryWarnings } from "@/lib/licensing/warnings";

const kit = (id: number, kind: InventoryKit["kind"], protection: InventoryKit["protection"] = "software"): InventoryKit => ({
  id,
  regNumber: `81000000${id}`,
  product: `kit ${id}`,
  kind,
  seats: kind === "client" ? 5 : kind === "basic" ? 1 : 0,
  protection,
  usageMode: kind === "server" ? null : "single",
});
const inventory = (partial: Partial<Inventory>): Inventory => ({ kits: [], pins: [], activations: [], computers: [{ id: 1, name: "ws-01", role: "workstation" }], keys: [], servers: [], ...partial });

describe("basicDeliveryWarning — client licenses need a basic delivery (DOMAIN §1.1 [H])", () => {
  test.each([
    ["§1.1: no kits at all", inventory({}), null],
    ["§1.1: a basic delivery alone", inventory({ kits: [kit(1, "basic")] }), null],
    ["§1.1: client kits and no basic delivery", inventory({ kits: [kit(1, "client"), kit(2, "server")] }), "no-basic-delivery"],
    ["§1.1: a hardware client kit and no basic delivery", inventory({ kits: [kit(1, "client", "hardware")] }), "no-basic-delivery"],
    ["§1.1: a basic delivery bought but never activated", inventory({ kits: [kit(1, "client"), kit(2, "basic")], pins: [{ id: 1, kitId: 2, set: "single", role: "main", status: "unused" }] }), "no-basic-delivery"],
    ["§1.1: a basic delivery whose only PIN was spent", inventory({ kits: [kit(1, "client"), kit(2, "basic")], pins: [{ id: 1, kitId: 2, set: "single", role: "main", status: "spent" }] }), "no-basic-delivery"],
    ["§1.1: a basic delivery with an active PIN", inventory({ kits: [kit(1, "client"), kit(2, "basic")], pins: [{ id: 1, kitId: 2, set: "single", role: "backup", status: "active" }] }), null],
    ["§1.1: a hardware basic delivery whose key is on a computer", inventory({ kits: [kit(1, "client"), kit(2, "basic", "hardware")], keys: [{ id: 1, series: "ORGL8", kind: "local", seats: 1, kitId: 2, computerId: 1 }] }), null],
    ["§1.1: a hardware basic delivery whose key is recorded nowhere", inventory({ kits: [kit(1, "client"), kit(2, "basic", "hardware")], keys: [{ id: 1, series: "ORGL8", kind: "local", seats: 1, kitId: 2, computerId: null }] }), "no-basic-delivery"],
  ])("%s", (_name, inv, code) => {
    const warning = basicDeliveryWarning(inv);
    expect(warning?.code ?? null).toBe(code);
    expect(inventoryWarnings(inv)).toEqual(warning ? [warning] : []);
    if (!warning) return;
    expect(warning.rule).toBe("DOMAIN §1.1");
    expect(INVENTORY_WARNING_CODES).toContain(warning.code);
    // A licensing term, not a technical check: the message says the seats still count.
    expect(warning.message.en).toMatch(/not a technical check.*still counted/);
    expect(warning.message.ru).toMatch(/не техническая проверка.*учитываются/);
    for (const text of [warning.remedy.en, warning.remedy.ru]) expect(text.length).toBeGreaterThan(20);
  });

  test("§1.1: the Overview carries the warning, and without the basic delivery every other pool keeps its seats", () => {
    const demo = demoInventory(generateDemoCompany({ anchor: "2026-11-27" }));
    const model = buildOverview(demo, null);
    expect(model.warnings).toEqual([]);

    const basicIds = new Set(demo.kits.filter((k) => k.kind === "basic").map((k) => k.id));
    const without = buildOverview({ ...demo, kits: demo.kits.filter((k) => !basicIds.has(k.id)), pins: demo.pins.filter((p) => !basicIds.has(p.kitId)) }, null);
    expect(without.warnings.map((w) => w.code)).toEqual(["no-basic-delivery"]);
    const seats = (m: typeof model) => m.pools.filter((u) => !u.pool.members.some((x) => x.kitId !== null && basicIds.has(x.kitId))).map((u) => [u.pool.id, u.pool.seats]);
    expect(seats(without)).toEqual(seats(model));
  });
});
