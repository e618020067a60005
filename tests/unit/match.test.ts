import { describe, expect, test } from "vitest";

import { demoInventory, generateDemoCompany } from "@/lib/demo/company";
import { matchLicenses, type LicenseRecordView } from "@/lib/licensing/match";
import { DEFAULT_SETTINGS } from "@/lib/licensing/settings";

const company = generateDemoCompany({ anchor: "2026-11-27" });
const inventory = demoInventory(company);
const view = (r: Partial<LicenseRecordView>): LicenseRecordView => ({
  session: "s",
  userName: "u",
  host: "pc",
  terminalSession: null,
  appId: "1CV8C",
  series: null,
  licenseType: "soft",
  issuedByServer: false,
  net: false,
  rmngrAddress: "",
  fullName: null,
  folder: null,
  ...r,
});

describe("matchLicenses — DOMAIN §5.1", () => {
  test("every licensed session of the demo matches the kit or key the generator gave it", () => {
    const open = company.sessions.filter((s) => s.series && s.firstSeenAt <= company.now && s.lastSeenAt >= company.now);
    const matches = matchLicenses(inventory, open.map((s) => view({ ...s, session: s.sessionUuid, fullName: s.licenseFullName })), DEFAULT_SETTINGS.perSessionAppIds);
    expect(matches).toHaveLength(open.length);
    matches.forEach((m, i) => {
      expect(m.matched).toBe(true);
      expect(m.kitId).toBe(open[i].matchedKitId);
      if (open[i].matchedKeyId) expect(m.keyId).toBe(open[i].matchedKeyId);
    });
  });

  const five = company.kits.find((k) => k.seats === 5 && k.usageMode === "single")!;
  test.each([
    ["§5.1: soft series = registration number, on the client's host → per computer", view({ series: five.regNumber, host: "buh-03" }), { matched: true, regNumber: five.regNumber, counting: "per-computer" }],
    ["§5.1: HASP series via the License Manager", view({ series: "orgl8", licenseType: "HASP", net: true }), { matched: true, keyId: 1, counting: "per-computer" }],
    ["§4: issued by the server → per session", view({ series: company.kits.find((k) => k.seats === 10)!.regNumber, issuedByServer: true, rmngrAddress: "srv-1c" }), { matched: true, counting: "per-session" }],
    ["a known kit that has no license on this host is reported, with the reason", view({ series: five.regNumber, host: "sales-07" }), { matched: false, kitId: null }],
    ["an unknown series is reported, with the reason", view({ series: "999999999" }), { matched: false }],
  ])("%s", (_name, record, expected) => {
    const [m] = matchLicenses(inventory, [record], DEFAULT_SETTINGS.perSessionAppIds);
    expect(m).toMatchObject(expected);
    if (!m.matched) expect(m.reason!.ru.length).toBeGreaterThan(10);
  });

  test("the two reasons differ: recorded-but-not-here vs not recorded at all", () => {
    const [a, b] = matchLicenses(inventory, [view({ series: five.regNumber, host: "sales-07" }), view({ series: "999999999" })], []);
    expect(a.reason).not.toEqual(b.reason);
  });

  test("sessions that hold no license are not license records", () => {
    expect(matchLicenses(inventory, [view({ series: null })], [])).toEqual([]);
  });
});
