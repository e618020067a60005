import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { type BindingChange, compareFingerprints, type Fingerprint, FingerprintSchema, normalizeMac } from "@/lib/licensing/binding";

const GB = 1024;

const base: Fingerprint = {
  osName: "Windows",
  osVersion: "10.0.19045",
  osSerial: "00330-80000-00000-AA123",
  osInstallDate: "2024-03-01",
  hostname: "BUH-01",
  motherboard: "ASUS PRIME B560M-A",
  ramMb: 2 * GB,
  bios: "American Megatrends Inc. 2.21",
  cpus: ["Intel(R) Core(TM) i5-10400 @ 2.90GHz, 6 cores"],
  nics: [{ name: "Intel(R) Ethernet Connection I219-V", mac: "00-1A-2B-3C-4D-5E" }],
  disks: [{ model: "Samsung SSD 980 500GB", serial: "S123456789", sizeBytes: 500107862016 }],
};

const fp = (patch: Partial<Fingerprint> = {}): Fingerprint => ({ ...base, ...patch });
const realtek = { name: "Realtek PCIe GbE Family Controller", mac: "52:54:00:AB:CD:EF" };
const windows7 = { osName: "Windows 7 Professional", osVersion: "6.1.7601" };

/** The changes reduced to what the rule decides: [parameter, change, breaks]. */
const brief = (changes: BindingChange[]) => changes.map((c) => [c.parameter, c.change, c.breaks]);

type Case = [name: string, activated: Partial<Fingerprint>, current: Partial<Fingerprint>, expected: Array<[string, string, boolean]>];

function check(activated: Partial<Fingerprint>, current: Partial<Fingerprint>, expected: Array<[string, string, boolean]>) {
  const verdict = compareFingerprints(fp(activated), fp(current));
  expect(brief(verdict.changes)).toEqual(expected);
  expect(verdict.survives).toBe(expected.every(([, , breaks]) => !breaks));
  for (const c of verdict.changes) {
    expect(c.reason).toBe(c.text.en);
    expect(c.text.ru).not.toBe("");
    expect(c.rule).toMatch(/^DOMAIN §1\.4/);
  }
  return verdict;
}

