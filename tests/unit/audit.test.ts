import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { createElement } from "react";
import { createFormatter, createTranslator } from "use-intl/core";
import { afterEach, describe, expect, test, vi } from "vitest";

import type { AuditViewProps } from "@/components/audit/audit-view";
import { describeChange, showValue } from "@/components/audit/changes";
import { KNOWN_ACTIONS, KNOWN_ENTITIES } from "@/components/audit/labels";
import { auditQuery } from "@/components/audit/query";
import { auditFacets, AuditFilterSchema, listAudit, recordAudit } from "@/db/queries/audit";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { startOfDay } from "@/lib/licensing/timeline";
import { parseRecorded, redactSecrets, SECRET_MARKER } from "@/lib/security/redact";
import { saveLicensingSettings } from "@/db/queries/settings";
import { createApiToken, revokeApiToken } from "@/db/queries/tokens";
import { createTempDb, type TempDb } from "@/tests/helpers/temp-db";

// The Audit page's components read next-intl's server API; here it is use-intl's core, failing on a missing message.
const intl = vi.hoisted(() => ({ locale: "en" as "en" | "ru" }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: intl.locale, messages: messagesFor(intl.locale), namespace: namespace as never, onError: (e) => { throw e; } }),
  getFormatter: async () => createFormatter({ locale: intl.locale, timeZone: "Europe/Moscow" }),
}));
vi.mock("next/link", () => ({ default: (props: Record<string, unknown>) => createElement("a", props) }));
vi.mock("next/form", () => ({ default: (props: Record<string, unknown>) => createElement("form", props) }));

const temps: TempDb[] = [];
afterEach(() => {
  while (temps.length) temps.pop()!.cleanup();
});
const fresh = () => {
  const t = createTempDb();
  temps.push(t);
  return t.db;
};

describe("audit log (issue #5): who changed what, secrets never written", () => {
  test("secret fields are redacted at any depth", () => {
    expect(redactSecrets({ kit: { regNumber: "8100000001", pins: [{ id: 1, code: "123456789012345" }] }, registrationData: "[…]", token: "slt_x" })).toEqual({
      kit: { regNumber: "8100000001", pins: [{ id: 1, code: "[secret]" }] },
      registrationData: "[secret]",
      token: "[secret]",
    });
  });

  test("an entry keeps who, when, what and before/after", () => {
    const db = fresh();
    const at = new Date("2026-11-27T08:30:00Z");
    recordAudit(db, { actor: "admin@example", action: "pin.frobnicate", entity: "pin", entityId: 7, after: { kitId: 2, code: "123456789012345" }, address: "10.0.0.9" }, at);
    const [e] = listAudit(db).rows;
    expect(e).toMatchObject({ actor: "admin@example", action: "pin.frobnicate", entity: "pin", entityId: "7", address: "10.0.0.9", at });
    expect(JSON.parse(e.after!)).toEqual({ kitId: 2, code: "[secret]" });
    expect(JSON.stringify(e)).not.toContain("123456789012345");
  });

  test("changing settings writes one entry with the changed keys before and after", () => {
    const db = fresh();
    saveLicensingSettings(db, { pinActivationLimit: 8 }, [], { actor: null, address: "127.0.0.1" });
    const [e] = listAudit(db).rows;
    expect(e.action).toBe("settings.update");
    expect(JSON.parse(e.before!)).toEqual({ pinActivationLimit: 6 });
    expect(JSON.parse(e.after!)).toEqual({ pinActivationLimit: 8 });
    saveLicensingSettings(db, {}, []);
    expect(listAudit(db).total).toBe(1);
  });

  test("creating and revoking a token are audited, the token itself is not", () => {
    const db = fresh();
    const { token, row } = createApiToken(db, { name: "cron", scope: "import", createdBy: "cli" });
    revokeApiToken(db, row.id);
    const entries = listAudit(db).rows;
    expect(entries.map((e) => e.action).sort()).toEqual(["token.create", "token.revoke"]);
    expect(JSON.stringify(entries)).not.toContain(token.slice(4));
  });

  test.each([
    ["an object", '{"role":"admin","password":"[secret]"}', { role: "admin", password: SECRET_MARKER }],
    ["a JSON string", '"x"', "x"],
    ["a number", "42", 42],
    ["text that is not JSON stays text", "{not json", "{not json"],
    ["nothing recorded", null, null],
  ])("parseRecorded reads what recordAudit wrote: %s", (_name, text, value) => {
    expect(parseRecorded(text)).toEqual(value);
  });
});

