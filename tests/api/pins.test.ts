import "@/tests/helpers/setup-env";

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";

import { GET } from "@/app/api/pins/route";
import { POST as revealOwnerRoute } from "@/app/api/owners/[id]/reveal/route";
import { POST as revealPinRoute } from "@/app/api/pins/[id]/reveal/route";
import { getDb } from "@/db/client";
import { decryptText } from "@/db/crypto";
import { auditLog, owners, pins } from "@/db/schema";
import { keysOf } from "@/db/secrets";
import { seedDemo } from "@/db/seed";
import { generateDemoCompany } from "@/lib/demo/company";
import { formatPin } from "@/lib/licensing/texts";
import { maskPin, maskText } from "@/lib/security/mask";
import { ErrorSchema } from "@/tests/helpers/api";
import { sessionHeaders, tokenHeaders, userEmail } from "@/tests/helpers/auth";

const ANCHOR = "2026-11-27";
const company = generateDemoCompany({ anchor: ANCHOR });

const ListSchema = z.object({
  kits: z.array(
    z.object({
      id: z.number(),
      regNumber: z.string(),
      ownerId: z.number().nullable(),
      ownerName: z.string().nullable(),
      priceMinor: z.number().nullable(),
      currency: z.string(),
      pins: z.array(z.object({ id: z.number(), set: z.string(), role: z.string(), status: z.string(), maskedCode: z.string().nullable() })),
    }),
  ),
  owners: z.array(z.object({ id: z.number(), name: z.string(), fields: z.array(z.object({ field: z.string(), value: z.string() })).nullable() })),
});
const CodeSchema = z.object({ code: z.string() });
const FieldsSchema = z.object({ fields: z.array(z.object({ field: z.string(), value: z.string() })) });

type Headers = Record<string, string>;

const list = (headers: Headers = {}) => GET(new Request("http://localhost/api/pins", { headers }));
const revealPin = (id: string, headers: Headers = {}) =>
  revealPinRoute(new Request(`http://localhost/api/pins/${id}/reveal`, { method: "POST", headers }), { params: Promise.resolve({ id }) });
const revealOwner = (id: string, headers: Headers = {}) =>
  revealOwnerRoute(new Request(`http://localhost/api/owners/${id}/reveal`, { method: "POST", headers }), { params: Promise.resolve({ id }) });

const auditOf = (action: string) => getDb().select().from(auditLog).where(eq(auditLog.action, action)).all();

/** The demo's clear PINs, read back from the sealed table (the generator's codes must match them). */
let clearPins: Map<number, string>;
let ownerData: Array<{ field: string; value: string }>;

beforeAll(() => {
  const db = getDb();
  seedDemo(db, { anchor: ANCHOR });
  const keys = keysOf(db);
  clearPins = new Map(db.select({ id: pins.id, code: pins.code }).from(pins).all().map((p) => [p.id, decryptText(p.code, keys)]));
  const [owner] = db.select().from(owners).where(eq(owners.id, 1)).all();
  ownerData = JSON.parse(decryptText(owner.registrationData, keys));
}, 30_000);

describe("GET /api/pins — PINs and owner data masked everywhere (issue #5)", () => {
  test("the seeded codes are the demo's", () => {
    expect(clearPins.size).toBe(company.pins.length);
    for (const p of company.pins) expect(clearPins.get(p.id)).toBe(p.code);
  });

  test("as finance: every kit and PIN, no clear PIN anywhere in the JSON text, the masked forms instead", async () => {
    const res = await list(await sessionHeaders("finance"));
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const code of clearPins.values()) {
      expect(text).not.toContain(code);
      expect(text).not.toContain(formatPin(code));
      // Not even the first twelve digits of a grouped PIN.
      expect(text).not.toContain(formatPin(code).slice(0, 15));
    }
    const body = ListSchema.parse(JSON.parse(text));
    expect(body.kits).toHaveLength(company.kits.length);
    const listed = body.kits.flatMap((k) => k.pins);
    expect(listed).toHaveLength(company.pins.length);
    for (const pin of listed) {
      expect(pin.maskedCode).toBe(maskPin(formatPin(clearPins.get(pin.id)!)));
      expect(pin.maskedCode).toMatch(/^\*\*\*-\*\*\*-\*\*\*-\*\*\*-\d{3}$/);
      expect(text).toContain(pin.maskedCode!);
    }
    // Hardware kits have no PINs; their rows are still listed with price and owner.
    const hasp = body.kits.find((k) => k.regNumber === company.kits.find((c) => c.protection === "hardware")!.regNumber)!;
    expect(hasp.pins).toEqual([]);
    expect(hasp.ownerName).toBe(company.owners[0].name);
  });

  test("as finance: owner registration data is masked field by field, no clear value in the JSON", async () => {
    const res = await list(await sessionHeaders("finance"));
    const text = await res.text();
    const body = ListSchema.parse(JSON.parse(text));
    expect(body.owners).toHaveLength(1);
    expect(body.owners[0].fields).toEqual(ownerData.map(({ field, value }) => ({ field, value: maskText(value) })));
    for (const { value } of ownerData) {
      // The organisation's display name is not a secret on its own; every other value must not appear.
      if (value === company.owners[0].name) continue;
      expect(text).not.toContain(value);
    }
  });

  test("a read token lists the same masked data", async () => {
    const res = await list(tokenHeaders("read"));
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const code of clearPins.values()) expect(text).not.toContain(code);
  });

  test("anonymous → 401", async () => {
    const res = await list();
    expect(res.status).toBe(401);
    ErrorSchema.parse(await res.json());
  });
});

