import fs from "node:fs";
import path from "node:path";

import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { generateDemoCompany } from "@/lib/demo/company";
import { compareFingerprints, type Fingerprint } from "@/lib/licensing/binding";
import { CAUSE_TEXT, type Cause } from "@/lib/licensing/causes";
import {
  bindingChangesFromMessage,
  lineReferences,
  MessageBindingChangeSchema,
  parameterOfDeviceKind,
  ParsedMessageSchema,
  parsePlatformMessage,
  type MessageKind,
  type Place,
} from "@/lib/parsers/platform-message";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "..", "fixtures", "messages", name), "utf8");

/** The lines reduced to what the rules decide: [place, cause, file?, series?]. */
const brief = (text: string) => parsePlatformMessage(text).lines.map((l) => [l.place, l.cause, l.file ?? null, l.series ?? null]);

const LIC = String.raw`C:\ProgramData\1C\licenses\20240115093012.lic`;

describe("the platform's 'no free license' message (DOMAIN §4.2)", () => {
  test("Russian, CRLF: client and server parts, one reason per place looked at, files and key series captured", () => {
    const text = fixture("no-free-license-ru.txt");
    expect(text).toContain("\r\n");
    const r = parsePlatformMessage(text);
    expect(r.kind).toBe("no-free-license");
    expect(brief(text)).toEqual([
      ["client", "no-file", null, null],
      ["client", "no-local-key", null, "ORGL8"],
      ["client", "no-license-manager", null, "ORGL8"],
      ["server", "seats-exhausted", LIC, null],
      ["server", "server-license-only", String.raw`C:\ProgramData\1C\licenses\20230301120000.lic`, null],
      ["server", "unreadable-file", "/var/1C/licenses/20250620081545.lic", null],
      ["server", "distribution-denied", null, null],
      ["server", "binding-changed", "file:///var/1C/licenses/20240910170405.lic", null],
    ]);
    expect(r.lines[1]).toMatchObject({ text: "локальный ключ недоступен: Status=-100, ORGL8 Локальный, не установлен", keyKind: "local", status: "-100" });
    expect(r.lines[2]).toMatchObject({ keyKind: "network", status: "15" });
    expect(r.removed).toBeUndefined();
    expect(ParsedMessageSchema.parse(r)).toEqual(r);
  });

  test("English-language platform: the same causes for the same places", () => {
    const r = parsePlatformMessage(fixture("no-free-license-en.txt"));
    expect(r.kind).toBe("no-free-license");
    expect(brief(fixture("no-free-license-en.txt"))).toEqual(brief(fixture("no-free-license-ru.txt")));
  });

  test("pasted from a dialog: caption and button dropped, bullets, upper case, double spaces, ё, wrapped lines joined", () => {
    const r = parsePlatformMessage(fixture("wrapped-ru.txt"));
    expect(r.kind).toBe("no-free-license");
    expect(r.lines.map((l) => [l.place, l.cause, l.file ?? null, l.series ?? null])).toEqual([
      ["client", "no-local-key", null, "ORGL8"],
      ["client", "seats-exhausted", String.raw`C:\Program Files\1cv8\conf\20240115093012.lic`, null],
      ["server", "binding-changed", String.raw`C:\Users\USR1CV8\AppData\Local\1C\1cv8\conf\20230301120000.lic`, null],
      ["server", "unknown", null, null],
    ]);
    expect(r.lines[0].text).toBe("локальный ключ недоступен: Status=-100, ORGL8 Локальный, не установлен");
    expect(r.lines[3]).toMatchObject({ text: "Сервер перегружен, попробуйте позже", explanation: CAUSE_TEXT.unknown });
  });

  test("the server's own failure: a reason of its own (place: server), then the server's breakdown", () => {
    const r = parsePlatformMessage(fixture("server-license-ru.txt"));
    expect(r.kind).toBe("no-server-license");
    expect(r.lines.map((l) => [l.place, l.cause, l.series ?? null])).toEqual([
      ["server", "no-server-license", null],
      ["server", "no-file", null],
      ["server", "no-local-key", "EN8SA"],
    ]);
    expect(r.lines[0].explanation).toEqual(CAUSE_TEXT["no-server-license"]);
  });

  test.each<[string, string, Cause, Record<string, string>]>([
    ["ru: file not found", "Файл программной лицензии не найден", "no-file", {}],
    ["ru: not found, other word order", "Не найден файл программной лицензии", "no-file", {}],
    ["ru: no license files in the folders", "Файлы лицензий не обнаружены", "no-file", {}],
    ["en: license file not found", "License file not found", "no-file", {}],
    ["ru: seats exhausted, file", `Превышено максимальное количество пользователей, разрешенное файлом программной лицензии: ${LIC}`, "seats-exhausted", { file: LIC }],
    ["ru: seats exhausted, ё and double spaces", `превышено  максимальное количество пользователей,  разрешённое файлом программной лицензии:  ${LIC}`, "seats-exhausted", { file: LIC }],
    ["ru: seats of a network key", "Превышено максимальное количество пользователей, разрешенное ключом защиты: ORGL8 Сетевой 50", "seats-exhausted", { series: "ORGL8", keyKind: "network" }],
    ["ru: demo wording for a key", "ключ ORGL8 Сетевой 20: нет свободных лицензий (все места заняты)", "seats-exhausted", { series: "ORGL8" }],
    ["en: seats exhausted", `The maximum number of users allowed by the software license file has been exceeded: ${LIC}`, "seats-exhausted", { file: LIC }],
    ["ru: a server license where a client one was needed", `Файл программной лицензии не предусматривает возможность запуска клиентских приложений: ${LIC}`, "server-license-only", { file: LIC }],
    ["ru: the server has no license", "Не найдена лицензия сервера 1С:Предприятия", "no-server-license", {}],
    ["en: server license not found", "Server license not found", "no-server-license", {}],
    ["ru: no local key", "локальный ключ недоступен: Status=-100, ORG8A Локальный, не установлен", "no-local-key", { series: "ORG8A", keyKind: "local", status: "-100" }],
    ["ru: no local key, upper case", "ЛОКАЛЬНЫЙ КЛЮЧ НЕДОСТУПЕН: STATUS=-100, ORGL8 ЛОКАЛЬНЫЙ, НЕ УСТАНОВЛЕН", "no-local-key", { series: "ORGL8", keyKind: "local", status: "-100" }],
    ["en: no local key, lower-case series", "local key unavailable: status=-100, orgl8 local, not installed", "no-local-key", { series: "ORGL8", keyKind: "local" }],
    ["ru: no License Manager", "nethasp.ini: отсутствует, использованы настройки по умолчанию, ошибка соединения с менеджером лицензий: Net Status=15, ORG8B Сетевой, не установлен", "no-license-manager", { series: "ORG8B", keyKind: "network", status: "15" }],
    ["ru: nethasp.ini present, LM unreachable", "nethasp.ini: C:\\Program Files\\1cv8\\conf\\nethasp.ini, ошибка соединения с менеджером лицензий: Net Status=15, ORGL8 Сетевой, не установлен", "no-license-manager", { series: "ORGL8" }],
    ["en: License Manager not found", "License Manager not found", "no-license-manager", { keyKind: "network" }],
    ["ru: binding", `Ошибка привязки программной лицензии к компьютеру: ${LIC}`, "binding-changed", { file: LIC }],
    ["ru: binding, Linux path", "Ошибка привязки программной лицензии к компьютеру: /home/usr1cv8/.1cv8/1C/1cv8/conf/20240115093012.lic", "binding-changed", { file: "/home/usr1cv8/.1cv8/1C/1cv8/conf/20240115093012.lic" }],
    ["ru: unreadable", `Ошибка чтения файла программной лицензии: ${LIC}`, "unreadable-file", { file: LIC }],
    ["ru: access denied", `Нет доступа к файлу программной лицензии: ${LIC}`, "unreadable-file", { file: LIC }],
    ["en: permission denied", `Cannot open software license file: ${LIC} (permission denied)`, "unreadable-file", { file: LIC }],
    ["ru: distribution denied", "Выдача клиентских лицензий сервером запрещена для информационной базы", "distribution-denied", {}],
    ["ru: distribution denied, other wording", "Получение клиентских лицензий с сервера 1С:Предприятия запрещено", "distribution-denied", {}],
    ["rac wording", "license-distribution = deny", "distribution-denied", {}],
    ["en: distribution denied", "Distribution of client licenses by the server is denied for this infobase", "distribution-denied", {}],
    ["anything else", "Сервер 1С:Предприятия недоступен", "unknown", {}],
  ])("%s", (_name, line, cause, captured) => {
    const r = parsePlatformMessage(`Не обнаружено свободной лицензии!\nпо причине:\n  ${line}\n`);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({ text: line.trim(), cause, ...captured });
    expect(r.lines[0].explanation.en.length).toBeGreaterThan(20);
    expect(r.lines[0].explanation.ru.length).toBeGreaterThan(20);
  });

  test("the article's message: 'License not found. Application protection key or acquired software license not found'", () => {
    for (const text of [
      "Лицензия не найдена. Не обнаружен ключ защиты программы или полученная программная лицензия!\nФайл программной лицензии не найден",
      "License not found. Application protection key or acquired software license not found!\nLicense file not found",
    ]) {
      const r = parsePlatformMessage(text);
      expect(r.kind).toBe("no-free-license");
      expect(r.lines.map((l) => l.cause)).toEqual(["no-file"]);
    }
  });

  test("'Лицензия не найдена.' after the title is a reason, not a second title", () => {
    const r = parsePlatformMessage("Не обнаружено свободной лицензии!\nпо причине:\nЛицензия не найдена.");
    expect(r.lines.map((l) => l.cause)).toEqual(["no-file"]);
  });

  test("a header may carry its first reason on the same line; lines before any place header are the client's", () => {
    const r = parsePlatformMessage("Не обнаружено свободной лицензии! по причине: Файл программной лицензии не найден\nПоиск лицензии на сервере: Выдача клиентских лицензий сервером запрещена");
    expect(r.lines.map((l) => [l.place, l.cause, l.text])).toEqual([
      ["client", "no-file", "Файл программной лицензии не найден"],
      ["server", "distribution-denied", "Выдача клиентских лицензий сервером запрещена"],
    ]);
  });

  test("explanations name the file, the key and nethasp.ini when the line does; other causes use the shared texts", () => {
    const r = parsePlatformMessage(fixture("no-free-license-ru.txt"));
    const [noFile, localKey, manager, seats, serverOnly] = r.lines;
    expect(noFile.explanation).toEqual(CAUSE_TEXT["no-file"]);
    expect(localKey.explanation.en).toContain("ORGL8");
    expect(manager.explanation.en).toMatch(/nethasp\.ini is missing.*NH_SERVER_ADDR/);
    expect(manager.explanation.ru).toContain("NH_SERVER_ADDR");
    expect(seats.explanation.en).toContain("20240115093012.lic");
    expect(seats.explanation.ru).toContain("20240115093012.lic");
    expect(serverOnly.explanation.en).toMatch(/server license, not a client one/);
  });

  test("'use hardware license' switched off has no cause code: unknown, with its own explanation", () => {
    const [line] = parsePlatformMessage("Использование аппаратных лицензий отключено").lines;
    expect(line.cause).toBe("unknown");
    expect(line.explanation.en).toMatch(/UseHwLicenses=0/);
    expect(line.explanation).not.toEqual(CAUSE_TEXT.unknown);
  });

  test("no title at all: kind unknown, but every line is still explained", () => {
    const r = parsePlatformMessage(`Превышено максимальное количество пользователей, разрешенное файлом программной лицензии: ${LIC}`);
    expect(r.kind).toBe("unknown");
    expect(r.lines.map((l) => l.cause)).toEqual(["seats-exhausted"]);
  });

  test("the demo company's messages read back as the causes they were generated with", () => {
    const company = generateDemoCompany({ anchor: "2026-11-27" });
    expect(company.noLicenseEvents.length).toBeGreaterThan(0);
    for (const e of company.noLicenseEvents) {
      const r = parsePlatformMessage(e.message);
      expect(r.kind).toBe("no-free-license");
      // The explanation also names the full pool the engine wanted; the message, like the platform's, does not.
      const written = (JSON.parse(e.explanation) as Array<{ text: string; place: string; cause: string }>).map(({ text, place, cause }) => ({ text, place, cause }));
      expect(r.lines.map(({ text, place, cause }) => ({ text, place, cause }))).toEqual(written);
    }
  });
});

