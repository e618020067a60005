import { readFileSync } from "node:fs";
import path from "node:path";

import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import type { LicenseRecordView } from "@/lib/licensing/match";
import { decodeText } from "@/lib/parsers/encoding";
import {
  camelToRacKey,
  formatRac,
  generateLicenseRecords,
  licenseFileName,
  licenseFolder,
  MAX_RAC_WARNINGS,
  ParseRacResponseSchema,
  parseRac,
  racKeyToCamel,
  type RacRecord,
  toHeldLicense,
} from "@/lib/parsers/rac";

const dir = path.join(__dirname, "../fixtures/rac");
const bytes = (name: string) => readFileSync(path.join(dir, name));
const fixture = (name: string) => bytes(name).toString("utf8");

describe("parseRac — fixtures (DOMAIN §5.1)", () => {
  test("session list --licenses, Russian: every license record, typed", () => {
    const { records, warnings } = parseRac(fixture("session-list-licenses-ru.txt"));
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(6);
    expect(records[0]).toEqual({
      session: "3f1c9a42-7d1e-4b8a-9c65-0e2d7a91b5c3",
      userName: "Иванов И.И.",
      host: "buh-03",
      appId: "1CV8C",
      fullName: "file:///var/1C/licenses/20240115093012.lic",
      series: "8100012345",
      issuedByServer: true,
      licenseType: "soft",
      net: false,
      maxUsersAll: 50,
      maxUsersCur: 50,
      rmngrAddress: "srv-1c",
      rmngrPort: 1541,
      rmngrPid: 2872,
      shortPresentation: "Сервер, программная лицензия 8100012345, 50 польз.",
      fullPresentation: "Сервер, 2872, srv-1c, 1541, программная лицензия 8100012345, 50 польз., file:///var/1C/licenses/20240115093012.lic",
    });
    // Registration numbers of 9, 10 and 12 digits stay text; key series too.
    expect(records.map((r) => r.series)).toEqual(["8100012345", "8100012345", "810004217", "ORGL8", "810012345678", "ORG8B"]);
    expect(records.map((r) => r.appId)).toEqual(["1CV8C", "Designer", "1CV8", "1CV8C", "WebClient", "COMConnection"]);
    // The client obtained the HASP key itself: empty address, port 0; no file for a key.
    expect(records[3]).toMatchObject({ fullName: null, licenseType: "HASP", net: true, issuedByServer: false, rmngrAddress: null, rmngrPort: 0 });
    expect(records[2].rmngrAddress).toBeNull(); // printed as ""
  });

  test.each([
    ["CRLF line ends (UTF-8)", () => fixture("session-list-licenses-crlf.txt"), "utf-8"],
    ["CP866 bytes from a Windows console, auto-detected", () => decodeText(bytes("session-list-licenses-cp866.txt")).text, "cp866"],
  ])("%s read the same as the LF original", (_name, read, encoding) => {
    if (encoding === "cp866") expect(decodeText(bytes("session-list-licenses-cp866.txt")).encoding).toBe("cp866");
    expect(parseRac(read())).toEqual(parseRac(fixture("session-list-licenses-ru.txt")));
  });

  test("plain session list, English locale: counters are numbers, times stay local text, empty and '' are null", () => {
    const { records, warnings } = parseRac(fixture("session-list-en.txt"));
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(3);
    const [user, job, designer] = records;
    expect(user).toMatchObject({
      session: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
      sessionId: 12,
      userName: "John Smith",
      appId: "1CV8C",
      locale: "en_US",
      startedAt: "2024-11-27T09:02:17",
      lastActiveAt: "2024-11-27T11:48:03",
      hibernate: false,
      bytesAll: 48213775,
      callsAll: 5312,
      dbmsBytesAll: 982113540,
      durationCurrent: 0,
      memoryLast5min: 15728640,
      cpuTimeTotal: 41270,
      dbProcInfo: null,
      currentServiceName: null,
      dataSeparation: null,
      clientIp: "10.0.12.34",
    });
    expect(Object.keys(user)).toHaveLength(49);
    expect(job).toMatchObject({ appId: "BackgroundJob", userName: null, clientIp: null, dbProcTookAt: "2024-11-27T11:47:57", dbProcInfo: "Query: SELECT ..." });
    expect(designer).toMatchObject({ appId: "Designer", hibernate: true });
  });

  test("unpadded keys, unknown keys, empty values and ''", () => {
    const { records, warnings } = parseRac(fixture("session-list-licenses-unpadded.txt"));
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ series: "810098765", rmngrAddress: null, rmngrPid: null, licenseExpiresAt: "2026-12-31T00:00:00", licenseCheckMode: "strict" });
    expect(records[1]).toMatchObject({ userName: null, fullName: null, series: "ORG8A", licenseExpiresAt: null, licenseCheckMode: null });
  });

  test("fault tolerance prints sessions twice: the first copy is kept, one warning counts the dropped ones", () => {
    const { records, warnings } = parseRac(fixture("session-list-licenses-duplicates.txt"));
    expect(records.map((r) => r.session)).toEqual(["6a1e3c5b-7d9f-4b2a-8e4c-0f6a8c2e4b19", "b9d1f3a5-c7e9-4b1d-a3f5-7c9e1b3d5f70", "0f2e4d6c-8b0a-4c9e-b7d5-3a1f9e7c5b38"]);
    expect(records.slice(0, 2).map((r) => r.rmngrAddress)).toEqual(["srv-1c-a", "srv-1c-a"]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].line).toBe(35);
    expect(warnings[0].message).toMatch(/^2 duplicate session records were dropped/);
  });

  test("a console-wrapped value drops its record with a warning naming the line; the record cut off at the end is dropped with a warning (§5.1)", () => {
    const { records, warnings } = parseRac(fixture("session-list-licenses-malformed.txt"));
    expect(records.map((r) => r.session)).toEqual(["1f3a5c7e-9b1d-4f3a-8c5e-7a9b1d3f5a72"]);
    expect(warnings).toEqual([
      { line: 33, message: "line 33: a quoted value has no closing quote; the record at lines 18–34 was dropped." },
      {
        line: 36,
        message:
          'line 36: the last record (lines 36–45) stops before "max-users-cur", "rmngr-address", "rmngr-port", "rmngr-pid", "short-presentation" and 1 more, which the other records have: the capture was cut off, so that record was dropped and the complete ones kept.',
      },
    ]);
  });

  test.each([
    ["a cut after a complete line", "session : a\nhost : x\nissued-by-server : yes\n\nsession : b\nhost : y\n", [{ session: "a", host: "x", issuedByServer: true }], '"issued-by-server"'],
    ["a cut inside an unquoted value", "session : a\nhost : x\nissued-by-server : yes\nnet : no\n\nsession : b\nhost : y\nissued-by-server : ye", [{ session: "a", host: "x", issuedByServer: true, net: false }], '"net"'],
  ])("a capture cut off mid-record: %s → the complete records and a warning naming the missing keys", (_name, text, kept, missing) => {
    const { records, warnings } = parseRac(text);
    expect(records).toEqual(kept);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toContain(`stops before ${missing}`);
  });

  test("a last record with other keys than the one before (another command's output) is not taken for a cut one", () => {
    expect(parseRac("session : a\nhost : x\n\nprocess : p\n").records).toEqual([{ session: "a", host: "x" }, { process: "p" }]);
  });

  test("process list --licenses: the 1C server's own license", () => {
    const { records } = parseRac(fixture("process-list-licenses.txt"));
    expect(records).toHaveLength(2);
    expect(toHeldLicense(records[0])).toMatchObject({ session: null, process: "9e3f7a15-b2c8-4d61-a4e7-c0f2b9d1e3a5", regNumber: "8100054321", issuedByServer: false, folder: "/var/1C/licenses" });
  });

  test("infobase info: license-distribution and the rest, on/off left as text", () => {
    const { records, warnings } = parseRac(fixture("infobase-info.txt"));
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      infobase: "6bd5bd38-2f43-4c1e-a0b7-91c3e5d7f208",
      name: "acc",
      dbServer: "pg-01.corp.local",
      securityLevel: 0,
      licenseDistribution: "deny",
      scheduledJobsDeny: "off",
      externalSessionManagerConnectionString: null,
      externalSessionManagerRequired: false,
      descr: "Бухгалтерия предприятия, основная база",
    });
  });

  test.each(["session-list-licenses-ru.txt", "session-list-en.txt", "session-list-licenses-unpadded.txt", "infobase-info.txt", "process-list-licenses.txt"])(
    "%s: formatting what was parsed and parsing it again gives the same records",
    (name) => {
      const { records } = parseRac(fixture(name));
      expect(parseRac(formatRac(records))).toEqual({ records, warnings: [] });
    },
  );

  test("the parse result fits the API response schema", () => {
    const { records, warnings } = parseRac(fixture("session-list-licenses-duplicates.txt"));
    expect(ParseRacResponseSchema.parse({ records, warnings, encoding: "utf-8" }).records).toEqual(records);
  });
});

