import "@/tests/helpers/setup-env";

import { readFileSync } from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, test } from "vitest";

import { POST } from "@/app/api/explain/message/route";
import { getDb } from "@/db/client";
import { activations, computers, hardwareKeys, kits, pins } from "@/db/schema";
import { CAUSE_TEXT } from "@/lib/licensing/causes";
import { ParseMessageResponseSchema } from "@/lib/parsers/platform-message";
import { ErrorSchema, textPost } from "@/tests/helpers/api";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/messages", name));

const post = textPost(POST, "http://localhost/api/explain/message");


async function parsed(res: Response) {
  expect(res.status).toBe(200);
  return ParseMessageResponseSchema.parse(await res.json());
}

/** CP866 bytes (a Windows console, DOMAIN §5.1) for Russian text. */
const cp866 = (text: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array([...text].map((ch) => {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) return c;
    if (c === 0x401) return 0xf0;
    if (c === 0x451) return 0xf1;
    if (c >= 0x410 && c <= 0x43f) return c - 0x410 + 0x80;
    if (c >= 0x440 && c <= 0x44f) return c - 0x440 + 0xe0;
    return 0x3f;
  }));

/** Windows-1251 bytes (a message saved by Notepad) for Russian text. */
const cp1251 = (text: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array([...text].map((ch) => {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) return c;
    if (c === 0x401) return 0xa8;
    if (c === 0x451) return 0xb8;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    return 0x3f;
  }));