describe("compareFingerprints — device lists, DOMAIN §1.4 [H]: adding keeps, removing or replacing breaks", () => {
  const disk2 = { model: "WDC WD10EZEX-08WN4A0", serial: "WD-WCC6Y1234567", sizeBytes: 1000204886016 };
  test.each<Case>([
    ["§1.4: a second NIC added survives", {}, { nics: [...base.nics, realtek] }, [["nics", "added", false]]],
    ["§1.4: a replaced NIC breaks", {}, { nics: [realtek] }, [["nics", "replaced", true]]],
    ["§1.4: one of two NICs removed breaks", { nics: [...base.nics, realtek] }, {}, [["nics", "removed", true]]],
    ["§1.4: a NIC is its MAC — case and '-'/':' separators do not matter", {}, { nics: [{ name: base.nics[0].name, mac: "00:1a:2b:3c:4d:5e" }] }, []],
    ["§1.4: a NIC renamed with the same MAC is the same adapter (reported, harmless)", {}, { nics: [{ name: "Ethernet 2", mac: base.nics[0].mac }] }, [["nics", "changed", false]]],
    ["§1.4: a CPU added survives", {}, { cpus: [...base.cpus, "Intel(R) Core(TM) i5-10400 @ 2.90GHz, 6 cores"] }, [["cpus", "added", false]]],
    ["§1.4: a replaced CPU breaks", {}, { cpus: ["AMD Ryzen 5 5600G @ 3.90GHz, 6 cores"] }, [["cpus", "replaced", true]]],
    ["§1.4: one of two identical CPUs removed breaks", { cpus: ["Xeon Silver 4210R", "Xeon Silver 4210R"] }, { cpus: ["Xeon Silver 4210R"] }, [["cpus", "removed", true]]],
    ["§1.4: a disk added survives", {}, { disks: [...base.disks, disk2] }, [["disks", "added", false]]],
    ["§1.4: a disk removed breaks", { disks: [...base.disks, disk2] }, {}, [["disks", "removed", true]]],
    ["§1.4: same model, another serial is a replaced disk", {}, { disks: [{ ...base.disks[0], serial: "S999999999" }] }, [["disks", "replaced", true]]],
    ["§1.4: a disk without a serial on one side is matched by model", {}, { disks: [{ ...base.disks[0], serial: undefined }] }, []],
    ["§1.4: disk serials compare case-insensitively", {}, { disks: [{ ...base.disks[0], serial: "s123456789" }] }, []],
    ["§1.4 [M]: a disk resized (repartitioned) breaks", {}, { disks: [{ ...base.disks[0], sizeBytes: 480103981056 }] }, [["disks", "decreased", true]]],
    ["§1.4 [M]: a disk grown breaks", {}, { disks: [{ ...base.disks[0], sizeBytes: 1000204886016 }] }, [["disks", "increased", true]]],
    ["§1.4 [M]: same serial, another model breaks (disk parameters are bound)", {}, { disks: [{ ...base.disks[0], model: "Samsung SSD 980 PRO 500GB" }] }, [["disks", "changed", true]]],
    ["§1.4: two removed and one added: one replaced, one removed", { nics: [...base.nics, realtek] }, { nics: [{ name: "USB LAN", mac: "AA-BB-CC-DD-EE-FF" }] }, [["nics", "replaced", true], ["nics", "removed", true]]],
  ])("%s", (_name, activated, current, expected) => {
    check(activated, current, expected);
  });

  test("§1.4: the texts name the devices in both languages", () => {
    const [c] = check({}, { nics: [realtek] }, [["nics", "replaced", true]]).changes;
    expect(c.text.en).toContain("Intel(R) Ethernet Connection I219-V");
    expect(c.text.en).toContain("52:54:00:AB:CD:EF");
    expect(c.text.ru).toContain("заменён");
    expect(c.text.ru).toContain("«Realtek PCIe GbE Family Controller»");
    expect(c.rule).toBe("DOMAIN §1.4 [H]");
  });

  test("§1.4 [M]: a resize says it is a repartition and cites the article's [M] rule", () => {
    const [c] = check({}, { disks: [{ ...base.disks[0], sizeBytes: 480103981056 }] }, [["disks", "decreased", true]]).changes;
    expect(c.reason).toMatch(/resize or repartition/);
    expect(c.reason).toContain("[M]");
    expect(c.reason).toContain("500.1 GB");
    expect(c.text.ru).toContain("480,1 ГБ");
    expect(c.rule).toBe("DOMAIN §1.4 [M]");
  });
});

describe("compareFingerprints — RAM, DOMAIN §1.4 [H]: always against the size at activation", () => {
  test.each<Case>([
    ["§1.4: raised from 2 GB to 6 GB survives", { ramMb: 2 * GB }, { ramMb: 6 * GB }, [["ramMb", "increased", false]]],
    ["§1.4 article: 2 GB → 6 → 4 is still valid (4 GB ≥ 2 GB at activation)", { ramMb: 2 * GB }, { ramMb: 4 * GB }, [["ramMb", "increased", false]]],
    ["§1.4: lowered below the size at activation breaks", { ramMb: 4 * GB }, { ramMb: 2 * GB }, [["ramMb", "decreased", true]]],
    ["§1.4: the same size is no change", { ramMb: 4 * GB }, { ramMb: 4 * GB }, []],
  ])("%s", (_name, activated, current, expected) => {
    check(activated, current, expected);
  });

  test("§1.4 article: each step of 2 → 6 → 4 GB is judged against the activation fingerprint", () => {
    const activation = fp({ ramMb: 2 * GB });
    for (const now of [6 * GB, 4 * GB]) expect(compareFingerprints(activation, fp({ ramMb: now })).survives).toBe(true);
    expect(compareFingerprints(activation, fp({ ramMb: 1 * GB })).survives).toBe(false);
  });
});

