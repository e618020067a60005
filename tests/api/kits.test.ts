import "@/tests/helpers/setup-env";

import fs from "node:fs";

import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { z } from "zod";

import { POST as postActivation } from "@/app/api/kits/[id]/activations/route";
import { POST as postPin } from "@/app/api/kits/[id]/pins/route";
import { DELETE as deleteKitRoute, GET as getKitRoute, PATCH as patchKitRoute } from "@/app/api/kits/[id]/route";
import { GET as listKitsRoute, POST as postKit } from "@/app/api/kits/route";
import { POST as postComputer } from "@/app/api/computers/route";
import { POST as postOwner } from "@/app/api/owners/route";
import { getDb } from "@/db/client";
import { activations, auditLog, kits, pins } from "@/db/schema";
import { ActivationCreatedResponseSchema, KitDetailResponseSchema, KitListResponseSchema, KitWireSchema, MaskedPinWireSchema, OwnerWireSchema } from "@/lib/inventory/api";
import { ErrorSchema } from "@/tests/helpers/api";
import { sessionHeaders, tokenHeaders } from "@/tests/helpers/auth";
import { tempDatabasePath } from "@/tests/helpers/setup-env";

/**
 * Issue #9 "API": kits with their envelope's PINs, the PIN ledger's activations and refusals (DOMAIN §1.2–1.3),
 * additional PINs, patch and delete — called as a script would, with an `admin` token.
 */

type Json = Record<string, unknown>;
const admin = () => tokenHeaders("admin");
const json = (method: string, body: unknown, headers: Record<string, string> = admin()) =>
  ({ method, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }) satisfies RequestInit;
const at = (path: string) => `http://localhost${path}`;
const params = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });

const createKit = (body: Json, headers?: Record<string, string>) => postKit(new Request(at("/api/kits"), json("POST", body, headers)));
const activate = (kitId: number, body: Json, headers?: Record<string, string>) => postActivation(new Request(at(`/api/kits/${kitId}/activations`), json("POST", body, headers)), params(kitId));
const kitDetail = async (kitId: number) => KitDetailResponseSchema.parse(await (await getKitRoute(new Request(at(`/api/kits/${kitId}`), { headers: admin() }), params(kitId))).json());

let seq = 0;
/** A fresh, valid, never-used 15-digit PIN (printed with dashes, as on the envelope). */
function pin(): string {
  seq += 1;
  const digits = `7${String(seq).padStart(5, "0")}${String(seq * 7919).padStart(9, "0")}`.slice(0, 15);
  return digits.match(/\d{3}/g)!.join("-");
}
let regSeq = 0;
const regNumber = () => `81${String(1_000_000 + ++regSeq).padStart(8, "0")}`;

async function created<T>(response: Response, schema: z.ZodType<T>, key: string): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(201);
  return schema.parse((JSON.parse(text) as Record<string, unknown>)[key]);
}
async function refused(response: Response, status: number, code: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  const body = ErrorSchema.parse(JSON.parse(text));
  expect(body.error.code).toBe(code);
  return body.error;
}

async function computer(name: string, role = "workstation") {
  const res = await postComputer(new Request(at("/api/computers"), json("POST", { name, role })));
  return (await created(res, z.object({ id: z.number() }), "computer")).id;
}

async function oneSeatKit(codes = [pin(), pin(), pin()]) {
  const kit = await created(
    await createKit({
      regNumber: regNumber(),
      product: "1С:Предприятие 8 ПРОФ. Клиентская лицензия на 1 рабочее место",
      kind: "client",
      seats: 1,
      protection: "software",
      purchaseDate: "2026-01-15",
      priceMinor: 690_000,
      pins: [
        { code: codes[0], set: "single", role: "main" },
        { code: codes[1], set: "single", role: "backup" },
        { code: codes[2], set: "single", role: "backup" },
      ],
    }),
    KitWireSchema,
    "kit",
  );
  const [main, backup1, backup2] = kit.pins.map((p) => p.id);
  return { kit, main, backup1, backup2, codes };
}