describe("the binding failure (DOMAIN §1.4)", () => {
  test("Russian: the failing file, the removed and the present device lists", () => {
    const r = parsePlatformMessage(fixture("binding-ru.txt"));
    expect(r.kind).toBe("binding");
    expect(r.lines).toEqual([expect.objectContaining({ cause: "binding-changed", place: "client", file: LIC })]);
    expect(r.lines[0].explanation.en).toMatch(/removed since activation/);
    expect(r.removed).toEqual([
      "DISK_0: Samsung SSD 980 500GB, S123456789, 500107862016",
      "CPU_1: Intel(R) Core(TM) i5-10400 CPU @ 2.90GHz",
      "NIC_0: Intel(R) Ethernet Connection I219-V, 00-1A-2B-3C-4D-5E",
      "Sys Type_0: ASUSTeK COMPUTER INC., PRIME B560M-A",
    ]);
    expect(r.present).toHaveLength(4);
    expect(r.bindingDevices?.removed.map((d) => [d.kind, d.index])).toEqual([
      ["DISK", 0],
      ["CPU", 1],
      ["NIC", 0],
      ["Sys Type", 0],
    ]);
    expect(r.bindingDevices?.present[2]).toEqual({ kind: "Sys Type", index: 0, text: "Microsoft Corporation, Virtual Machine" });
  });

  test("bindingChangesFromMessage speaks the engine's vocabulary: parameters and removed/replaced/changed", () => {
    const changes = bindingChangesFromMessage(parsePlatformMessage(fixture("binding-ru.txt")));
    expect(changes.map((c) => [c.parameter, c.change, c.breaks])).toEqual([
      ["disks", "replaced", true],
      ["cpus", "removed", true],
      ["nics", "replaced", true],
      ["motherboard", "changed", true],
    ]);
    expect(changes[0].device).toEqual({ kind: "DISK", index: 0, removed: "Samsung SSD 980 500GB, S123456789, 500107862016", present: "Samsung SSD 990 PRO 1TB, S987654321, 1000204886016" });
    expect(changes[3].text.ru).toContain("Microsoft Corporation, Virtual Machine");
    for (const c of changes) expect(MessageBindingChangeSchema.parse(c)).toEqual(c);
  });

  test("comparable with compareFingerprints: the same computers give the same breaking changes", () => {
    const activated: Fingerprint = {
      osName: "Windows 10 Pro",
      osVersion: "10.0.19045",
      hostname: "BUH-01",
      motherboard: "ASUSTeK COMPUTER INC., PRIME B560M-A",
      ramMb: 8192,
      bios: "American Megatrends Inc. 2.21",
      cpus: ["Intel(R) Core(TM) i5-10400 CPU @ 2.90GHz", "Intel(R) Core(TM) i5-10400 CPU @ 2.90GHz (2)"],
      nics: [{ name: "Intel(R) Ethernet Connection I219-V", mac: "00-1A-2B-3C-4D-5E" }],
      disks: [{ model: "Samsung SSD 980 500GB", serial: "S123456789", sizeBytes: 500107862016 }],
    };
    const current: Fingerprint = {
      ...activated,
      motherboard: "Microsoft Corporation, Virtual Machine",
      cpus: ["Intel(R) Core(TM) i5-10400 CPU @ 2.90GHz"],
      nics: [{ name: "Realtek PCIe GbE Family Controller", mac: "52-54-00-AB-CD-EF" }],
      disks: [{ model: "Samsung SSD 990 PRO 1TB", serial: "S987654321", sizeBytes: 1000204886016 }],
    };
    const key = (c: { parameter: string; change: string; breaks: boolean }) => `${c.parameter}:${c.change}:${c.breaks}`;
    const engine = compareFingerprints(activated, current).changes.filter((c) => c.breaks).map(key).sort();
    const message = bindingChangesFromMessage(parsePlatformMessage(fixture("binding-ru.txt"))).map(key).sort();
    expect(message).toEqual(engine);
  });

  test("English: removed/present headers and an indented list", () => {
    const r = parsePlatformMessage(fixture("binding-en.txt"));
    expect(r.kind).toBe("binding");
    expect(bindingChangesFromMessage(r).map((c) => [c.parameter, c.change])).toEqual([["disks", "replaced"]]);
  });

  test("inside a 'no free license' breakdown; a wrapped device line is joined; a blank line ends the list", () => {
    const text = [
      "Не обнаружено свободной лицензии!",
      "по причине:",
      "Поиск лицензии на клиенте:",
      `Ошибка привязки программной лицензии к компьютеру: ${LIC}`,
      "После получения лицензии удалены: BIOS_0: American Megatrends Inc.",
      "   2.21, 03/15/2021",
      "В текущей конфигурации компьютера имеются:",
      "BIOS_0: American Megatrends Inc. 2.40, 01/10/2024",
      "RAM_0: 8192 MB",
      "",
      "Сервер перегружен",
      "Поиск лицензии на сервере:",
      "Файл программной лицензии не найден",
    ].join("\r\n");
    const r = parsePlatformMessage(text);
    expect(r.kind).toBe("no-free-license");
    expect(r.lines.map((l) => [l.place, l.cause])).toEqual([
      ["client", "binding-changed"],
      ["client", "unknown"],
      ["server", "no-file"],
    ]);
    expect(r.removed).toEqual(["BIOS_0: American Megatrends Inc. 2.21, 03/15/2021"]);
    expect(r.bindingDevices?.present.map((d) => d.kind)).toEqual(["BIOS", "RAM"]);
    expect(bindingChangesFromMessage(r).map((c) => [c.parameter, c.change])).toEqual([["bios", "changed"]]);
  });

  test("a RAM change is decreased or increased when both sizes read as numbers", () => {
    const r = parsePlatformMessage("После получения лицензии удалены:\nRAM_0: 8 GB\nВ текущей конфигурации компьютера имеются:\nRAM_0: 4096 MB\n");
    expect(bindingChangesFromMessage(r).map((c) => [c.parameter, c.change])).toEqual([["ramMb", "decreased"]]);
  });

  test.each([
    ["DISK", "disks"],
    ["CPU", "cpus"],
    ["BIOS", "bios"],
    ["Sys Type", "motherboard"],
    ["SysType", "motherboard"],
    ["NIC", "nics"],
    ["Network Adapter", "nics"],
    ["MAC", "nics"],
    ["RAM", "ramMb"],
    ["OS", "osName"],
    ["OS Version", "osVersion"],
    ["Host Name", "hostname"],
    ["USB", "unknown"],
  ])("device kind %s → %s", (kind, parameter) => {
    expect(parameterOfDeviceKind(kind)).toBe(parameter);
  });

  test("no device lists: no binding changes", () => {
    expect(bindingChangesFromMessage(parsePlatformMessage(fixture("no-free-license-ru.txt")))).toEqual([]);
  });
});