describe("compareFingerprints — OS, DOMAIN §1.4", () => {
  test.each<Case>([
    ["§1.4 [H]: a Windows build-only change (10.0.19045 → 10.0.22631) is harmless", {}, { osVersion: "10.0.22631" }, [["osVersion", "changed", false]]],
    ["§1.4 [H]: Windows major.minor 6.1 → 10.0 breaks", { osVersion: "6.1.7601" }, { osVersion: "10.0.19045" }, [["osVersion", "changed", true]]],
    ["§1.4 [M]: outside Windows the whole version string is compared", { osName: "Linux", osVersion: "Ubuntu 22.04" }, { osName: "Linux", osVersion: "Ubuntu 24.04" }, [["osVersion", "changed", true]]],
    ["§1.4 [M]: outside Windows even a patch-level change counts", { osName: "Linux", osVersion: "5.15.0" }, { osName: "Linux", osVersion: "5.15.1" }, [["osVersion", "changed", true]]],
    ["§1.4 [H]: an OS name change breaks", { osName: "Windows" }, { osName: "Linux", osSerial: undefined, osInstallDate: undefined }, [["osName", "changed", true]]],
    ["§1.4 [H]: OS serial changed on Windows before 10 breaks", windows7, { ...windows7, osSerial: "00371-OEM-8992671-00524" }, [["osSerial", "changed", true]]],
    ["§1.4 [H]: OS install date changed on Windows before 10 breaks", windows7, { ...windows7, osInstallDate: "2025-01-01" }, [["osInstallDate", "changed", true]]],
    ["§1.4 [M]: OS serial changed on Windows 10 is reported, not breaking", {}, { osSerial: "00330-80000-00000-ZZ999" }, [["osSerial", "changed", false]]],
    ["§1.4 [M]: OS install date changed on Windows 11 (10.0) is reported, not breaking", { osVersion: "10.0.22631" }, { osVersion: "10.0.22631", osInstallDate: "2025-01-01" }, [["osInstallDate", "changed", false]]],
    ["§1.4: OS serial and install date are Windows-only: not compared elsewhere", { osName: "Linux", osVersion: "Debian 12" }, { osName: "Linux", osVersion: "Debian 12", osSerial: "x", osInstallDate: "2025-01-01" }, []],
  ])("%s", (_name, activated, current, expected) => {
    check(activated, current, expected);
  });

  test("§1.4 [H]: the harmless Windows build change explains why", () => {
    const [c] = compareFingerprints(base, fp({ osVersion: "10.0.22631" })).changes;
    expect(c.reason).toMatch(/only its first two numbers \(10\.0\) are bound/);
    expect(c.text.ru).toMatch(/только первые два числа/);
  });

  test("§1.4 [M]: the Windows 10 serial change carries the 'reportedly not checked' caveat", () => {
    const [c] = compareFingerprints(base, fp({ osSerial: "00330-80000-00000-ZZ999" })).changes;
    expect(c.reason).toMatch(/reportedly not checked on Windows 10/);
    expect(c.rule).toBe("DOMAIN §1.4 [M]");
  });

  test("§1.4 [M]: a non-Windows version change says it is [M]", () => {
    const [c] = compareFingerprints(fp({ osName: "Linux", osVersion: "Ubuntu 22.04" }), fp({ osName: "Linux", osVersion: "Ubuntu 24.04" })).changes;
    expect(c.reason).toContain("[M]");
    expect(c.rule).toBe("DOMAIN §1.4 [M]");
  });
});

describe("compareFingerprints — network name, motherboard, BIOS, DOMAIN §1.4 [H]", () => {
  test.each<Case>([
    ["§1.4: a changed network name breaks", {}, { hostname: "BUH-07" }, [["hostname", "changed", true]]],
    ["§1.4: a hostname case-only change is not a change", {}, { hostname: "buh-01" }, []],
    ["§1.4: a changed motherboard breaks", {}, { motherboard: "ASUS PRIME B660M-K D4" }, [["motherboard", "changed", true]]],
    ["§1.4: a changed BIOS version breaks", {}, { bios: "American Megatrends Inc. 2.22" }, [["bios", "changed", true]]],
    ["§1.4: surrounding whitespace is not a change", {}, { motherboard: "  ASUS PRIME  B560M-A " }, []],
  ])("%s", (_name, activated, current, expected) => {
    check(activated, current, expected);
  });
});

