import "@/tests/helpers/setup-env";

import { beforeAll, describe, expect, test } from "vitest";

import { POST as importPost } from "@/app/api/import/rac/route";
import { GET as historyGet } from "@/app/api/sessions/history/route";
import { GET as holdersGet } from "@/app/api/sessions/route";
import { GET as snapshotsGet } from "@/app/api/sessions/snapshots/route";
import { getDb } from "@/db/client";
import { writeDemoCompany } from "@/db/seed";
import { generateDemoCompany } from "@/lib/demo/company";
import { formatRac, type RacRecord } from "@/lib/parsers/rac";
import { HistoryResponseSchema, HolderListResponseSchema, SnapshotListResponseSchema } from "@/lib/sessions/api";
import { ErrorSchema, textPost } from "@/tests/helpers/api";
import { tokenHeaders } from "@/tests/helpers/auth";

/** Issue 10 §2: the Sessions page's lists — holders of a snapshot, the snapshots, a user's or computer's history. */
const demo = generateDemoCompany({ anchor: "2026-10-30" });
const importRac = textPost(importPost, "http://localhost/api/import/rac");
const get = async <T>(handler: (r: Request) => Promise<Response>, path: string, schema: { parse: (v: unknown) => T }) => {
  const res = await handler(new Request(`http://localhost${path}`, { headers: tokenHeaders("read") }));
  expect(res.status).toBe(200);
  return schema.parse(await res.json());
};
const holders = (qs = "") => get(holdersGet, `/api/sessions${qs}`, HolderListResponseSchema);
const U = (n: number) => `5b0c2a9e-0000-4000-8000-${String(n).padStart(12, "0")}`;

const T1 = "2026-11-04T07:00:00Z";
const T2 = "2026-11-04T07:05:00Z";
const kitTen = () => demo.kits.find((k) => k.seats === 10)!;
const infobase = (i: number) => demo.infobases[i];

/** Local times of the 1C server (Moscow, the demo's serverTimeZone): T1 is 10:00 there. */
function session(n: number, user: string, host: string, extra: RacRecord = {}): RacRecord {
  return {
    session: U(n),
    infobase: infobase(0).racUuid,
    userName: user,
    host,
    appId: "1CV8C",
    startedAt: "2026-11-04T08:00:00",
    lastActiveAt: "2026-11-04T09:55:00",
    hibernate: false,
    fullName: "file:///var/1C/licenses/20240115093012.lic",
    series: kitTen().regNumber,
    issuedByServer: true,
    licenseType: "soft",
    net: false,
    rmngrAddress: "srv-1c",
    rmngrPort: 1541,
    rmngrPid: 2872,
    shortPresentation: `Сервер, ${kitTen().regNumber} 10 1`,
    fullPresentation: `Сервер, 2872, srv-1c, 1541, программная лицензия ${kitTen().regNumber}, 10 польз.`,
    ...extra,
  };
}

beforeAll(async () => {
  writeDemoCompany(getDb(), demo);
  const first = [
    session(1, "Иванов И.И.", "t-ws-01"),
    session(2, "Петров П.П.", "t-ws-02", { infobase: infobase(1).racUuid, hibernate: true }),
    session(3, "Сидоров С.С.", "t-ws-03", { lastActiveAt: "2026-11-04T07:30:00" }),
    // An unknown registration number, and a known HASP series that no recorded key serves from this host.
    session(4, "Орлов Д.М.", "pc-x", { series: "899999999", issuedByServer: false, rmngrAddress: null, rmngrPort: 0, rmngrPid: 0, shortPresentation: "Клиент, 899999999 5 1", fullPresentation: "Клиент, pc-x, программная лицензия 899999999, 5 польз." }),
    session(5, "Без лицензии", "t-ws-05", { series: null, fullName: null, licenseType: null, issuedByServer: null, net: null, rmngrAddress: null, rmngrPort: null, rmngrPid: null, shortPresentation: null, fullPresentation: null }),
  ];
  expect((await importRac(formatRac(first), `?takenAt=${encodeURIComponent(T1)}`)).status).toBe(201);
  // Five minutes later: Иванов again (the same session) and a new one of his; the capture is cut in its last record.
  const text = formatRac([session(1, "Иванов И.И.", "t-ws-01"), session(6, "иванов и.и.", "T-WS-01"), session(7, "x", "y")]);
  const cut = text.slice(0, text.indexOf("\n", text.indexOf("series", text.indexOf(U(7)))) + 1);
  expect((await importRac(cut, `?takenAt=${encodeURIComponent(T2)}`)).status).toBe(201);
}, 60_000);

