import fs from "node:fs";

import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { decodeText } from "@/lib/parsers/encoding";
import {
  checkAddress,
  effectiveSettings,
  correctedNethaspForm,
  generateNethasp,
  lintNethasp,
  MAX_FINDINGS,
  type NethaspEffective,
  type NethaspFinding,
  NethaspFormSchema,
  type NethaspFormInput,
  NethaspLintSchema,
  parseNethasp,
} from "@/lib/parsers/nethasp";

const fixture = (name: string) => decodeText(fs.readFileSync(new URL(`../fixtures/nethasp/${name}`, import.meta.url))).text;
const ini = (...lines: string[]) => lines.join("\n");

/** Everything but the summary, as `line severity code`, in the linter's order. */
const brief = (text: string) =>
  lintNethasp(text)
    .findings.filter((f) => f.code !== "summary")
    .map((f) => `${f.line} ${f.severity} ${f.code}`);
const summary = (text: string) => lintNethasp(text).findings.find((f) => f.code === "summary")!;

/** The contract every finding keeps: the API schema, English message = text.en, Russian present. */
function expectWellFormed(findings: NethaspFinding[]) {
  NethaspLintSchema.shape.findings.parse(findings);
  for (const f of findings) {
    expect(f.message).toBe(f.text.en);
    expect(f.text.ru).toMatch(/[а-яё]/i);
    expect(f.rule).toMatch(/^DOMAIN §[23]/);
  }
  expect(findings.filter((f) => f.code === "summary")).toHaveLength(1);
}

const GOOD_TCPIP = ["[NH_COMMON]", "NH_TCPIP = Enabled", "[NH_TCPIP]"];
/** A clean file plus extra [NH_TCPIP] lines (they start on line 5). */
const tcpip = (...lines: string[]) => ini(...GOOD_TCPIP, "NH_USE_BROADCAST = Disabled", ...lines);

describe("parseNethasp — DOMAIN §3 INI format", () => {
  test("sections and keys are case-insensitive, any spacing, comments after values, line numbers kept", () => {
    const p = parseNethasp(ini("; header comment", "[nh_common]", "  nh_tcpip=enabled;only TCP/IP", "", "[ NH_TcpIp ]  ; comment", "NH_SERVER_ADDR\t =  10.0.0.5 , srv-lic ; two"));
    expect(p.headers).toEqual([
      { line: 2, name: "NH_COMMON" },
      { line: 5, name: "NH_TCPIP" },
    ]);
    expect(p.entries).toEqual([
      { line: 3, section: "NH_COMMON", key: "NH_TCPIP", rawKey: "nh_tcpip", value: "enabled", items: ["enabled"], emptyItem: false, comment: "only TCP/IP" },
      { line: 6, section: "NH_TCPIP", key: "NH_SERVER_ADDR", rawKey: "NH_SERVER_ADDR", value: "10.0.0.5 , srv-lic", items: ["10.0.0.5", "srv-lic"], emptyItem: false, comment: "two" },
    ]);
    expect(p.comments).toEqual([{ line: 1, text: "header comment" }]);
    expect(p.garbage).toEqual([]);
  });

  test("repeated NH_SERVER_ADDR lines are all kept; keys before any section have section null", () => {
    const p = parseNethasp(ini("NH_TCPIP = Enabled", "[NH_TCPIP]", "NH_SERVER_ADDR = 10.0.0.5", "NH_SERVER_ADDR = 10.0.0.6,,"));
    expect(p.entries.map((e) => [e.line, e.section, e.items, e.emptyItem])).toEqual([
      [1, null, ["Enabled"], false],
      [3, "NH_TCPIP", ["10.0.0.5"], false],
      [4, "NH_TCPIP", ["10.0.0.6"], true],
    ]);
  });

  test("garbage lines are kept with their line and kind", () => {
    const p = parseNethasp(ini("[NH_TCPIP", "NH_TCPIP Enabled", "= 10.0.0.5", "# NH_IPX = Disabled", "// note", "[NH_TCPIP] trailing"));
    expect(p.garbage.map((g) => [g.line, g.kind])).toEqual([
      [1, "unclosed-section"],
      [2, "no-equals"],
      [3, "empty-key"],
      [4, "hash-comment"],
      [5, "hash-comment"],
      [6, "unclosed-section"],
    ]);
  });

  test.each([
    ["LF", "[NH_TCPIP]\nNH_PORT_NUMBER = 475\n"],
    ["CRLF", "[NH_TCPIP]\r\nNH_PORT_NUMBER = 475\r\n"],
    ["CR (classic Mac)", "[NH_TCPIP]\rNH_PORT_NUMBER = 475\r"],
    ["a BOM and CRLF", "\ufeff[NH_TCPIP]\r\nNH_PORT_NUMBER = 475\r\n"],
  ])("line breaks: %s", (_name, text) => {
    const p = parseNethasp(text);
    expect(p.headers).toEqual([{ line: 1, name: "NH_TCPIP" }]);
    expect(p.entries.map((e) => [e.line, e.key, e.value])).toEqual([[2, "NH_PORT_NUMBER", "475"]]);
  });
});

