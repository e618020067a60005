import "@/tests/helpers/setup-env";

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";

import { GET as letterRoute } from "@/app/api/kits/[id]/request-letter/route";
import { POST as commandRoute } from "@/app/api/kits/[id]/ring-command/route";
import { GET as exportRoute, POST as importRoute } from "@/app/api/kits/csv/route";
import { GET as templateRoute } from "@/app/api/kits/csv/template/route";
import { POST as ringRoute } from "@/app/api/kits/ring/route";
import { getDb } from "@/db/client";
import { decryptText } from "@/db/crypto";
import { auditLog, kits, pins } from "@/db/schema";
import { keysOf } from "@/db/secrets";
import { seedDemo } from "@/db/seed";
import { generateDemoCompany } from "@/lib/demo/company";
import { formatPin } from "@/lib/licensing/texts";
import { KITS_CSV_TEMPLATE } from "@/lib/parsers/kits-csv";
import { ErrorSchema } from "@/tests/helpers/api";
import { sessionHeaders, tokenHeaders } from "@/tests/helpers/auth";

/**
 * Issue #9: the texts that hold a PIN in clear (the request letter, the ring command: admin only, audited
 * like a reveal), the kits-and-PINs CSV (template, import that writes nothing unless every row is good,
 * export), and `ring license list` output checked against the ledger.
 */

const company = generateDemoCompany({ anchor: "2026-11-27" });
const kitByNotes = (text: string) => company.kits.find((k) => k.notes?.includes(text))!;
const director = () => kitByNotes("Director's laptop");
const chief = () => kitByNotes("Chief accountant");
let codes: Map<number, string>;

beforeAll(() => {
  seedDemo(getDb(), { anchor: "2026-11-27" });
  const keys = keysOf(getDb());
  codes = new Map(getDb().select({ id: pins.id, code: pins.code }).from(pins).all().map((p) => [p.id, decryptText(p.code, keys)]));
}, 30_000);

const at = (path: string) => `http://localhost${path}`;
const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const auditOf = (action: string) => getDb().select().from(auditLog).where(eq(auditLog.action, action)).all();
const activePin = (kitId: number) => company.pins.find((p) => p.kitId === kitId && p.status === "active")!;

describe("GET /api/kits/{id}/request-letter — the letter to the 1C Licensing Center (DOMAIN §1.2)", () => {
  test("Russian by default: registration number, organisation as registered, the active PIN in exchange, the default reason; audited without the code", async () => {
    const kit = director();
    const res = await letterRoute(new Request(at(`/api/kits/${kit.id}/request-letter`), { headers: tokenHeaders("admin") }), params(kit.id));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const text = await res.text();
    expect(text).toMatch(/^Тема: Запрос дополнительного ПИН-кода\n/);
    expect(text).toContain(`Регистрационный номер продукта: ${kit.regNumber}`);
    expect(text).toContain("Организация: ООО «Северный ветер»");
    expect(text).toContain(`взамен которого просим выдать новый: ${formatPin(activePin(kit.id).code)}`);
    expect(text).toContain("Причина: Резервные ПИН-коды комплекта израсходованы");
    expect(text).toContain("Контактное лицо: Ковалёва Ирина Петровна");
    expect(text).toContain("Электронная почта: it@severny-veter.example");
    const entry = auditOf("kit.request-letter").at(-1)!;
    expect(entry.entityId).toBe(String(kit.id));
    expect(`${entry.after}`).not.toContain(activePin(kit.id).code);
  });

  test("English on request with the reason given; ?download=1 as a file", async () => {
    const kit = chief();
    const res = await letterRoute(new Request(at(`/api/kits/${kit.id}/request-letter?lang=en&reason=${encodeURIComponent("Server moved to new hardware")}&download=1`), { headers: await sessionHeaders("admin") }), params(kit.id));
    const text = await res.text();
    expect(text).toMatch(/^Subject: Request for an additional PIN code\n/);
    expect(text).toContain("Reason: Server moved to new hardware");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="additional-pin-request-kit-\d+-en\.txt"/);
  });

  test("a kit without an owner: the organisation line is left blank to fill in", async () => {
    const db = getDb();
    const stock = kitByNotes("new branch");
    db.update(kits).set({ ownerId: null }).where(eq(kits.id, stock.id)).run();
    try {
      const text = await (await letterRoute(new Request(at(`/api/kits/${stock.id}/request-letter`), { headers: tokenHeaders("admin") }), params(stock.id))).text();
      expect(text).toContain("Организация: \n");
      // Not activated yet: no PIN to offer in exchange, a blank line too.
      expect(text).toContain("взамен которого просим выдать новый: \n");
    } finally {
      db.update(kits).set({ ownerId: 1 }).where(eq(kits.id, stock.id)).run();
    }
  });

  test("finance may not (403), a bad lang is a 400, an unknown kit a 404", async () => {
    const kit = director();
    expect((await letterRoute(new Request(at(`/api/kits/${kit.id}/request-letter`), { headers: await sessionHeaders("finance") }), params(kit.id))).status).toBe(403);
    const bad = await letterRoute(new Request(at(`/api/kits/${kit.id}/request-letter?lang=de`), { headers: tokenHeaders("admin") }), params(kit.id));
    expect(bad.status).toBe(400);
    expect(ErrorSchema.parse(await bad.json()).error.issues?.[0].path).toBe("lang");
    expect((await letterRoute(new Request(at("/api/kits/999999/request-letter"), { headers: tokenHeaders("admin") }), params(999999))).status).toBe(404);
  });
});