const one = (text: string): RacRecord => {
  const { records, warnings } = parseRac(text);
  expect(warnings).toEqual([]);
  expect(records).toHaveLength(1);
  return records[0];
};

describe("parseRac — values", () => {
  test.each<[string, string, unknown]>([
    ["a quoted value loses its quotes", 'host : "buh-03"', "buh-03"],
    ["a quoted all-digit registration number stays text", 'series : "8100012345"', "8100012345"],
    ["a quoted 12-digit registration number stays text", 'series : "810012345678"', "810012345678"],
    ["a quoted yes stays text", 'x : "yes"', "yes"],
    ["a quoted value keeps its inner spaces", 'x : "  a  b  "', "  a  b  "],
    ["a doubled quote inside a quoted value is one quote", 'descr : "ООО ""Ромашка"""', 'ООО "Ромашка"'],
    ["single quotes are quotes too", "x : 'abc'", "abc"],
    ["a quoted value may hold ' : '", 'full-presentation : "Сервер, 2872, srv-1c, 1541, file:///var/1C/licenses/x.lic"', "Сервер, 2872, srv-1c, 1541, file:///var/1C/licenses/x.lic"],
    ["an unquoted value may hold ' : ' too (split at the first colon)", "x : a : b", "a : b"],
    ["unquoted yes", "hibernate : yes", true],
    ["unquoted no", "hibernate : no", false],
    ["Yes in capitals is not a rac boolean", "x : Yes", "Yes"],
    ["an unquoted integer", "bytes-all : 48213775", 48213775],
    ["zero", "rmngr-port : 0", 0],
    ["a negative integer", "memory-current : -1048576", -1048576],
    ["-0 is 0", "x : -0", 0],
    ["a decimal", "avg-call-time : 12.375", 12.375],
    ["a negative decimal", "x : -0.5", -0.5],
    ["an integer past 2^53 keeps its digits as text", "bytes-all : 123456789012345678901", "123456789012345678901"],
    ["leading zeros mean an identifier, not a number", "x : 007", "007"],
    ["a decimal comma is text", "x : 0,5", "0,5"],
    ["an IPv4 address is text", "client-ip : 10.0.12.34", "10.0.12.34"],
    ["a local time stays text (the zone is applied later)", "started-at : 2024-01-15T09:30:12", "2024-01-15T09:30:12"],
    ["a uuid is text", "session : 3f1c9a42-7d1e-4b8a-9c65-0e2d7a91b5c3", "3f1c9a42-7d1e-4b8a-9c65-0e2d7a91b5c3"],
    ["an unquoted word is text", "license-type : HASP", "HASP"],
    ["an unquoted Cyrillic name is text", "user-name : Администратор", "Администратор"],
    ["an empty value is null", "full-name :", null],
    ["an empty value with padding after it is null", "full-name :    ", null],
    ["'' is null", "data-separation : ''", null],
    ['"" is null', 'rmngr-address : ""', null],
    ["a lone minus is text", "x : -", "-"],
    ["no space after the colon", 'user-name:"Иванов"', "Иванов"],
    ["tabs as padding", 'user-name\t:\t"Иванов"', "Иванов"],
    ["padding after a quoted value", 'user-name : "Иванов"   ', "Иванов"],
  ])("%s", (_name, line, value) => {
    const record = one(line);
    expect(Object.values(record)).toEqual([value]);
  });
});