describe("effectiveSettings — DOMAIN §3 defaults and the protocol-switch rule", () => {
  const eff = (text: string) => effectiveSettings(parseNethasp(text));
  const DEFAULTS: NethaspEffective = { tcpip: true, ipx: true, netbios: true, serverAddr: [], port: 475, method: "UDP", broadcast: true, serverNames: [] };

  test.each<[string, string, Partial<NethaspEffective>]>([
    ["§3: no file content → defaults (port 475, UDP, broadcast on, every protocol on)", "", {}],
    ["§3: no protocol switch at all → every protocol on", ini("[NH_TCPIP]", "NH_SERVER_ADDR = 10.0.0.5"), { serverAddr: ["10.0.0.5"] }],
    ["§3: one switch Enabled → the protocols not named are off", ini("[NH_COMMON]", "NH_TCPIP = Enabled"), { ipx: false, netbios: false }],
    ["§3: only NH_IPX Enabled → TCP/IP counts as off", ini("[NH_COMMON]", "NH_IPX = Enabled"), { tcpip: false, netbios: false }],
    ["§3: a switch that only says Disabled turns off just its protocol", ini("[NH_COMMON]", "NH_IPX = Disabled"), { ipx: false }],
    ["§3: every switch Disabled → nothing is on", ini("[NH_COMMON]", "NH_IPX = Disabled", "NH_NETBIOS = Disabled", "NH_TCPIP = Disabled"), { tcpip: false, ipx: false, netbios: false }],
    ["§3: switch values are case-insensitive", ini("[NH_COMMON]", "nh_tcpip = ENABLED", "NH_NETBIOS = enabled"), { ipx: false }],
    ["§3: a switch outside [NH_COMMON] is ignored", ini("[NH_TCPIP]", "NH_TCPIP = Enabled"), {}],
    ["§3: an invalid switch value counts as not set", ini("[NH_COMMON]", "NH_TCPIP = Yes"), {}],
    [
      "§3: port, method, broadcast and names from [NH_TCPIP]",
      ini("[NH_TCPIP]", "NH_PORT_NUMBER = 1500", "NH_TCPIP_METHOD = tcp", "NH_USE_BROADCAST = Disabled", "NH_SERVER_NAME = LM1, lm2"),
      { port: 1500, method: "TCP", broadcast: false, serverNames: ["LM1", "lm2"] },
    ],
    ["§3: NH_USE_BROADCAST under [NH_IPX] does not touch TCP/IP", ini("[NH_IPX]", "NH_USE_BROADCAST = Disabled"), {}],
    ["§3: repeated NH_SERVER_ADDR lines add up, in file order", ini("[NH_TCPIP]", "NH_SERVER_ADDR = 10.0.0.5, 10.0.0.6", "NH_SERVER_ADDR = lic.corp.local"), { serverAddr: ["10.0.0.5", "10.0.0.6", "lic.corp.local"] }],
    ["§2: unusable addresses (IPv6, host:port) are left out", ini("[NH_TCPIP]", "NH_SERVER_ADDR = fe80::1, 10.0.0.5:475, 10.0.0.7"), { serverAddr: ["10.0.0.7"] }],
    ["§3: NH_SERVER_ADDR in [NH_COMMON] is not used", ini("[NH_COMMON]", "NH_SERVER_ADDR = 10.0.0.5"), {}],
    ["§3: a scalar key given twice — the last wins", ini("[NH_TCPIP]", "NH_PORT_NUMBER = 1500", "NH_PORT_NUMBER = 1600"), { port: 1600 }],
    ["§3: an invalid last port falls back to 475", ini("[NH_TCPIP]", "NH_PORT_NUMBER = 1500", "NH_PORT_NUMBER = 99999"), { port: 475 }],
    ["§3: a section given twice is merged", ini("[NH_TCPIP]", "NH_SERVER_ADDR = 10.0.0.5", "[NH_COMMON]", "NH_TCPIP = Enabled", "[NH_TCPIP]", "NH_USE_BROADCAST = Disabled"), { ipx: false, netbios: false, serverAddr: ["10.0.0.5"], broadcast: false }],
    ["§3: timeouts — [NH_TCPIP] over [NH_COMMON]", ini("[NH_COMMON]", "NH_SESSION = 5", "NH_SEND_RCV = 2", "[NH_TCPIP]", "NH_SESSION = 7"), { sessionTimeout: 7, sendReceiveTimeout: 2 }],
  ])("%s", (_name, text, expected) => {
    expect(eff(text)).toEqual({ ...DEFAULTS, ...expected });
  });
});

