import "@/tests/helpers/setup-env";

import { beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";

import { GET } from "@/app/api/audit/route";
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { ErrorSchema } from "@/tests/helpers/api";
import { sessionHeaders, tokenHeaders } from "@/tests/helpers/auth";

const EntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actor: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  address: z.string().nullable(),
});
const ListSchema = z.object({ entries: z.array(EntrySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

const ALICE = "alice@audit.test";
const BOB = "bob@audit.test";
const EVIL = '=HYPERLINK("http://evil.example","click")';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ALICE_START = Date.parse("2025-03-01T00:00:00Z");
const BOB_START = Date.parse("2025-03-10T12:00:00Z");

beforeAll(() => {
  const db = getDb();
  // Alice: 30 settings changes an hour apart, 2025-03-01 00:00 UTC … 2025-03-02 05:00 UTC.
  for (let i = 0; i < 30; i++) {
    recordAudit(db, { actor: ALICE, action: "settings.update", entity: "settings", before: { pinActivationLimit: i }, after: { pinActivationLimit: i + 1 }, address: "10.0.0.1" }, new Date(ALICE_START + i * HOUR));
  }
  // Bob: 5 deleted users, one a day at noon UTC, 2025-03-10 … 2025-03-14.
  for (let i = 0; i < 5; i++) {
    recordAudit(db, { actor: BOB, action: "user.delete", entity: "user", entityId: `u-${i}`, before: { email: `gone${i}@example.test`, role: "viewer" } }, new Date(BOB_START + i * DAY));
  }
  recordAudit(db, { actor: EVIL, action: "auth.sign-in-failed", entity: "user", after: { reason: "unknown-account" }, address: "203.0.113.9" }, new Date("2025-04-01T10:00:00Z"));
});

async function get(query: string, headers?: Record<string, string>) {
  return GET(new Request(`http://localhost/api/audit${query}`, { headers: headers ?? (await sessionHeaders("admin")) }));
}

async function list(query: string) {
  const res = await get(query);
  expect(res.status).toBe(200);
  return ListSchema.parse(await res.json());
}

const q = (params: Record<string, string | number>) => `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;

/** CSV lines without the byte-order mark and the final CRLF. */
async function csvLines(res: Response) {
  const bytes = new Uint8Array(await res.arrayBuffer());
  // UTF-8 byte-order mark, so spreadsheet programs read Cyrillic correctly (res.text() would hide it).
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.slice(3));
  expect(text.endsWith("\r\n")).toBe(true);
  return text.slice(0, -2).split("\r\n");
}

describe("GET /api/audit — filters", () => {
  test("by actor: only that actor's entries, newest first, with before/after as JSON values", async () => {
    const body = await list(q({ actor: BOB }));
    expect(body.total).toBe(5);
    expect(body.entries.map((e) => e.entityId)).toEqual(["u-4", "u-3", "u-2", "u-1", "u-0"]);
    expect(body.entries.every((e) => e.actor === BOB && e.action === "user.delete")).toBe(true);
    expect(body.entries[0]).toMatchObject({ at: "2025-03-14T12:00:00.000Z", entity: "user", before: { email: "gone4@example.test", role: "viewer" }, after: null });
  });

  test("by action", async () => {
    const body = await list(q({ action: "auth.sign-in-failed" }));
    expect(body.entries.map((e) => e.actor)).toEqual([EVIL]);
    expect(body.entries[0].after).toEqual({ reason: "unknown-account" });
    expect((await list(q({ action: "settings" }))).total).toBe(0); // an exact action code, not a prefix
  });

  test("by entity, together with actor", async () => {
    expect((await list(q({ entity: "settings", actor: ALICE }))).total).toBe(30);
    expect((await list(q({ entity: "user", actor: ALICE }))).total).toBe(0);
  });

  test.each([
    ["one UTC day", { from: "2025-03-01", to: "2025-03-01" }, 24],
    ["the next UTC day", { from: "2025-03-02", to: "2025-03-02" }, 6],
    ["from only", { from: "2025-03-02" }, 6],
    ["to only (inclusive)", { to: "2025-03-01" }, 24],
    ["the same day in Moscow (UTC+3) ends at 21:00 UTC", { from: "2025-03-01", to: "2025-03-01", tz: "Europe/Moscow" }, 21],
    ["a range before everything", { from: "2024-01-01", to: "2024-12-31" }, 0],
  ])("date range: %s", async (_name, range, expected) => {
    expect((await list(q({ actor: ALICE, ...range }))).total).toBe(expected);
  });

  test("date range with both ends inclusive", async () => {
    const body = await list(q({ actor: BOB, from: "2025-03-11", to: "2025-03-13" }));
    expect(body.entries.map((e) => e.entityId)).toEqual(["u-3", "u-2", "u-1"]);
  });

  test.each([
    ["an e-mail inside before", "gone3@", ["u-3"]],
    ["case-insensitively", "GONE2@EXAMPLE", ["u-2"]],
    ["an entity id", "u-4", ["u-4"]],
  ])("q finds %s", async (_name, text, ids) => {
    const body = await list(q({ actor: BOB, q: text }));
    expect(body.entries.map((e) => e.entityId)).toEqual(ids);
  });

  test("q searches after values, and % is a plain character (not a LIKE wildcard)", async () => {
    expect((await list(q({ q: "unknown-account" }))).entries.map((e) => e.actor)).toEqual([EVIL]);
    expect((await list(q({ q: "%" }))).total).toBe(0);
    expect((await list(q({ q: "_" }))).total).toBe(0);
  });

  test("empty parameters (a GET form's blank fields) mean no filter", async () => {
    const all = await list("");
    const blank = await list("?actor=&action=&entity=&from=&to=&q=&limit=&offset=");
    expect(blank.total).toBe(all.total);
    expect(blank.limit).toBe(100);
  });
});

describe("GET /api/audit — pagination", () => {
  test("limit and offset page through the entries; total counts them all", async () => {
    const first = await list(q({ actor: ALICE, limit: 10 }));
    expect(first).toMatchObject({ total: 30, limit: 10, offset: 0 });
    expect(first.entries).toHaveLength(10);
    expect(first.entries[0].at).toBe(new Date(ALICE_START + 29 * HOUR).toISOString());

    const third = await list(q({ actor: ALICE, limit: 10, offset: 20 }));
    expect(third.total).toBe(30);
    expect(third.entries.map((e) => e.at)).toEqual(Array.from({ length: 10 }, (_, i) => new Date(ALICE_START + (9 - i) * HOUR).toISOString()));

    const last = await list(q({ actor: ALICE, limit: 10, offset: 25 }));
    expect(last.entries).toHaveLength(5);
    const beyond = await list(q({ actor: ALICE, offset: 30 }));
    expect(beyond).toMatchObject({ total: 30, entries: [] });

    const pages = [first, await list(q({ actor: ALICE, limit: 10, offset: 10 })), third].flatMap((p) => p.entries.map((e) => e.id));
    expect(new Set(pages).size).toBe(30);
  });

  test("the default page is 100 entries", async () => {
    const body = await list("");
    expect(body.limit).toBe(100);
    expect(body.total).toBeGreaterThanOrEqual(36);
    expect(body.entries).toHaveLength(Math.min(100, body.total));
  });
});

describe("GET /api/audit?format=csv", () => {
  test("a header row, every matching entry (limit and offset ignored), a dated attachment", async () => {
    const res = await get(q({ actor: ALICE, limit: 5, offset: 5, format: "csv" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="seatledger-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("x-total-count")).toBe("30");
    const lines = await csvLines(res);
    expect(lines[0]).toBe("id,at_utc,actor,action,entity,entity_id,before,after,address");
    expect(lines).toHaveLength(31);
    expect(lines[1]).toMatch(
      new RegExp(`^\\d+,2025-03-02T05:00:00\\.000Z,${ALICE},settings\\.update,settings,,"{""pinActivationLimit"":29}","{""pinActivationLimit"":30}",10\\.0\\.0\\.1$`),
    );
  });

  test("the filename carries today's date", async () => {
    const res = await get(q({ format: "csv", tz: "UTC" }));
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="seatledger-audit-${new Date().toISOString().slice(0, 10)}.csv"`);
  });

  test("a value that a spreadsheet would run as a formula is defused", async () => {
    const lines = await csvLines(await get(q({ action: "auth.sign-in-failed", format: "csv" })));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",auth.sign-in-failed,`);
    expect(lines[1]).not.toMatch(/,"?=HYPERLINK/);
  });

  test("filters apply to the export too", async () => {
    const lines = await csvLines(await get(q({ actor: BOB, q: "gone1@", format: "csv" })));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",user.delete,user,u-1,");
  });
});