const auditOf = (action: string) => getDb().select().from(auditLog).where(eq(auditLog.action, action)).all();
const countRows = () => ({ kits: getDb().select().from(kits).all().length, pins: getDb().select().from(pins).all().length, activations: getDb().select().from(activations).all().length });

describe("POST /api/kits — a kit and its envelope (DOMAIN §1.1–1.2)", () => {
  test("201 {kit}: the shape of a kit in GET /api/pins, PINs masked in the order they were sent, audited without codes", async () => {
    const { kit, codes } = await oneSeatKit();
    expect(kit.pins.map((p) => [p.set, p.role, p.status])).toEqual([
      ["single", "main", "unused"],
      ["single", "backup", "unused"],
      ["single", "backup", "unused"],
    ]);
    expect(kit.pins.map((p) => p.maskedCode)).toEqual(codes.map((c) => `***-***-***-***-${c.slice(-3)}`));
    const entry = auditOf("kit.create").find((a) => a.entityId === String(kit.id))!;
    expect(entry.after).toContain(kit.regNumber);
    for (const code of codes) expect(`${entry.after}`).not.toContain(code.replace(/-/g, "").slice(0, 12));
    const bytes = fs.readFileSync(tempDatabasePath);
    for (const code of codes) expect(bytes.includes(Buffer.from(code.replace(/-/g, "")))).toBe(false);
  });

  test("a combined 10-seat kit takes both sets; a 50-seat kit the multi-user set only; a hardware kit none; a server license its PINs in the single set with 0 seats", async () => {
    const combined = await createKit({ regNumber: regNumber(), product: "10", kind: "client", seats: 10, protection: "software", pins: [{ code: pin(), set: "single", role: "main" }, { code: pin(), set: "multi", role: "main" }] });
    expect(combined.status).toBe(201);
    const fifty = await createKit({ regNumber: regNumber(), product: "50", kind: "client", seats: 50, protection: "software", pins: [{ code: pin(), set: "single", role: "main" }] });
    const error = await refused(fifty, 400, "invalid-input");
    expect(error.issues?.map((i) => i.path)).toEqual(["pins.0.set"]);
    const key = await createKit({ regNumber: regNumber(), product: "USB", kind: "client", seats: 20, protection: "hardware" });
    expect((await created(key, KitWireSchema, "kit")).pins).toEqual([]);
    const server = await createKit({ regNumber: `50000${String(++regSeq).padStart(7, "0")}`, product: "Server x86-64", kind: "server", seats: 0, protection: "software", serverBitness: "64", pins: [{ code: pin(), set: "single", role: "main" }] });
    expect((await created(server, KitWireSchema, "kit")).serverBitness).toBe("64");
  });

  test.each([
    ["a registration number of 8 digits", { regNumber: "81001234" }, "regNumber"],
    ["a PIN of 14 digits", { pins: [{ code: "123-456-789-012-34", set: "single", role: "main" }] }, "pins.0.code"],
    ["a PIN with a letter O for a zero", { pins: [{ code: "123-456-789-O12-345", set: "single", role: "main" }] }, "pins.0.code"],
    ["a multi-user PIN on a 1-seat kit", { pins: [{ code: "111-222-333-444-555", set: "multi", role: "main" }] }, "pins.0.set"],
    ["the same PIN twice in one envelope", { pins: [{ code: "111-222-333-444-556", set: "single", role: "main" }, { code: "111222333444556", set: "single", role: "backup" }] }, "pins.1.code"],
    ["a client kit of 0 seats", { seats: 0 }, "seats"],
    ["a server license with seats", { kind: "server", seats: 5 }, "seats"],
    ["a bitness on a client kit", { serverBitness: "64" }, "serverBitness"],
    ["an unknown kind", { kind: "subscription" }, "kind"],
    ["a purchase date that is not a date", { purchaseDate: "2026-02-30" }, "purchaseDate"],
    ["a negative price", { priceMinor: -1 }, "priceMinor"],
    ["PINs on a hardware-key kit", { protection: "hardware", pins: [{ code: "111-222-333-444-557", set: "single", role: "main" }] }, "pins"],
  ])("400 naming the field, nothing written: %s", async (_name, patch, field) => {
    const before = countRows();
    const res = await createKit({ regNumber: regNumber(), product: "P", kind: "client", seats: 1, protection: "software", ...patch });
    const error = await refused(res, 400, "invalid-input");
    expect(error.issues?.map((i) => i.path)).toContain(field);
    expect(error.message).not.toMatch(/\d{12}/);
    expect(countRows()).toEqual(before);
  });

  test("409 reg-number-taken and pin-taken, nothing written", async () => {
    const { kit, codes } = await oneSeatKit();
    const before = countRows();
    await refused(await createKit({ regNumber: kit.regNumber, product: "again", kind: "client", seats: 1, protection: "software" }), 409, "reg-number-taken");
    const taken = await refused(await createKit({ regNumber: regNumber(), product: "copy", kind: "client", seats: 1, protection: "software", pins: [{ code: pin(), set: "single", role: "main" }, { code: codes[1], set: "single", role: "backup" }] }), 409, "pin-taken");
    expect(taken.message).toMatch(/^pins\.1\.code: /);
    expect(taken.message).not.toContain(codes[1].replace(/-/g, ""));
    expect(countRows()).toEqual(before);
  });

  test("finance reads kits but cannot create one (403); an owner picked by id is shown by name", async () => {
    await refused(await createKit({ regNumber: regNumber(), product: "P", kind: "client", seats: 1, protection: "software" }, await sessionHeaders("finance")), 403, "forbidden");
    const owner = await created(await postOwner(new Request(at("/api/owners"), json("POST", { name: "ООО «Ромашка»", registrationData: [{ field: "Организация", value: "ООО «Ромашка»" }, { field: "ИНН", value: "7700000000" }] }))), OwnerWireSchema, "owner");
    expect(owner.fields).toEqual([
      { field: "Организация", value: "О•••" },
      { field: "ИНН", value: "7•••" },
    ]);
    const kit = await created(await createKit({ regNumber: regNumber(), product: "P", kind: "client", seats: 1, protection: "software", ownerId: owner.id }), KitWireSchema, "kit");
    expect(kit.ownerName).toBe("ООО «Ромашка»");
    await refused(await createKit({ regNumber: regNumber(), product: "P", kind: "client", seats: 1, protection: "software", ownerId: 99999 }), 400, "invalid-input");
  });
});