describe("AuditFilterSchema: the filter of the Audit page and GET /api/audit", () => {
  test("blank fields (a GET form's empty inputs) are no filter; defaults fill the rest", () => {
    expect(AuditFilterSchema.parse({ actor: " ", action: "", from: "", limit: "", offset: "" })).toEqual({ tz: "UTC", limit: 100, offset: 0 });
    expect(AuditFilterSchema.parse({ actor: " a@b ", from: "2026-11-28", to: "2026-11-28", limit: "20", offset: "40", tz: "Europe/Moscow" })).toEqual({
      actor: "a@b",
      from: "2026-11-28",
      to: "2026-11-28",
      tz: "Europe/Moscow",
      limit: 20,
      offset: 40,
    });
  });

  test.each([
    [{ from: "2026-11-31" }, "from", "must be a date like 2026-11-28 (YYYY-MM-DD)"],
    [{ to: "28/11/2026" }, "to", "must be a date like 2026-11-28 (YYYY-MM-DD)"],
    [{ from: "2026-11-29", to: "2026-11-28" }, "to", "must be the same day as from or later"],
    [{ limit: "1001" }, "limit", "must be a whole number from 1 to 1000"],
    [{ limit: "2.5" }, "limit", "must be a whole number from 1 to 1000"],
    [{ offset: "-1" }, "offset", "must be a whole number, 0 or more"],
    [{ q: "x".repeat(201) }, "q", "must be at most 200 characters"],
    [{ tz: "Moscow" }, "tz", "must be an IANA time zone like Europe/Moscow or UTC"],
  ])("%j → %s: %s", (input, field, message) => {
    const issues = AuditFilterSchema.safeParse(input).error?.issues ?? [];
    expect(issues.map((i) => [i.path.join("."), i.message])).toEqual([[field, message]]);
  });

  test("a reversed range is marked so the page can say which rule failed", () => {
    const [issue] = AuditFilterSchema.safeParse({ from: "2026-11-29", to: "2026-11-28" }).error!.issues;
    expect(issue).toMatchObject({ code: "custom", params: { rule: "range" } });
  });
});

describe("startOfDay: where the audit filter's calendar days begin in a time zone", () => {
  test.each([
    ["2026-11-28", "UTC", 0, "2026-11-28T00:00:00.000Z"],
    ["2026-11-28", "UTC", 1, "2026-11-29T00:00:00.000Z"],
    ["2026-11-28", "Europe/Moscow", 0, "2026-11-27T21:00:00.000Z"],
    ["2026-12-31", "Europe/Moscow", 1, "2026-12-31T21:00:00.000Z"],
    ["2026-03-29", "Europe/Berlin", 0, "2026-03-28T23:00:00.000Z"], // the day summer time starts
    ["2026-03-29", "Europe/Berlin", 1, "2026-03-29T22:00:00.000Z"],
    ["2026-11-01", "America/Havana", 0, "2026-11-01T04:00:00.000Z"], // summer time ends at 01:00 that day
    ["2026-11-28", "Asia/Kolkata", 0, "2026-11-27T18:30:00.000Z"],
  ])("%s in %s (+%i days) → %s", (date, zone, plus, expected) => {
    expect(new Date(startOfDay(date, zone, plus)).toISOString()).toBe(expected);
  });
});