describe("GET /api/audit — bad queries are a 400 naming the field", () => {
  test.each([
    ["from", { from: "2025-13-01" }, "from: must be a date like 2026-11-28"],
    ["from", { from: "28.11.2026" }, "from: must be a date like 2026-11-28"],
    ["to", { to: "2025-02-30" }, "to: must be a date like 2026-11-28"],
    ["to", { from: "2025-03-02", to: "2025-03-01" }, "to: must be the same day as from or later"],
    ["limit", { limit: 1001 }, "limit: must be a whole number from 1 to 1000"],
    ["limit", { limit: 0 }, "limit: must be a whole number from 1 to 1000"],
    ["limit", { limit: "ten" }, "limit: must be a whole number from 1 to 1000"],
    ["offset", { offset: -1 }, "offset: must be a whole number, 0 or more"],
    ["tz", { tz: "Mars/Olympus" }, "tz: must be an IANA time zone"],
    ["format", { format: "xlsx" }, "format: must be json or csv"],
  ])("%s %j", async (field, params, message) => {
    const res = await get(q(params));
    expect(res.status).toBe(400);
    const body = ErrorSchema.parse(await res.json());
    expect(body.error.code).toBe("invalid-input");
    expect(body.error.issues?.map((i) => i.path)).toContain(field);
    expect(body.error.message).toContain(message);
  });
});