describe("parseRac — keys", () => {
  test.each([
    ["user-name", "userName"],
    ["app-id", "appId"],
    ["issued-by-server", "issuedByServer"],
    ["max-users-all", "maxUsersAll"],
    ["max-users-cur", "maxUsersCur"],
    ["full-name", "fullName"],
    ["rmngr-address", "rmngrAddress"],
    ["rmngr-pid", "rmngrPid"],
    ["session-id", "sessionId"],
    ["started-at", "startedAt"],
    ["last-active-at", "lastActiveAt"],
    ["bytes-last-5min", "bytesLast5min"],
    ["external-session-manager-connection-string", "externalSessionManagerConnectionString"],
    ["series", "series"],
    ["net", "net"],
  ])("%s → %s, and back", (rac, camel) => {
    expect(racKeyToCamel(rac)).toBe(camel);
    expect(camelToRacKey(camel)).toBe(rac);
    expect(Object.keys(one(`${rac} : 1`))).toEqual([camel]);
  });

  test("unknown keys are kept, never an error", () => {
    expect(one("session : 1\nquantum-flux-capacity : 88\nnew_key : x")).toEqual({ session: 1, quantumFluxCapacity: 88, new_key: "x" });
  });

  test("keys named like Object.prototype members are ordinary keys", () => {
    expect(one("constructor : 1\nto-string : 2\nhas-own-property : 3\nvalue-of : 4")).toEqual({ constructor: 1, toString: 2, hasOwnProperty: 3, valueOf: 4 });
  });
});