describe("POST /api/pins/[id]/reveal — an explicit admin action written to the audit log", () => {
  test("as admin: the right code, not cached, and exactly one pin.reveal entry without the code", async () => {
    const pin = company.pins.find((p) => p.kitId === company.kits.find((k) => k.seats === 5)!.id)!;
    const kit = company.kits.find((k) => k.id === pin.kitId)!;
    const before = auditOf("pin.reveal").length;

    const res = await revealPin(String(pin.id), await sessionHeaders("admin"));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(CodeSchema.parse(await res.json()).code).toBe(pin.code);

    const entries = auditOf("pin.reveal");
    expect(entries).toHaveLength(before + 1);
    const entry = entries.at(-1)!;
    expect(entry).toMatchObject({ actor: userEmail("admin"), entity: "pin", entityId: String(pin.id) });
    expect(JSON.parse(entry.after!)).toEqual({ regNumber: kit.regNumber, set: pin.set, role: pin.role });
    const stored = JSON.stringify(entry);
    expect(stored).not.toContain(pin.code);
    expect(stored).not.toContain(formatPin(pin.code));
  });

  test("an admin token may reveal too, and is named in the entry", async () => {
    const res = await revealPin("1", tokenHeaders("admin"));
    expect(res.status).toBe(200);
    expect(CodeSchema.parse(await res.json()).code).toBe(clearPins.get(1));
    expect(auditOf("pin.reveal").at(-1)).toMatchObject({ actor: expect.stringMatching(/^token #\d+ test admin$/), entityId: "1" });
  });

  test.each([
    ["finance", () => sessionHeaders("finance")],
    ["a read token", async () => tokenHeaders("read")],
  ])("as %s → 403, no code, no pin.reveal entry", async (_who, headers) => {
    const before = auditOf("pin.reveal").length;
    const res = await revealPin("1", await headers());
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(text).not.toContain(clearPins.get(1)!);
    expect(ErrorSchema.parse(JSON.parse(text)).error.code).toBe("forbidden");
    expect(auditOf("pin.reveal")).toHaveLength(before);
  });

  test("anonymous → 401, no entry", async () => {
    const before = auditOf("pin.reveal").length;
    const res = await revealPin("1");
    expect(res.status).toBe(401);
    ErrorSchema.parse(await res.json());
    expect(auditOf("pin.reveal")).toHaveLength(before);
  });

  test("an unknown id → 404, no entry", async () => {
    const before = auditOf("pin.reveal").length;
    const res = await revealPin("999999", await sessionHeaders("admin"));
    expect(res.status).toBe(404);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("not-found");
    expect(auditOf("pin.reveal")).toHaveLength(before);
  });

  test.each(["abc", "0", "-1", "1.5", "01", "1e3", "9999999999999999"])("id %j → 400 naming the field", async (id) => {
    const res = await revealPin(id, await sessionHeaders("admin"));
    expect(res.status).toBe(400);
    const body = ErrorSchema.parse(await res.json());
    expect(body.error.issues?.map((i) => i.path)).toEqual(["id"]);
    expect(body.error.message).toMatch(/^id: must be a positive whole number/);
  });
});

describe("POST /api/owners/[id]/reveal — owner registration data, character for character (DOMAIN §1.1)", () => {
  test("as admin: every field in form order, exactly as typed, and one owner.reveal entry without the data", async () => {
    const before = auditOf("owner.reveal").length;
    const res = await revealOwner("1", await sessionHeaders("admin"));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(FieldsSchema.parse(await res.json()).fields).toEqual(JSON.parse(company.owners[0].registrationData));

    const entries = auditOf("owner.reveal");
    expect(entries).toHaveLength(before + 1);
    const entry = entries.at(-1)!;
    expect(entry).toMatchObject({ actor: userEmail("admin"), entity: "owner", entityId: "1" });
    const stored = JSON.stringify(entry);
    for (const { value } of ownerData) expect(stored).not.toContain(value);
  });

  test("as finance → 403 and no owner.reveal entry", async () => {
    const before = auditOf("owner.reveal").length;
    const res = await revealOwner("1", await sessionHeaders("finance"));
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(text).not.toContain("7714021937");
    expect(auditOf("owner.reveal")).toHaveLength(before);
  });

  test("anonymous → 401", async () => {
    expect((await revealOwner("1")).status).toBe(401);
  });

  test("an unknown id → 404", async () => {
    const res = await revealOwner("42", await sessionHeaders("admin"));
    expect(res.status).toBe(404);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("not-found");
  });

  test("a bad id → 400 naming the field", async () => {
    const res = await revealOwner("owner-1", await sessionHeaders("admin"));
    expect(res.status).toBe(400);
    expect(ErrorSchema.parse(await res.json()).error.issues?.map((i) => i.path)).toEqual(["id"]);
  });
});
