import { tempDatabasePath } from "@/tests/helpers/setup-env";

import fs from "node:fs";

import { and, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";

import { DELETE as computerDelete, GET as computerGet, PATCH as computerPatch } from "@/app/api/computers/[id]/route";
import { POST as fingerprintPost } from "@/app/api/computers/[id]/fingerprints/route";
import { GET as computersGet, POST as computersPost } from "@/app/api/computers/route";
import { DELETE as infobaseDelete, GET as infobaseGet, PATCH as infobasePatch } from "@/app/api/infobases/[id]/route";
import { GET as infobasesGet, POST as infobasesPost } from "@/app/api/infobases/route";
import { DELETE as keyDelete, GET as keyGet, PATCH as keyPatch } from "@/app/api/keys/[id]/route";
import { GET as keysGet, POST as keysPost } from "@/app/api/keys/route";
import { GET as ownersGet, POST as ownersPost } from "@/app/api/owners/route";
import { DELETE as serverDelete, GET as serverGet, PATCH as serverPatch } from "@/app/api/servers/[id]/route";
import { GET as serversGet, POST as serversPost } from "@/app/api/servers/route";
import { getDb } from "@/db/client";
import { decryptText } from "@/db/crypto";
import { activations, auditLog, computers, fingerprints, hardwareKeys, infobases, kits, owners, pins, servers } from "@/db/schema";
import { keysOf } from "@/db/secrets";
import { seedDemo } from "@/db/seed";
import type { DemoCompany } from "@/lib/demo/company";
import {
  ComputerDetailResponseSchema,
  ComputerListResponseSchema,
  ComputerWireSchema,
  FingerprintWireSchema,
  InfobaseListResponseSchema,
  InfobaseWireSchema,
  KeyListResponseSchema,
  KeyWireSchema,
  OwnerWireSchema,
  ServerListResponseSchema,
  ServerWireSchema,
} from "@/lib/inventory/api";
import { TEXT_MASK } from "@/lib/security/mask";
import { ErrorSchema } from "@/tests/helpers/api";
import { sessionHeaders, tokenHeaders, userEmail } from "@/tests/helpers/auth";

/**
 * Issue #9: the inventory records' API — owners, computers (+ fingerprints), HASP keys (DOMAIN §2), 1C
 * servers and infobases (§4). Handlers are called directly against this file's fresh temp database, seeded
 * with the demo company (db/seed.ts), with real session cookies and tokens.
 */

type Headers = Record<string, string>;
type CollectionHandler = (request: Request) => Promise<Response>;
type ItemHandler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

const BASE = "http://localhost";
const JSON_TYPE = { "content-type": "application/json" };
/** A body sent as it is (not JSON-encoded): for bodies that are not JSON. */
class Raw {
  constructor(readonly text: string) {}
}
const bodyOf = (body: unknown) => (body instanceof Raw ? body.text : JSON.stringify(body));

function collection(path: string, GET: CollectionHandler, POST: CollectionHandler) {
  return {
    list: (headers: Headers, query = "") => GET(new Request(`${BASE}${path}${query}`, { headers })),
    create: (headers: Headers, body: unknown) => POST(new Request(`${BASE}${path}`, { method: "POST", headers: { ...headers, ...JSON_TYPE }, body: bodyOf(body) })),
  };
}

function item(path: string, GET: ItemHandler, PATCH: ItemHandler, DELETE: ItemHandler) {
  const ctx = (id: string | number) => ({ params: Promise.resolve({ id: String(id) }) });
  const url = (id: string | number) => `${BASE}${path}/${encodeURIComponent(String(id))}`;
  return {
    read: (headers: Headers, id: string | number) => GET(new Request(url(id), { headers }), ctx(id)),
    patch: (headers: Headers, id: string | number, body: unknown) => PATCH(new Request(url(id), { method: "PATCH", headers: { ...headers, ...JSON_TYPE }, body: bodyOf(body) }), ctx(id)),
    remove: (headers: Headers, id: string | number) => DELETE(new Request(url(id), { method: "DELETE", headers }), ctx(id)),
  };
}

const ownersApi = collection("/api/owners", ownersGet, ownersPost);
const computersApi = { ...collection("/api/computers", computersGet, computersPost), ...item("/api/computers", computerGet, computerPatch, computerDelete) };
const keysApi = { ...collection("/api/keys", keysGet, keysPost), ...item("/api/keys", keyGet, keyPatch, keyDelete) };
const serversApi = { ...collection("/api/servers", serversGet, serversPost), ...item("/api/servers", serverGet, serverPatch, serverDelete) };
const infobasesApi = { ...collection("/api/infobases", infobasesGet, infobasesPost), ...item("/api/infobases", infobaseGet, infobasePatch, infobaseDelete) };
const addFingerprint = (headers: Headers, id: string | number, body: unknown) =>
  fingerprintPost(
    new Request(`${BASE}/api/computers/${id}/fingerprints`, { method: "POST", headers: { ...headers, ...JSON_TYPE }, body: bodyOf(body) }),
    { params: Promise.resolve({ id: String(id) }) },
  );

const OwnerCreated = z.object({ owner: OwnerWireSchema }).strict();
const OwnersList = z.object({ owners: z.array(OwnerWireSchema) }).strict();
const ComputerBody = z.object({ computer: ComputerWireSchema.strict() }).strict();
const KeyBody = z.object({ key: KeyWireSchema.strict() }).strict();
const ServerBody = z.object({ server: ServerWireSchema.strict() }).strict();
const InfobaseBody = z.object({ infobase: InfobaseWireSchema.strict() }).strict();
const FingerprintBody = z.object({ fingerprint: FingerprintWireSchema.strict() }).strict();

const ANCHOR = "2026-11-27";
let demo: DemoCompany;
let admin: Headers;
let finance: Headers;
let adminToken: Headers;
let readToken: Headers;

beforeAll(async () => {
  demo = seedDemo(getDb(), { anchor: ANCHOR });
  admin = await sessionHeaders("admin");
  finance = await sessionHeaders("finance");
  adminToken = tokenHeaders("admin");
  readToken = tokenHeaders("read");
}, 30_000);

// ---------------------------------------------------------------------------------------------------
// Helpers

async function errorOf(res: Response, status: number) {
  expect(res.status).toBe(status);
  return ErrorSchema.parse(await res.json()).error;
}

/** A 400 `invalid-input` whose issues name exactly these fields. */
async function expectInvalid(res: Response, ...paths: string[]) {
  const error = await errorOf(res, 400);
  expect(error.code).toBe("invalid-input");
  expect(error.issues?.map((i) => i.path).sort()).toEqual([...paths].sort());
  return error;
}

/** Audit entries of an action (and record), oldest first. */
function auditOf(action: string, entityId?: number) {
  return getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), entityId === undefined ? undefined : eq(auditLog.entityId, String(entityId))))
    .orderBy(auditLog.id)
    .all();
}
const recorded = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

/** Every inventory table and the audit log (token use aside: it is written for every token request, allowed or not). */
function stateOfRecords(): unknown {
  const db = getDb();
  return structuredClone({
    owners: db.select().from(owners).all(),
    kits: db.select().from(kits).all(),
    pins: db.select().from(pins).all(),
    computers: db.select().from(computers).all(),
    fingerprints: db.select().from(fingerprints).all(),
    activations: db.select().from(activations).all(),
    keys: db.select().from(hardwareKeys).all(),
    servers: db.select().from(servers).all(),
    infobases: db.select().from(infobases).all(),
    audit: db.select().from(auditLog).where(ne(auditLog.action, "token.use")).all(),
  });
}

/** Runs a request and checks that it wrote nothing at all. */
async function writesNothing(call: () => Promise<Response>): Promise<Response> {
  const before = stateOfRecords();
  const res = await call();
  expect(stateOfRecords()).toEqual(before);
  return res;
}

/** Runs a request that must be refused and checks that nothing at all was written. */
async function refused(call: () => Promise<Response>): Promise<Response> {
  const res = await writesNothing(call);
  expect(res.status).toBeGreaterThanOrEqual(400);
  return res;
}

let counter = 0;
/** A name no other test uses. */
const unique = (prefix: string) => `${prefix}-${++counter}`;