describe("parseRac — records and lines", () => {
  const two = "session : a\nuser-name : x\n\nsession : b\nuser-name : y\n";
  test.each([
    ["LF", two],
    ["CRLF", two.replaceAll("\n", "\r\n")],
    ["a lone CR", two.replaceAll("\n", "\r")],
    ["mixed", "session : a\r\nuser-name : x\n\r\nsession : b\ruser-name : y"],
    ["several blank lines and blank lines of spaces", "\n\n  \nsession : a\nuser-name : x\n \t \n\n\nsession : b\nuser-name : y\n\n\n"],
    ["a UTF-8 BOM", `\uFEFF${two}`],
    ["indented lines", "  session : a\n  user-name : x\n\n  session : b\n  user-name : y"],
  ])("%s", (_name, text) => {
    expect(parseRac(text)).toEqual({ records: [{ session: "a", userName: "x" }, { session: "b", userName: "y" }], warnings: [] });
  });

  test("empty and whitespace-only text has no records and no warnings", () => {
    expect(parseRac("")).toEqual({ records: [], warnings: [] });
    expect(parseRac(" \r\n\t\n")).toEqual({ records: [], warnings: [] });
  });

  test("a truncated last record without a trailing newline is kept when its lines are well-formed", () => {
    expect(parseRac("session : a\n\nsession : b\nuser-name : \"Ив\"").records).toEqual([{ session: "a" }, { session: "b", userName: "Ив" }]);
  });

  test("a last record cut inside a quoted value is dropped with a warning", () => {
    const r = parseRac('session : a\n\nsession : b\nuser-name : "Ив');
    expect(r.records).toEqual([{ session: "a" }]);
    expect(r.warnings).toEqual([{ line: 4, message: "line 4: a quoted value has no closing quote; the record at lines 3–4 was dropped." }]);
  });

  test.each([
    ["no colon", "session : b\nthis line has no separator\nhost : y", 'line 4: no ":" between a key and a value'],
    ["a key with a space inside", 'session : b\nuser name : "x"\nhost : y', "line 4: the key has a space inside"],
    ["no key", "session : b\n : x\nhost : y", 'line 4: no key before ":"'],
    ["a key with characters rac never prints", "session : b\nпользователь : x\nhost : y", "line 4: the key has characters a rac key never has"],
    ["a key starting with an underscore (keeps __proto__ out)", "session : b\n__proto__ : x\nhost : y", "line 4: the key has characters a rac key never has"],
    ["a key printed twice in one record", "session : b\nhost : x\nhost : y", 'line 5: the key "host" appears twice in one record'],
    ["an unterminated quote", 'session : b\nhost : "x\nuser-name : y', "line 4: a quoted value has no closing quote"],
  ])("a malformed line (%s) drops its record; the others come through", (_name, middle, message) => {
    const text = `session : a\n\n${middle}\n\nsession : c\n`;
    const { records, warnings } = parseRac(text);
    expect(records).toEqual([{ session: "a" }, { session: "c" }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message.startsWith(message)).toBe(true);
    expect(warnings[0].line).toBe(Number(/^line (\d+)/.exec(message)![1]));
    expect(warnings[0].message).toMatch(/the record at lines 3–5 was dropped\.$/);
  });

  test("only the first bad line of a record is reported", () => {
    const { warnings } = parseRac("session : a\nbad one\nbad two\n");
    expect(warnings).toEqual([{ line: 2, message: 'line 2: no ":" between a key and a value; the record at lines 1–3 was dropped.' }]);
  });

  test("a lost blank line: the first key starting over opens the next record, with a warning", () => {
    const { records, warnings } = parseRac("session : a\nhost : x\nsession : b\nhost : y\n");
    expect(records).toEqual([{ session: "a", host: "x" }, { session: "b", host: "y" }]);
    expect(warnings).toEqual([{ line: 3, message: 'line 3: "session" starts a new record without a blank line before it.' }]);
  });

  test("duplicates: de-duplicated by session only, the first copy kept, the warning at the first dropped copy", () => {
    const text = "session : a\nhost : 1\n\nsession : b\n\nsession : a\nhost : 2\n\nsession : a\nhost : 3\n\ninfobase : i\n\ninfobase : i\n";
    const { records, warnings } = parseRac(text);
    expect(records).toEqual([{ session: "a", host: 1 }, { session: "b" }, { infobase: "i" }, { infobase: "i" }]);
    expect(warnings).toEqual([{ line: 6, message: expect.stringMatching(/^2 duplicate session records were dropped .* The first duplicate starts at line 6\.$/) }]);
  });

  test("warnings come in line order", () => {
    const text = "session : a\n\nsession : a\n\nbad\n";
    expect(parseRac(text).warnings.map((w) => w.line)).toEqual([3, 5]);
  });

  test(`a flood of junk lines gives at most ${MAX_RAC_WARNINGS} warnings and one that counts the rest`, () => {
    const { records, warnings } = parseRac(Array.from({ length: 500 }, (_, i) => `junk ${i}\n`).join("\n"));
    expect(records).toEqual([]);
    expect(warnings).toHaveLength(MAX_RAC_WARNINGS + 1);
    expect(warnings.at(-1)!.message).toBe(`400 more warnings from line ${2 * MAX_RAC_WARNINGS + 1} on were left out; is this rac output?`);
  });

  test("many lines without a colon are read in linear time", () => {
    const text = "x\n".repeat(200_000) + "session : a\n";
    const t = performance.now();
    expect(parseRac(text).records).toEqual([]);
    expect(performance.now() - t).toBeLessThan(2_000);
  });
});

describe("toHeldLicense — the typed view for matching (DOMAIN §5.1, §1.5)", () => {
  const views = parseRac(fixture("session-list-licenses-ru.txt")).records.map(toHeldLicense);

  test("fits what matchLicenses takes", () => {
    const view: LicenseRecordView = views[0];
    expect(view.terminalSession).toBeNull();
  });

  test.each([
    [0, { session: "3f1c9a42-7d1e-4b8a-9c65-0e2d7a91b5c3", userName: "Иванов И.И.", host: "buh-03", appId: "1CV8C", licenseType: "soft", regNumber: "8100012345", keySeries: null, issuedByServer: true, net: false, folder: "/var/1C/licenses", fileName: "20240115093012.lic", maxUsersAll: 50, maxUsersCur: 50, rmngrAddress: "srv-1c", rmngrPort: 1541, rmngrPid: 2872, startedAt: null }],
    [2, { regNumber: "810004217", issuedByServer: false, folder: "C:\\ProgramData\\1C\\licenses", fileName: "20231102141509.lic", rmngrAddress: null, rmngrPort: null, rmngrPid: null }],
    [3, { series: "ORGL8", licenseType: "HASP", regNumber: null, keySeries: "ORGL8", net: true, issuedByServer: false, fullName: null, folder: null, fileName: null, rmngrAddress: null, rmngrPort: null }],
    [4, { series: "810012345678", regNumber: "810012345678", appId: "WebClient", folder: "/home/usr1cv8/.1cv8/1C/1cv8/conf" }],
    [5, { keySeries: "ORG8B", net: false, issuedByServer: true, rmngrAddress: "srv-1c" }],
  ])("record %i", (i, expected) => {
    expect(views[i]).toMatchObject(expected);
  });

  test("sensible nulls for a record that is not a license", () => {
    expect(toHeldLicense({ session: "s" })).toMatchObject({ session: "s", series: null, licenseType: null, regNumber: null, keySeries: null, issuedByServer: null, net: null, fullName: null, folder: null, maxUsersAll: null, rmngrPort: null });
  });

  test("registration numbers printed without quotes become text again; yes/no printed quoted become booleans", () => {
    expect(toHeldLicense({ series: 8100012345, licenseType: "soft", issuedByServer: "yes", net: "no", maxUsersAll: "50" })).toMatchObject({ series: "8100012345", regNumber: "8100012345", issuedByServer: true, net: false, maxUsersAll: 50 });
  });

  test.each([
    ["Сервер, ORGL8 Сетевой 50", true, true],
    ["Клиент, ORG8A Локальный 1", false, false],
    ["Server, ORGL8 Network 50", true, true],
    ["Client, software license 810004217", false, null],
  ])("without issued-by-server and net, the presentation %j tells them", (presentation, issuedByServer, net) => {
    expect(toHeldLicense({ series: "ORGL8", shortPresentation: presentation })).toMatchObject({ issuedByServer, net });
  });

  test("issued-by-server and net, when printed, win over the presentation", () => {
    expect(toHeldLicense({ issuedByServer: false, net: false, shortPresentation: "Сервер, ORGL8 Сетевой 50" })).toMatchObject({ issuedByServer: false, net: false });
  });
});

describe("licenseFolder / licenseFileName — DOMAIN §1.5", () => {
  test.each([
    ["file:///var/1C/licenses/20240115093012.lic", "/var/1C/licenses", "20240115093012.lic"],
    ["file:///C:/ProgramData/1C/licenses/20231102141509.lic", "C:\\ProgramData\\1C\\licenses", "20231102141509.lic"],
    // §5.1: rac on Windows prints two slashes before the drive letter.
    ["file://C:/ProgramData/1C/licenses/20231102141509.lic", "C:\\ProgramData\\1C\\licenses", "20231102141509.lic"],
    ["file://d:/1C/licenses/x.lic", "d:\\1C\\licenses", "x.lic"],
    ["FILE:///c:/ProgramData/1C/1cv8/conf/x.lic", "c:\\ProgramData\\1C\\1cv8\\conf", "x.lic"],
    ["file:///C:/Users/%D0%98%D0%B2%D0%B0%D0%BD/AppData/Local/1C/1cv8/conf/x.lic", "C:\\Users\\Иван\\AppData\\Local\\1C\\1cv8\\conf", "x.lic"],
    ["file:///C:/Program%20Files/1cv8/8.3.24.1467/bin/conf/x.lic", "C:\\Program Files\\1cv8\\8.3.24.1467\\bin\\conf", "x.lic"],
    ["file:///C:/ProgramData/1C/licenses/bad%zzname.lic", "C:\\ProgramData\\1C\\licenses", "bad%zzname.lic"],
    ["file:///C:\\ProgramData\\1C\\licenses\\x.lic", "C:\\ProgramData\\1C\\licenses", "x.lic"],
    ["file:///C:/x.lic", "C:\\", "x.lic"],
    ["file://localhost/var/1C/licenses/x.lic", "/var/1C/licenses", "x.lic"],
    ["file://fileserver/licenses/x.lic", "\\\\fileserver\\licenses", "x.lic"],
    ["file:///home/usr1cv8/.1cv8/1C/1cv8/conf/20240301080000.lic", "/home/usr1cv8/.1cv8/1C/1cv8/conf", "20240301080000.lic"],
    ["file:///x.lic", "/", "x.lic"],
    ["/var/1C/licenses/x.lic", "/var/1C/licenses", "x.lic"],
    ["C:\\ProgramData\\1C\\licenses\\x.lic", "C:\\ProgramData\\1C\\licenses", "x.lic"],
    ["", null, null],
    [null, null, null],
    ["ORGL8", null, null],
    ["file:", null, null],
    ["http://example.com/x.lic", null, null],
  ])("%j → %j, %j", (fullName, folder, name) => {
    expect(licenseFolder(fullName)).toBe(folder);
    expect(licenseFileName(fullName)).toBe(name);
  });
});

// Records formatRac can print so that parseRac reads them back (its doc lists the limits): camelCase keys
// made of Latin letters and digits, one-line strings other than "", finite numbers without an exponent,
// and no `session` key (sessions are de-duplicated).
const segment = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const racKey = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => racKeyToCamel(parts.join("-"))).filter((k) => k !== "session");
const plainNumber = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0) && /^-?\d+(\.\d+)?$/.test(String(n)) && (Number.isSafeInteger(n) || !Number.isInteger(n)));
const racValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  fc.maxSafeInteger(),
  plainNumber,
  fc.string({ unit: "binary", minLength: 1 }).filter((s) => !/[\r\n]/.test(s)),
  fc.constantFrom("8100012345", "yes", "no", "''", '""', '"', "a : b", " padded ", "Сервер, ORGL8 Сетевой 50", "2024-01-15T09:30:12", "file:///var/1C/licenses/x.lic"),
);
const racRecord = fc.dictionary(racKey, racValue, { minKeys: 1, maxKeys: 8, noNullPrototype: true });