describe("listAudit and auditFacets", () => {
  test("filters combine; newest first; total counts every match, not only the page", () => {
    const db = fresh();
    const at = (iso: string) => new Date(iso);
    recordAudit(db, { actor: "a@x", action: "user.create", entity: "user", entityId: "u1", after: { email: "one@x" } }, at("2026-11-27T20:59:00Z"));
    recordAudit(db, { actor: "a@x", action: "user.create", entity: "user", entityId: "u2", after: { email: "two@x" } }, at("2026-11-27T21:00:00Z"));
    recordAudit(db, { actor: "b@x", action: "user.delete", entity: "user", entityId: "u2", before: { email: "two@x" } }, at("2026-11-28T20:59:59Z"));
    recordAudit(db, { actor: null, action: "settings.update", entity: "settings", before: { a: 1 }, after: { a: 2 } }, at("2026-11-28T21:00:00Z"));

    const ids = (f: Parameters<typeof listAudit>[1]) => listAudit(db, f).rows.map((r) => `${r.action}:${r.entityId ?? "-"}`);
    expect(ids({})).toEqual(["settings.update:-", "user.delete:u2", "user.create:u2", "user.create:u1"]);
    expect(ids({ actor: "a@x" })).toEqual(["user.create:u2", "user.create:u1"]);
    expect(ids({ action: "user.delete" })).toEqual(["user.delete:u2"]);
    expect(ids({ entity: "settings" })).toEqual(["settings.update:-"]);
    expect(ids({ q: "two@" })).toEqual(["user.delete:u2", "user.create:u2"]);
    expect(ids({ from: "2026-11-28", to: "2026-11-28" })).toEqual(["settings.update:-", "user.delete:u2"]);
    expect(ids({ from: "2026-11-28", to: "2026-11-28", tz: "Europe/Moscow" })).toEqual(["user.delete:u2", "user.create:u2"]);
    expect(listAudit(db, { limit: 1, offset: 1 })).toMatchObject({ total: 4, rows: [{ action: "user.delete" }] });
    expect(auditFacets(db)).toEqual({ actors: ["a@x", "b@x"], actions: ["settings.update", "user.create", "user.delete"], entities: ["settings", "user"] });
  });

  test("a day with a summer-time change is 23 hours long: its first and last second are in, their neighbours out", () => {
    const db = fresh();
    for (const iso of ["2026-03-28T22:59:59Z", "2026-03-28T23:00:00Z", "2026-03-29T21:59:59Z", "2026-03-29T22:00:00Z"]) {
      recordAudit(db, { actor: null, action: "settings.update", entityId: iso }, new Date(iso));
    }
    const ids = listAudit(db, { from: "2026-03-29", to: "2026-03-29", tz: "Europe/Berlin" }).rows.map((r) => r.entityId);
    expect(ids).toEqual(["2026-03-29T21:59:59Z", "2026-03-28T23:00:00Z"]);
  });
});

describe("describeChange: before → after in a few readable lines", () => {
  test("two objects: only the keys that changed, old → new", () => {
    expect(describeChange({ email: "a@x", role: "viewer" }, { email: "a@x", role: "admin", password: "[secret]" })).toEqual([
      { kind: "changed", key: "role", before: { kind: "text", text: "viewer" }, after: { kind: "text", text: "admin" } },
      { kind: "changed", key: "password", before: { kind: "none" }, after: { kind: "secret" } },
    ]);
  });

  test("a create lists what was set, a delete what was there", () => {
    expect(describeChange(null, { name: "cron", scope: "import" })).toEqual([
      { kind: "value", side: "after", key: "name", value: { kind: "text", text: "cron" } },
      { kind: "value", side: "after", key: "scope", value: { kind: "text", text: "import" } },
    ]);
    expect(describeChange({ role: "viewer" }, undefined)).toEqual([{ kind: "value", side: "before", key: "role", value: { kind: "text", text: "viewer" } }]);
    expect(describeChange(undefined, undefined)).toEqual([]);
    expect(describeChange({ a: 1 }, { a: 1 })).toEqual([]);
  });

  test("values: lists joined, nested values as JSON, long text cut with the whole of it kept", () => {
    expect(showValue(["1CV8C", "Designer"])).toEqual({ kind: "text", text: "1CV8C, Designer" });
    expect(showValue({ "5": 1200 })).toEqual({ kind: "text", text: '{"5":1200}' });
    expect(showValue(false)).toEqual({ kind: "text", text: "false" });
    const long = showValue("x".repeat(100));
    expect(long).toMatchObject({ kind: "text", full: "x".repeat(100) });
    expect(long.kind === "text" && long.text.length).toBe(80);
  });
});

async function renderView(locale: Locale, props: AuditViewProps): Promise<string> {
  intl.locale = locale;
  const { AuditView } = await import("@/components/audit/audit-view");
  const { prerenderToNodeStream } = await import("react-dom/static");
  const { prelude } = await prerenderToNodeStream(await AuditView(props));
  let html = "";
  for await (const chunk of prelude) html += chunk;
  return html.replace(/<!-- -->/g, "");
}