describe("compareFingerprints — a parameter missing on either side is not compared (DOMAIN §1.4)", () => {
  test.each<Case>([
    ["§1.4: empty network name on the current side", {}, { hostname: "" }, []],
    ["§1.4: empty motherboard at activation", { motherboard: "" }, { motherboard: "MSI PRO B660M-A" }, []],
    ["§1.4: BIOS of whitespace only", { bios: "   " }, { bios: "AMI 9.99" }, []],
    ["§1.4: OS name and version not recorded", { osName: "", osVersion: "" }, { osName: "Windows", osVersion: "6.1" }, []],
    ["§1.4: OS serial undefined at activation", { osSerial: undefined }, { osSerial: "00330-1" }, []],
    ["§1.4: OS install date undefined now", {}, { osInstallDate: undefined }, []],
    ["§1.4: RAM 0 means not recorded", { ramMb: 0 }, { ramMb: 1024 }, []],
    ["§1.4: an empty CPU list means not recorded", {}, { cpus: [] }, []],
    ["§1.4: an empty NIC list means not recorded", { nics: [] }, { nics: [realtek] }, []],
    ["§1.4: an empty disk list means not recorded", {}, { disks: [] }, []],
    ["§1.4: a disk size 0 means not recorded", {}, { disks: [{ ...base.disks[0], sizeBytes: 0 }] }, []],
  ])("%s", (_name, activated, current, expected) => {
    check(activated, current, expected);
  });
});

describe("FingerprintSchema — DOMAIN §1.4 input rules", () => {
  const raw = { ...base, nics: base.nics.map((n) => ({ ...n })), disks: base.disks.map((d) => ({ ...d })) };

  test("§1.4: strings are trimmed, a null optional becomes undefined", () => {
    const parsed = FingerprintSchema.parse({ ...raw, hostname: "  BUH-01 \t", osSerial: null, cpus: [" i5 "], nics: [{ name: " Intel ", mac: " 00-1a-2b-3c-4d-5e " }] });
    expect(parsed.hostname).toBe("BUH-01");
    expect(parsed.osSerial).toBeUndefined();
    expect(parsed.cpus).toEqual(["i5"]);
    expect(parsed.nics[0]).toEqual({ name: "Intel", mac: "00-1a-2b-3c-4d-5e" });
  });

  test.each([
    ["§1.4: RAM must be a whole number", { ramMb: 2048.5 }, "ramMb", /whole number of MB/],
    ["§1.4: RAM must not be negative", { ramMb: -1 }, "ramMb", /0 or more MB/],
    ["§1.4: RAM is a number, not text", { ramMb: "2048" }, "ramMb", /must be a number of MB, not string/],
    ["§1.4: a disk size is a whole number of bytes", { disks: [{ model: "x", sizeBytes: 1.5 }] }, "disks.0.sizeBytes", /whole number of bytes/],
    ["§1.4: a MAC address has 12 hex digits", { nics: [{ name: "x", mac: "00:1A:2B:3C:4D" }] }, "nics.0.mac", /12 hexadecimal digits/],
    ["§1.4: the network name is required", { hostname: undefined }, "hostname", /Required: the computer's network name/],
    ["§1.4: the CPU list must be a list", { cpus: "i5" }, "cpus", /must be a list/],
  ])("%s", (_name, patch, path, message) => {
    const result = FingerprintSchema.safeParse({ ...raw, ...patch });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join(".") === path);
    expect(issue?.message).toMatch(message);
  });

  test.each([
    ["00-1A-2B-3C-4D-5E", "00:1A:2B:3C:4D:5E"],
    ["00:1a:2b:3c:4d:5e", "00:1A:2B:3C:4D:5E"],
    ["001A2B3C4D5E", "00:1A:2B:3C:4D:5E"],
  ])("§1.4: MAC %s is normalised to %s for comparison", (mac, expected) => {
    expect(normalizeMac(mac)).toBe(expected);
  });
});

// ----- properties

const text = (pool: string[]) => fc.oneof(fc.constantFrom(...pool), fc.string({ maxLength: 12 }));
const macArb = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 6, maxLength: 6 }), fc.constantFrom(":", "-"), fc.boolean())
  .map(([bytes, sep, upper]) => {
    const s = bytes.map((b) => b.toString(16).padStart(2, "0")).join(sep);
    return upper ? s.toUpperCase() : s;
  });