describe("POST /api/kits/{id}/ring-command — the command to run (DOMAIN §5.2)", () => {
  const Command = z.object({ linux: z.object({ command: z.string(), unmapped: z.array(z.string()), missing: z.array(z.string()) }), windows: z.object({ command: z.string() }) });

  test("a recovery: --serial, --pin and --previous-pin in clear, the owner data verbatim, the folder, statistics off; audited without codes", async () => {
    const kit = chief();
    const [main, backup1, backup2] = company.pins.filter((p) => p.kitId === kit.id);
    const res = await commandRoute(
      new Request(at(`/api/kits/${kit.id}/ring-command`), { method: "POST", headers: { ...tokenHeaders("admin"), "content-type": "application/json" }, body: JSON.stringify({ pinId: backup2.id, previousPinId: backup1.id, licFolder: "C:\\ProgramData\\1C\\licenses" }) }),
      params(kit.id),
    );
    expect(res.status).toBe(200);
    const body = Command.parse(await res.json());
    const linux = body.linux.command;
    expect(linux).toMatch(/^ring license activate/);
    expect(linux).toContain(`--serial ${kit.regNumber}`);
    expect(linux).toContain(`--pin ${backup2.code}`);
    expect(linux).toContain(`--previous-pin ${backup1.code}`);
    expect(linux).toContain("--company 'ООО «Северный ветер»'");
    expect(linux).toContain("--last-name 'Ковалёва'");
    expect(linux).toContain("--send-statistics false");
    expect(body.linux.unmapped).toContain("ИНН");
    expect(body.windows.command).toContain('--path "C:\\ProgramData\\1C\\licenses"');
    expect(linux).not.toContain(main.code);
    const entry = auditOf("kit.ring-command").at(-1)!;
    expect(`${entry.after}`).not.toContain(backup2.code);
  });

  test("a PIN of another kit is a 400 naming pinId; finance may not (403)", async () => {
    const kit = chief();
    const other = activePin(director().id);
    const res = await commandRoute(new Request(at(`/api/kits/${kit.id}/ring-command`), { method: "POST", headers: { ...tokenHeaders("admin"), "content-type": "application/json" }, body: JSON.stringify({ pinId: other.id }) }), params(kit.id));
    expect(res.status).toBe(400);
    expect(ErrorSchema.parse(await res.json()).error.issues?.[0].path).toBe("pinId");
    const finance = await commandRoute(new Request(at(`/api/kits/${kit.id}/ring-command`), { method: "POST", headers: { ...(await sessionHeaders("finance")), "content-type": "application/json" }, body: "{}" }), params(kit.id));
    expect(finance.status).toBe(403);
  });
});