const VIEW: AuditViewProps = {
  values: { actor: "a@x", from: "2026-11-01" },
  facets: { actors: ["a@x", "b@x"], actions: [...KNOWN_ACTIONS, "pin.frobnicate"], entities: [...KNOWN_ENTITIES, "thing"] },
  timeZone: "Europe/Moscow",
  data: {
    ok: true,
    total: 2345,
    limit: 100,
    offset: 100,
    defaultLimit: 100,
    rows: [
      { id: 1, at: new Date("2026-11-28T08:30:00Z"), actor: "a@x", action: "user.update", entity: "user", entityId: "u1", before: '{"role":"viewer"}', after: '{"role":"admin","password":"[secret]"}', address: "10.0.0.1" },
      { id: 2, at: new Date("2026-11-28T08:00:00Z"), actor: null, action: "pin.frobnicate", entity: "thing", entityId: "7", before: null, after: null, address: null },
    ],
  },
};

describe("the Audit page's view", () => {
  test("a page of entries: position, pages, export link with the same filters, readable changes", async () => {
    const html = await renderView("en", VIEW);
    expect(html).toContain("Showing 101–102 of 2,345");
    expect(html).toContain('href="/audit?actor=a%40x&amp;from=2026-11-01"'); // previous: the first page
    expect(html).toContain('href="/audit?actor=a%40x&amp;from=2026-11-01&amp;offset=200"');
    expect(html).toContain('href="/api/audit?actor=a%40x&amp;from=2026-11-01&amp;tz=Europe%2FMoscow&amp;format=csv"');
    expect(html).toContain("cannot be edited or deleted through the app");
    expect(html).toContain("User changed");
    expect(html).toMatch(/role: <\/span><span[^>]*>viewer<\/span><span[^>]*> → <\/span><span[^>]*>admin/);
    expect(html).toContain("secret, not recorded");
    expect(html).toContain("Nov 28, 2026, 11:30:00"); // 08:30 UTC in Moscow
    expect(html).toContain("<code class=\"text-xs\">pin.frobnicate</code>"); // unknown action: its code
  });

  test("every action and entity the app writes has a label, and every action label is written somewhere", () => {
    const sources = ["app", "db"].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((file) => /\.tsx?$/.test(file))
        .map((file) => readFileSync(join(dir, file), "utf8")),
    );
    const written = (key: string) => [...new Set(sources.flatMap((text) => [...text.matchAll(new RegExp(`\\b${key}: "([a-z_.-]+)"`, "g"))].map((m) => m[1])))].sort();
    expect(written("action")).toEqual([...KNOWN_ACTIONS].sort());
    expect(KNOWN_ENTITIES).toEqual(expect.arrayContaining(written("entity")));
  });

  test.each(LOCALES)("every action and entity label exists in %s", async (locale) => {
    await expect(renderView(locale, VIEW)).resolves.toContain("<table");
  });

  test("Russian", async () => {
    const html = await renderView("ru", VIEW);
    expect(html).toMatch(/Показаны 101–102 из 2\s345/); // a no-break space groups the thousands
    expect(html).toContain("Изменён пользователь");
    expect(html).toContain("секрет, не записывается");
  });

  test("nothing matches: an empty state with a way out; an invalid filter: what to fix", async () => {
    const empty = await renderView("en", { ...VIEW, data: { ok: true, rows: [], total: 0, limit: 100, offset: 0, defaultLimit: 100 } });
    expect(empty).toContain("No entries match these filters");
    expect(empty).not.toContain("<table");
    expect(empty).not.toContain("format=csv");
    const emptyLog = await renderView("en", { ...VIEW, values: {}, data: { ok: true, rows: [], total: 0, limit: 100, offset: 0, defaultLimit: 100 } });
    expect(emptyLog).toContain("The audit log is empty");
    const invalid = await renderView("en", { ...VIEW, data: { ok: false, problems: [{ field: "from", rule: "date" }, { field: "to", rule: "range" }] } });
    expect(invalid).toContain("“From”: enter a date like 2026-11-28.");
    expect(invalid).toContain("“To” must be the same day as “From” or later.");
    expect(invalid).not.toContain("<table");
  });

  test("auditQuery keeps only the fields that are set", () => {
    expect(auditQuery({})).toBe("");
    expect(auditQuery({ actor: "", q: "a b&c" }, { offset: 100, limit: undefined })).toBe("?q=a+b%26c&offset=100");
  });
});