describe("lintNethasp — errors (DOMAIN §3 common mistakes, §2 License Manager)", () => {
  test.each<[string, string, string[]]>([
    ["§3: NH_SERVER_ADDR under [NH_COMMON] (the article's advice)", ini("[NH_COMMON]", "NH_TCPIP = Enabled", "NH_SERVER_ADDR = 10.0.0.5", "[NH_TCPIP]", "NH_USE_BROADCAST = Disabled"), ["3 error wrong-section", "5 error no-address"]],
    ["§3: a protocol switch under [NH_TCPIP]", ini("[NH_TCPIP]", "NH_TCPIP = Enabled", "NH_SERVER_ADDR = 10.0.0.5", "NH_USE_BROADCAST = Disabled"), ["2 error wrong-section", "3 warning other-protocols-with-addresses"]],
    ["§3: a key before any section", ini("NH_TCPIP = Enabled", ...GOOD_TCPIP, "NH_SERVER_ADDR = 10.0.0.5", "NH_USE_BROADCAST = Disabled"), ["1 error outside-section"]],
    ["§3: addresses while NH_TCPIP = Disabled", ini("[NH_COMMON]", "NH_TCPIP = Disabled", "NH_NETBIOS = Enabled", "[NH_TCPIP]", "NH_SERVER_ADDR = 10.0.0.5"), ["5 error tcpip-not-enabled"]],
    ["§3: addresses while another protocol is Enabled and NH_TCPIP is not named", ini("[NH_COMMON]", "NH_IPX = Enabled", "[NH_TCPIP]", "NH_SERVER_ADDR = 10.0.0.5"), ["4 error tcpip-not-enabled"]],
    ["§3: every protocol off", ini("[NH_COMMON]", "NH_IPX = Disabled", "NH_NETBIOS = Disabled", "NH_TCPIP = Disabled"), ["4 error no-protocol"]],
    ["§3: TCP/IP on, no address, broadcast off", ini(...GOOD_TCPIP, "NH_USE_BROADCAST = Disabled"), ["4 error no-address"]],
    ["§2: an invalid IPv4 address", tcpip("NH_SERVER_ADDR = 10.0.0.256, 10.0.0.5"), ["5 error invalid-ipv4"]],
    ["§2: three numbers are not an IPv4 address", tcpip("NH_SERVER_ADDR = 10.0.5, 10.0.0.5"), ["5 error invalid-ipv4"]],
    ["§2: 0.0.0.0 is not a computer", tcpip("NH_SERVER_ADDR = 0.0.0.0, 10.0.0.5"), ["5 error invalid-ipv4"]],
    ["§2: an IPv6 address (the License Manager is IPv4 only)", tcpip("NH_SERVER_ADDR = 2001:db8::5, 10.0.0.5"), ["5 error ipv6-address"]],
    ["§2: a bracketed IPv6 address with a port", tcpip("NH_SERVER_ADDR = [::1]:475, 10.0.0.5"), ["5 error ipv6-address"]],
    ["§2: an IPv4-mapped IPv6 address", tcpip("NH_SERVER_ADDR = ::ffff:10.0.0.5, 10.0.0.6"), ["5 error ipv6-address"]],
    ["§3: a host name with an underscore", tcpip("NH_SERVER_ADDR = lic_srv, 10.0.0.5"), ["5 error invalid-host-name"]],
    ["§3: a host name in Cyrillic", tcpip("NH_SERVER_ADDR = сервер1с, 10.0.0.5"), ["5 error invalid-host-name"]],
    ["§3: addresses separated by spaces", tcpip("NH_SERVER_ADDR = 10.0.0.5 10.0.0.6"), ["4 error no-address", "5 error invalid-host-name"]],
    ["§3: a UNC path is not a host name", tcpip("NH_SERVER_ADDR = \\\\srv-1c, 10.0.0.5"), ["5 error invalid-host-name"]],
    ["§3: a port glued to the address", tcpip("NH_SERVER_ADDR = 10.0.0.5:475, lic.corp.local:475, 10.0.0.6"), ["5 error address-with-port", "5 error address-with-port"]],
    ["§2: port 0", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_PORT_NUMBER = 0"), ["6 error invalid-port"]],
    ["§2: port 65536", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_PORT_NUMBER = 65536"), ["6 error invalid-port"]],
    ["§2: a port that is not a number", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_PORT_NUMBER = default"), ["6 error invalid-port"]],
    ["§3: more than 6 server names", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_SERVER_NAME = A, B, C, D, E, F, G"), ["6 error too-many-server-names"]],
    ["§3: a server name of 8 characters", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_SERVER_NAME = LM1, LICSERV1"), ["6 error server-name-too-long"]],
    ["§3: NH_SERVER_NAME limits apply under [NH_IPX] too", ini(tcpip("NH_SERVER_ADDR = 10.0.0.5"), "[NH_IPX]", "NH_SERVER_NAME = HASPSERVER"), ["7 error server-name-too-long"]],
    ["§3: an NH_NBNAME of 9 characters", ini(tcpip("NH_SERVER_ADDR = 10.0.0.5"), "[NH_NETBIOS]", "NH_NBNAME = HASPSERV1"), ["7 error nbname-too-long"]],
    ["§3: NH_NBNAME takes one name", ini(tcpip("NH_SERVER_ADDR = 10.0.0.5"), "[NH_NETBIOS]", "NH_NBNAME = A, B"), ["7 error invalid-value"]],
    ["§3: a switch that is not Enabled/Disabled", ini("[NH_COMMON]", "NH_TCPIP = Yes", "[NH_TCPIP]", "NH_SERVER_ADDR = 10.0.0.5", "NH_USE_BROADCAST = Disabled"), ["2 error invalid-value", "4 warning other-protocols-with-addresses"]],
    ["§3: a method that is not TCP/UDP", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_TCPIP_METHOD = HTTP"), ["6 error invalid-value"]],
    ["§3: NH_SEARCH_METHOD is Localnet or Internet", ini(tcpip("NH_SERVER_ADDR = 10.0.0.5"), "[NH_IPX]", "NH_SEARCH_METHOD = Global"), ["7 error invalid-value"]],
    ["§3: a timeout that is not a number", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_SESSION = 5s", "NH_SEND_RCV = 2.5"), ["6 error invalid-timeout", "7 error invalid-timeout"]],
    ["§3: a lana number that is not a number", ini(tcpip("NH_SERVER_ADDR = 10.0.0.5"), "[NH_NETBIOS]", "NH_USELANANUM = first"), ["7 error invalid-number"]],
    ["§3: garbage lines", ini(tcpip("NH_SERVER_ADDR = 10.0.0.5"), "NH_PORT_NUMBER 475", "Enabled", "[NH_IPX"), ["6 error malformed-line", "7 error malformed-line", "8 error malformed-line"]],
  ])("%s", (_name, text, expected) => {
    expect(brief(text)).toEqual(expected);
    expectWellFormed(lintNethasp(text).findings);
  });
});

describe("lintNethasp — warnings", () => {
  test.each<[string, string, string[]]>([
    ["§3: broadcast left on (explicitly) with explicit addresses", ini(...GOOD_TCPIP, "NH_SERVER_ADDR = 10.0.0.5", "NH_USE_BROADCAST = Enabled"), ["5 warning broadcast-with-addresses"]],
    ["§3: broadcast left on (by default) with explicit addresses — on the address line", ini(...GOOD_TCPIP, "NH_SERVER_ADDR = 10.0.0.5"), ["4 warning broadcast-with-addresses"]],
    ["§3: no address and broadcast on: one subnet only", ini(...GOOD_TCPIP, "NH_PORT_NUMBER = 475"), ["0 warning broadcast-only"]],
    ["§3: an unknown key", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_LICENSE_SERVER = 10.0.0.5"), ["6 warning unknown-key"]],
    ["§3: a likely typo NH_SERVER_ADRR", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_SERVER_ADRR = 10.0.0.6"), ["6 warning likely-typo"]],
    ["§3: a likely typo NH_PORT_NUMBERS", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_PORT_NUMBERS = 475"), ["6 warning likely-typo"]],
    ["§3 [L]: NHS_SERVERNAMES in the client file (the article's advice)", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NHS_SERVERNAMES = SRV1C"), ["6 warning server-side-key"]],
    ["§3 [L]: an [NHS_SERVER] section (nhsrv.ini)", ini(tcpip("NH_SERVER_ADDR = 10.0.0.5"), "[NHS_SERVER]", "NHS_SERVERNAMES = SRV1C"), ["6 warning server-side-section", "7 warning server-side-key"]],
    ["§2: a port other than 475", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_PORT_NUMBER = 476"), ["6 warning non-default-port"]],
    ["§2: port 1947 is the Sentinel admin page, not the License Manager", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_PORT_NUMBER = 1947"), ["6 warning sentinel-admin-port"]],
    ["§3: a scalar key given twice (last wins)", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_TCPIP_METHOD = UDP", "NH_TCPIP_METHOD = TCP"), ["7 warning duplicate-key"]],
    ["§3: a section given twice", ini(tcpip("NH_SERVER_ADDR = 10.0.0.5"), "[NH_COMMON]", "NH_SESSION = 5"), ["6 warning duplicate-section"]],
    ["§3: an unknown section, with a suggestion", ini(tcpip("NH_SERVER_ADDR = 10.0.0.5"), "[NH_TCP/IP]", "NH_PORT_NUMBER = 1"), ["6 warning unknown-section"]],
    ["§3: an empty value", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_PORT_NUMBER ="), ["6 warning empty-value"]],
    ["§3: an empty list item", tcpip("NH_SERVER_ADDR = 10.0.0.5,,10.0.0.6"), ["5 warning empty-value"]],
    ["§3: a # comment is not a comment", tcpip("NH_SERVER_ADDR = 10.0.0.5", "# NH_PORT_NUMBER = 1500"), ["6 warning hash-comment"]],
    ["§2: leading zeros in an IPv4 address", tcpip("NH_SERVER_ADDR = 010.000.000.005"), ["5 warning ipv4-leading-zero"]],
    ["§3: TCP/IP off with no addresses: NetBIOS only", ini("[NH_COMMON]", "NH_NETBIOS = Enabled"), ["2 warning tcpip-off"]],
  ])("%s", (_name, text, expected) => {
    expect(brief(text)).toEqual(expected);
    expectWellFormed(lintNethasp(text).findings);
  });

  test("codes are stable kebab-case; messages name the key and suggest the fix", () => {
    const typo = lintNethasp(tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_SERVER_ADRR = 10.0.0.6")).findings.find((f) => f.code === "likely-typo")!;
    expect(typo.message).toContain("did you mean NH_SERVER_ADDR?");
    expect(typo.text.ru).toContain("NH_SERVER_ADDR");
    const wrong = lintNethasp(ini("[NH_COMMON]", "NH_SERVER_ADDR = 10.0.0.5")).findings.find((f) => f.code === "wrong-section")!;
    expect(wrong.message).toMatch(/only in \[NH_TCPIP\]/);
    const ipv6 = lintNethasp(tcpip("NH_SERVER_ADDR = fe80::1")).findings.find((f) => f.code === "ipv6-address")!;
    expect(ipv6.message).toMatch(/IPv4 only/);
    expect(ipv6.text.ru).toMatch(/только по IPv4/);
    const nhs = lintNethasp(tcpip("NHS_SERVERNAMES = A")).findings.find((f) => f.code === "server-side-key")!;
    expect(nhs.rule).toBe("DOMAIN §3 [L]");
    expect(nhs.message).toMatch(/nhsrv\.ini/);
    const section = lintNethasp(ini("[NH_TCPI]")).findings.find((f) => f.code === "unknown-section")!;
    expect(section.message).toContain("did you mean [NH_TCPIP]?");
  });

  test("Russian counts agree with their numbers", () => {
    const name = (n: number) => lintNethasp(tcpip("NH_SERVER_ADDR = 10.0.0.5", `NH_SERVER_NAME = ${"A".repeat(n)}`)).findings.find((f) => f.code === "server-name-too-long")!.text.ru;
    expect(name(8)).toContain("8 символов");
    expect(name(21)).toContain("21 символ;");
    expect(name(22)).toContain("22 символа");
  });
});

describe("lintNethasp — IPX/NetBIOS still on while addresses are set (other-protocols-with-addresses)", () => {
  const ADDR = ["[NH_TCPIP]", "NH_SERVER_ADDR = 10.0.0.5", "NH_USE_BROADCAST = Disabled"];
  const finding = (text: string) => lintNethasp(text).findings.find((f) => f.code === "other-protocols-with-addresses");

  test.each<[string, string, string[]]>([
    ["no [NH_COMMON] at all: every protocol on by default — on the address line", ini(...ADDR), ["2 warning other-protocols-with-addresses"]],
    ["[NH_COMMON] with timeouts only: still the default", ini("[NH_COMMON]", "NH_SESSION = 5", ...ADDR), ["4 warning other-protocols-with-addresses"]],
    ["IPX switched off, NetBIOS left at its default", ini("[NH_COMMON]", "NH_IPX = Disabled", ...ADDR), ["4 warning other-protocols-with-addresses"]],
    ["together with broadcast on by default: both on the address line", ini("[NH_TCPIP]", "NH_SERVER_ADDR = 10.0.0.5"), ["2 warning broadcast-with-addresses", "2 warning other-protocols-with-addresses"]],
    ["IPX Enabled explicitly next to TCP/IP — on the switch", ini("[NH_COMMON]", "NH_IPX = Enabled", "NH_TCPIP = Enabled", ...ADDR), ["2 warning other-protocols-with-addresses"]],
    ["IPX and NetBIOS Enabled explicitly — one finding, on the first switch", ini("[NH_COMMON]", "NH_TCPIP = Enabled", "NH_NETBIOS = Enabled", "NH_IPX = Enabled", ...ADDR), ["3 warning other-protocols-with-addresses"]],
    ["silenced on purpose", ini("[NH_COMMON]", "NH_IPX = Enabled ; seatledger-allow: other-protocols-with-addresses", "NH_TCPIP = Enabled", ...ADDR), []],
    ["all three written out, IPX and NetBIOS Disabled (the good config)", ini("[NH_COMMON]", "NH_IPX = Disabled", "NH_NETBIOS = Disabled", "NH_TCPIP = Enabled", ...ADDR), []],
    ["NH_TCPIP = Enabled alone switches the others off (§3 switch rule)", ini("[NH_COMMON]", "NH_TCPIP = Enabled", ...ADDR), []],
    ["no address: broadcast search is the configuration", ini("[NH_TCPIP]", "NH_PORT_NUMBER = 475"), ["0 warning broadcast-only"]],
    ["no usable address (IPv6 only): not this warning", ini("[NH_TCPIP]", "NH_SERVER_ADDR = fe80::1"), ["0 warning broadcast-only", "2 error ipv6-address"]],
    ["an address under [NH_COMMON] is not an address", ini("[NH_COMMON]", "NH_SERVER_ADDR = 10.0.0.5"), ["0 warning broadcast-only", "2 error wrong-section"]],
    ["TCP/IP off: the error says what to do, no second finding", ini("[NH_COMMON]", "NH_NETBIOS = Enabled", ...ADDR), ["4 error tcpip-not-enabled"]],
  ])("%s", (_name, text, expected) => {
    expect(brief(text)).toEqual(expected);
    expectWellFormed(lintNethasp(text).findings);
  });

  test("by default: names the protocols and the [NH_COMMON] lines to add, in both languages", () => {
    const f = finding(ini("[NH_COMMON]", "NH_SESSION = 5", ...ADDR))!;
    expect(f.rule).toBe("DOMAIN §3 [M]");
    expect(f.message).toBe(
      "IPX and NetBIOS are on by default (no protocol switch in [NH_COMMON] says Enabled) while NH_SERVER_ADDR is set: every client also looks for the License Manager over IPX and NetBIOS and waits for them to time out, which slows every start-up; add the lines NH_IPX = Disabled, NH_NETBIOS = Disabled and NH_TCPIP = Enabled to [NH_COMMON].",
    );
    expect(f.text.ru).toBe(
      "IPX и NetBIOS включены по умолчанию (ни один переключатель протоколов в [NH_COMMON] не равен Enabled), хотя задан NH_SERVER_ADDR: каждый клиент ещё и ищет менеджер лицензий через IPX и NetBIOS и ждёт, пока истекут тайм-ауты, что замедляет каждый запуск; добавьте в [NH_COMMON] строки NH_IPX = Disabled, NH_NETBIOS = Disabled и NH_TCPIP = Enabled.",
    );
  });

  test("by default with no [NH_COMMON]: asks for the section; one protocol already off is not repeated", () => {
    expect(finding(ini(...ADDR))!.message).toMatch(/; add a \[NH_COMMON\] section with the lines NH_IPX = Disabled, NH_NETBIOS = Disabled and NH_TCPIP = Enabled\.$/);
    expect(finding(ini(...ADDR))!.text.ru).toMatch(/; добавьте раздел \[NH_COMMON\] со строками NH_IPX = Disabled, NH_NETBIOS = Disabled и NH_TCPIP = Enabled\.$/);
    const one = finding(ini("[NH_COMMON]", "NH_IPX = Disabled", ...ADDR))!;
    expect(one.message).toMatch(/^NetBIOS is on by default .* over NetBIOS and waits for it to time out, .*; add the lines NH_NETBIOS = Disabled and NH_TCPIP = Enabled to \[NH_COMMON\]\.$/);
    expect(one.text.ru).toMatch(/^NetBIOS включён по умолчанию .* истечёт тайм-аут, .*; добавьте в \[NH_COMMON\] строки NH_NETBIOS = Disabled и NH_TCPIP = Enabled\.$/);
  });

  test("explicitly Enabled: different wording, on the switch, names the address line and asks to switch it off", () => {
    const f = finding(ini("[NH_COMMON]", "NH_NETBIOS = Enabled", "NH_TCPIP = Enabled", ...ADDR))!;
    expect(f.message).toBe(
      "NH_NETBIOS = Enabled while NH_SERVER_ADDR is set (line 5): every client also looks for the License Manager over NetBIOS and waits for it to time out, which slows every start-up; unless a License Manager is really reached over NetBIOS, set NH_NETBIOS = Disabled in [NH_COMMON].",
    );
    expect(f.text.ru).toBe(
      "NH_NETBIOS = Enabled, хотя задан NH_SERVER_ADDR (строка 5): каждый клиент ещё и ищет менеджер лицензий через NetBIOS и ждёт, пока истечёт тайм-аут, что замедляет каждый запуск; если через NetBIOS на самом деле не работает ни один менеджер лицензий, укажите в [NH_COMMON] NH_NETBIOS = Disabled.",
    );
    const both = finding(ini("[NH_COMMON]", "NH_IPX = Enabled", "NH_NETBIOS = Enabled", "NH_TCPIP = Enabled", ...ADDR))!;
    expect(both.message).toMatch(/^NH_IPX = Enabled and NH_NETBIOS = Enabled while .* set NH_IPX = Disabled and NH_NETBIOS = Disabled in \[NH_COMMON\]\.$/);
  });

  test("writing the offered lines into [NH_COMMON] clears the warning and turns IPX and NetBIOS off", () => {
    const text = fixture("addresses-default-protocols.ini");
    const offered = /add the lines? (.+) to \[NH_COMMON\]\.$/.exec(finding(text)!.message)![1].split(/, | and /);
    expect(offered).toEqual(["NH_IPX = Disabled", "NH_NETBIOS = Disabled", "NH_TCPIP = Enabled"]);
    const fixed = text.replace("[NH_COMMON]\n", `[NH_COMMON]\n${offered.join("\n")}\n`);
    expect(brief(fixed)).toEqual([]);
    expect(lintNethasp(fixed).effective).toMatchObject({ tcpip: true, ipx: false, netbios: false });
  });
});

describe("lintNethasp — the summary (info)", () => {
  test.each([
    ["the usual good config", tcpip("NH_SERVER_ADDR = 10.0.0.5"), "Clients will look for the License Manager at 10.0.0.5 over UDP port 475, broadcast off.", "Клиенты будут искать менеджер лицензий по адресу 10.0.0.5 через UDP, порт 475, широковещательный поиск выключен."],
    ["an empty file", "", "Clients will look for the License Manager by broadcast only over UDP port 475, which reaches their own subnet only; IPX and NetBIOS are also on.", undefined],
    ["TCP/IP off", ini("[NH_COMMON]", "NH_NETBIOS = Enabled"), "TCP/IP is off: clients will look for the License Manager over NetBIOS only.", undefined],
    ["everything off", ini("[NH_COMMON]", "NH_TCPIP = Disabled", "NH_IPX = Disabled", "NH_NETBIOS = Disabled"), "Clients will not look for the License Manager: every protocol is off.", undefined],
    ["no way to find it", ini(...GOOD_TCPIP, "NH_USE_BROADCAST = Disabled"), "Clients cannot find the License Manager over TCP/IP: no usable address and broadcast off.", "Клиенты не найдут менеджер лицензий по TCP/IP: нет пригодного адреса, а широковещательный поиск выключен."],
    ["a long list is counted, not spelled out", tcpip(`NH_SERVER_ADDR = ${Array.from({ length: 12 }, (_, i) => `10.0.0.${i + 1}`).join(", ")}`), "Clients will look for the License Manager at 10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4, 10.0.0.5, 10.0.0.6, 10.0.0.7, 10.0.0.8, 10.0.0.9, 10.0.0.10 and 2 more over UDP port 475, broadcast off.", undefined],
    ["names and TCP", tcpip("NH_SERVER_ADDR = a.corp, b.corp", "NH_TCPIP_METHOD = TCP", "NH_SERVER_NAME = LM1"), "Clients will look for the License Manager at a.corp, b.corp over TCP port 475, broadcast off; only License Managers named LM1.", undefined],
  ])("%s", (_name, text, en, ru) => {
    const s = summary(text);
    expect([s.line, s.severity, s.message]).toEqual([0, "info", en]);
    if (ru) expect(s.text.ru).toBe(ru);
  });
});

describe("lintNethasp — `; seatledger-allow:` silences a chosen warning, never an error", () => {
  test.each<[string, string, string[]]>([
    ["on the line", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_PORT_NUMBER = 1500 ; seatledger-allow: non-default-port"), []],
    ["in the comment block above", tcpip("NH_SERVER_ADDR = 10.0.0.5", "; the LM listens on 1500", "; seatledger-allow: non-default-port", "NH_PORT_NUMBER = 1500"), []],
    ["not across a blank line", tcpip("NH_SERVER_ADDR = 10.0.0.5", "; seatledger-allow: non-default-port", "", "NH_PORT_NUMBER = 1500"), ["8 warning non-default-port"]],
    ["only the named code", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_PORT_NUMBER = 1500 ; seatledger-allow: duplicate-key"), ["6 warning non-default-port"]],
    ["never an error", tcpip("NH_SERVER_ADDR = 10.0.0.5", "NH_PORT_NUMBER = 0 ; seatledger-allow: invalid-port"), ["6 error invalid-port"]],
  ])("%s", (_name, text, expected) => {
    expect(brief(text)).toEqual(expected);
  });
});

describe("lintNethasp — fixtures written in the real format", () => {
  test.each<[string, string[], Partial<NethaspEffective>]>([
    ["good.ini", [], { tcpip: true, serverAddr: ["10.0.0.5"], broadcast: false, port: 475, method: "UDP" }],
    [
      "article-mistakes.ini",
      ["0 warning broadcast-only", "3 error wrong-section", "4 warning server-side-key", "6 warning server-side-section", "7 warning server-side-key", "10 warning likely-typo"],
      { serverAddr: [], broadcast: true, serverNames: ["SRV1C", "BUH"] },
    ],
    ["crlf-comments.ini", [], { serverAddr: ["10.20.0.15"], broadcast: false, method: "TCP" }],
    ["cp866-comments.ini", [], { serverAddr: ["10.0.0.5"], broadcast: false }],
    ["repeated-addr.ini", [], { serverAddr: ["10.0.0.5", "10.0.0.6", "172.16.4.20", "hasp-backup.corp.local"], sessionTimeout: 5, sendReceiveTimeout: 3 }],
    ["ipv6.ini", ["5 error ipv6-address"], { serverAddr: ["10.0.0.5"] }],
    ["long-server-name.ini", ["6 error server-name-too-long"], { serverNames: ["HASPSRV01"] }],
    ["port-1947.ini", ["7 warning sentinel-admin-port"], { port: 1947 }],
    ["tcpip-not-enabled.ini", ["5 error tcpip-not-enabled"], { tcpip: false, ipx: true, netbios: false }],
    ["template.ini", ["0 warning broadcast-only"], { tcpip: true, ipx: true, netbios: true, serverAddr: [], broadcast: true }],
    ["broadcast-and-duplicates.ini", ["7 warning broadcast-with-addresses", "9 warning duplicate-section", "10 warning duplicate-key", "10 warning non-default-port"], { port: 476, broadcast: true }],
    ["addresses-default-protocols.ini", ["7 warning other-protocols-with-addresses"], { tcpip: true, ipx: true, netbios: true, serverAddr: ["10.0.0.5", "lic.corp.local"], broadcast: false, sessionTimeout: 5 }],
    ["addresses-explicit-protocols.ini", ["3 warning other-protocols-with-addresses"], { tcpip: true, ipx: false, netbios: true, serverAddr: ["10.0.0.5"], broadcast: false }],
  ])("%s", (name, expected, effective) => {
    const text = fixture(name);
    expect(brief(text)).toEqual(expected);
    const result = lintNethasp(text);
    expect(result.effective).toMatchObject(effective);
    expectWellFormed(result.findings);
  });

  test("the CRLF fixture really has CRLF and a BOM (guards against line-ending normalisation)", () => {
    const bytes = fs.readFileSync(new URL("../fixtures/nethasp/crlf-comments.ini", import.meta.url));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("latin1")).toContain("\r\n");
  });

  test("the CP866 fixture is not UTF-8 and decodes to Russian comments", () => {
    const decoded = decodeText(fs.readFileSync(new URL("../fixtures/nethasp/cp866-comments.ini", import.meta.url)));
    expect(decoded.encoding).toBe("cp866");
    expect(parseNethasp(decoded.text).entries.find((e) => e.key === "NH_SERVER_ADDR")?.comment).toBe("сервер 1С");
  });
});

describe("lintNethasp — robustness", () => {
  test("a huge garbage paste is cut at MAX_FINDINGS and keeps its summary", () => {
    const r = lintNethasp(Array.from({ length: 2000 }, (_, i) => `garbage ${i}`).join("\n"));
    expect(r.findings).toHaveLength(MAX_FINDINGS + 2);
    expect(r.findings[0].code).toBe("summary");
    expect(r.findings.at(-1)!.code).toBe("findings-truncated");
    expectWellFormed(r.findings);
  });

  test("long values are cut in messages", () => {
    const r = lintNethasp(tcpip(`NH_SERVER_ADDR = ${"a".repeat(5000)}`));
    expect(Math.max(...r.findings.map((f) => f.message.length))).toBeLessThan(400);
  });

  test.each([undefined, null, 42])("a non-string (%s) lints as an empty file", (value) => {
    expect(() => lintNethasp(value as unknown as string)).not.toThrow();
  });
});

describe("checkAddress — §2 IPv4 only, §3 IPs or host names", () => {
  test.each([
    ["10.0.0.5", true, "ipv4"],
    ["255.255.255.254", true, "ipv4"],
    ["srv-1c", true, "host"],
    ["lic.corp.local.", true, "host"],
    ["1c-server.example.com", true, "host"],
    ["10.0.0.5.6", false, "invalid-ipv4"],
    ["256.1.1.1", false, "invalid-ipv4"],
    ["::1", false, "ipv6-address"],
    ["fe80::1%eth0", false, "ipv6-address"],
    ["srv-1c:475", false, "address-with-port"],
    ["-srv", false, "invalid-host-name"],
    ["srv-", false, "invalid-host-name"],
    [`${"a".repeat(64)}.corp`, false, "invalid-host-name"],
    ["http://srv", false, "invalid-host-name"],
    ["", false, "invalid-host-name"],
  ])("%s", (address, ok, kindOrCode) => {
    const c = checkAddress(address);
    expect(c.ok).toBe(ok);
    expect(c.ok ? c.kind : c.code).toBe(kindOrCode);
  });
});

describe("generateNethasp — DOMAIN §3 usual good config", () => {
  test("the default form: TCP/IP only, explicit address, port 475, UDP, broadcast off, CRLF, ASCII", () => {
    const text = generateNethasp({ addresses: ["10.0.0.5"] });
    expect(text).toMatch(/\r\n$/);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(text).toMatch(/^[\t\r\n\x20-\x7e]*$/);
    const settings = text.split("\r\n").filter((l) => l !== "" && !l.startsWith(";"));
    expect(settings).toEqual([
      "[NH_COMMON]",
      "NH_IPX = Disabled",
      "NH_NETBIOS = Disabled",
      "NH_TCPIP = Enabled",
      "[NH_TCPIP]",
      "NH_SERVER_ADDR = 10.0.0.5",
      "NH_PORT_NUMBER = 475",
      "NH_TCPIP_METHOD = UDP",
      "NH_USE_BROADCAST = Disabled",
    ]);
    expect(brief(text)).toEqual([]);
    expect(summary(text).message).toBe("Clients will look for the License Manager at 10.0.0.5 over UDP port 475, broadcast off.");
  });

  test("every setting is explained by a comment line right above it", () => {
    const lines = generateNethasp({ addresses: ["10.0.0.5"], port: 1500, method: "TCP", broadcast: true, sessionTimeout: 5, sendReceiveTimeout: 2, serverNames: ["LM1"], lineEnding: "LF" }).split("\n");
    lines.forEach((line, i) => {
      if (/^NH_(SERVER_ADDR|PORT_NUMBER|TCPIP_METHOD|USE_BROADCAST|SERVER_NAME|SESSION|SEND_RCV) =/.test(line)) expect(lines[i - 1]).toMatch(/^;/);
    });
  });

  test("explicit choices: port, TCP, broadcast, timeouts, names, LF — still lint clean", () => {
    const text = generateNethasp({ addresses: ["lic.corp.local", "10.0.0.6"], port: 1500, method: "tcp", broadcast: true, sessionTimeout: 5, sendReceiveTimeout: 2, serverNames: ["LM1", "lm-2"], lineEnding: "LF" });
    expect(text).not.toContain("\r");
    expect(text).toContain("NH_SESSION = 5\n");
    expect(text).toContain("NH_SEND_RCV = 2\n");
    expect(text).toContain("NH_TCPIP_METHOD = TCP\n");
    expect(text).toContain("NH_SERVER_NAME = LM1, lm-2\n");
    expect(brief(text)).toEqual([]);
    expect(lintNethasp(text).effective).toEqual({
      tcpip: true,
      ipx: false,
      netbios: false,
      serverAddr: ["lic.corp.local", "10.0.0.6"],
      port: 1500,
      method: "TCP",
      broadcast: true,
      serverNames: ["LM1", "lm-2"],
      sessionTimeout: 5,
      sendReceiveTimeout: 2,
    });
  });

  test("a long address list is spread over several NH_SERVER_ADDR lines (§3: they add up)", () => {
    const addresses = Array.from({ length: 30 }, (_, i) => `10.0.${i}.250`);
    const text = generateNethasp({ addresses });
    const lines = text.split("\r\n").filter((l) => l.startsWith("NH_SERVER_ADDR"));
    expect(lines.length).toBeGreaterThan(1);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(120);
    expect(lintNethasp(text).effective.serverAddr).toEqual(addresses);
  });

  test.each<[string, unknown, string, RegExp]>([
    ["IPv6 (§2: the License Manager is IPv4 only)", { addresses: ["fe80::1"] }, "addresses.0", /IPv4 only/],
    ["no address", { addresses: [] }, "addresses", /at least one address/],
    ["addresses missing", {}, "addresses", /Required/],
    ["an address with a port", { addresses: ["10.0.0.5:475"] }, "addresses.0", /NH_PORT_NUMBER/],
    ["a bad IPv4", { addresses: ["10.0.0.5", "10.0.0.300"] }, "addresses.1", /IPv4/],
    ["leading zeros", { addresses: ["010.0.0.5"] }, "addresses.0", /octal/],
    ["an address twice", { addresses: ["lic.corp", "LIC.corp"] }, "addresses.1", /twice/],
    ["port 0", { addresses: ["10.0.0.5"], port: 0 }, "port", /1 to 65535/],
    ["port 65536", { addresses: ["10.0.0.5"], port: 65536 }, "port", /1 to 65535/],
    ["a fractional port", { addresses: ["10.0.0.5"], port: 475.5 }, "port", /whole number/],
    ["port 1947 (§2: the Sentinel admin page)", { addresses: ["10.0.0.5"], port: 1947 }, "port", /Sentinel/],
    ["a method outside TCP/UDP", { addresses: ["10.0.0.5"], method: "HTTP" }, "method", /"UDP" or "TCP"/],
    ["broadcast as text", { addresses: ["10.0.0.5"], broadcast: "yes" }, "broadcast", /true or false/],
    ["a zero timeout", { addresses: ["10.0.0.5"], sessionTimeout: 0 }, "sessionTimeout", /at least 1 second/],
    ["a server name of 9 characters (§3)", { addresses: ["10.0.0.5"], serverNames: ["HASPSRV01"] }, "serverNames.0", /at most 7/],
    ["7 server names (§3)", { addresses: ["10.0.0.5"], serverNames: ["A", "B", "C", "D", "E", "F", "G"] }, "serverNames", /At most 6/],
    ["a Cyrillic server name (ASCII file)", { addresses: ["10.0.0.5"], serverNames: ["СЕРВЕР"] }, "serverNames.0", /latin/],
    ["a misspelt field", { adresses: ["10.0.0.5"], addresses: ["10.0.0.5"] }, "", /adresses/],
  ])("the form refuses %s, naming the field", (_name, form, path, message) => {
    const r = NethaspFormSchema.safeParse(form);
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.join(".") === path);
    expect(issue?.message).toMatch(message);
    expect(() => generateNethasp(form as NethaspFormInput)).toThrow();
  });
});

describe("properties", () => {
  const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
  const hostName = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,6}$/)).map(([labels, tld]) => [...labels, tld].join("."));
  const ipv4 = fc.ipV4().filter((a) => a !== "0.0.0.0");
  const form = fc.record(
    {
      addresses: fc.uniqueArray(fc.oneof(ipv4, hostName), { minLength: 1, maxLength: 12, selector: (a) => a.toLowerCase() }),
      port: fc.integer({ min: 1, max: 65535 }).filter((p) => p !== 1947),
      method: fc.constantFrom("UDP" as const, "TCP" as const),
      broadcast: fc.boolean(),
      sessionTimeout: fc.integer({ min: 1, max: 3600 }),
      sendReceiveTimeout: fc.integer({ min: 1, max: 3600 }),
      serverNames: fc.array(fc.stringMatching(/^[A-Za-z0-9_-]{1,7}$/), { maxLength: 6 }),
      lineEnding: fc.constantFrom("CRLF" as const, "LF" as const),
    },
    { requiredKeys: ["addresses"] },
  );

  fcTest.prop([form])("every generated file from a valid form lints clean and reads back as the form", (f) => {
    const result = lintNethasp(generateNethasp(f));
    expect(result.findings.map((x) => x.code)).toEqual(["summary"]);
    expect(result.effective).toMatchObject({
      tcpip: true,
      ipx: false,
      netbios: false,
      serverAddr: f.addresses,
      port: f.port ?? 475,
      method: f.method ?? "UDP",
      broadcast: f.broadcast ?? false,
      serverNames: f.serverNames ?? [],
    });
    expect(result.effective.sessionTimeout).toBe(f.sessionTimeout);
    expect(result.effective.sendReceiveTimeout).toBe(f.sendReceiveTimeout);
  });

  const iniLine = fc.oneof(
    fc.string(),
    fc.constantFrom("[NH_COMMON]", "[NH_TCPIP]", "[nh_ipx]", "[NHS_SERVER]", "[", "]", ";", "=", "NH_TCPIP = Enabled", "NH_TCPIP = Disabled", "NH_IPX = Enabled"),
    fc.tuple(fc.constantFrom("NH_SERVER_ADDR", "NH_PORT_NUMBER", "NH_SERVER_NAME", "NH_USE_BROADCAST", "NH_NBNAME", "NH_SESSION", "NHS_SERVERNAMES", "nh_server_adrr", ""), fc.string()).map(([k, v]) => `${k} = ${v}`),
  );

  fcTest.prop([fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.array(iniLine, { maxLength: 40 }).map((ls) => ls.join("\n")))])("the linter never throws on arbitrary text", (text) => {
    const result = lintNethasp(text);
    expectWellFormed(result.findings);
    NethaspLintSchema.parse(result);
  });

  fcTest.prop([fc.array(iniLine.map((l) => l.replace(/[\r\n]/g, " ")), { maxLength: 30 })])("parse and lint are insensitive to CRLF vs LF", (lines) => {
    expect(parseNethasp(lines.join("\r\n"))).toEqual(parseNethasp(lines.join("\n")));
    expect(lintNethasp(lines.join("\r\n"))).toEqual(lintNethasp(lines.join("\n")));
  });
});

describe("correctedNethaspForm — what a checked file meant to say, as the generator's form (DOMAIN §3)", () => {
  test("an address in the wrong section, port 1947 and broadcast on become a good config", () => {
    const text = "[NH_COMMON]\nNH_TCPIP = Enabled\nNH_SERVER_ADDR = 010.0.0.5, srv-lm, ::1\n[NH_TCPIP]\nNH_PORT_NUMBER = 1947\nNH_USE_BROADCAST = Enabled\nNH_TCPIP_METHOD = tcp\n";
    const form = correctedNethaspForm(text, lintNethasp(text).effective, "LF");
    expect(form).toEqual({ addresses: ["10.0.0.5", "srv-lm"], port: 475, method: "TCP", broadcast: false, lineEnding: "LF" });
    expect(lintNethasp(generateNethasp(form!)).findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("no usable address: nothing to write", () => {
    const text = "[NH_TCPIP]\nNH_SERVER_ADDR = ::1\n";
    expect(correctedNethaspForm(text, lintNethasp(text).effective, "CRLF")).toBeNull();
  });
});
