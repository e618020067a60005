import "@/tests/helpers/setup-env";
import { tokenHeaders } from "@/tests/helpers/auth";

import { describe, expect, test } from "vitest";

import { GET, PATCH } from "@/app/api/settings/licensing/route";
import { POST as simulate } from "@/app/api/simulate/route";
import { DEFAULT_SETTINGS } from "@/lib/licensing/settings";

const patch = (body: unknown) => PATCH(new Request("http://localhost/api/settings/licensing", { method: "PATCH", headers: tokenHeaders("admin"), body: JSON.stringify(body) }));

describe("/api/settings/licensing — the [M]/[L] rules are an admin's to adjust", () => {
  test("GET gives the defaults on a fresh database", async () => {
    const res = await GET(new Request("http://localhost/api/settings/licensing", { headers: tokenHeaders("read") }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.settings).toEqual(DEFAULT_SETTINGS);
    expect(body.defaults.noSeatAppIds).toContain("BackgroundJob");
  });

  test("a changed no-seat table changes what the simulator counts (DOMAIN §4 [M])", async () => {
    const body = { connections: [{ host: "pc-1", infobase: "acc", app: "1CV8C" }, { host: "pc-1", infobase: "acc", app: "Designer" }] };
    const before = await (await simulate(new Request("http://localhost/api/simulate", { method: "POST", headers: tokenHeaders("read"), body: JSON.stringify(body) }))).json();
    expect(before.perSession.peak).toBe(2);

    const res = await patch({ set: { noSeatAppIds: [...DEFAULT_SETTINGS.noSeatAppIds, "Designer"], pinActivationLimit: 8 } });
    expect(res.status).toBe(200);
    expect((await res.json()).settings.pinActivationLimit).toBe(8);

    const after = await (await simulate(new Request("http://localhost/api/simulate", { method: "POST", headers: tokenHeaders("read"), body: JSON.stringify(body) }))).json();
    expect(after.perSession.peak).toBe(1);

    const reset = await (await patch({ reset: ["noSeatAppIds", "pinActivationLimit"] })).json();
    expect(reset.settings).toEqual(DEFAULT_SETTINGS);
  });

  test("a pool's own utilisation threshold is stored and read back; resetting it returns to the company-wide one (issue 11 §5)", async () => {
    const res = await patch({ set: { poolThresholds: { "hasp-network:srv-lm:ORGL8": 0.9 }, snapshotMaxAgeMinutes: 15 } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.settings.poolThresholds).toEqual({ "hasp-network:srv-lm:ORGL8": 0.9 });
    expect(body.settings.snapshotMaxAgeMinutes).toBe(15);
    expect((await (await patch({ reset: ["poolThresholds", "snapshotMaxAgeMinutes"] })).json()).settings).toEqual(DEFAULT_SETTINGS);
  });

  test.each([
    ["an unknown setting", { set: { colour: "red" } }, "set"],
    ["a PIN activation limit of 0", { set: { pinActivationLimit: 0 } }, "set.pinActivationLimit"],
    ["a time zone that does not exist", { set: { serverTimeZone: "Mars/Olympus" } }, "set.serverTimeZone"],
    ["a negative kit price", { set: { kitPrices: { "5": -1 } } }, "set.kitPrices.5"],
    ["resetting an unknown key", { reset: ["colour"] }, "reset.0"],
    ["a pool threshold above 100 %", { set: { poolThresholds: { "soft-server:srv-1c": 1.5 } } }, "set.poolThresholds.soft-server:srv-1c"],
    ["a capture age of 0 minutes", { set: { snapshotMaxAgeMinutes: 0 } }, "set.snapshotMaxAgeMinutes"],
  ])("%s is a 400 naming the field, and nothing changes", async (_name, body, path) => {
    const res = await patch(body);
    expect(res.status).toBe(400);
    const err = await res.json();
    expect(err.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect((await (await GET(new Request("http://localhost/api/settings/licensing", { headers: tokenHeaders("read") }))).json()).settings).toEqual(DEFAULT_SETTINGS);
  });
});