describe("the 1-seat kit's whole life (DOMAIN §1.2–1.3)", () => {
  test("first → recovery on changed hardware → … → no backup left → additional PIN → recovery", async () => {
    const { kit, main, backup1, backup2 } = await oneSeatKit();
    const ws = await computer(`buh-life-${kit.id}`);

    const first = await activate(kit.id, { pinId: main, operation: "first", computerId: ws, at: "2026-02-01T10:00:00+03:00", licFileName: "20260201100000.lic", licFolder: "C:\\ProgramData\\1C\\licenses" });
    const firstBody = ActivationCreatedResponseSchema.parse(await first.json());
    expect(first.status).toBe(201);
    expect(firstBody.activation).toMatchObject({ pinId: main, operation: "first", previousPinId: null, computerId: ws, computerName: `buh-life-${kit.id}`, method: "automatic", visibility: "all-users", licFileName: "20260201100000.lic" });
    expect(firstBody.summary).toEqual({ usableSet: "single", total: 3, active: 1, spent: 0, backupsLeft: 2, health: "ok" });

    // A second "first" activation of a 1-seat kit: the kit is fully activated (rule a).
    await refused(await activate(kit.id, { pinId: backup1, operation: "first", computerId: ws, at: "2026-02-02T10:00:00+03:00" }), 422, "kit-fully-activated");

    // Motherboard replaced: the same PIN is refused, the form must name a backup and the previous PIN.
    await refused(await activate(kit.id, { pinId: main, operation: "recovery", hardwareChanged: true, computerId: ws, at: "2026-03-01T10:00:00+03:00" }), 422, "pin-reuse-after-hardware-change");
    const needsPrevious = await refused(await activate(kit.id, { pinId: backup1, operation: "recovery", hardwareChanged: true, computerId: ws, at: "2026-03-01T10:00:00+03:00" }), 422, "previous-pin-required");
    expect(needsPrevious.details).toMatchObject({ code: "previous-pin-required", rule: "DOMAIN §1.3", message: { en: expect.any(String), ru: expect.any(String) }, remedy: { en: expect.any(String), ru: expect.any(String) } });
    const recovered = ActivationCreatedResponseSchema.parse(await (await activate(kit.id, { pinId: backup1, operation: "recovery", hardwareChanged: true, previousPinId: main, computerId: ws, at: "2026-03-01T10:00:00+03:00", reason: "Motherboard replaced" })).json());
    expect(recovered.activation).toMatchObject({ operation: "recovery", previousPinId: main, reason: "Motherboard replaced" });
    expect(recovered.summary).toMatchObject({ active: 1, spent: 1, backupsLeft: 1, health: "low" });
    expect(recovered.warnings.map((w) => w.code)).toContain("backup-runway");

    // Unchanged hardware (file lost): the same PIN again, nothing spent.
    const reused = ActivationCreatedResponseSchema.parse(await (await activate(kit.id, { pinId: backup1, operation: "recovery", hardwareChanged: false, computerId: ws, at: "2026-04-01T10:00:00+03:00" })).json());
    expect(reused.summary).toMatchObject({ spent: 1, backupsLeft: 1 });

    const last = ActivationCreatedResponseSchema.parse(await (await activate(kit.id, { pinId: backup2, operation: "recovery", hardwareChanged: true, previousPinId: backup1, computerId: ws, at: "2026-05-01T10:00:00+03:00" })).json());
    expect(last.summary).toMatchObject({ spent: 2, backupsLeft: 0, health: "exhausted" });

    const none = await refused(await activate(kit.id, { pinId: backup2, operation: "recovery", hardwareChanged: true, previousPinId: backup2, computerId: ws, at: "2026-06-01T10:00:00+03:00" }), 422, "no-backup-pin");
    expect((none.details as { remedy: { ru: string } }).remedy.ru).toContain("Центр");

    const addPin = await postPin(new Request(at(`/api/kits/${kit.id}/pins`), json("POST", { code: pin(), set: "single", role: "additional", receivedAt: "2026-06-03" })), params(kit.id));
    const extra = await created(addPin, MaskedPinWireSchema, "pin");
    expect(extra).toMatchObject({ role: "additional", source: "licensing-center", status: "unused", receivedAt: "2026-06-03" });
    const final = ActivationCreatedResponseSchema.parse(await (await activate(kit.id, { pinId: extra.id, operation: "recovery", hardwareChanged: true, previousPinId: backup2, computerId: ws, at: "2026-06-05T10:00:00+03:00" })).json());
    expect(final.summary).toMatchObject({ total: 4, active: 1, spent: 3, backupsLeft: 0, health: "exhausted" });

    const detail = await kitDetail(kit.id);
    expect(detail.activations.map((a) => [a.operation, a.pinId, a.previousPinId])).toEqual([
      ["first", main, null],
      ["recovery", backup1, main],
      ["recovery", backup1, null],
      ["recovery", backup2, backup1],
      ["recovery", extra.id, backup2],
    ]);
    expect(detail.summary).toEqual(final.summary);
    expect(detail.runway).toMatchObject({ backupsLeft: 0, exhausted: true });
    expect(detail.runway!.method.ru.length).toBeGreaterThan(10);
    expect(auditOf("activation.create").filter((a) => (JSON.parse(a.after!) as { kitId: number }).kitId === kit.id)).toHaveLength(5);
  });

  test("a refused step writes nothing and answers the rule's message and remedy in both languages", async () => {
    const { kit, main } = await oneSeatKit();
    const before = countRows();
    const error = await refused(await activate(kit.id, { pinId: main, operation: "recovery", hardwareChanged: false, computerId: await computer(`ws-refused-${kit.id}`) }), 422, "pin-not-activated");
    expect(error.details).toMatchObject({ rule: "DOMAIN §1.3", confidence: "H" });
    expect(countRows()).toEqual({ ...before, activations: before.activations });
  });

  test("a combined kit's first activation locks its mode (kit-mode-locked); a multi-user PIN needs a server (multi-user-needs-server)", async () => {
    const res = await createKit({ regNumber: regNumber(), product: "5", kind: "client", seats: 5, protection: "software", pins: [{ code: pin(), set: "single", role: "main" }, { code: pin(), set: "single", role: "main" }, { code: pin(), set: "multi", role: "main" }] });
    const kit = await created(res, KitWireSchema, "kit");
    const [s1, s2, m1] = kit.pins.map((p) => p.id);
    const ws = await computer(`ws-mode-${kit.id}`);
    const srv = await computer(`srv-mode-${kit.id}`, "1c-server");
    await refused(await activate(kit.id, { pinId: m1, operation: "first", computerId: ws }), 422, "multi-user-needs-server");
    expect((await activate(kit.id, { pinId: s1, operation: "first", computerId: ws })).status).toBe(201);
    await refused(await activate(kit.id, { pinId: m1, operation: "first", computerId: srv }), 422, "kit-mode-locked");
    expect((await kitDetail(kit.id)).kit.usageMode).toBe("single");
    expect((await activate(kit.id, { pinId: s2, operation: "first", computerId: await computer(`ws-mode2-${kit.id}`) })).status).toBe(201);
  });

  test("a mistyped size may be corrected, but never below the single-user licenses already active (DOMAIN §1.3)", async () => {
    const kit = await created(await createKit({ regNumber: regNumber(), product: "5", kind: "client", seats: 5, protection: "software", pins: [{ code: pin(), set: "single", role: "main" }, { code: pin(), set: "single", role: "main" }] }), KitWireSchema, "kit");
    for (const p of kit.pins) expect((await activate(kit.id, { pinId: p.id, operation: "first", computerId: await computer(`ws-size-${p.id}`) })).status).toBe(201);
    const patch = (seats: number) => patchKitRoute(new Request(at(`/api/kits/${kit.id}`), json("PATCH", { seats })), params(kit.id));
    const tooSmall = await refused(await patch(1), 400, "invalid-input");
    expect(tooSmall.issues).toEqual([{ path: "seats", message: expect.stringContaining("2 single-user licenses are active") }]);
    expect((await patch(2)).status).toBe(200);
  });

  test("the race: ten parallel first activations of one PIN → exactly one 201, the others the rule's refusal", async () => {
    const { kit, main } = await oneSeatKit();
    const ws = await computer(`ws-race-${kit.id}`);
    const answers = await Promise.all(Array.from({ length: 10 }, () => activate(kit.id, { pinId: main, operation: "first", computerId: ws })));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(9);
    const codes = await Promise.all(answers.filter((r) => r.status === 422).map(async (r) => ErrorSchema.parse(await r.json()).error.code));
    expect(new Set(codes)).toEqual(new Set(["pin-already-activated"]));
    expect(getDb().select().from(activations).where(eq(activations.pinId, main)).all()).toHaveLength(1);
  });

  test.each([
    ["an unknown computer", { computerId: 999999 }, 400, "invalid-input"],
    ["an operation that does not exist", { operation: "reinstall" }, 400, "invalid-input"],
    ["a time without a zone", { at: "2026-02-01T10:00:00" }, 400, "invalid-input"],
    ["a time in the future", { at: "2099-01-01T00:00:00Z" }, 400, "invalid-input"],
    ["a .lic name that is not a timestamp", { licFileName: "license.lic" }, 400, "invalid-input"],
    ["a PIN of another kit", { pinId: 999999 }, 422, "pin-not-in-kit"],
  ])("%s → %i %s, nothing written", async (_name, patch, status, code) => {
    const { kit, main } = await oneSeatKit();
    const ws = await computer(`ws-bad-${kit.id}`);
    const before = countRows();
    await refused(await activate(kit.id, { pinId: main, operation: "first", computerId: ws, ...patch }), status, code);
    expect(countRows()).toEqual(before);
  });

  test("an unknown kit is a 404", async () => {
    await refused(await activate(999999, { pinId: 1, operation: "first", computerId: 1 }), 404, "not-found");
    await refused(await getKitRoute(new Request(at("/api/kits/999999"), { headers: admin() }), params(999999)), 404, "not-found");
  });
});