describe("POST /api/explain/message — DOMAIN §4.2", () => {
  test("'no free license': every reason line with place, cause and an explanation in both languages", async () => {
    const r = await parsed(await post(fixture("no-free-license-ru.txt")));
    expect(r.kind).toBe("no-free-license");
    expect(r.encoding).toBe("utf-8");
    expect(r.lines.map((l) => [l.place, l.cause])).toEqual([
      ["client", "no-file"],
      ["client", "no-local-key"],
      ["client", "no-license-manager"],
      ["server", "seats-exhausted"],
      ["server", "server-license-only"],
      ["server", "unreadable-file"],
      ["server", "distribution-denied"],
      ["server", "binding-changed"],
    ]);
    expect(r.lines[0]).toEqual({ text: "Файл программной лицензии не найден", place: "client", cause: "no-file", explanation: CAUSE_TEXT["no-file"] });
    expect(r.lines[1]).toMatchObject({ series: "ORGL8", keyKind: "local", status: "-100" });
    expect(r.lines[3].file).toBe(String.raw`C:\ProgramData\1C\licenses\20240115093012.lic`);
    expect(r.removed).toBeUndefined();
    expect(r.bindingChanges).toBeUndefined();
  });

  test("the server's own failure", async () => {
    const r = await parsed(await post(fixture("server-license-ru.txt")));
    expect(r.kind).toBe("no-server-license");
    expect(r.lines[0]).toMatchObject({ place: "server", cause: "no-server-license" });
  });

  test("the binding failure: device lists as printed, parsed, and in the binding check's vocabulary", async () => {
    const r = await parsed(await post(fixture("binding-ru.txt")));
    expect(r.kind).toBe("binding");
    expect(r.lines).toEqual([expect.objectContaining({ cause: "binding-changed", file: String.raw`C:\ProgramData\1C\licenses\20240115093012.lic` })]);
    expect(r.removed).toHaveLength(4);
    expect(r.present).toHaveLength(4);
    expect(r.bindingDevices?.removed[0]).toEqual({ kind: "DISK", index: 0, text: "Samsung SSD 980 500GB, S123456789, 500107862016" });
    expect(r.bindingChanges?.map((c) => [c.parameter, c.change, c.breaks, c.rule])).toEqual([
      ["disks", "replaced", true, "DOMAIN §1.4 [H]"],
      ["cpus", "removed", true, "DOMAIN §1.4 [H]"],
      ["nics", "replaced", true, "DOMAIN §1.4 [H]"],
      ["motherboard", "changed", true, "DOMAIN §1.4 [H]"],
    ]);
  });

  test("English messages", async () => {
    const r = await parsed(await post(fixture("no-free-license-en.txt")));
    expect(r.kind).toBe("no-free-license");
    expect(r.lines.map((l) => l.cause)).toContain("no-license-manager");
    const b = await parsed(await post(fixture("binding-en.txt")));
    expect(b.bindingChanges?.map((c) => c.change)).toEqual(["replaced"]);
  });

  test("a message saved as Windows-1251 is auto-detected", async () => {
    const text = readFileSync(path.join(__dirname, "../fixtures/messages/wrapped-ru.txt"), "utf8");
    const [r, original] = await Promise.all([post(cp1251(text)).then(parsed), post(text).then(parsed)]);
    expect(r.encoding).toBe("windows-1251");
    expect(r.lines).toEqual(original.lines);
  });

  test("text that is not a licensing message: 200, kind unknown, the text kept", async () => {
    const r = await parsed(await post("Привет, это не сообщение платформы"));
    expect(r.kind).toBe("unknown");
    expect(r.lines).toEqual([{ text: "Привет, это не сообщение платформы", place: "client", cause: "unknown", explanation: CAUSE_TEXT.unknown }]);
  });

  test.each([
    ["an empty body", "", "", 400, "empty-body"],
    ["no body at all", null, "", 400, "empty-body"],
    ["a whitespace-only body", " \r\n\t\n", "", 400, "empty-body"],
    ["an unknown ?encoding=", "x", "?encoding=latin1", 400, "invalid-input"],
    ["invalid UTF-8 under ?encoding=utf-8", Uint8Array.from([0xcd, 0xe5, 0x20, 0xff]), "?encoding=utf-8", 400, "invalid-encoding"],
  ])("%s is refused with its status and code", async (_name, body, query, status, code) => {
    const res = await post(body, query);
    expect(res.status).toBe(status);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe(code);
  });

  test("a body over 1 MiB → 413 (a pasted message is a few kilobytes)", async () => {
    const res = await post(new Uint8Array(1024 * 1024 + 1).fill(0x41));
    expect(res.status).toBe(413);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("body-too-large");
  });

  test("a megabyte of wrapped junk is answered quickly, never a 500", async () => {
    const started = Date.now();
    const r = await parsed(await post("что-то пошло не так,\n".repeat(25_000)));
    expect(r.kind).toBe("unknown");
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("POST /api/explain/message — real platform messages (tests/fixtures/messages/SOURCES.md, DOMAIN §4.2)", () => {
  test.each<[string, string, Array<[string, string]>]>([
    ["not-found-no-key-ru.txt", "no-free-license", [["client", "no-license-on-computer"]]],
    ["not-found-no-key-en.txt", "no-free-license", [["client", "no-license-on-computer"]]],
    ["developer-license-designer-prof-ru.txt", "developer-license", [["client", "license-combination"], ["server", "developer-license-restricted"]]],
    ["developer-license-client-limit-ru.txt", "developer-license", [["client", "developer-license-limit"]]],
    ["server-start-client-license-ru.txt", "no-server-license", [["server", "no-server-license"]]],
    ["server-license-odata-ru.txt", "no-server-license", [["server", "no-server-license"]]],
  ])("%s → %s with each line's place and cause", async (name, kind, lines) => {
    const r = await parsed(await post(fixture(name)));
    expect(r.kind).toBe(kind);
    expect(r.lines.map((l) => [l.place, l.cause])).toEqual(lines);
  });

  test("a bare 'Не обнаружено свободной лицензии!': no line, the summary explains it", async () => {
    const r = await parsed(await post(fixture("no-free-license-title-ru.txt")));
    expect(r.lines).toEqual([]);
    expect(r.summary).toMatchObject({ place: "client", cause: "seats-exhausted" });
  });

  test("§5.1: the console-wrapped message in CP866 bytes, ?encoding=auto → decoded as CP866, rejoined, explained", async () => {
    const text = readFileSync(path.join(__dirname, "../fixtures/messages/not-found-no-key-ru-console-wrapped.txt"), "utf8");
    const [r, original] = await Promise.all([post(cp866(text), "?encoding=auto").then(parsed), post(text).then(parsed)]);
    expect(r.encoding).toBe("cp866");
    expect(r.lines).toEqual(original.lines);
    expect(r.lines).toEqual([expect.objectContaining({ cause: "no-license-on-computer", text: "Не найдена лицензия. Не обнаружен ключ защиты программы или полученная программная лицензия!" })]);
  });
});

describe("POST /api/explain/message — links to the kit, key or computer a line names (DOMAIN §4.2, §1.1, §1.5, §2)", () => {
  // A PIN of the kit whose file the message names: it must never reach the answer (DOMAIN §1.2).
  const PIN = "987654321012345";
  // Seeded when this block starts, so the messages of the blocks above name no record.
  const ids = { srv: 0, lm: 0, buh: 0, kit: 0, basic: 0, netKey: 0, localKey: 0, serverKey: 0 };
  beforeAll(() => {
    const db = getDb();
    const computer = (name: string, role: "1c-server" | "license-manager" | "workstation") => db.insert(computers).values({ name, role }).returning().get().id;
    ids.srv = computer("srv-1c", "1c-server");
    ids.lm = computer("SRV-LM", "license-manager");
    ids.buh = computer("BUH-01", "workstation");
    ids.kit = db.insert(kits).values({ regNumber: "8100078895", product: "Клиентская лицензия на 10 рабочих мест", kind: "client", seats: 10, protection: "software" }).returning().get().id;
    ids.basic = db.insert(kits).values({ regNumber: "800123456", product: "Бухгалтерия предприятия, базовая поставка", kind: "basic", seats: 1, protection: "software" }).returning().get().id;
    const pin = db.insert(pins).values({ kitId: ids.kit, set: "multi", role: "main", status: "active", code: PIN }).returning().get();
    db.insert(activations)
      .values({ pinId: pin.id, operation: "first", computerId: ids.srv, method: "automatic", visibility: "all-users", licFileName: "20240115093012.lic", licFolder: String.raw`C:\ProgramData\1C\licenses`, activatedAt: new Date("2024-01-15T09:30:12Z") })
      .run();
    ids.netKey = db.insert(hardwareKeys).values({ series: "ORGL8", kind: "network", seats: 50, computerId: ids.lm }).returning().get().id;
    ids.localKey = db.insert(hardwareKeys).values({ series: "ORGL8", kind: "local", seats: 1, computerId: ids.buh }).returning().get().id;
    ids.serverKey = db.insert(hardwareKeys).values({ series: "EN8SA", kind: "server", seats: 0, computerId: ids.srv }).returning().get().id;
  });

  const message = [
    "Не обнаружено свободной лицензии!",
    "по причине:",
    "Поиск лицензии на клиенте:",
    "  локальный ключ недоступен: Status=-100, ORGL8 Локальный, не установлен",
    "  nethasp.ini: отсутствует, использованы настройки по умолчанию, ошибка соединения с менеджером лицензий: Net Status=15, ORGL8 Сетевой, не установлен",
    "Поиск лицензии на сервере:",
    String.raw`  Превышено максимальное количество пользователей, разрешенное файлом программной лицензии: C:\ProgramData\1C\licenses\20240115093012.lic`,
    String.raw`  Ошибка привязки программной лицензии к компьютеру: \\BUH-01\licenses\20991231235959.lic`,
    "  Выдача клиентских лицензий сервером запрещена для информационной базы",
  ].join("\r\n");

  test("file → its activation's kit and computer; series + kind → the keys and their hosts; a network name → that computer", async () => {
    const res = await post(message);
    const raw = await res.clone().text();
    const r = await parsed(res);
    expect(r.lines.map((l) => l.links ?? [])).toEqual([
      [
        { kind: "key", id: ids.localKey, label: "ORGL8 @ BUH-01" },
        { kind: "computer", id: ids.buh, label: "BUH-01" },
      ],
      [
        { kind: "key", id: ids.netKey, label: "ORGL8 @ SRV-LM" },
        { kind: "computer", id: ids.lm, label: "SRV-LM" },
      ],
      [
        { kind: "kit", id: ids.kit, label: "8100078895" },
        { kind: "computer", id: ids.srv, label: "srv-1c" },
      ],
      // The file is not recorded; the UNC path names the computer.
      [{ kind: "computer", id: ids.buh, label: "BUH-01" }],
      [],
    ]);
    // A line that names nothing has no `links` at all.
    expect(r.lines[4]).not.toHaveProperty("links");
    expect(raw).not.toContain(PIN);
  });

  test("a file URL in another case still finds the activation; an unknown file finds nothing", async () => {
    const r = await parsed(await post("Ошибка привязки программной лицензии к компьютеру: file:///var/1C/licenses/20240115093012.LIC\nФайл программной лицензии не найден: 20250101000000.lic"));
    expect(r.lines[0].links).toEqual([
      { kind: "kit", id: ids.kit, label: "8100078895" },
      { kind: "computer", id: ids.srv, label: "srv-1c" },
    ]);
    expect(r.lines[1].links).toBeUndefined();
  });

  test("§1.1: registration numbers in a line → kits; the 15-digit PIN before a regnum is not one; PINs never in the answer", async () => {
    const res = await post(`Превышено максимальное количество пользователей программной лицензии 111222333444555-8100078895 и 800123456`);
    const raw = await res.clone().text();
    const r = await parsed(res);
    expect(r.lines[0].links).toEqual([
      { kind: "kit", id: ids.kit, label: "8100078895" },
      { kind: "kit", id: ids.basic, label: "800123456" },
    ]);
    expect(raw).not.toContain(PIN);
  });

  test("§2: a server key is a local key of its host — 'EN8SA Локальный' on the server links the recorded server key", async () => {
    const r = await parsed(await post(fixture("server-license-ru.txt")));
    expect(r.lines[2]).toMatchObject({ series: "EN8SA", links: [{ kind: "key", id: ids.serverKey, label: "EN8SA @ srv-1c" }, { kind: "computer", id: ids.srv, label: "srv-1c" }] });
    expect(r.lines[0].links).toBeUndefined();
  });

  test("a computer name counts only as a whole word (srv-1c-backup is not srv-1c)", async () => {
    const r = await parsed(await post(String.raw`Нет доступа к файлу программной лицензии: \\srv-1c-backup\licenses\20240101000000.lic` + "\nСервер srv-1c недоступен"));
    expect(r.lines[0].links).toBeUndefined();
    expect(r.lines[1].links).toEqual([{ kind: "computer", id: ids.srv, label: "srv-1c" }]);
  });
});
