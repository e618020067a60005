import "@/tests/helpers/setup-env";

import { readFileSync } from "node:fs";
import path from "node:path";

import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";

import { POST } from "@/app/api/import/rac/route";
import { getDb } from "@/db/client";
import { loadOverview } from "@/db/queries/overview";
import { importRacSnapshot } from "@/db/queries/session-import";
import { getLatestSnapshot, listSessionsAt } from "@/db/queries/sessions";
import { auditLog, sessionSnapshots, sessions } from "@/db/schema";
import { writeDemoCompany } from "@/db/seed";
import { generateDemoCompany } from "@/lib/demo/company";
import { formatRac, ImportRacResponseSchema, parseRac, type RacRecord } from "@/lib/parsers/rac";
import { ErrorSchema, textPost } from "@/tests/helpers/api";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/rac", name));
const post = textPost(POST, "http://localhost/api/import/rac");
const at = (iso: string) => `?takenAt=${encodeURIComponent(iso)}`;
/** What rac prints on a Windows console: CRLF line ends. */
const rac = (records: RacRecord[]) => formatRac(records).replace(/\n/g, "\r\n");

async function imported(res: Response) {
  expect(res.status).toBe(201);
  return ImportRacResponseSchema.parse(await res.json());
}

const db = () => getDb();
const sessionByUuid = (uuid: string) => db().select().from(sessions).where(eq(sessions.sessionUuid, uuid)).get();
const rowCounts = () => ({
  snapshots: db().select({ n: count() }).from(sessionSnapshots).get()!.n,
  sessions: db().select({ n: count() }).from(sessions).get()!.n,
  audits: db().select({ n: count() }).from(auditLog).where(eq(auditLog.action, "sessions.import")).get()!.n,
});

// The demo's newest snapshot is at 11:30 Moscow time on the anchor day (2026-10-30T08:30Z); every capture
// below is later than that and earlier than the real clock.
const demo = generateDemoCompany({ anchor: "2026-10-30" });

beforeAll(() => writeDemoCompany(db(), demo), 60_000);

/** A `session list --licenses` record as rac prints it, with one license of the demo company (or none it owns). */
function licensed(uuid: string, license: "server-10" | "hasp" | "terminal-50" | "unknown", user: string, host: string, extra: RacRecord = {}): RacRecord {
  const kitTen = demo.kits.find((k) => k.seats === 10)!;
  const kitFifty = demo.kits.find((k) => k.seats === 50)!;
  const base: RacRecord = { session: uuid, userName: user, host, appId: "1CV8C" };
  switch (license) {
    case "server-10":
      return { ...base, fullName: "file:///var/1C/licenses/20240115093012.lic", series: kitTen.regNumber, issuedByServer: true, licenseType: "soft", net: false, maxUsersAll: 10, maxUsersCur: 4, rmngrAddress: "srv-1c", rmngrPort: 1541, rmngrPid: 2872, shortPresentation: `Сервер, программная лицензия ${kitTen.regNumber}, 10 польз.`, fullPresentation: `Сервер, 2872, srv-1c, 1541, программная лицензия ${kitTen.regNumber}, 10 польз.`, ...extra };
    case "hasp":
      return { ...base, fullName: null, series: "ORGL8", issuedByServer: false, licenseType: "HASP", net: true, maxUsersAll: 20, maxUsersCur: 20, rmngrAddress: null, rmngrPort: 0, rmngrPid: 0, shortPresentation: "Клиент, ORGL8 Сетевой 20", fullPresentation: `Клиент, ${host}, ORGL8 Сетевой 20`, ...extra };
    case "terminal-50":
      return { ...base, fullName: "file:///C:/ProgramData/1C/licenses/20240301080000.lic", series: kitFifty.regNumber, issuedByServer: false, licenseType: "soft", net: false, maxUsersAll: 50, maxUsersCur: 50, rmngrAddress: null, rmngrPort: 0, rmngrPid: 0, shortPresentation: `Клиент, программная лицензия ${kitFifty.regNumber}, 50 польз.`, fullPresentation: `Клиент, ${host}, программная лицензия ${kitFifty.regNumber}, 50 польз.`, ...extra };
    case "unknown":
      return { ...base, fullName: "file:///var/1C/licenses/20200101000000.lic", series: "899999999", issuedByServer: false, licenseType: "soft", net: false, maxUsersAll: 5, maxUsersCur: 5, rmngrAddress: null, rmngrPort: 0, rmngrPid: 0, shortPresentation: "Клиент, программная лицензия 899999999, 5 польз.", fullPresentation: `Клиент, ${host}, программная лицензия 899999999, 5 польз.`, ...extra };
  }
}