describe("PATCH and DELETE /api/kits/{id}, GET /api/kits", () => {
  test("purchase data changes and is audited before/after; kind and mode are fixed once activated (409 kit-has-activations)", async () => {
    const { kit, main } = await oneSeatKit();
    const patch = (body: Json) => patchKitRoute(new Request(at(`/api/kits/${kit.id}`), json("PATCH", body)), params(kit.id));
    const res = await patch({ supplier: "ООО «Софт»", priceMinor: 700_000 });
    expect(res.status).toBe(200);
    expect(KitWireSchema.parse(((await res.json()) as Json).kit)).toMatchObject({ supplier: "ООО «Софт»", priceMinor: 700_000 });
    const entry = auditOf("kit.update").at(-1)!;
    expect(JSON.parse(entry.before!)).toEqual({ supplier: null, priceMinor: 690_000 });
    await refused(await patch({ unknownField: 1 }), 400, "invalid-input");
    await activate(kit.id, { pinId: main, operation: "first", computerId: await computer(`ws-patch-${kit.id}`) });
    await refused(await patch({ protection: "hardware" }), 409, "kit-has-activations");
    const shrink = await refused(await patch({ seats: 0 }), 400, "invalid-input");
    expect(shrink.issues?.map((i) => i.path)).toEqual(["seats"]);
  });

  test("a kit with activations cannot be deleted (409 kit-has-activations); one without is, with its PINs (204)", async () => {
    const used = await oneSeatKit();
    await activate(used.kit.id, { pinId: used.main, operation: "first", computerId: await computer(`ws-del-${used.kit.id}`) });
    const del = (id: number) => deleteKitRoute(new Request(at(`/api/kits/${id}`), { method: "DELETE", headers: admin() }), params(id));
    const error = await refused(await del(used.kit.id), 409, "kit-has-activations");
    expect(error.details).toEqual({ activations: 1 });
    const spare = await oneSeatKit();
    expect((await del(spare.kit.id)).status).toBe(204);
    expect(getDb().select().from(pins).where(eq(pins.kitId, spare.kit.id)).all()).toEqual([]);
    expect(auditOf("kit.delete").at(-1)?.entityId).toBe(String(spare.kit.id));
  });

  test("the list filters by text and health, sorts and pages on the server", async () => {
    const { kit } = await oneSeatKit();
    const list = async (query: string) => KitListResponseSchema.parse(await (await listKitsRoute(new Request(at(`/api/kits?${query}`), { headers: await sessionHeaders("finance") }))).json());
    const found = await list(`q=${kit.regNumber}`);
    expect(found.total).toBe(1);
    expect(found.kits[0]).toMatchObject({ id: kit.id, pinCount: 3, summary: { health: "not-activated" } });
    const page = await list("sort=regNumber&dir=desc&size=25&page=1");
    // Digits compare as numbers: a 12-digit registration number after every 10-digit one.
    expect(page.kits.map((k) => k.regNumber)).toEqual([...page.kits.map((k) => k.regNumber)].sort((a, b) => Number(b) - Number(a)));
    expect((await list("health=exhausted")).kits.every((k) => k.summary?.health === "exhausted")).toBe(true);
    await refused(await listKitsRoute(new Request(at("/api/kits?size=7"), { headers: admin() })), 400, "invalid-input");
  });
});