async function newComputer(body: Record<string, unknown> = {}) {
  const res = await computersApi.create(admin, { name: unique("qa-host"), role: "workstation", ...body });
  expect(res.status).toBe(201);
  return ComputerBody.parse(await res.json()).computer;
}
async function newServer(body: Record<string, unknown> = {}) {
  const computerId = body.computerId ?? (await newComputer({ role: "1c-server" })).id;
  const res = await serversApi.create(admin, { name: unique("qa-cluster"), ...body, computerId });
  expect(res.status).toBe(201);
  return ServerBody.parse(await res.json()).server;
}
async function newKey(body: Record<string, unknown> = {}) {
  const res = await keysApi.create(admin, { series: "ORG8B", kind: "local", seats: 1, ...body });
  expect(res.status).toBe(201);
  return KeyBody.parse(await res.json()).key;
}
async function newInfobase(body: Record<string, unknown> = {}) {
  const res = await infobasesApi.create(admin, { name: unique("qa-ib"), mode: "file", path: "\\\\fs\\1c\\qa", ...body });
  expect(res.status).toBe(201);
  return InfobaseBody.parse(await res.json()).infobase;
}

const demoComputer = (name: string) => demo.computers.find((c) => c.name === name)!;
const demoKit = (pick: (k: DemoCompany["kits"][number]) => boolean) => demo.kits.find(pick)!;
const pinKit = () => demoKit((k) => k.protection === "software" && k.kind === "client");
const hardwareKit = () => demoKit((k) => k.protection === "hardware");
const serverKit = () => demoKit((k) => k.kind === "server");

/** A fingerprint as the binding check takes it (DOMAIN §1.4). */
const fingerprintBody = (over: Record<string, unknown> = {}) => ({
  osName: "Windows",
  osVersion: "10.0",
  osSerial: "00330-80000-00000-AA123",
  osInstallDate: "2025-03-01",
  hostname: "QA-HOST",
  motherboard: "ASUS PRIME B560M-A",
  ramMb: 16384,
  bios: "AMI 1601",
  cpus: ["Intel Core i5-11400 @ 2.60GHz, 6 cores"],
  nics: [{ name: "Intel I219-V", mac: "00:1A:2B:3C:4D:5E" }],
  disks: [{ model: "Samsung SSD 980 500GB", serial: "S64DNX0R123456", sizeBytes: 500107862016 }],
  ...over,
});

/** The 403 every write answers to finance and to a read token, writing nothing. */
async function expectForbidden(call: () => Promise<Response>) {
  const res = await refused(call);
  expect((await errorOf(res, 403)).code).toBe("forbidden");
}

// ---------------------------------------------------------------------------------------------------
// Owners (DOMAIN §1.1)