// Real texts of 8.3.x/8.5 as 1C users and public 1C tooling quote them: tests/fixtures/messages/SOURCES.md.
describe("real platform messages (DOMAIN §4.2; fixtures listed in tests/fixtures/messages/SOURCES.md)", () => {
  const NO_KEY_RU = "Не найдена лицензия. Не обнаружен ключ защиты программы или полученная программная лицензия!";
  const NO_KEY_EN = "License not found. Software protection key or acquired software license not found!";

  /** Each real fixture → the message kind, each line's [place, cause], and what a message without lines says as a whole. */
  const REAL: Array<[string, MessageKind, Array<[Place, Cause]>, ([Place, Cause] | null)?]> = [
    // §4.2 / §4.1: 8.3.2x prints "no key and no software license" with no breakdown — a line of its own.
    ["not-found-no-key-ru.txt", "no-free-license", [["client", "no-license-on-computer"]]],
    ["not-found-no-key-en.txt", "no-free-license", [["client", "no-license-on-computer"]]],
    ["not-found-no-key-ru-gitsync-log.txt", "no-free-license", [["client", "unknown"], ["client", "unknown"], ["client", "no-license-on-computer"]]],
    ["not-found-no-key-ru-console-wrapped.txt", "no-free-license", [["client", "no-license-on-computer"]]],
    // A bare "no free license": no reason line, the message explained as a whole.
    ["no-free-license-title-ru.txt", "no-free-license", [], ["client", "seats-exhausted"]],
    ["no-free-license-title-en.txt", "no-free-license", [], ["client", "seats-exhausted"]],
    // Developer licenses (8.3.24–8.5) refuse on their own terms.
    ["developer-license-designer-prof-ru.txt", "developer-license", [["client", "license-combination"], ["server", "developer-license-restricted"]]],
    ["developer-license-forbidden-ru.txt", "developer-license", [["client", "developer-license-restricted"]]],
    ["developer-license-client-limit-ru.txt", "developer-license", [["client", "developer-license-limit"]]],
    // §4 "1C server license": a client license cannot start the server; the server's own "license not found".
    ["server-start-client-license-ru.txt", "no-server-license", [["server", "no-server-license"]]],
    ["server-license-odata-ru.txt", "no-server-license", [["server", "no-server-license"]]],
    // §1.4 inside the server's failure: each file's binding error, the inventory as the removed list.
    ["server-not-found-binding-ru.txt", "no-server-license", [["server", "no-server-license"], ["server", "binding-changed"], ["server", "binding-changed"]]],
  ];
  const shape = (text: string) => {
    const r = parsePlatformMessage(text);
    return { kind: r.kind, lines: r.lines.map((l) => [l.place, l.cause]), summary: r.summary ? [r.summary.place, r.summary.cause] : null };
  };

  test.each(REAL)("%s → %s, lines %j", (name, kind, lines, summary = null) => {
    const r = parsePlatformMessage(fixture(name));
    expect(shape(fixture(name))).toEqual({ kind, lines, summary });
    for (const l of r.lines) {
      expect(l.explanation.en.length).toBeGreaterThan(40);
      expect(l.explanation.ru.length).toBeGreaterThan(40);
    }
    expect(ParsedMessageSchema.parse(r)).toEqual(r);
  });

  test("every new fixture is in the table above and in SOURCES.md, with its source", () => {
    const authors = new Set(["binding-en.txt", "binding-ru.txt", "no-free-license-en.txt", "no-free-license-ru.txt", "server-license-ru.txt", "wrapped-ru.txt"]);
    const dir = path.join(__dirname, "..", "fixtures", "messages");
    const real = fs.readdirSync(dir).filter((f) => f.endsWith(".txt") && !authors.has(f)).sort();
    expect(real).toEqual(REAL.map(([name]) => name).sort());
    const sources = fs.readFileSync(path.join(dir, "SOURCES.md"), "utf8");
    for (const name of real) expect(sources).toMatch(new RegExp(String.raw`\| \`${name.replace(/\./g, "\\.")}\` \|[^\n]*\|[^\n]*(?:github\.com|index id)`));
  });

  test("8.3.2x 'no key and no software license': the whole sentence is the line, explained as no license on this computer", () => {
    const r = parsePlatformMessage(fixture("not-found-no-key-ru.txt"));
    expect(r.lines).toEqual([{ text: NO_KEY_RU, place: "client", cause: "no-license-on-computer", explanation: CAUSE_TEXT["no-license-on-computer"] }]);
    expect(r.lines[0].explanation.en).toMatch(/license-distribution = allow/);
    expect(parsePlatformMessage(fixture("not-found-no-key-en.txt")).lines.map((l) => l.text)).toEqual([NO_KEY_EN]);
  });

  test("a script's log prefix is dropped and its closing brace is not a line (gitsync issue #334)", () => {
    const r = parsePlatformMessage(fixture("not-found-no-key-ru-gitsync-log.txt"));
    expect(r.lines[2].text).toBe(NO_KEY_RU);
    expect(r.lines.map((l) => l.text)).not.toContain("}");
  });

  test("80-column console wrap mid-word is rejoined (gitsync issue #208, 8.3.10)", () => {
    const text = fixture("not-found-no-key-ru-console-wrapped.txt");
    expect(text.split("\n").slice(0, 2).map((l) => l.length)).toEqual([80, 80]);
    expect(parsePlatformMessage(text).lines).toEqual([expect.objectContaining({ text: NO_KEY_RU, cause: "no-license-on-computer" })]);
  });

  test("an 80-character reason followed by a lower-case line is NOT glued to it (the console rule needs a message to appear)", () => {
    const denied = "Выдача клиентских лицензий сервером запрещена для информационной базы";
    const line = `${" ".repeat(80 - denied.length)}${denied}`;
    expect(line).toHaveLength(80);
    const r = parsePlatformMessage(["Не обнаружено свободной лицензии!", "по причине:", line, "локальный ключ недоступен: Status=-100, ORGL8 Локальный, не установлен"].join("\n"));
    expect(r.lines.map((l) => l.cause)).toEqual(["distribution-denied", "no-local-key"]);
  });

  test("a bare 'no free license' has no line but a summary: all seats taken, no breakdown printed", () => {
    const r = parsePlatformMessage(fixture("no-free-license-title-ru.txt"));
    expect(r.lines).toEqual([]);
    expect(r.summary?.explanation.en).toMatch(/no breakdown/);
    expect(r.summary?.explanation).not.toEqual(CAUSE_TEXT["seats-exhausted"]);
    // With a breakdown the summary is not given: the lines say it.
    expect(parsePlatformMessage(fixture("no-free-license-ru.txt")).summary).toBeUndefined();
  });

  test("developer license: the server uses a developer license, the Designer came with PROF/CORP (8.5.4)", () => {
    const r = parsePlatformMessage(fixture("developer-license-designer-prof-ru.txt"));
    expect(r.lines[1].text).toBe("Сервер 1С:Предприятия использует лицензию для разработчиков. Запуск клиентского приложения Конфигуратор с лицензией ПРОФ или КОРП запрещён. …");
    expect(r.lines[1].explanation.en).toMatch(/uses a developer license, and the Designer came with a PROF or CORP license/);
    expect(r.lines[1].explanation.ru).toContain("Конфигуратор");
    expect(r.lines[0].explanation).toEqual(CAUSE_TEXT["license-combination"]);
  });

  test("developer license refused on this computer: the explanation names the platform's computer-parameter tools", () => {
    const [line] = parsePlatformMessage(fixture("developer-license-forbidden-ru.txt")).lines;
    expect(line.explanation.en).toMatch(/hostname and ip/);
    expect(line.explanation).not.toEqual(CAUSE_TEXT["developer-license-restricted"]);
    const [limit] = parsePlatformMessage(fixture("developer-license-client-limit-ru.txt")).lines;
    expect(limit.explanation).toEqual(CAUSE_TEXT["developer-license-limit"]);
    expect(limit.explanation.en).toMatch(/rac session terminate/);
  });

  test("§4: a client license where the server needs its own — the file is named, the explanation says why", () => {
    const [line] = parsePlatformMessage(fixture("server-start-client-license-ru.txt")).lines;
    expect(line).toMatchObject({ place: "server", cause: "no-server-license", file: "file://private-license-path.lic" });
    expect(line.text).toMatch(/^Файл программной лицензии не предусматривает возможность запуска сервера/);
    expect(line.explanation.en).toMatch(/^file:\/\/private-license-path\.lic cannot start the 1C server: it is a client license/);
  });

  test("an OData/HTTP service's JSON error body: the descriptions are read, the request line is not a reason", () => {
    const r = parsePlatformMessage(fixture("server-license-odata-ru.txt"));
    expect(r.lines.map((l) => l.text)).toEqual(["На сервере 1С:Предприятия не найдена лицензия."]);
    const pretty = JSON.stringify(JSON.parse(fixture("server-license-odata-ru.txt")), null, 2);
    expect(shape(pretty)).toEqual(shape(fixture("server-license-odata-ru.txt")));
    // Not a 1C error body: kept as text.
    expect(parsePlatformMessage('{"error":"quota"}').lines.map((l) => l.text)).toEqual(['{"error":"quota"}']);
  });

  test("§1.4: the server's dump — 'Ошибка привязки программной лицензии: <file>' without 'к компьютеру', and its inventory", () => {
    const r = parsePlatformMessage(fixture("server-not-found-binding-ru.txt"));
    expect(r.lines.map((l) => l.file ?? null)).toEqual([null, "file:///var/1C/licenses/a.lic", "file:///var/1C/licenses/b.lic"]);
    expect(r.bindingDevices?.removed.map((d) => d.kind)).toEqual(["Phys mem", "CPU", "CPU", "HASP", "Sys name", "DISK", "Phys mem", "CPU", "CPU", "HASP", "Sys name", "DISK"]);
    expect(r.bindingDevices?.removed[4]).toEqual({ kind: "Sys name", index: 0, text: "srv.example.test" });
    expect(bindingChangesFromMessage(r).slice(0, 6).map((c) => [c.parameter, c.change])).toEqual([
      ["ramMb", "removed"],
      ["cpus", "removed"],
      ["cpus", "removed"],
      ["unknown", "removed"],
      ["hostname", "removed"],
      ["disks", "removed"],
    ]);
  });

  // Messy pastes of the same texts: CRLF, list bullets, upper case, wrapped by a dialog, prefixed by a tool.
  const LINE_FIXTURES = REAL.filter(([name]) => !["not-found-no-key-ru-console-wrapped.txt", "server-license-odata-ru.txt"].includes(name)).map(([name]) => name);
  const crlf = (t: string) => t.replace(/\r?\n/g, "\r\n");
  const bulleted = (t: string) => t.replace(/\r\n/g, "\n").split("\n").map((l) => (l.trim() ? `• ${l}` : l)).join("\n");

  test.each(LINE_FIXTURES)("%s: the same lines with CRLF line ends and with a bullet before every line", (name) => {
    expect(shape(crlf(fixture(name)))).toEqual(shape(fixture(name)));
    expect(shape(bulleted(fixture(name)))).toEqual(shape(fixture(name)));
  });

  test.each<[string, string, string]>([
    ["upper case", NO_KEY_RU.toUpperCase(), NO_KEY_RU.toUpperCase()],
    ["dialog-wrapped at a space", "Не найдена лицензия. Не обнаружен ключ защиты программы или полученная\nпрограммная лицензия!", NO_KEY_RU],
    ["title and reason on two lines", "Не найдена лицензия.\r\nНе обнаружен ключ защиты программы или полученная программная лицензия!", NO_KEY_RU],
    ["caption and button of the dialog around it", `1С:Предприятие\n\n- ${NO_KEY_RU}\n\nOK`, NO_KEY_RU],
    ["a tool's prefix (English)", `Export failed (rc=1): ${NO_KEY_EN}`, NO_KEY_EN],
    ["a runner's /Out inside its own error", `Конфигуратор завершился с кодом 1: DESIGNER ...\nСообщение конфигуратора:\n${NO_KEY_RU}`, NO_KEY_RU],
  ])("no key and no software license, %s → one no-license-on-computer line", (_name, text, line) => {
    const r = parsePlatformMessage(text);
    expect(r.kind).toBe("no-free-license");
    expect(r.lines.filter((l) => l.cause !== "unknown")).toEqual([expect.objectContaining({ text: line, place: "client", cause: "no-license-on-computer" })]);
  });

  test("§4.2: with a breakdown after it, 'no key and no software license' gives way to the specific reasons", () => {
    const r = parsePlatformMessage(`${NO_KEY_RU}\nпо причине:\nПоиск лицензии на клиенте:\nФайл программной лицензии не найден\nлокальный ключ недоступен: Status=-100, ORGL8 Локальный, не установлен`);
    expect(r.lines.map((l) => l.cause)).toEqual(["no-file", "no-local-key"]);
  });

  test.each<[string, string, Record<string, unknown>]>([
    ["a Windows path", LIC, { fileName: "20240115093012.lic", regNumbers: [] }],
    ["a file URL, upper-case extension", "file:///var/1C/licenses/20240115093012.LIC", { fileName: "20240115093012.LIC", regNumbers: [] }],
    ["PIN-regnum as ring prints it: the 15-digit PIN is not a registration number", "558171398177522-8100078895", { regNumbers: ["8100078895"] }],
    ["9 and 12 digits, not 8 or 13", "800123456, 500001234567, 12345678, 5000012345678", { regNumbers: ["800123456", "500001234567"] }],
  ])("lineReferences: %s (DOMAIN §1.1, §1.5)", (_name, text, expected) => {
    const line = parsePlatformMessage(`Превышено максимальное количество пользователей, разрешенное файлом программной лицензии: ${text}`).lines[0];
    expect(lineReferences(line)).toEqual(expected);
  });

  test("lineReferences: a key line gives its series and kind", () => {
    const line = parsePlatformMessage("локальный ключ недоступен: Status=-100, ORG8A Локальный, не установлен").lines[0];
    expect(lineReferences(line)).toEqual({ series: "ORG8A", keyKind: "local", regNumbers: [] });
  });
});

