import { readFileSync } from "node:fs";
import path from "node:path";

import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { demoInventory, generateDemoCompany } from "@/lib/demo/company";
import { matchLicenses, type LicenseRecordView } from "@/lib/licensing/match";
import { derivePools, usageAtInstant } from "@/lib/licensing/pools";
import { DEFAULT_SETTINGS } from "@/lib/licensing/settings";
import { parseRac, toHeldLicense } from "@/lib/parsers/rac";

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

describe("matchLicenses — the cluster's 1C server license is no client seat (DOMAIN §4, §5.1)", () => {
  const serverKit = company.kits.find((k) => k.kind === "server")!;
  const asServer = { matched: true, kitId: serverKit.id, regNumber: serverKit.regNumber, poolId: null, keyId: null, counting: null };
  // The fixture's series replaced by the demo's server-license kit, active on srv-1c.
  const processList = readFileSync(path.join(__dirname, "../fixtures/rac/process-list-licenses.txt"), "utf8").replaceAll("8100054321", serverKit.regNumber);

  test("§5.1: rac process list --licenses — records keyed `process`, no `host`, the host only in full-presentation — match the server license", () => {
    const records = parseRac(processList).records.map(toHeldLicense);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ session: null, host: null, rmngrAddress: null });
    expect(matchLicenses(inventory, records, DEFAULT_SETTINGS.perSessionAppIds)).toEqual([
      { ...asServer, session: null, folder: "/var/1C/licenses" },
      { ...asServer, session: null, folder: "/var/1C/licenses" },
    ]);
  });

  const presentation = (host: string) => `Сервер, ${host}, программная лицензия ${serverKit.regNumber}, сервер 64-бит`;
  test.each([
    ["§4: the host in full-presentation is the server's (case-insensitive)", view({ series: serverKit.regNumber, host: null, rmngrAddress: null, fullPresentation: presentation("SRV-1C") }), asServer],
    ["§4: rmngr-address names the server", view({ series: serverKit.regNumber, host: null, rmngrAddress: "srv-1c" }), asServer],
    ["§4: a record naming no host: the series alone decides", view({ series: serverKit.regNumber, host: null, rmngrAddress: null }), asServer],
    ["§4: a record naming another host is not this server's license: the activation is missing there", view({ series: serverKit.regNumber, host: "buh-03", rmngrAddress: null }), { matched: false, kitId: null, counting: "per-computer" }],
    ["§4: full-presentation naming another server", view({ series: serverKit.regNumber, host: null, rmngrAddress: null, fullPresentation: presentation("srv-2") }), { matched: false }],
    ["§5.1: a bare number after 'Сервер,' is a registration number, not a host", view({ series: serverKit.regNumber, host: null, rmngrAddress: null, fullPresentation: `Сервер, ${serverKit.regNumber}, 1` }), asServer],
  ])("%s", (_name, record, expected) => {
    expect(matchLicenses(inventory, [record], DEFAULT_SETTINGS.perSessionAppIds)[0]).toMatchObject(expected);
  });

  const { pools, serverLicenses } = derivePools(inventory);
  const ten = company.kits.find((k) => k.seats === 10)!;
  const arbitraryRecord = fc.record({
    series: fc.constantFrom(serverKit.regNumber, ten.regNumber, "ORGL8", "999999999"),
    host: fc.constantFrom(null, "srv-1c", "SRV-1C", "buh-03", "srv-2"),
    rmngrAddress: fc.constantFrom(null, "", "srv-1c", "srv-2"),
    fullPresentation: fc.constantFrom(null, presentation("srv-1c"), presentation("srv-2"), "Клиент, ORGL8 Сетевой 20"),
    licenseType: fc.constantFrom("soft", "HASP"),
    issuedByServer: fc.boolean(),
    net: fc.boolean(),
  });
  fcTest.prop([fc.array(arbitraryRecord, { maxLength: 20 })])("one rule decides: matchLicenses' unmatched records are exactly usageAtInstant's (the Overview's count)", (partials) => {
    const records = partials.map((r) => view(r));
    const matches = matchLicenses(inventory, records, DEFAULT_SETTINGS.perSessionAppIds);
    const { unmatched } = usageAtInstant(pools, records, DEFAULT_SETTINGS.perSessionAppIds, serverLicenses);
    expect(unmatched).toEqual(records.filter((_, i) => !matches[i].matched));
    for (const m of matches) if (m.matched && m.poolId === null) expect(m).toMatchObject({ kitId: serverKit.id, counting: null });
  });
});