describe("GET /api/sessions — who holds the seats (issue 10 §2)", () => {
  test("the newest snapshot by default, with its counts", async () => {
    const r = await holders();
    expect(r.snapshot).toMatchObject({ takenAt: "2026-11-04T07:05:00.000Z", sessions: 2, licensed: 2, matched: 2, unmatched: 0 });
    expect(r.snapshot!.warnings).toEqual([{ line: expect.any(Number), message: expect.stringContaining("the capture was cut off") }]);
    expect(r.counts).toEqual({ sessions: 2, licensed: 2, matched: 2, unmatched: 0, flagged: 0 });
  });

  test("an older snapshot: holders with the pool they count in, since, idle for", async () => {
    const { snapshot } = await holders();
    const { snapshots } = await get(snapshotsGet, "/api/sessions/snapshots", SnapshotListResponseSchema);
    const older = snapshots.find((s) => s.takenAt === "2026-11-04T07:00:00.000Z")!;
    expect(older.id).not.toBe(snapshot!.id);
    const r = await holders(`?snapshot=${older.id}`);
    expect(r.counts).toEqual({ sessions: 5, licensed: 4, matched: 3, unmatched: 1, flagged: 2 });
    const ivanov = r.sessions.find((s) => s.userName === "Иванов И.И.")!;
    expect(ivanov).toMatchObject({ host: "t-ws-01", infobase: infobase(0).name, appId: "1CV8C", series: kitTen().regNumber, matched: true, poolId: "soft-server:srv-1c", counting: "per-session", startedAt: "2026-11-04T05:00:00.000Z", idleMinutes: 5, flags: [] });
  });

  test("seats kept while hibernated or idle for hours are flagged; the flag filter finds them", async () => {
    const older = (await get(snapshotsGet, "/api/sessions/snapshots?size=100", SnapshotListResponseSchema)).snapshots.find((s) => s.takenAt === "2026-11-04T07:00:00.000Z")!;
    const flagged = await holders(`?snapshot=${older.id}&flag=flagged&sort=userName`);
    expect(flagged.sessions.map((s) => [s.userName, s.flags])).toEqual([
      ["Петров П.П.", ["hibernated"]],
      ["Сидоров С.С.", ["idle"]],
    ]);
    expect((await holders(`?snapshot=${older.id}&flag=idle`)).sessions.map((s) => s.idleMinutes)).toEqual([150]);
  });

  test("unmatched records carry the reason and the record that would match them", async () => {
    const older = (await get(snapshotsGet, "/api/sessions/snapshots?size=100", SnapshotListResponseSchema)).snapshots.find((s) => s.takenAt === "2026-11-04T07:00:00.000Z")!;
    const r = await holders(`?snapshot=${older.id}&license=unmatched`);
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0]).toMatchObject({ userName: "Орлов Д.М.", matched: false, poolId: null, fix: { kind: "new-kit", regNumber: "899999999" } });
    expect(r.sessions[0].reason!.en).toMatch(/No kit or key with this series/);
    expect(r.sessions[0].reason!.ru).toMatch(/Комплекта или ключа/);
    expect((await holders(`?snapshot=${older.id}&license=none`)).sessions.map((s) => s.userName)).toEqual(["Без лицензии"]);
  });

  test("filters by infobase (case-insensitive), application and text, sorted and paged", async () => {
    const older = (await get(snapshotsGet, "/api/sessions/snapshots?size=100", SnapshotListResponseSchema)).snapshots.find((s) => s.takenAt === "2026-11-04T07:00:00.000Z")!;
    const r = await holders(`?snapshot=${older.id}&infobase=${encodeURIComponent(infobase(1).name.toUpperCase())}`);
    expect(r.sessions.map((s) => s.userName)).toEqual(["Петров П.П."]);
    expect(r.infobases).toEqual([infobase(0).name, infobase(1).name].sort((a, b) => a.localeCompare(b)));
    const paged = await holders(`?snapshot=${older.id}&sort=host&dir=desc&size=25&page=1&q=t-ws`);
    expect(paged.sessions.map((s) => s.host)).toEqual(["t-ws-05", "t-ws-03", "t-ws-02", "t-ws-01"]);
  });

  test.each([
    ["flag=bogus", "flag"],
    ["license=maybe", "license"],
    ["snapshot=abc", "snapshot"],
    ["sort=pin", "sort"],
  ])("bad query %s → 400 naming the field", async (qs, field) => {
    const res = await holdersGet(new Request(`http://localhost/api/sessions?${qs}`, { headers: tokenHeaders("read") }));
    expect(res.status).toBe(400);
    expect(ErrorSchema.parse(await res.json()).error.issues!.map((i) => i.path)).toEqual([field]);
  });

  test("an unknown snapshot id is an empty answer, not an error", async () => {
    expect(await holders("?snapshot=999999")).toMatchObject({ snapshot: null, sessions: [], total: 0 });
  });
});