describe("owners: registration data kept verbatim, encrypted at rest, answered masked", () => {
  // Values a real form holds: leading/trailing spaces, «ё», quotes — recovery compares them character for character.
  const registrationData = [
    { field: "Организация", value: " ООО «Тестовый Ёж» " },
    { field: "ИНН", value: "7799123456" },
    { field: "Контактное лицо", value: "Пётр Проверкин-Уникальный" },
    { field: "e-mail", value: "qa-owner-secret@example.test" },
  ];

  test("POST → 201 { owner } with every value masked to its first character; the row holds exactly what was typed, encrypted", async () => {
    const res = await ownersApi.create(admin, { name: "  ООО «Тестовый Ёж»  ", registrationData });
    expect(res.status).toBe(201);
    const text = await res.text();
    const { owner } = OwnerCreated.parse(JSON.parse(text));
    expect(owner.name).toBe("ООО «Тестовый Ёж»");
    expect(owner.fields).toEqual([
      { field: "Организация", value: `О${TEXT_MASK}` },
      { field: "ИНН", value: `7${TEXT_MASK}` },
      { field: "Контактное лицо", value: `П${TEXT_MASK}` },
      { field: "e-mail", value: `q${TEXT_MASK}` },
    ]);
    for (const { value } of registrationData.slice(1)) expect(text).not.toContain(value);

    const row = getDb().select().from(owners).where(eq(owners.id, owner.id)).get()!;
    expect(row.registrationData).not.toContain("7799123456");
    expect(JSON.parse(decryptText(row.registrationData, keysOf(getDb())))).toEqual(registrationData);
  });

  test("no clear value anywhere in the database file's bytes (main file and write-ahead log)", () => {
    const db = getDb();
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const bytes = Buffer.concat([tempDatabasePath, `${tempDatabasePath}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
    expect(bytes.length).toBeGreaterThan(0);
    // Proof the search works: the owner's display name is stored in clear.
    expect(bytes.includes(Buffer.from("ООО «Тестовый Ёж»", "utf8"))).toBe(true);
    for (const value of ["7799123456", "Пётр Проверкин-Уникальный", "qa-owner-secret@example.test"]) expect(bytes.includes(Buffer.from(value, "utf8"))).toBe(false);
  });

  test("the owner.create audit row names the fields, never a value", () => {
    const entry = auditOf("owner.create").at(-1)!;
    expect(entry).toMatchObject({ actor: userEmail("admin"), entity: "owner", before: null });
    const stored = JSON.stringify(entry);
    // The organisation's display name is the owner's name, not a secret; every other value must not appear.
    for (const { value } of registrationData.slice(1)) expect(stored).not.toContain(value);
    expect(recorded(entry.after)).toMatchObject({ name: "ООО «Тестовый Ёж»", fields: registrationData.map((f) => f.field) });
  });

  test("GET → every owner, masked; finance and a read token may read", async () => {
    for (const headers of [admin, finance, readToken]) {
      const res = await ownersApi.list(headers);
      expect(res.status).toBe(200);
      const text = await res.text();
      const body = OwnersList.parse(JSON.parse(text));
      expect(body.owners.map((o) => o.name)).toEqual(expect.arrayContaining([demo.owners[0].name, "ООО «Тестовый Ёж»"]));
      for (const { value } of registrationData.slice(1)) expect(text).not.toContain(value);
      for (const { value } of JSON.parse(demo.owners[0].registrationData) as Array<{ value: string }>) if (value !== demo.owners[0].name) expect(text).not.toContain(value);
    }
  });

  test.each([
    ["a blank name", { name: "   ", registrationData: [] }, ["name"]],
    ["a missing name", { registrationData: [] }, ["name"]],
    ["a blank field name", { name: "ООО Ромашка", registrationData: [{ field: " ", value: "x" }] }, ["registrationData.0.field"]],
    ["a value that is not text", { name: "ООО Ромашка", registrationData: [{ field: "ИНН", value: 7799123456 }] }, ["registrationData.0.value"]],
  ])("%s → 400 naming the field, nothing written", async (_what, body, paths) => {
    await expectInvalid(await refused(() => ownersApi.create(admin, body)), ...paths);
  });

  test("a body that is not JSON → 400 invalid-json, nothing written", async () => {
    expect((await errorOf(await refused(() => ownersApi.create(admin, new Raw("{name: 'ООО'"))), 400)).code).toBe("invalid-json");
  });

  test("finance and a read token cannot record an owner (403)", async () => {
    await expectForbidden(() => ownersApi.create(finance, { name: "ООО Чужое", registrationData: [{ field: "ИНН", value: "7700000001" }] }));
    await expectForbidden(() => ownersApi.create(readToken, { name: "ООО Чужое", registrationData: [] }));
  });
});

// ---------------------------------------------------------------------------------------------------
// Computers

describe("computers: create", () => {
  test("POST → 201 { computer }, text trimmed, blanks null; one computer.create entry with the record", async () => {
    const res = await computersApi.create(admin, { name: "  qa-buh-new  ", role: "workstation", osName: " Windows ", osVersion: "10.0.19045", notes: "" });
    expect(res.status).toBe(201);
    const { computer } = ComputerBody.parse(await res.json());
    expect(computer).toEqual({ id: expect.any(Number), name: "qa-buh-new", role: "workstation", osName: "Windows", osVersion: "10.0.19045", notes: null });

    const entries = auditOf("computer.create", computer.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: userEmail("admin"), entity: "computer", before: null });
    expect(recorded(entries[0].after)).toEqual({ name: "qa-buh-new", role: "workstation", osName: "Windows", osVersion: "10.0.19045", notes: null });

    const read = await computersApi.read(admin, computer.id);
    expect(ComputerDetailResponseSchema.parse(await read.json()).computer).toEqual(computer);
  });

  test("an admin token may create too, and is named in the entry", async () => {
    const res = await computersApi.create(adminToken, { name: unique("qa-token-pc"), role: "terminal-server" });
    expect(res.status).toBe(201);
    const { computer } = ComputerBody.parse(await res.json());
    expect(auditOf("computer.create", computer.id)[0].actor).toMatch(/^token #\d+ test admin$/);
  });

  test.each([
    ["a blank name", { name: "  ", role: "workstation" }, ["name"]],
    ["no name", { role: "workstation" }, ["name"]],
    ["a name of 101 characters", { name: "x".repeat(101), role: "workstation" }, ["name"]],
    ["an unknown role", { name: "qa-bad-role", role: "laptop" }, ["role"]],
    ["no role", { name: "qa-no-role" }, ["role"]],
    ["a number for osName", { name: "qa-bad-os", role: "workstation", osName: 10 }, ["osName"]],
  ])("%s → 400 naming the field, nothing written", async (_what, body, paths) => {
    await expectInvalid(await refused(() => computersApi.create(admin, body)), ...paths);
  });

  test.each([
    ["not JSON", "name=qa-pc&role=workstation"],
    ["cut short", '{"name": "qa-pc", "role": '],
    ["empty", ""],
  ])("a body that is %s → 400 invalid-json, nothing written", async (_what, text) => {
    expect((await errorOf(await refused(() => computersApi.create(admin, new Raw(text))), 400)).code).toBe("invalid-json");
  });

  test.each([
    ["the same name", "buh-01"],
    ["another case", "BUH-01"],
    ["spaces around it", "  Buh-01 "],
  ])("a network name already recorded (%s) → 409 computer-name-taken naming the other record, nothing written", async (_what, name) => {
    const error = await errorOf(await refused(() => computersApi.create(admin, { name, role: "workstation" })), 409);
    expect(error.code).toBe("computer-name-taken");
    expect(error.details).toEqual({ field: "name", computerId: demoComputer("buh-01").id });
  });

  test("names are compared without case in Cyrillic too (network names may be Cyrillic)", async () => {
    const first = await newComputer({ name: "ПК-Бухгалтер-qa" });
    const error = await errorOf(await refused(() => computersApi.create(admin, { name: "пк-бухгалтер-QA", role: "workstation" })), 409);
    expect(error.code).toBe("computer-name-taken");
    expect(error.details).toEqual({ field: "name", computerId: first.id });
  });
});

describe("computers: list", () => {
  const prefix = "qa-list";
  let made: Array<z.infer<typeof ComputerWireSchema>>;

  beforeAll(async () => {
    made = [];
    // Names chosen so that numeric collation matters: PC-9 before PC-10.
    for (const [name, role, osName] of [
      [`${prefix}-pc-10`, "workstation", "Windows"],
      [`${prefix}-pc-9`, "workstation", "Windows"],
      [`${prefix}-ts-1`, "terminal-server", "Windows Server 2022"],
      [`${prefix}-web-1`, "web-server", "Debian"],
    ] as const)
      made.push(await newComputer({ name, role, osName, notes: "qa list fixture" }));
  });

  const list = async (query: string, headers: Headers = admin) => {
    const res = await computersApi.list(headers, query);
    expect(res.status).toBe(200);
    return ComputerListResponseSchema.parse(await res.json());
  };

  test("q finds by name (any case), by OS and by notes", async () => {
    expect((await list(`?q=${prefix.toUpperCase()}`)).computers.map((c) => c.name)).toEqual([`${prefix}-pc-9`, `${prefix}-pc-10`, `${prefix}-ts-1`, `${prefix}-web-1`]);
    const byOs = await list(`?q=${encodeURIComponent("Server 2022")}`);
    expect(byOs.computers.map((c) => c.name)).toEqual([`${prefix}-ts-1`]);
    expect(byOs.total).toBe(1);
    expect((await list("?q=qa%20list%20fixture")).total).toBe(4);
  });

  test("role filters, alone and with q", async () => {
    const ts = await list(`?q=${prefix}&role=terminal-server`);
    expect(ts.computers.map((c) => c.name)).toEqual([`${prefix}-ts-1`]);
    const lm = await list("?role=license-manager");
    expect(lm.computers.map((c) => c.name)).toEqual(demo.computers.filter((c) => c.role === "license-manager").map((c) => c.name));
    expect(lm.computers.every((c) => c.role === "license-manager")).toBe(true);
  });

  test("sort and dir: name asc / desc with numbers in names, licenses desc", async () => {
    expect((await list(`?q=${prefix}&sort=name&dir=asc`)).computers.map((c) => c.name)).toEqual([`${prefix}-pc-9`, `${prefix}-pc-10`, `${prefix}-ts-1`, `${prefix}-web-1`]);
    expect((await list(`?q=${prefix}&sort=name&dir=desc`)).computers.map((c) => c.name)).toEqual([`${prefix}-web-1`, `${prefix}-ts-1`, `${prefix}-pc-10`, `${prefix}-pc-9`]);
    expect((await list(`?q=${prefix}&sort=role`)).computers.map((c) => c.role)).toEqual(["terminal-server", "web-server", "workstation", "workstation"]);
    const byLicenses = (await list("?sort=licenses&dir=desc&size=100")).computers.map((c) => c.licenses);
    expect(byLicenses).toEqual([...byLicenses].sort((a, b) => b - a));
    expect(byLicenses[0]).toBeGreaterThan(0);
  });

  test("licenses and keys per computer: buh-01 holds a license file, srv-lm two keys", async () => {
    const rows = (await list("?size=100")).computers;
    expect(rows.find((c) => c.name === "buh-01")!.licenses).toBeGreaterThan(0);
    expect(rows.find((c) => c.name === "srv-lm")).toMatchObject({ keys: 2, licenses: 0 });
    expect(rows.find((c) => c.name === `${prefix}-pc-9`)).toMatchObject({ keys: 0, licenses: 0 });
  });

  test("page and size: pages count from 1, total is every match", async () => {
    const all = (await list("?size=100")).computers.map((c) => c.id);
    expect(all.length).toBeGreaterThan(25);
    const first = await list("?size=25&page=1");
    const second = await list("?size=25&page=2");
    expect(first.total).toBe(all.length);
    expect(second.total).toBe(all.length);
    expect(first.computers.map((c) => c.id)).toEqual(all.slice(0, 25));
    expect(second.computers.map((c) => c.id)).toEqual(all.slice(25, 50));
    expect((await list("?size=25&page=99")).computers).toEqual([]);
    // Blank parameters, as an empty GET form sends them, mean "no filter".
    expect((await list("?q=&role=&sort=&dir=&page=&size=")).total).toBe(all.length);
  });

  test.each([
    ["?size=10", "size"],
    ["?size=abc", "size"],
    ["?page=0", "page"],
    ["?sort=colour", "sort"],
    ["?dir=up", "dir"],
    ["?role=laptop", "role"],
  ])("%s → 400 naming %s", async (query, field) => {
    await expectInvalid(await computersApi.list(admin, query), field);
  });

  test("finance and a read token read the list", async () => {
    expect((await list(`?q=${prefix}`, finance)).total).toBe(4);
    expect((await list(`?q=${prefix}`, readToken)).total).toBe(4);
  });
});

describe("computers: read", () => {
  test("GET /{id} → the computer with its licenses, ledger history, keys and servers", async () => {
    const res = await computersApi.read(finance, demoComputer("srv-1c").id);
    expect(res.status).toBe(200);
    const body = ComputerDetailResponseSchema.parse(await res.json());
    expect(body.computer).toMatchObject({ id: demoComputer("srv-1c").id, name: "srv-1c", role: "1c-server" });
    expect(body.licenses.length).toBeGreaterThan(0);
    expect(body.history.length).toBeGreaterThan(0);
    expect(body.servers.map((s) => s.name)).toEqual(["srv-1c"]);
    const lm = ComputerDetailResponseSchema.parse(await (await computersApi.read(admin, demoComputer("srv-lm").id)).json());
    expect(lm.keys.map((k) => k.id).sort()).toEqual(demo.hardwareKeys.filter((k) => k.computerId === demoComputer("srv-lm").id).map((k) => k.id).sort());
  });

  test("an unknown id → 404 not-found", async () => {
    expect((await errorOf(await computersApi.read(admin, 999_999), 404)).code).toBe("not-found");
  });

  test.each(["abc", "0", "-1", "1.5", "01"])("id %j → 400 naming id", async (id) => {
    await expectInvalid(await computersApi.read(admin, id), "id");
  });
});

describe("computers: patch", () => {
  test("changed fields are saved and audited with before/after; unchanged fields are not in the entry", async () => {
    const pc = await newComputer({ osName: "Windows", osVersion: "10.0", notes: "Sales" });
    const res = await computersApi.patch(admin, pc.id, { osVersion: "11.0", notes: "  Sales, 2nd floor ", osName: "Windows" });
    expect(res.status).toBe(200);
    const { computer } = ComputerBody.parse(await res.json());
    expect(computer).toEqual({ ...pc, osVersion: "11.0", notes: "Sales, 2nd floor" });

    const entries = auditOf("computer.update", pc.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: userEmail("admin"), entity: "computer" });
    expect(recorded(entries[0].before)).toEqual({ osVersion: "10.0", notes: "Sales" });
    expect(recorded(entries[0].after)).toEqual({ osVersion: "11.0", notes: "Sales, 2nd floor" });

    // Clearing a field: blank → null.
    const cleared = ComputerBody.parse(await (await computersApi.patch(admin, pc.id, { notes: "" })).json()).computer;
    expect(cleared.notes).toBeNull();
    expect(recorded(auditOf("computer.update", pc.id).at(-1)!.after)).toEqual({ notes: null });
  });

  test("a patch that changes nothing writes no entry", async () => {
    const pc = await newComputer({ osName: "Windows" });
    const res = await writesNothing(() => computersApi.patch(admin, pc.id, { osName: "Windows", role: pc.role }));
    expect(res.status).toBe(200);
    expect(ComputerBody.parse(await res.json()).computer).toEqual(pc);
  });

  test("renaming to another case of its own name is not a collision", async () => {
    const pc = await newComputer({ name: "qa-case-me" });
    const res = await computersApi.patch(admin, pc.id, { name: "QA-Case-Me" });
    expect(res.status).toBe(200);
    expect(ComputerBody.parse(await res.json()).computer.name).toBe("QA-Case-Me");
  });

  test("renaming to another computer's name (any case) → 409 computer-name-taken, nothing written", async () => {
    const pc = await newComputer();
    const error = await errorOf(await refused(() => computersApi.patch(admin, pc.id, { name: "SRV-TS" })), 409);
    expect(error.code).toBe("computer-name-taken");
    expect(error.details).toEqual({ field: "name", computerId: demoComputer("srv-ts").id });
  });

  test.each([
    ["an unknown key", { colour: "grey" }, ["(body)"]],
    ["id in the body", { id: 5 }, ["(body)"]],
    ["a blank name", { name: " " }, ["name"]],
    ["an unknown role", { role: "server" }, ["role"]],
  ])("%s → 400, nothing written", async (_what, body, paths) => {
    const pc = await newComputer();
    const error = await expectInvalid(await refused(() => computersApi.patch(admin, pc.id, body)), ...paths);
    if (paths[0] === "(body)") expect(error.message).toContain(Object.keys(body)[0]);
  });

  test("an unknown id → 404; a bad id → 400; not JSON → 400 invalid-json", async () => {
    expect((await errorOf(await refused(() => computersApi.patch(admin, 999_999, { notes: "x" })), 404)).code).toBe("not-found");
    await expectInvalid(await refused(() => computersApi.patch(admin, "pc", { notes: "x" })), "id");
    const pc = await newComputer();
    expect((await errorOf(await refused(() => computersApi.patch(admin, pc.id, new Raw("notes=x"))), 400)).code).toBe("invalid-json");
  });
});

describe("computers: delete", () => {
  test("an unreferenced computer → 204; it and its fingerprints are gone; computer.delete holds the record", async () => {
    const pc = await newComputer({ osName: "Windows" });
    expect((await addFingerprint(admin, pc.id, fingerprintBody())).status).toBe(201);
    const res = await computersApi.remove(admin, pc.id);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect((await errorOf(await computersApi.read(admin, pc.id), 404)).code).toBe("not-found");
    expect(getDb().select().from(fingerprints).where(eq(fingerprints.computerId, pc.id)).all()).toEqual([]);
    const entries = auditOf("computer.delete", pc.id);
    expect(entries).toHaveLength(1);
    expect(recorded(entries[0].before)).toEqual(pc);
    expect(entries[0].actor).toBe(userEmail("admin"));
  });

  test("buh-01 holds licenses → 409 computer-has-licenses naming them, nothing deleted", async () => {
    const buh = demoComputer("buh-01");
    const error = await errorOf(await refused(() => computersApi.remove(admin, buh.id)), 409);
    expect(error.code).toBe("computer-has-licenses");
    const ledger = demo.activations.filter((a) => a.computerId === buh.id);
    const kitIds = [...new Set(ledger.map((a) => demo.pins.find((p) => p.id === a.pinId)!.kitId))];
    expect(error.details).toEqual({
      activations: ledger.length,
      kits: kitIds.map((id) => ({ id, regNumber: demo.kits.find((k) => k.id === id)!.regNumber })),
    });
    expect(error.message).toContain("buh-01");
    expect((await computersApi.read(admin, buh.id)).status).toBe(200);
  });

  test("a computer running a 1C server → 409 computer-has-servers naming it, nothing deleted", async () => {
    const host = await newComputer({ role: "1c-server" });
    const server = await newServer({ computerId: host.id });
    const error = await errorOf(await refused(() => computersApi.remove(admin, host.id)), 409);
    expect(error.code).toBe("computer-has-servers");
    expect(error.details).toEqual({ servers: [{ id: server.id, name: server.name }] });
  });

  test("srv-lm with two keys plugged in → 409 computer-has-keys naming them, nothing deleted", async () => {
    const lm = demoComputer("srv-lm");
    const error = await errorOf(await refused(() => computersApi.remove(admin, lm.id)), 409);
    expect(error.code).toBe("computer-has-keys");
    expect(error.details).toEqual({ keys: demo.hardwareKeys.filter((k) => k.computerId === lm.id).map((k) => ({ id: k.id, series: k.series })) });
  });

  test("an unknown id → 404, a bad id → 400, nothing written", async () => {
    expect((await errorOf(await refused(() => computersApi.remove(admin, 999_999)), 404)).code).toBe("not-found");
    await expectInvalid(await refused(() => computersApi.remove(admin, "buh-01")), "id");
  });
});

describe("computers: who may write", () => {
  test("finance reads the computer, cannot create, patch, delete or record a fingerprint (403, nothing written)", async () => {
    const pc = await newComputer();
    expect((await computersApi.read(finance, pc.id)).status).toBe(200);
    expect((await computersApi.read(readToken, pc.id)).status).toBe(200);
    await expectForbidden(() => computersApi.create(finance, { name: unique("qa-finance"), role: "workstation" }));
    await expectForbidden(() => computersApi.patch(finance, pc.id, { notes: "finance was here" }));
    await expectForbidden(() => computersApi.remove(finance, pc.id));
    await expectForbidden(() => addFingerprint(finance, pc.id, fingerprintBody()));
    await expectForbidden(() => computersApi.create(readToken, { name: unique("qa-read"), role: "workstation" }));
  });
});

// ---------------------------------------------------------------------------------------------------
// Fingerprints (DOMAIN §1.4)

describe("POST /api/computers/{id}/fingerprints", () => {
  test("201 { fingerprint } as recorded; the computer page lists fingerprints newest first", async () => {
    const pc = await newComputer();
    const older = await addFingerprint(admin, pc.id, fingerprintBody({ takenAt: "2026-01-10T09:00:00+03:00", ramMb: 8192, notes: "at purchase" }));
    expect(older.status).toBe(201);
    const first = FingerprintBody.parse(await older.json()).fingerprint;
    expect(first).toEqual({
      id: expect.any(Number),
      takenAt: "2026-01-10T06:00:00.000Z",
      osName: "Windows",
      osVersion: "10.0",
      osSerial: "00330-80000-00000-AA123",
      osInstallDate: "2025-03-01",
      hostname: "QA-HOST",
      motherboard: "ASUS PRIME B560M-A",
      ramMb: 8192,
      bios: "AMI 1601",
      cpus: ["Intel Core i5-11400 @ 2.60GHz, 6 cores"],
      nics: [{ name: "Intel I219-V", mac: "00:1A:2B:3C:4D:5E" }],
      disks: [{ model: "Samsung SSD 980 500GB", serial: "S64DNX0R123456", sizeBytes: 500107862016 }],
      notes: "at purchase",
    });
    const now = FingerprintBody.parse(await (await addFingerprint(admin, pc.id, fingerprintBody({ ramMb: 16384 }))).json()).fingerprint;
    expect(Date.parse(now.takenAt)).toBeGreaterThan(Date.parse(first.takenAt));
    expect(now.notes).toBeNull();
    // Recorded later, taken earlier: sorted by when it was taken.
    const oldest = FingerprintBody.parse(await (await addFingerprint(admin, pc.id, fingerprintBody({ takenAt: "2025-06-01T00:00:00Z" }))).json()).fingerprint;

    const detail = ComputerDetailResponseSchema.parse(await (await computersApi.read(finance, pc.id)).json());
    expect(detail.fingerprints.map((f) => f.id)).toEqual([now.id, first.id, oldest.id]);
    expect(detail.fingerprints[1]).toEqual(first);

    const entries = auditOf("fingerprint.create", pc.id);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({ actor: userEmail("admin"), entity: "computer" });
  });

  test("a bad MAC → 400 naming nics.0.mac, nothing written", async () => {
    const pc = await newComputer();
    await expectInvalid(await refused(() => addFingerprint(admin, pc.id, fingerprintBody({ nics: [{ name: "eth0", mac: "00:1A:2B:3C:4D" }] }))), "nics.0.mac");
  });

  test.each([
    ["RAM below zero", "ramMb", { ramMb: -1 }],
    ["no hostname", "hostname", { hostname: undefined }],
    ["a disk without a size", "disks.0.sizeBytes", { disks: [{ model: "WD" }] }],
    ["a takenAt without a zone", "takenAt", { takenAt: "2026-01-10T09:00:00" }],
  ])("%s → 400 naming %s, nothing written", async (_what, field, over) => {
    const pc = await newComputer();
    await expectInvalid(await refused(() => addFingerprint(admin, pc.id, fingerprintBody(over))), field);
  });

  test("an unknown computer → 404, a bad id → 400, not JSON → 400 invalid-json; nothing written", async () => {
    expect((await errorOf(await refused(() => addFingerprint(admin, 999_999, fingerprintBody())), 404)).code).toBe("not-found");
    await expectInvalid(await refused(() => addFingerprint(admin, "x", fingerprintBody())), "id");
    const pc = await newComputer();
    expect((await errorOf(await refused(() => addFingerprint(admin, pc.id, new Raw("{"))), 400)).code).toBe("invalid-json");
  });
});

// ---------------------------------------------------------------------------------------------------
// HASP keys (DOMAIN §2)

describe("keys", () => {
  test("POST → 201 { key }, series upper-cased (§2: compared without case); key.create holds the record", async () => {
    const host = await newComputer({ role: "license-manager" });
    const res = await keysApi.create(admin, { series: " org8a ", kind: "network", seats: 50, keyNumber: "1234-5678", kitId: hardwareKit().id, computerId: host.id });
    expect(res.status).toBe(201);
    const { key } = KeyBody.parse(await res.json());
    expect(key).toEqual({ id: expect.any(Number), series: "ORG8A", kind: "network", seats: 50, keyNumber: "1234-5678", kitId: hardwareKit().id, computerId: host.id, notes: null });
    const entries = auditOf("key.create", key.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: userEmail("admin"), entity: "key", before: null });
    expect(recorded(entries[0].after)).toEqual({ series: "ORG8A", kind: "network", seats: 50, keyNumber: "1234-5678", kitId: hardwareKit().id, computerId: host.id, notes: null });
    const read = await keysApi.read(finance, key.id);
    expect(read.status).toBe(200);
    expect(z.object({ key: KeyWireSchema }).parse(await read.json()).key).toEqual(key);
    // The computer's page shows it.
    expect(ComputerDetailResponseSchema.parse(await (await computersApi.read(admin, host.id)).json()).keys).toEqual([key]);
  });

  test("a key in a drawer: no kit, no computer", async () => {
    const key = await newKey({ series: "ORGL8", seats: 1, kitId: null });
    expect(key).toMatchObject({ kitId: null, computerId: null });
  });

  test.each([
    ["seats -1", { seats: -1 }, ["seats"]],
    ["seats 1.5", { seats: 1.5 }, ["seats"]],
    ["an unknown kind", { kind: "usb" }, ["kind"]],
    ["a blank series", { series: "  " }, ["series"]],
    ["a kitId that is not an id", { kitId: "kit-1" }, ["kitId"]],
  ])("%s → 400 naming the field, nothing written", async (_what, over, paths) => {
    const body = { series: "ORGL8", kind: "local", seats: 1, ...over };
    await expectInvalid(await refused(() => keysApi.create(admin, body)), ...paths);
  });

  test("a kit that is not a hardware kit, or no kit at all; a computer that does not exist → 400 naming the field", async () => {
    const pinProtected = await expectInvalid(await refused(() => keysApi.create(admin, { series: "ORGL8", kind: "local", seats: 1, kitId: pinKit().id })), "kitId");
    expect(pinProtected.message).toContain(pinKit().regNumber);
    await expectInvalid(await refused(() => keysApi.create(admin, { series: "ORGL8", kind: "server", seats: 0, kitId: serverKit().id })), "kitId");
    await expectInvalid(await refused(() => keysApi.create(admin, { series: "ORGL8", kind: "local", seats: 1, kitId: 999_999 })), "kitId");
    await expectInvalid(await refused(() => keysApi.create(admin, { series: "ORGL8", kind: "local", seats: 1, computerId: 999_999 })), "computerId");
  });

  test("not JSON → 400 invalid-json, nothing written", async () => {
    expect((await errorOf(await refused(() => keysApi.create(admin, new Raw("series=ORGL8"))), 400)).code).toBe("invalid-json");
  });

  describe("list", () => {
    let host: z.infer<typeof ComputerWireSchema>;
    beforeAll(async () => {
      host = await newComputer({ name: "qa-keys-host", role: "license-manager" });
      await newKey({ series: "EN8SA", kind: "server", seats: 0, computerId: host.id, keyNumber: "qa-k-1" });
      await newKey({ series: "ORG8B", kind: "network", seats: 100, computerId: host.id, keyNumber: "qa-k-2" });
      await newKey({ series: "ORG8B", kind: "network", seats: 5, computerId: host.id, keyNumber: "qa-k-3" });
    });
    const list = async (query: string, headers: Headers = admin) => {
      const res = await keysApi.list(headers, query);
      expect(res.status).toBe(200);
      return KeyListResponseSchema.parse(await res.json());
    };

    test("q finds by the computer's name and key number; kind filters", async () => {
      const byHost = await list("?q=QA-KEYS-HOST");
      expect(byHost.total).toBe(3);
      expect(byHost.keys.every((k) => k.computerName === "qa-keys-host")).toBe(true);
      expect((await list("?q=qa-k-2")).keys.map((k) => k.seats)).toEqual([100]);
      const network = await list("?q=qa-keys-host&kind=network");
      expect(network.keys.map((k) => k.keyNumber).sort()).toEqual(["qa-k-2", "qa-k-3"]);
      expect((await list("?kind=server&q=qa-keys-host")).keys.map((k) => k.series)).toEqual(["EN8SA"]);
    });

    test("sort by seats, both directions; sort by series", async () => {
      expect((await list("?q=qa-keys-host&sort=seats&dir=asc")).keys.map((k) => k.seats)).toEqual([0, 5, 100]);
      expect((await list("?q=qa-keys-host&sort=seats&dir=desc")).keys.map((k) => k.seats)).toEqual([100, 5, 0]);
      expect((await list("?q=qa-keys-host&sort=series")).keys.map((k) => k.series)).toEqual(["EN8SA", "ORG8B", "ORG8B"]);
      // By kit: keys without a kit last, whichever the direction.
      const byKit = (await list("?q=ORGL8&sort=kit&dir=desc&size=100")).keys.map((k) => k.kitRegNumber);
      expect(byKit.filter((r) => r !== null)).toEqual([...byKit.filter((r) => r !== null)].sort().reverse());
      expect(byKit.slice(byKit.findIndex((r) => r === null)).every((r) => r === null)).toBe(true);
    });

    test("§2: two keys of the same series on one host count once; the demo's ORGL8 pair on srv-lm too", async () => {
      const mine = (await list("?q=qa-keys-host&kind=network")).keys;
      expect(mine.filter((k) => k.counted)).toHaveLength(1);
      const lm = (await list("?q=srv-lm")).keys.filter((k) => k.series === "ORGL8");
      expect(lm).toHaveLength(2);
      expect(lm.filter((k) => k.counted)).toHaveLength(1);
      expect(lm.every((k) => k.kitRegNumber !== null)).toBe(true);
    });

    test("paging and bad size", async () => {
      const page1 = await list("?q=qa-keys-host&size=25&page=1&sort=seats");
      expect(page1.total).toBe(3);
      expect((await list("?q=qa-keys-host&size=25&page=2")).keys).toEqual([]);
      expect((await list("?q=qa-keys-host&size=25&page=2")).total).toBe(3);
      await expectInvalid(await keysApi.list(admin, "?size=1000"), "size");
      await expectInvalid(await keysApi.list(admin, "?kind=usb"), "kind");
      await expectInvalid(await keysApi.list(admin, "?sort=owner"), "sort");
    });

    test("finance and a read token read the list", async () => {
      expect((await list("?q=qa-keys-host", finance)).total).toBe(3);
      expect((await list("?q=qa-keys-host", readToken)).total).toBe(3);
    });
  });

  test("GET /{id}: unknown → 404, non-numeric → 400", async () => {
    expect((await errorOf(await keysApi.read(admin, 999_999), 404)).code).toBe("not-found");
    await expectInvalid(await keysApi.read(admin, "ORGL8"), "id");
  });

  test("PATCH: changed fields saved and audited with before/after; moving the key to another computer", async () => {
    const a = await newComputer();
    const b = await newComputer();
    const key = await newKey({ computerId: a.id, seats: 1 });
    const res = await keysApi.patch(admin, key.id, { seats: 5, kind: "network", computerId: b.id, series: "org8b" });
    expect(res.status).toBe(200);
    expect(KeyBody.parse(await res.json()).key).toEqual({ ...key, seats: 5, kind: "network", computerId: b.id });
    const [entry] = auditOf("key.update", key.id);
    expect(recorded(entry.before)).toEqual({ seats: 1, kind: "local", computerId: a.id });
    expect(recorded(entry.after)).toEqual({ seats: 5, kind: "network", computerId: b.id });
    expect(auditOf("key.update", key.id)).toHaveLength(1);
  });

  test("PATCH refusals: unknown key, seats -1, PIN-protected kit, missing computer → 400; unknown id → 404; nothing written", async () => {
    const key = await newKey();
    await expectInvalid(await refused(() => keysApi.patch(admin, key.id, { owner: "x" })), "(body)");
    await expectInvalid(await refused(() => keysApi.patch(admin, key.id, { seats: -1 })), "seats");
    await expectInvalid(await refused(() => keysApi.patch(admin, key.id, { kitId: pinKit().id })), "kitId");
    await expectInvalid(await refused(() => keysApi.patch(admin, key.id, { computerId: 999_999 })), "computerId");
    expect((await errorOf(await refused(() => keysApi.patch(admin, 999_999, { seats: 2 })), 404)).code).toBe("not-found");
  });

  test("DELETE → 204, gone, key.delete holds the record; unknown → 404", async () => {
    const key = await newKey({ notes: "to be deleted" });
    expect((await keysApi.remove(admin, key.id)).status).toBe(204);
    expect((await keysApi.read(admin, key.id)).status).toBe(404);
    const entries = auditOf("key.delete", key.id);
    expect(entries).toHaveLength(1);
    expect(recorded(entries[0].before)).toEqual(key);
    expect((await errorOf(await refused(() => keysApi.remove(admin, key.id)), 404)).code).toBe("not-found");
  });

  test("finance reads a key, cannot create, patch or delete one (403)", async () => {
    const key = await newKey();
    expect((await keysApi.read(finance, key.id)).status).toBe(200);
    await expectForbidden(() => keysApi.create(finance, { series: "ORGL8", kind: "local", seats: 1 }));
    await expectForbidden(() => keysApi.patch(finance, key.id, { seats: 3 }));
    await expectForbidden(() => keysApi.remove(finance, key.id));
  });
});

// ---------------------------------------------------------------------------------------------------
// 1C servers (DOMAIN §4)

describe("servers", () => {
  test("POST → 201 { server } with defaults (64-bit, port 1541); server.create holds the record", async () => {
    const host = await newComputer({ role: "1c-server" });
    const res = await serversApi.create(admin, { name: "qa-cluster-main", computerId: host.id, serverLicenseKitId: serverKit().id, serviceUser: "usr1cv8" });
    expect(res.status).toBe(201);
    const { server } = ServerBody.parse(await res.json());
    expect(server).toEqual({
      id: expect.any(Number),
      name: "qa-cluster-main",
      computerId: host.id,
      bitness: "64",
      serverLicenseKitId: serverKit().id,
      serviceUser: "usr1cv8",
      clusterPort: 1541,
      platformVersion: null,
      notes: null,
    });
    const entries = auditOf("server.create", server.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: userEmail("admin"), entity: "server", before: null });
    expect(recorded(entries[0].after)).toEqual({ name: "qa-cluster-main", computerId: host.id, bitness: "64", serverLicenseKitId: serverKit().id, serviceUser: "usr1cv8", clusterPort: 1541, platformVersion: null, notes: null });
    expect(ServerBody.parse(await (await serversApi.read(finance, server.id)).json()).server).toEqual(server);
  });

  test.each([
    ["clusterPort 70000", { clusterPort: 70000 }, ["clusterPort"]],
    ["clusterPort 0", { clusterPort: 0 }, ["clusterPort"]],
    ["a blank name", { name: "" }, ["name"]],
    ["an unknown bitness", { bitness: "128" }, ["bitness"]],
    ["no computer", { computerId: undefined }, ["computerId"]],
    ["a computer that does not exist", { computerId: 999_999 }, ["computerId"]],
    ["a server license kit that does not exist", { serverLicenseKitId: 999_999 }, ["serverLicenseKitId"]],
  ])("%s → 400 naming the field, nothing written", async (_what, over, paths) => {
    const host = await newComputer({ role: "1c-server" });
    await expectInvalid(await refused(() => serversApi.create(admin, { name: unique("qa-bad-srv"), computerId: host.id, ...over })), ...paths);
  });

  test("serverLicenseKitId of a kit that is not a server license → 400 naming it, nothing written", async () => {
    const host = await newComputer({ role: "1c-server" });
    const error = await expectInvalid(await refused(() => serversApi.create(admin, { name: unique("qa-srv"), computerId: host.id, serverLicenseKitId: pinKit().id })), "serverLicenseKitId");
    expect(error.message).toContain(pinKit().regNumber);
    await expectInvalid(await refused(() => serversApi.create(admin, { name: unique("qa-srv"), computerId: host.id, serverLicenseKitId: hardwareKit().id })), "serverLicenseKitId");
  });

  test("a name already recorded → 409 server-name-taken, nothing written", async () => {
    const host = await newComputer({ role: "1c-server" });
    const error = await errorOf(await refused(() => serversApi.create(admin, { name: "srv-1c", computerId: host.id })), 409);
    expect(error.code).toBe("server-name-taken");
    expect(error.details).toEqual({ field: "name", serverId: demo.servers[0].id });
  });

  test("not JSON → 400 invalid-json, nothing written", async () => {
    expect((await errorOf(await refused(() => serversApi.create(admin, new Raw("<server/>"))), 400)).code).toBe("invalid-json");
  });

  describe("list", () => {
    beforeAll(async () => {
      const host = await newComputer({ name: "qa-srv-host", role: "1c-server" });
      await newServer({ name: "qa-srvlist-10", computerId: host.id, bitness: "32" });
      await newServer({ name: "qa-srvlist-9", computerId: host.id, serverLicenseKitId: serverKit().id });
      await newServer({ name: "qa-srvlist-1", computerId: host.id, platformVersion: "8.3.27.1500" });
    });
    const list = async (query: string, headers: Headers = admin) => {
      const res = await serversApi.list(headers, query);
      expect(res.status).toBe(200);
      return ServerListResponseSchema.parse(await res.json());
    };

    test("q by name, by the computer's name, by platform version; sort and dir", async () => {
      expect((await list("?q=qa-srvlist")).servers.map((s) => s.name)).toEqual(["qa-srvlist-1", "qa-srvlist-9", "qa-srvlist-10"]);
      expect((await list("?q=qa-srvlist&dir=desc")).servers.map((s) => s.name)).toEqual(["qa-srvlist-10", "qa-srvlist-9", "qa-srvlist-1"]);
      expect((await list("?q=QA-SRV-HOST")).total).toBe(3);
      expect((await list("?q=8.3.27")).servers.map((s) => s.name)).toEqual(["qa-srvlist-1"]);
      expect((await list("?q=qa-srvlist&sort=bitness")).servers.map((s) => s.bitness)).toEqual(["32", "64", "64"]);
      const byLicense = (await list("?q=qa-srvlist&sort=license")).servers;
      expect(byLicense.map((s) => s.licenseRegNumber)).toEqual([serverKit().regNumber, null, null]);
    });

    test("each row names its computer and counts its infobases", async () => {
      const demoRow = (await list("?q=srv-1c")).servers.find((s) => s.name === "srv-1c")!;
      expect(demoRow).toMatchObject({ computerName: "srv-1c", licenseRegNumber: serverKit().regNumber, infobases: demo.infobases.filter((ib) => ib.serverId === demo.servers[0].id).length });
      expect((await list("?q=qa-srvlist")).servers.every((s) => s.computerName === "qa-srv-host" && s.infobases === 0)).toBe(true);
    });

    test("paging and bad size", async () => {
      expect((await list("?q=qa-srvlist&size=25&page=1")).servers).toHaveLength(3);
      const second = await list("?q=qa-srvlist&size=25&page=2");
      expect(second).toEqual({ servers: [], total: 3 });
      await expectInvalid(await serversApi.list(admin, "?size=-5"), "size");
      await expectInvalid(await serversApi.list(admin, "?sort=port"), "sort");
    });

    test("finance and a read token read the list", async () => {
      expect((await list("?q=qa-srvlist", finance)).total).toBe(3);
      expect((await list("?q=qa-srvlist", readToken)).total).toBe(3);
    });
  });

  test("GET /{id}: unknown → 404, non-numeric → 400", async () => {
    expect((await errorOf(await serversApi.read(admin, 999_999), 404)).code).toBe("not-found");
    await expectInvalid(await serversApi.read(admin, "srv-1c"), "id");
  });

  test("PATCH: changed fields saved and audited with before/after", async () => {
    const server = await newServer({ serviceUser: "usr1cv8" });
    const res = await serversApi.patch(admin, server.id, { serviceUser: "grp1cv8", clusterPort: 2541, bitness: "64" });
    expect(res.status).toBe(200);
    expect(ServerBody.parse(await res.json()).server).toEqual({ ...server, serviceUser: "grp1cv8", clusterPort: 2541 });
    const entries = auditOf("server.update", server.id);
    expect(entries).toHaveLength(1);
    expect(recorded(entries[0].before)).toEqual({ serviceUser: "usr1cv8", clusterPort: 1541 });
    expect(recorded(entries[0].after)).toEqual({ serviceUser: "grp1cv8", clusterPort: 2541 });
  });

  test("PATCH refusals: another server's name → 409; unknown key, port 70000, a client kit → 400; nothing written", async () => {
    const server = await newServer();
    const error = await errorOf(await refused(() => serversApi.patch(admin, server.id, { name: "srv-1c" })), 409);
    expect(error.code).toBe("server-name-taken");
    await expectInvalid(await refused(() => serversApi.patch(admin, server.id, { port: 1541 })), "(body)");
    await expectInvalid(await refused(() => serversApi.patch(admin, server.id, { clusterPort: 70000 })), "clusterPort");
    await expectInvalid(await refused(() => serversApi.patch(admin, server.id, { serverLicenseKitId: pinKit().id })), "serverLicenseKitId");
    await expectInvalid(await refused(() => serversApi.patch(admin, server.id, { computerId: 999_999 })), "computerId");
    expect((await errorOf(await refused(() => serversApi.patch(admin, 999_999, { notes: "x" })), 404)).code).toBe("not-found");
  });

  test("DELETE srv-1c with infobases → 409 server-has-infobases naming them, nothing deleted", async () => {
    const srv = demo.servers[0];
    const error = await errorOf(await refused(() => serversApi.remove(admin, srv.id)), 409);
    expect(error.code).toBe("server-has-infobases");
    expect(error.details).toEqual({ infobases: demo.infobases.filter((ib) => ib.serverId === srv.id).map((ib) => ({ id: ib.id, name: ib.name })) });
    expect((await serversApi.read(admin, srv.id)).status).toBe(200);
  });

  test("DELETE an empty server → 204, gone, server.delete holds the record; its computer may then be deleted", async () => {
    const server = await newServer();
    expect((await serversApi.remove(admin, server.id)).status).toBe(204);
    expect((await serversApi.read(admin, server.id)).status).toBe(404);
    expect(recorded(auditOf("server.delete", server.id)[0].before)).toEqual(server);
    expect((await computersApi.remove(admin, server.computerId)).status).toBe(204);
  });

  test("finance reads a server, cannot create, patch or delete one (403)", async () => {
    const server = await newServer();
    expect((await serversApi.read(finance, server.id)).status).toBe(200);
    await expectForbidden(() => serversApi.create(finance, { name: unique("qa-fin-srv"), computerId: server.computerId }));
    await expectForbidden(() => serversApi.patch(finance, server.id, { clusterPort: 1641 }));
    await expectForbidden(() => serversApi.remove(finance, server.id));
  });
});

// ---------------------------------------------------------------------------------------------------
// Infobases (DOMAIN §4)

const UUID = "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";

describe("infobases", () => {
  test("POST → 201 { infobase }: client-server on a server, rac uuid lower-cased; file mode with defaults; infobase.create entries", async () => {
    const server = await newServer();
    const res = await infobasesApi.create(admin, { name: "qa-ib-trade", mode: "client-server", serverId: server.id, racUuid: UUID.toUpperCase(), licenseDistribution: "deny", useHardwareLicense: false });
    expect(res.status).toBe(201);
    const { infobase } = InfobaseBody.parse(await res.json());
    expect(infobase).toEqual({ id: expect.any(Number), name: "qa-ib-trade", mode: "client-server", serverId: server.id, path: null, racUuid: UUID, licenseDistribution: "deny", useHardwareLicense: false, notes: null });
    const [entry] = auditOf("infobase.create", infobase.id);
    expect(entry).toMatchObject({ actor: userEmail("admin"), entity: "infobase", before: null });
    expect(recorded(entry.after)).toEqual({ name: "qa-ib-trade", mode: "client-server", serverId: server.id, path: null, racUuid: UUID, licenseDistribution: "deny", useHardwareLicense: false, notes: null });

    const file = await newInfobase({ name: "qa-ib-hr" });
    expect(file).toMatchObject({ mode: "file", serverId: null, racUuid: null, licenseDistribution: "allow", useHardwareLicense: true });
    expect(InfobaseBody.parse(await (await infobasesApi.read(finance, file.id)).json()).infobase).toEqual(file);
  });

  test.each([
    ["a client-server infobase without serverId", { mode: "client-server" }, ["serverId"]],
    ["a file-mode infobase with a serverId", { mode: "file", serverId: "demo" }, ["serverId"]],
    ["a malformed racUuid", { racUuid: "0f1e2d3c-4b5a-6978-8a9b" }, ["racUuid"]],
    ["an unknown mode", { mode: "web" }, ["mode"]],
    ["a blank name", { name: " " }, ["name"]],
    ["licenseDistribution maybe", { licenseDistribution: "maybe" }, ["licenseDistribution"]],
    ["useHardwareLicense as text", { useHardwareLicense: "yes" }, ["useHardwareLicense"]],
    ["a server that does not exist", { mode: "client-server", serverId: 999_999 }, ["serverId"]],
  ])("%s → 400 naming the field, nothing written", async (_what, over, paths) => {
    const body: Record<string, unknown> = { name: unique("qa-bad-ib"), mode: "file", ...over };
    if (body.serverId === "demo") body.serverId = demo.servers[0].id;
    await expectInvalid(await refused(() => infobasesApi.create(admin, body)), ...paths);
  });

  test("collisions: a recorded name → 409 infobase-name-taken; a recorded rac uuid (any case) → 409 rac-uuid-taken; nothing written", async () => {
    const taken = await newInfobase({ racUuid: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" });
    const byName = await errorOf(await refused(() => infobasesApi.create(admin, { name: taken.name, mode: "file" })), 409);
    expect(byName.code).toBe("infobase-name-taken");
    expect(byName.details).toEqual({ field: "name", infobaseId: taken.id });
    const byUuid = await errorOf(await refused(() => infobasesApi.create(admin, { name: unique("qa-ib"), mode: "file", racUuid: "AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE" })), 409);
    expect(byUuid.code).toBe("rac-uuid-taken");
    expect(byUuid.details).toEqual({ field: "racUuid", infobaseId: taken.id });
  });

  test("not JSON → 400 invalid-json, nothing written", async () => {
    expect((await errorOf(await refused(() => infobasesApi.create(admin, new Raw("mode=file"))), 400)).code).toBe("invalid-json");
  });

  describe("list", () => {
    beforeAll(async () => {
      const server = await newServer({ name: "qa-iblist-srv" });
      await newInfobase({ name: "qa-iblist-b", mode: "client-server", serverId: server.id, licenseDistribution: "deny" });
      await newInfobase({ name: "qa-iblist-a", mode: "file" });
      await newInfobase({ name: "qa-iblist-c", mode: "client-server", serverId: server.id });
    });
    const list = async (query: string, headers: Headers = admin) => {
      const res = await infobasesApi.list(headers, query);
      expect(res.status).toBe(200);
      return InfobaseListResponseSchema.parse(await res.json());
    };

    test("q by name and by the server's name; mode filters; sort and dir", async () => {
      expect((await list("?q=QA-IBLIST")).infobases.map((ib) => ib.name)).toEqual(["qa-iblist-a", "qa-iblist-b", "qa-iblist-c"]);
      expect((await list("?q=qa-iblist-srv")).infobases.map((ib) => ib.name)).toEqual(["qa-iblist-b", "qa-iblist-c"]);
      expect((await list("?q=qa-iblist&mode=file")).infobases.map((ib) => ib.name)).toEqual(["qa-iblist-a"]);
      const cs = await list("?q=qa-iblist&mode=client-server&sort=name&dir=desc");
      expect(cs.infobases.map((ib) => ib.name)).toEqual(["qa-iblist-c", "qa-iblist-b"]);
      expect(cs.infobases.every((ib) => ib.serverName === "qa-iblist-srv")).toBe(true);
      expect((await list("?q=qa-iblist&sort=licenseDistribution")).infobases.map((ib) => ib.licenseDistribution)).toEqual(["allow", "allow", "deny"]);
      // Empty server names last.
      expect((await list("?q=qa-iblist&sort=server")).infobases.map((ib) => ib.serverName)).toEqual(["qa-iblist-srv", "qa-iblist-srv", null]);
      const demoFile = (await list("?mode=file&size=100")).infobases.map((ib) => ib.name);
      expect(demoFile).toEqual(expect.arrayContaining(demo.infobases.filter((ib) => ib.mode === "file").map((ib) => ib.name)));
    });

    test("paging and bad size", async () => {
      expect((await list("?q=qa-iblist&size=25&page=2")).infobases).toEqual([]);
      expect((await list("?q=qa-iblist&size=25&page=2")).total).toBe(3);
      await expectInvalid(await infobasesApi.list(admin, "?size=26"), "size");
      await expectInvalid(await infobasesApi.list(admin, "?mode=web"), "mode");
    });

    test("finance and a read token read the list", async () => {
      expect((await list("?q=qa-iblist", finance)).total).toBe(3);
      expect((await list("?q=qa-iblist", readToken)).total).toBe(3);
    });
  });

  test("GET /{id}: unknown → 404, non-numeric → 400", async () => {
    expect((await errorOf(await infobasesApi.read(admin, 999_999), 404)).code).toBe("not-found");
    await expectInvalid(await infobasesApi.read(admin, "trade"), "id");
  });

  test("PATCH: changed fields saved and audited with before/after; moving a file infobase to a server", async () => {
    const server = await newServer();
    const ib = await newInfobase({ path: "\\\\fs\\1c\\moved" });
    const res = await infobasesApi.patch(admin, ib.id, { mode: "client-server", serverId: server.id, path: null, licenseDistribution: "allow" });
    expect(res.status).toBe(200);
    expect(InfobaseBody.parse(await res.json()).infobase).toEqual({ ...ib, mode: "client-server", serverId: server.id, path: null });
    const entries = auditOf("infobase.update", ib.id);
    expect(entries).toHaveLength(1);
    expect(recorded(entries[0].before)).toEqual({ mode: "file", serverId: null, path: "\\\\fs\\1c\\moved" });
    expect(recorded(entries[0].after)).toEqual({ mode: "client-server", serverId: server.id, path: null });
  });

  test("PATCH refusals: mode change that leaves the server wrong → 400 serverId; collisions → 409; unknown key → 400; nothing written", async () => {
    const server = await newServer();
    const ib = await newInfobase();
    const cs = await newInfobase({ mode: "client-server", serverId: server.id, racUuid: "12345678-1234-1234-1234-123456789abc" });
    await expectInvalid(await refused(() => infobasesApi.patch(admin, ib.id, { mode: "client-server" })), "serverId");
    await expectInvalid(await refused(() => infobasesApi.patch(admin, cs.id, { mode: "file" })), "serverId");
    await expectInvalid(await refused(() => infobasesApi.patch(admin, cs.id, { serverId: null })), "serverId");
    await expectInvalid(await refused(() => infobasesApi.patch(admin, ib.id, { racUuid: "not-a-uuid" })), "racUuid");
    await expectInvalid(await refused(() => infobasesApi.patch(admin, ib.id, { server: "srv-1c" })), "(body)");
    expect((await errorOf(await refused(() => infobasesApi.patch(admin, ib.id, { name: cs.name })), 409)).code).toBe("infobase-name-taken");
    expect((await errorOf(await refused(() => infobasesApi.patch(admin, ib.id, { racUuid: "12345678-1234-1234-1234-123456789ABC" })), 409)).code).toBe("rac-uuid-taken");
    // Its own name and uuid are no collision.
    expect((await infobasesApi.patch(admin, cs.id, { name: cs.name, racUuid: cs.racUuid })).status).toBe(200);
    expect((await errorOf(await refused(() => infobasesApi.patch(admin, 999_999, { notes: "x" })), 404)).code).toBe("not-found");
  });

  test("DELETE → 204, gone, infobase.delete holds the record; then its server may be deleted", async () => {
    const server = await newServer();
    const ib = await newInfobase({ mode: "client-server", serverId: server.id });
    expect((await errorOf(await refused(() => serversApi.remove(admin, server.id)), 409)).details).toEqual({ infobases: [{ id: ib.id, name: ib.name }] });
    expect((await infobasesApi.remove(admin, ib.id)).status).toBe(204);
    expect((await infobasesApi.read(admin, ib.id)).status).toBe(404);
    expect(recorded(auditOf("infobase.delete", ib.id)[0].before)).toEqual(ib);
    expect((await serversApi.remove(admin, server.id)).status).toBe(204);
    expect((await errorOf(await refused(() => infobasesApi.remove(admin, ib.id)), 404)).code).toBe("not-found");
  });

  test("finance reads an infobase, cannot create, patch or delete one (403)", async () => {
    const ib = await newInfobase();
    expect((await infobasesApi.read(finance, ib.id)).status).toBe(200);
    await expectForbidden(() => infobasesApi.create(finance, { name: unique("qa-fin-ib"), mode: "file" }));
    await expectForbidden(() => infobasesApi.patch(finance, ib.id, { licenseDistribution: "deny" }));
    await expectForbidden(() => infobasesApi.remove(finance, ib.id));
  });
});