const cpuArb = text(["i5-10400", "i5-12400", "Ryzen 5 5600G", "Xeon Silver 4210R"]);
const nicArb = fc.record({ name: text(["Intel I219-V", "Realtek", ""]), mac: fc.oneof(fc.constantFrom("00-1A-2B-3C-4D-5E", "52:54:00:ab:cd:ef"), macArb) });
const diskArb = fc.record({
  model: text(["Samsung SSD 980", "WDC WD10EZEX", "KINGSTON SA400"]),
  serial: fc.option(text(["S1", "S2", "s1"]), { nil: undefined }),
  sizeBytes: fc.constantFrom(0, 480103981056, 500107862016, 1000204886016),
});
const fingerprintArb = (minDevices = 0) =>
  fc.record({
    osName: text(["Windows", "Windows Server 2019", "Windows 7 Professional", "Linux", ""]),
    osVersion: text(["10.0.19045", "10.0.22631", "6.1.7601", "Ubuntu 22.04", ""]),
    osSerial: fc.option(text(["00330-1", "00330-2"]), { nil: undefined }),
    osInstallDate: fc.option(text(["2024-01-01", "2025-01-01"]), { nil: undefined }),
    hostname: text(["BUH-01", "buh-01", "BUH-02"]),
    motherboard: text(["ASUS PRIME B560M-A", "MSI PRO B660M-A"]),
    ramMb: fc.constantFrom(0, 2048, 4096, 8192),
    bios: text(["AMI 2.21", "AMI 2.22"]),
    cpus: fc.array(cpuArb, { minLength: minDevices, maxLength: 4 }),
    nics: fc.array(nicArb, { minLength: minDevices, maxLength: 4 }),
    disks: fc.array(diskArb, { minLength: minDevices, maxLength: 4 }),
  });

describe("compareFingerprints — invariants (DOMAIN §1.4)", () => {
  fcTest.prop([fingerprintArb()])("a fingerprint compared with itself survives with no changes", (f) => {
    expect(compareFingerprints(f, structuredClone(f))).toEqual({ survives: true, changes: [] });
  });

  fcTest.prop([fingerprintArb(), fc.array(cpuArb, { maxLength: 3 }), fc.array(nicArb, { maxLength: 3 }), fc.array(diskArb, { maxLength: 3 })])(
    "§1.4: adding devices (CPUs, NICs, disks) to the current fingerprint never breaks",
    (activated, cpus, nics, disks) => {
      const current = { ...activated, cpus: [...activated.cpus, ...cpus], nics: [...activated.nics, ...nics], disks: [...activated.disks, ...disks] };
      const verdict = compareFingerprints(activated, current);
      expect(verdict.survives).toBe(true);
      expect(verdict.changes.every((c) => c.change === "added" || c.change === "changed")).toBe(true);
    },
  );

  fcTest.prop([fingerprintArb(2), fc.constantFrom("cpus" as const, "nics" as const, "disks" as const), fc.nat()])(
    "§1.4: removing any device always breaks",
    (activated, kind, index) => {
      const list = activated[kind] as unknown[];
      const current = { ...activated, [kind]: list.filter((_, i) => i !== index % list.length) };
      const verdict = compareFingerprints(activated, current);
      expect(verdict.survives).toBe(false);
      expect(verdict.changes.some((c) => c.parameter === kind && c.change === "removed" && c.breaks)).toBe(true);
    },
  );

  fcTest.prop([fingerprintArb(), fingerprintArb()])("survives is exactly 'no change breaks'", (activated, current) => {
    const verdict = compareFingerprints(activated, current);
    expect(verdict.survives).toBe(verdict.changes.every((c) => !c.breaks));
    for (const c of verdict.changes) expect(c.reason).toBe(c.text.en);
  });

  fcTest.prop([fingerprintArb()])("§1.4: writing MACs in another case or with other separators changes nothing", (activated) => {
    const current = { ...activated, nics: activated.nics.map((n) => ({ ...n, mac: n.mac.replace(/[-:]/g, (s) => (s === "-" ? ":" : "-")).toLowerCase() })) };
    expect(compareFingerprints(activated, current).changes).toEqual([]);
  });
});