const U = (n: number) => `1f3c2a9e-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("POST /api/import/rac — a capture becomes a session snapshot (DOMAIN §5.1)", () => {
  const T1 = "2026-11-02T07:00:00Z";
  const T2 = "2026-11-02T07:05:00Z";
  const infobase = () => demo.infobases[0];

  test("the first import creates the snapshot and the sessions with their fields and the kit/key they hold", async () => {
    const before = rowCounts();
    const body = rac([
      licensed(U(1), "server-10", "Петров П.П.", "buh-05", { infobase: infobase().racUuid, startedAt: "2026-11-02T09:58:00", bytesAll: 1200, newPlatformKey: "x" }),
      licensed(U(2), "hasp", "Сидоров С.С.", "sklad-02"),
      licensed(U(3), "terminal-50", "Кузнецова Е.Н.", "srv-ts"),
      licensed(U(4), "unknown", "Орлов Д.М.", "pc-x"),
    ]);
    const r = await imported(await post(body, at(T1)));
    expect(r).toMatchObject({ takenAt: "2026-11-02T07:00:00.000Z", sessions: 4, created: 4, updated: 0, licensed: 4, matched: 3, unmatched: 1, skipped: 0, encoding: "utf-8", warnings: [] });
    expect(rowCounts()).toEqual({ snapshots: before.snapshots + 1, sessions: before.sessions + 4, audits: before.audits + 1 });

    const snapshot = db().select().from(sessionSnapshots).where(eq(sessionSnapshots.id, r.snapshotId)).get()!;
    expect(snapshot).toMatchObject({ source: "api", sessionCount: 4, takenAt: new Date(T1) });

    const kitTen = demo.kits.find((k) => k.seats === 10)!;
    const kitFifty = demo.kits.find((k) => k.seats === 50)!;
    const a = sessionByUuid(U(1))!;
    expect(a).toMatchObject({
      userName: "Петров П.П.",
      host: "buh-05",
      appId: "1CV8C",
      infobaseUuid: infobase().racUuid,
      infobaseId: infobase().id,
      // rac prints the 1C server's local time; the demo's server is in Moscow (UTC+3), the default zone.
      startedAt: new Date("2026-11-02T06:58:00Z"),
      licenseFullName: "file:///var/1C/licenses/20240115093012.lic",
      series: kitTen.regNumber,
      issuedByServer: true,
      licenseType: "soft",
      net: false,
      maxUsersAll: 10,
      maxUsersCur: 4,
      rmngrAddress: "srv-1c",
      rmngrPort: 1541,
      rmngrPid: "2872",
      firstSeenAt: new Date(T1),
      lastSeenAt: new Date(T1),
      matchedKitId: kitTen.id,
      matchedKeyId: null,
    });
    expect(JSON.parse(a.extra)).toEqual({ bytesAll: 1200, newPlatformKey: "x" });
    expect(sessionByUuid(U(2))).toMatchObject({ series: "ORGL8", licenseType: "HASP", net: true, rmngrAddress: null, rmngrPort: null, rmngrPid: null, matchedKitId: demo.hardwareKeys[0].kitId, matchedKeyId: 1 });
    expect(sessionByUuid(U(3))).toMatchObject({ host: "srv-ts", matchedKitId: kitFifty.id, matchedKeyId: null });
    expect(sessionByUuid(U(4))).toMatchObject({ series: "899999999", matchedKitId: null, matchedKeyId: null });
  });

  test("five minutes later: the continuing session moves on, the gone one stays, the new one is created", async () => {
    const body = rac([
      licensed(U(1), "server-10", "Петров П.П.", "buh-05", { infobase: infobase().racUuid, lastActiveAt: "2026-11-02T10:04:30", maxUsersCur: 6, bytesAll: 5400 }),
      licensed(U(3), "terminal-50", "Кузнецова Е.Н.", "srv-ts"),
      licensed(U(4), "unknown", "Орлов Д.М.", "pc-x"),
      licensed(U(5), "hasp", "Новиков А.А.", "sklad-03"),
    ]);
    const r = await imported(await post(body, at(T2)));
    expect(r).toMatchObject({ sessions: 4, created: 1, updated: 3, licensed: 4, matched: 3, unmatched: 1, skipped: 0 });

    const a = sessionByUuid(U(1))!;
    expect(a).toMatchObject({ firstSeenAt: new Date(T1), lastSeenAt: new Date(T2), maxUsersCur: 6, lastActiveAt: new Date("2026-11-02T07:04:30Z"), startedAt: new Date("2026-11-02T06:58:00Z") });
    // Counters refreshed, keys this capture did not print kept.
    expect(JSON.parse(a.extra)).toEqual({ bytesAll: 5400, newPlatformKey: "x" });
    expect(sessionByUuid(U(2))).toMatchObject({ firstSeenAt: new Date(T1), lastSeenAt: new Date(T1) });
    expect(sessionByUuid(U(5))).toMatchObject({ userName: "Новиков А.А.", firstSeenAt: new Date(T2), lastSeenAt: new Date(T2), matchedKeyId: 1 });
  });

  test("getLatestSnapshot and listSessionsAt read the imported snapshots; the Overview counts them like a demo one", () => {
    const latest = getLatestSnapshot(db())!;
    expect(latest).toMatchObject({ takenAt: new Date(T2), source: "api", sessionCount: 4 });
    const names = (t: string) => listSessionsAt(db(), new Date(t)).map((s) => s.userName);
    expect(names(T2)).toEqual(["Кузнецова Е.Н.", "Новиков А.А.", "Орлов Д.М.", "Петров П.П."]);
    expect(names(T1)).toEqual(["Кузнецова Е.Н.", "Орлов Д.М.", "Петров П.П.", "Сидоров С.С."]);
    expect(listSessionsAt(db(), new Date(T2)).find((s) => s.userName === "Петров П.П.")).toMatchObject({ infobase: infobase().name, series: demo.kits.find((k) => k.seats === 10)!.regNumber });

    const overview = loadOverview(db(), new Date(T2));
    expect(overview.snapshotTakenAt).toEqual(new Date(T2));
    // The Overview matches again from the stored fields: it must agree with the import's own count.
    expect(overview.model.snapshot).toMatchObject({ sessions: 4, licensed: 4, unmatched: 1 });
  });

  test("a capture older than the newest snapshot is stored but never moves last_seen_at back", async () => {
    const T0 = "2026-11-02T06:50:00Z";
    const r = await imported(await post(rac([licensed(U(1), "server-10", "Петров П.П.", "buh-05", { maxUsersCur: 1, bytesAll: 10 })]), at(T0)));
    expect(r).toMatchObject({ sessions: 1, created: 0, updated: 1 });
    // The older capture saw the session earlier: its interval widens back, its newer fields stay.
    expect(sessionByUuid(U(1))).toMatchObject({ firstSeenAt: new Date(T0), lastSeenAt: new Date(T2), maxUsersCur: 6 });
    expect(JSON.parse(sessionByUuid(U(1))!.extra)).toMatchObject({ bytesAll: 5400 });
    expect(getLatestSnapshot(db())!.takenAt).toEqual(new Date(T2));
  });
});

describe("POST /api/import/rac — real captures", () => {
  test("duplicates of fault tolerance > 1 count once (the parser's warning is passed on)", async () => {
    const r = await imported(await post(fixture("session-list-licenses-duplicates.txt"), at("2026-11-03T07:00:00Z")));
    expect(r).toMatchObject({ sessions: 3, created: 3, updated: 0, licensed: 3, skipped: 0 });
    expect(r.warnings).toEqual([{ line: 35, message: expect.stringMatching(/^2 duplicate session records/) }]);
    // Only the ORGL8 network key is the demo company's; the registration number 8100012345 is not.
    expect(r).toMatchObject({ matched: 1, unmatched: 2 });
    expect(listSessionsAt(db(), new Date("2026-11-03T07:00:00Z"))).toHaveLength(3);
  });

  test("the query itself folds a repeated uuid once and skips records without one", () => {
    const records = parseRac(fixture("session-list-licenses-ru.txt").toString("utf8")).records;
    const before = rowCounts();
    const r = importRacSnapshot(
      db(),
      { records: [records[0], { ...records[0], host: "other" }, { userName: "no uuid" }, records[1]], matches: [], takenAt: new Date("2026-11-04T07:00:00Z"), source: "api", timeZone: "Europe/Moscow" },
      { actor: "test" },
    );
    expect(r).toMatchObject({ sessions: 2, created: 2, updated: 0, licensed: 2, matched: 0, unmatched: 2, skipped: 1 });
    expect(sessionByUuid(String(records[0].session))).toMatchObject({ host: "buh-03" });
    expect(rowCounts()).toEqual({ snapshots: before.snapshots + 1, sessions: before.sessions + 2, audits: before.audits + 1 });
  });

  test("CRLF (UTF-8) and CP866 captures of the same sessions: read alike, folded into the same rows", async () => {
    const crlf = await imported(await post(fixture("session-list-licenses-crlf.txt"), at("2026-11-05T07:00:00Z")));
    expect(crlf).toMatchObject({ encoding: "utf-8", sessions: 6, created: 4, updated: 2, warnings: [] });
    const cp866 = await imported(await post(fixture("session-list-licenses-cp866.txt"), at("2026-11-05T07:05:00Z")));
    expect(cp866).toMatchObject({ encoding: "cp866", sessions: 6, created: 0, updated: 6, licensed: 6, warnings: [] });
    expect(cp866.matched + cp866.unmatched).toBe(6);

    const ivanov = sessionByUuid("3f1c9a42-7d1e-4b8a-9c65-0e2d7a91b5c3")!;
    expect(ivanov).toMatchObject({
      userName: "Иванов И.И.",
      host: "buh-03",
      shortPresentation: "Сервер, программная лицензия 8100012345, 50 польз.",
      firstSeenAt: new Date("2026-11-04T07:00:00Z"),
      lastSeenAt: new Date("2026-11-05T07:05:00Z"),
    });
    expect(sessionByUuid("c41e7b5a-08d2-4c63-9f1e-2b7a5d3c8e06")).toMatchObject({ userName: "Кузнецова Е.Н.", series: "ORGL8", matchedKeyId: 1 });
    expect(listSessionsAt(db(), new Date("2026-11-05T07:05:00Z")).map((s) => s.userName)).toContain("Обмен с сайтом");
  });

  test("a plain rac session list (no --licenses) is stored too: sessions without a license, counters in extra", async () => {
    const r = await imported(await post(fixture("session-list-en.txt"), at("2026-11-06T07:00:00Z")));
    expect(r.sessions).toBeGreaterThan(0);
    expect(r).toMatchObject({ created: r.sessions, licensed: 0, matched: 0, unmatched: 0 });
    const row = sessionByUuid("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d")!;
    expect(row).toMatchObject({ userName: "John Smith", sessionId: 12, locale: "en_US", hibernate: false, clientIp: "10.0.12.34", series: null, matchedKitId: null });
    expect(JSON.parse(row.extra)).toMatchObject({ bytesAll: 48213775, cpuTimeTotal: 41270, dataSeparation: null });
  });
});

describe("POST /api/import/rac — refused captures store nothing", () => {
  test.each([
    { name: "an empty body", body: "", query: "", code: "empty-body" },
    { name: "a whitespace-only body", body: " \r\n\t\n", query: "", code: "empty-body" },
    { name: "an HTML error page", body: "<html><body>502 Bad Gateway</body></html>\n", query: "", code: "no-sessions" },
    { name: "rac output without sessions (infobase info)", body: fixture("infobase-info.txt"), query: "", code: "no-sessions" },
    { name: "rac's own error text", body: "Ошибка соединения с сервером 1С:Предприятия 8.3\r\nсервер_addr=tcp://localhost:1545\r\n", query: "", code: "no-sessions" },
    { name: "takenAt without a zone", body: rac([licensed(U(90), "hasp", "X", "y")]), query: at("2026-11-02T10:00:00"), code: "invalid-input" },
    { name: "takenAt that is not a time", body: rac([licensed(U(91), "hasp", "X", "y")]), query: "?takenAt=yesterday", code: "invalid-input" },
    { name: "takenAt on 31 November", body: rac([licensed(U(92), "hasp", "X", "y")]), query: at("2026-11-31T10:00:00Z"), code: "invalid-input" },
  ])("$name → 400 $code", async ({ body, query, code }) => {
    const before = rowCounts();
    const res = await post(body, query);
    expect(res.status).toBe(400);
    const { error } = ErrorSchema.parse(await res.json());
    expect(error.code).toBe(code);
    if (code === "invalid-input") expect(error.issues?.[0].path).toBe("takenAt");
    if (code === "no-sessions") expect(error.message).toMatch(/rac session list .*--licenses/);
    expect(rowCounts()).toEqual(before);
  });

  test("takenAt more than 5 minutes ahead is refused naming the field; a little ahead (a clock skew) is not", async () => {
    const before = rowCounts();
    const res = await post(rac([licensed(U(93), "hasp", "X", "y")]), at(new Date(Date.now() + 10 * 60_000).toISOString()));
    expect(res.status).toBe(400);
    const { error } = ErrorSchema.parse(await res.json());
    expect(error.issues).toEqual([{ path: "takenAt", message: expect.stringMatching(/future/) }]);
    expect(rowCounts()).toEqual(before);
    const skew = await imported(await post(rac([licensed(U(94), "hasp", "X", "y")]), at(new Date(Date.now() + 60_000).toISOString())));
    expect(skew.sessions).toBe(1);
  });

  test("without takenAt the capture is taken now", async () => {
    const start = Date.now();
    const r = await imported(await post(rac([licensed(U(95), "hasp", "X", "y")])));
    expect(Date.parse(r.takenAt)).toBeGreaterThanOrEqual(start);
    expect(Date.parse(r.takenAt)).toBeLessThanOrEqual(Date.now());
  });
});

describe("POST /api/import/rac — audit", () => {
  test("every import writes sessions.import with the counts, and no user name or host", () => {
    const entries = db().select().from(auditLog).where(eq(auditLog.action, "sessions.import")).all();
    // Ten stored captures above (nine through the route, one through the query directly).
    expect(entries).toHaveLength(10);
    const first = entries[0];
    expect(first).toMatchObject({ actor: expect.stringMatching(/^token #\d+ test import$/), entity: "session_snapshot" });
    expect(JSON.parse(first.after!)).toEqual({ takenAt: "2026-11-02T07:00:00.000Z", source: "api", sessions: 4, created: 4, updated: 0, licensed: 4, matched: 3, unmatched: 1, skipped: 0 });
    const text = JSON.stringify(entries);
    for (const secret of ["Петров", "Сидоров", "Иванов", "Кузнецова", "John Smith", "buh-05", "sklad-02", "buh-03", "acc-pc-14", "srv-ts", "ORGL8"]) expect(text).not.toContain(secret);
  });
});