describe("GET /api/sessions/snapshots", () => {
  test("newest first, with the counts and warnings kept at import; the demo's counts agree with a recount", async () => {
    const { snapshots, total } = await get(snapshotsGet, "/api/sessions/snapshots?size=25", SnapshotListResponseSchema);
    expect(total).toBe(demo.sessionSnapshots.length + 2);
    expect(snapshots.slice(0, 2).map((s) => [s.takenAt, s.sessions, s.licensed, s.matched, s.unmatched, s.warnings.length])).toEqual([
      ["2026-11-04T07:05:00.000Z", 2, 2, 2, 0, 1],
      ["2026-11-04T07:00:00.000Z", 5, 4, 3, 1, 0],
    ]);
    const demoNewest = snapshots[2];
    const recount = await holders(`?snapshot=${demoNewest.id}`);
    expect([demoNewest.sessions, demoNewest.licensed, demoNewest.unmatched]).toEqual([recount.counts.sessions, recount.counts.licensed, recount.counts.unmatched]);
  });
});

describe("GET /api/sessions/history — a user's or a computer's sessions", () => {
  test("a user across snapshots, names compared case-insensitively", async () => {
    const r = await get(historyGet, `/api/sessions/history?user=${encodeURIComponent("ИВАНОВ И.И.")}`, HistoryResponseSchema);
    expect(r.total).toBe(2);
    expect(r.sessions.map((s) => [s.host, s.firstSeenAt, s.lastSeenAt])).toEqual([
      ["T-WS-01", "2026-11-04T07:05:00.000Z", "2026-11-04T07:05:00.000Z"],
      ["t-ws-01", "2026-11-04T07:00:00.000Z", "2026-11-04T07:05:00.000Z"],
    ]);
  });

  test("a computer", async () => {
    const r = await get(historyGet, "/api/sessions/history?host=t-ws-02", HistoryResponseSchema);
    expect(r.sessions.map((s) => [s.userName, s.infobase])).toEqual([["Петров П.П.", infobase(1).name]]);
  });

  test("neither user nor host → 400 naming user", async () => {
    const res = await historyGet(new Request("http://localhost/api/sessions/history", { headers: tokenHeaders("read") }));
    expect(res.status).toBe(400);
    expect(ErrorSchema.parse(await res.json()).error.issues!.map((i) => i.path)).toEqual(["user"]);
  });
});