describe("GET /api/audit — only administrators", () => {
  test("anonymous: 401", async () => {
    const res = await get("", {});
    expect(res.status).toBe(401);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("unauthenticated");
  });

  test.each(["finance", "lead", "viewer"] as const)("a %s session: 403", async (role) => {
    const res = await get("", await sessionHeaders(role));
    expect(res.status).toBe(403);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("forbidden");
  });

  test.each(["read", "import"] as const)("a %s token: 403", async (scope) => {
    const res = await get("", tokenHeaders(scope));
    expect(res.status).toBe(403);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("forbidden");
  });

  test("an admin token may read it, and its use is itself in the log", async () => {
    const headers = tokenHeaders("admin");
    const first = ListSchema.parse(await (await get(q({ action: "token.use" }), headers)).json());
    const actor = first.entries[0].actor!;
    expect(actor).toMatch(/^token #\d+ test admin$/);
    const res = await get(q({ action: "token.use", actor }), headers);
    expect(res.status).toBe(200);
    const body = ListSchema.parse(await res.json());
    expect(body.entries[0]).toMatchObject({ actor, entity: "api_token", after: { method: "GET", path: "/api/audit", allowed: true } });
  });
});

describe("audit_log is append-only in the database itself", () => {
  test("UPDATE and DELETE are refused by triggers; nothing changes", () => {
    const sqlite = getDb().$client;
    const before = sqlite.prepare("SELECT count(*) AS n, group_concat(actor) AS actors FROM audit_log").get();
    expect(() => sqlite.prepare("UPDATE audit_log SET actor = 'someone-else'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("UPDATE audit_log SET after = NULL WHERE actor = ?").run(BOB)).toThrow(/append-only/);
    expect(() => sqlite.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("DELETE FROM audit_log WHERE actor = ?").run(ALICE)).toThrow(/append-only/);
    expect(sqlite.prepare("SELECT count(*) AS n, group_concat(actor) AS actors FROM audit_log").get()).toEqual(before);
  });
});