describe("parsePlatformMessage — invariants", () => {
  test("huge input stays linear: a megabyte-long line, and thousands of lines that all look wrapped", () => {
    const started = Date.now();
    const long = parsePlatformMessage(`Файл ${"ы".repeat(4 * 1024 * 1024)}`);
    expect(long.lines).toHaveLength(1);
    const wrapped = parsePlatformMessage("что-то пошло не так,\n".repeat(20_000));
    expect(wrapped.lines.length).toBeGreaterThan(20_000 / 14);
    expect(wrapped.lines.every((l) => l.text.length < 2100)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  fcTest.prop([fc.string({ unit: "binary", maxLength: 600 })])("never throws on arbitrary text, and the result fits its schema", (text) => {
    const r = parsePlatformMessage(text);
    expect(ParsedMessageSchema.safeParse(r).success).toBe(true);
    expect(() => bindingChangesFromMessage(r)).not.toThrow();
  });

  fcTest.prop([fc.array(fc.constantFrom("DISK_0: a", "CPU_1: b", "После получения лицензии удалены:", "В текущей конфигурации компьютера имеются:", "Ошибка привязки программной лицензии к компьютеру: x.lic", "", "  wrapped", "Поиск лицензии на сервере:"), { maxLength: 30 })])(
    "never throws on shuffled pieces of binding messages",
    (pieces) => {
      const r = parsePlatformMessage(pieces.join("\n"));
      expect(ParsedMessageSchema.safeParse(r).success).toBe(true);
      expect(bindingChangesFromMessage(r).length).toBeLessThanOrEqual(r.bindingDevices?.removed.length ?? 0);
    },
  );

  // Complete reason lines as the platform prints them (each recognisable on its own), Russian and English.
  const VOCABULARY: Array<[string, Cause]> = [
    ["Файл программной лицензии не найден", "no-file"],
    ["Software license file not found", "no-file"],
    [`Превышено максимальное количество пользователей, разрешенное файлом программной лицензии: ${LIC}`, "seats-exhausted"],
    [`Maximum number of users allowed by the software license file exceeded: ${LIC}`, "seats-exhausted"],
    ["ключ ORGL8 Сетевой 20: нет свободных лицензий (все места заняты)", "seats-exhausted"],
    [`Файл программной лицензии не предусматривает возможность запуска клиентских приложений: ${LIC}`, "server-license-only"],
    ["Не найдена лицензия сервера 1С:Предприятия", "no-server-license"],
    ["локальный ключ недоступен: Status=-100, ORGL8 Локальный, не установлен", "no-local-key"],
    ["local key unavailable: Status=-100, ORG8A Local, not installed", "no-local-key"],
    ["nethasp.ini: отсутствует, использованы настройки по умолчанию, ошибка соединения с менеджером лицензий: Net Status=15, ORGL8 Сетевой, не установлен", "no-license-manager"],
    [`Ошибка привязки программной лицензии к компьютеру: ${LIC}`, "binding-changed"],
    ["Нет доступа к файлу программной лицензии: /var/1C/licenses/20240115093012.lic", "unreadable-file"],
    ["Выдача клиентских лицензий сервером запрещена для информационной базы", "distribution-denied"],
    // Real texts (tests/fixtures/messages/SOURCES.md).
    ["Превышено ограничение лицензии для разработчиков на количество клиентов информационной базы", "developer-license-limit"],
    ["Использование лицензии для разработчиков запрещено", "developer-license-restricted"],
    ["Операция не может быть выполнена с текущим составом лицензий.", "license-combination"],
    [`Файл программной лицензии не предусматривает возможность запуска сервера 1С:Предприятия: ${LIC}`, "no-server-license"],
  ];
  // Text SeatLedger does not know: words without digits or punctuation, which stay one unknown line each.
  const word = fc.string({ unit: fc.constantFrom(..."абвгдежзиклмнопрстуфхцчшщыэюяqwxz"), minLength: 2, maxLength: 9 });
  const junk = fc
    .array(word, { minLength: 1, maxLength: 6 })
    .map((ws) => ws.join(" "))
    .filter((t) => {
      const r = parsePlatformMessage(t);
      return r.kind === "unknown" && r.lines.length === 1 && r.lines[0].cause === "unknown";
    });
  const reason = fc.oneof(
    fc.constantFrom(...VOCABULARY).map(([text, cause]) => ({ text, cause })),
    junk.map((text) => ({ text, cause: "unknown" as Cause })),
  );
  const decorated = fc.record({
    reason,
    indent: fc.constantFrom("", "  ", "\t", "    "),
    bullet: fc.constantFrom("", "- ", "• "),
    shape: fc.constantFrom("as-is", "upper", "lower", "spaces"),
    blankAfter: fc.boolean(),
  });
  const shapeOf = (text: string, shape: string) => (shape === "upper" ? text.toUpperCase() : shape === "lower" ? text.toLowerCase() : shape === "spaces" ? text.replace(/ /g, "  ") : text);
  const message = fc.record({
    title: fc.constantFrom("Не обнаружено свободной лицензии!", "НЕ ОБНАРУЖЕНО СВОБОДНОЙ ЛИЦЕНЗИИ!", "No free license found!"),
    because: fc.constantFrom("по причине:", "По причине:", "reason:", null),
    sections: fc.array(fc.record({ place: fc.constantFrom("client", "server", null), lines: fc.array(decorated, { maxLength: 6 }) }), { maxLength: 3 }),
    eol: fc.constantFrom("\n", "\r\n"),
  });

  fcTest.prop([message])("every non-header, non-empty line of a 'no free license' message yields exactly one reason line", ({ title, because, sections, eol }) => {
    const out: string[] = [title];
    if (because) out.push(because);
    const expected: Array<{ text: string; place: string; cause: Cause }> = [];
    // Before any place header a reason is the client's, except the server's own failure (no-server-license).
    let place: string | null = null;
    for (const s of sections) {
      if (s.place) {
        out.push(s.place === "client" ? "Поиск лицензии на клиенте:" : "Search for license on server:");
        place = s.place;
      }
      for (const l of s.lines) {
        const text = shapeOf(l.reason.text, l.shape);
        out.push(`${l.indent}${l.bullet}${text}`);
        if (l.blankAfter) out.push("");
        expected.push({ text, place: place ?? (l.reason.cause === "no-server-license" ? "server" : "client"), cause: l.reason.cause });
      }
    }
    const r = parsePlatformMessage(out.join(eol));
    expect(r.kind).toBe("no-free-license");
    expect(r.lines.map(({ text, place, cause }) => ({ text, place, cause }))).toEqual(expected);
  });
});