describe("the kits-and-PINs CSV", () => {
  const post = (body: string, headers: Record<string, string> = tokenHeaders("admin")) => importRoute(new Request(at("/api/kits/csv"), { method: "POST", headers: { ...headers, "content-type": "text/csv" }, body }));
  const counts = () => ({ kits: getDb().select().from(kits).all().length, pins: getDb().select().from(pins).all().length });

  test("the template downloads and is itself a valid import", async () => {
    const res = await templateRoute(new Request(at("/api/kits/csv/template"), { headers: await sessionHeaders("finance") }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("seatledger-kits-template.csv");
    expect((await res.text()).replace(/^\uFEFF/, "")).toBe(KITS_CSV_TEMPLATE);
  });

  test("one bad row: 400 invalid-csv listing line and column, and nothing imported", async () => {
    const before = counts();
    const header = KITS_CSV_TEMPLATE.split(/\r?\n/)[0];
    const csv = [header, "8109999001,Клиентская лицензия на 1 место,client,PROF,1,software,,,2026-01-10,6900.00,RUB,,,single,main,111-222-333-444-001", "8109999001,Клиентская лицензия на 1 место,client,PROF,1,software,,,2026-01-10,6900.00,RUB,,,single,backup,111-222-333-44X-002"].join("\r\n");
    const res = await post(csv);
    expect(res.status).toBe(400);
    const body = ErrorSchema.parse(await res.json());
    expect(body.error.code).toBe("invalid-csv");
    const errors = (body.error.details as { errors: Array<{ line: number; column: string | null; message: string }> }).errors;
    expect(errors).toEqual([{ line: 3, column: "pinCode", message: expect.any(String), text: { en: expect.any(String), ru: expect.any(String) } }]);
    expect(JSON.stringify(body)).not.toContain("111222333");
    expect(counts()).toEqual(before);
  });

  test("good rows import all at once (201); a registration number already recorded is reported by line and nothing is written", async () => {
    const header = KITS_CSV_TEMPLATE.split(/\r?\n/)[0];
    const row = (reg: string, role: string, code: string) => `${reg},Клиентская лицензия на 1 место,client,PROF,1,software,,ООО «Северный ветер»,2026-01-10,6900.00,RUB,,,single,${role},${code}`;
    const good = [header, row("8109999101", "main", "555-000-000-000-101"), row("8109999101", "backup", "555-000-000-000-102"), row("8109999102", "main", "555-000-000-000-103")].join("\n");
    const before = counts();
    const res = await post(good);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ imported: { kits: 2, pins: 3 } });
    expect(counts()).toEqual({ kits: before.kits + 2, pins: before.pins + 3 });
    expect(getDb().select().from(kits).where(eq(kits.regNumber, "8109999101")).get()?.ownerId).toBe(1);

    const again = [header, row("8109999103", "main", "555-000-000-000-104"), row(company.kits[0].regNumber, "main", "555-000-000-000-105")].join("\n");
    const refused = await post(again);
    expect(refused.status).toBe(400);
    const errors = (ErrorSchema.parse(await refused.json()).error.details as { errors: Array<{ line: number; column: string; message: string; text: { en: string; ru: string } }> }).errors;
    expect(errors).toEqual([{ line: 3, column: "regNumber", message: expect.any(String), text: { en: expect.any(String), ru: expect.any(String) } }]);
    expect(errors[0].text.en).toBe(errors[0].message);
    expect(errors[0].text.ru).toBe("комплект с таким регистрационным номером уже записан (или номер встречается в файле дважды)");
    expect(getDb().select().from(kits).where(eq(kits.regNumber, "8109999103")).get()).toBeUndefined();
    expect(auditOf("kits.import")).toHaveLength(1);
  });

  test("export: masked for finance; in clear for an administrator who asks (audited); finance asking for clear PINs is refused", async () => {
    const masked = await (await exportRoute(new Request(at("/api/kits/csv"), { headers: await sessionHeaders("finance") }))).text();
    for (const code of codes.values()) expect(masked).not.toContain(formatPin(code));
    expect(masked).toContain("***-***-***-***-");
    expect((await exportRoute(new Request(at("/api/kits/csv?pins=clear"), { headers: await sessionHeaders("finance") }))).status).toBe(403);
    const clear = await (await exportRoute(new Request(at("/api/kits/csv?pins=clear"), { headers: tokenHeaders("admin") }))).text();
    expect(clear).toContain(formatPin(activePin(director().id).code));
    expect(auditOf("kits.export")).toHaveLength(1);
    // What was exported imports as the same kits (round trip through the template's columns).
    expect(clear.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe(KITS_CSV_TEMPLATE.split(/\r?\n/)[0]);
  });
});

describe("POST /api/kits/ring — ring license list checked against the ledger (DOMAIN §5.2)", () => {
  const Rows = z.object({ licenses: z.array(z.object({ status: z.string(), kitId: z.number().nullable(), pinId: z.number().nullable(), masked: z.string(), suggestion: z.unknown() })) });

  test("an installed active PIN is ok; an unused one in the ledger is flagged with 'record this activation'; an unknown PIN and kit are named; no clear PIN comes back", async () => {
    const kit = kitByNotes("new branch");
    const unused = company.pins.find((p) => p.kitId === kit.id && p.set === "single" && p.role === "main")!;
    const active = activePin(director().id);
    const text = [`${active.code}-${director().regNumber} (имя файла: "20240101100000.lic")`, `${unused.code}-${kit.regNumber}`, `999999999999999-${kit.regNumber}`, `888888888888888-8100000001`].join("\r\n");
    const res = await ringRoute(new Request(at("/api/kits/ring"), { method: "POST", headers: { ...(await sessionHeaders("finance")), "content-type": "text/plain" }, body: text }));
    expect(res.status).toBe(200);
    const raw = await res.text();
    for (const code of [active.code, unused.code, "999999999999999"]) expect(raw).not.toContain(code);
    const { licenses } = Rows.parse(JSON.parse(raw));
    expect(licenses.map((l) => l.status)).toEqual(["ok", "not-activated-in-ledger", "unknown-pin", "unknown-kit"]);
    expect(licenses[1].suggestion).toMatchObject({ action: "record-activation", kitId: kit.id, pinId: unused.id, operation: "first" });
  });

  test("text with no license line is a 400 no-licenses; an empty body a 400 empty-body", async () => {
    const send = (body: string) => ringRoute(new Request(at("/api/kits/ring"), { method: "POST", headers: tokenHeaders("admin"), body }));
    expect(ErrorSchema.parse(await (await send("hello")).json()).error.code).toBe("no-licenses");
    expect(ErrorSchema.parse(await (await send("")).json()).error.code).toBe("empty-body");
  });
});