describe("parseRac ∘ formatRac — properties", () => {
  /** A last record whose keys are the first ones of the record before it reads as a capture cut off there (`dropCutRecord`). */
  const notCut = (records: RacRecord[]) => {
    if (records.length < 2) return true;
    const have = Object.keys(records[records.length - 1]);
    const before = Object.keys(records[records.length - 2]);
    return have.length >= before.length || have.some((k, i) => before[i] !== k);
  };

  fcTest.prop([fc.array(racRecord, { maxLength: 6 }).filter(notCut)])("parsing what formatRac printed gives the records back", (records) => {
    expect(parseRac(formatRac(records))).toEqual({ records, warnings: [] });
  });

  fcTest.prop([fc.array(racRecord, { maxLength: 4 }).filter(notCut), fc.constantFrom("\r\n", "\r")])("line ends do not matter", (records, eol) => {
    expect(parseRac(formatRac(records).replaceAll("\n", eol)).records).toEqual(records);
  });

  const racish = fc.array(
    fc.oneof(
      fc.constantFrom(" : ", ":", "\n", "\r\n", "\r", "\n\n", '"', "'", "''", '""', "yes", "no", "-", "0", "12", "1.5", "session", "user-name", "__proto__", "constructor", "\uFEFF", "\u0000"),
      fc.string({ unit: "binary", maxLength: 12 }),
    ),
    { maxLength: 60 },
  );
  fcTest.prop([fc.oneof(fc.string({ unit: "binary" }), racish.map((parts) => parts.join("")))])("never throws on arbitrary text; warnings name real lines", (text) => {
    const result = parseRac(text);
    const lines = text.split(/\r\n|\r|\n/).length;
    for (const w of result.warnings) expect(w.line >= 1 && w.line <= lines).toBe(true);
    expect(result.warnings.length).toBeLessThanOrEqual(MAX_RAC_WARNINGS + 1);
    expect(() => ParseRacResponseSchema.parse({ ...result, encoding: "utf-8" })).not.toThrow();
    for (const r of result.records) expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
  });
});

describe("generateLicenseRecords", () => {
  test("deterministic for a seed, and round-trips through formatRac", () => {
    const a = generateLicenseRecords(200, 7);
    expect(generateLicenseRecords(200, 7)).toEqual(a);
    expect(parseRac(formatRac(a))).toEqual({ records: a, warnings: [] });
    expect(new Set(a.map((r) => r.licenseType))).toEqual(new Set(["soft", "HASP"]));
  });
});
