import "@/tests/helpers/setup-env";

import { beforeAll, describe, expect, test } from "vitest";

import { GET as eventsGet, POST as eventsPost } from "@/app/api/events/route";
import { POST as importPost } from "@/app/api/import/rac/route";
import { POST as whyPost } from "@/app/api/why/route";
import { getDb } from "@/db/client";
import { writeDemoCompany } from "@/db/seed";
import { generateDemoCompany } from "@/lib/demo/company";
import { formatRac, type RacRecord } from "@/lib/parsers/rac";
import { EventCreatedSchema, EventsResponseSchema, WhyResponseSchema } from "@/lib/why/api";
import { ErrorSchema, textPost } from "@/tests/helpers/api";
import { tokenHeaders } from "@/tests/helpers/auth";

/** Issue 11 §2 API: `POST /api/why` and `GET /api/events`. */
const demo = generateDemoCompany({ anchor: "2026-10-30" });
const importRac = textPost(importPost, "http://localhost/api/import/rac");
const U = (n: number) => `3c0c2a9e-0000-4000-8000-${String(n).padStart(12, "0")}`;
const ACCOUNTING = "Бухгалтерия предприятия";
const T = "2026-11-05T07:00:00Z";

async function why(body: unknown) {
  const res = await whyPost(new Request("http://localhost/api/why", { method: "POST", headers: { ...tokenHeaders("read"), "content-type": "application/json" }, body: JSON.stringify(body) }));
  return { status: res.status, body: (await res.json()) as unknown };
}
const answer = async (body: unknown) => {
  const r = await why(body);
  expect(r.status).toBe(200);
  return WhyResponseSchema.parse(r.body);
};

const kitTen = () => demo.kits.find((k) => k.seats === 10)!;
/** The 1C server issues a seat of the 10-seat kit (per session). */
const serverSeat = (n: number, user: string, host: string): RacRecord => ({
  session: U(n),
  infobase: demo.infobases[0].racUuid,
  userName: user,
  host,
  appId: "1CV8C",
  startedAt: "2026-11-05T08:00:00",
  lastActiveAt: `2026-11-05T09:${String(59 - n).padStart(2, "0")}:00`,
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
});
/** A network ORGL8 seat the client found through the License Manager (per computer). */
const keySeat = (n: number, host: string): RacRecord => ({
  session: U(n),
  infobase: demo.infobases[0].racUuid,
  userName: `Склад ${n}`,
  host,
  appId: "1CV8C",
  startedAt: "2026-11-05T08:30:00",
  lastActiveAt: "2026-11-05T09:50:00",
  fullName: null,
  series: "ORGL8",
  issuedByServer: false,
  licenseType: "HASP",
  net: true,
  rmngrAddress: null,
  rmngrPort: 0,
  rmngrPid: 0,
  shortPresentation: "Клиент, ORGL8 Сет 20",
  fullPresentation: `Клиент, ${host}, ORGL8 Сетевой 20`,
});

beforeAll(async () => {
  writeDemoCompany(getDb(), demo);
  // Every seat of the server pool and of the network key taken (T is 10:00 in Moscow, the server's zone).
  const capture = [...Array.from({ length: 10 }, (_, i) => serverSeat(i + 1, `Пользователь ${i + 1}`, `office-${String(i + 1).padStart(2, "0")}`)), ...Array.from({ length: 20 }, (_, i) => keySeat(100 + i, `sklad-${String(i + 1).padStart(2, "0")}`))];
  expect((await importRac(formatRac(capture), `?takenAt=${encodeURIComponent(T)}`)).status).toBe(201);
}, 60_000);

describe("POST /api/why — where the platform looked, the cause, who holds the seats, what to do (issue 11 §2)", () => {
  test("every reachable pool full → seats-exhausted; the pool it wanted and all its holders, longest idle first", async () => {
    const r = await answer({ user: "Новиков Н.Н.", computer: "pc-new", infobase: ACCOUNTING, at: "2026-11-05T07:10:00Z" });
    expect(r).toMatchObject({ granted: false, cause: "seats-exhausted", pool: "soft-server:srv-1c", snapshotTakenAt: "2026-11-05T07:00:00.000Z" });
    // §4.1: the client first (no license file there; the demo's accounting infobase does not look for keys),
    // then the cluster manager, whose 10 seats are all taken.
    expect(r.places.map((p) => [p.place, p.result, p.pool ?? null])).toEqual([
      ["client", "no-file", null],
      ["server", "seats-exhausted", "soft-server:srv-1c"],
    ]);
    expect(r.places[1]).toMatchObject({ seats: 10, inUse: 10 });
    expect(r.holders).toHaveLength(10);
    expect(new Set(r.holders.map((h) => h.computer))).toEqual(new Set(Array.from({ length: 10 }, (_, i) => `office-${String(i + 1).padStart(2, "0")}`)));
    // Пользователь 10 was last active at 09:49 Moscow time: 21 minutes before 10:10.
    expect(r.holders[0]).toMatchObject({ user: "Пользователь 10", infobase: ACCOUNTING, app: "1CV8C", since: "2026-11-05T05:00:00.000Z", idleMinutes: 21 });
    expect(r.holders.map((h) => h.idleMinutes)).toEqual([...r.holders.map((h) => h.idleMinutes)].sort((x, y) => y! - x!));
    expect(r.remedies.map((x) => x.code)).toEqual(["free-seat", "buy-seats"]);
    expect(r.remedies[0].text.ru).toContain("Освободите место");
  });

  test("a full network key for an infobase the server may not serve: the key is the pool it wanted", async () => {
    const r = await answer({ computer: "pc-new", infobase: "Управление торговлей", at: T });
    expect(r).toMatchObject({ granted: false, cause: "seats-exhausted", pool: "hasp-network:srv-lm:ORGL8" });
    expect(r.places.map((p) => p.result)).toEqual(["no-file", "no-local-key", "seats-exhausted", "distribution-denied"]);
    expect(r.holders).toHaveLength(20);
  });

  test("a computer that already holds a per-computer seat shares it → granted", async () => {
    const r = await answer({ user: "Склад 100", computer: "sklad-01", infobase: "Управление торговлей", app: "Designer", at: T });
    expect(r).toMatchObject({ granted: true, pool: "hasp-network:srv-lm:ORGL8" });
    expect(r.places.at(-1)).toMatchObject({ result: "seat", pool: "hasp-network:srv-lm:ORGL8" });
  });

  test("the computer's own active license answers granted", async () => {
    const own = demo.computers.find((c) => c.name === "buh-04")!;
    const r = await answer({ user: "x", computer: own.name.toUpperCase(), infobase: ACCOUNTING, at: T });
    expect(r).toMatchObject({ granted: true, pool: "soft-local:buh-04" });
  });

  test("before any capture: nobody holds anything, so the first reachable pool serves", async () => {
    const r = await answer({ computer: "pc-new", infobase: ACCOUNTING, at: "2020-01-01T00:00:00Z" });
    expect(r).toMatchObject({ granted: true, snapshotTakenAt: null });
  });

  test("at defaults to the newest snapshot; app to 1CV8C; a background job takes no seat", async () => {
    expect(await answer({ computer: "pc-new", infobase: ACCOUNTING })).toMatchObject({ at: "2026-11-05T07:00:00.000Z", granted: false });
    expect(await answer({ computer: "pc-new", infobase: ACCOUNTING, app: "BackgroundJob", at: T })).toMatchObject({ granted: true, places: [] });
  });

  test.each([
    [{ infobase: ACCOUNTING }, "computer"],
    [{ computer: "pc", infobase: "Нет такой базы" }, "infobase"],
    [{ computer: "pc", infobase: ACCOUNTING, at: "2026-11-05 10:00" }, "at"],
    [{ computer: "  ", infobase: ACCOUNTING }, "computer"],
  ])("bad request %j → 400 naming %s", async (body, field) => {
    const r = await why(body);
    expect(r.status).toBe(400);
    expect(ErrorSchema.parse(r.body).error.issues!.map((i) => i.path)).toEqual([field]);
  });
});

describe("GET /api/events", () => {
  const events = async (qs = "") => {
    const res = await eventsGet(new Request(`http://localhost/api/events${qs}`, { headers: tokenHeaders("read") }));
    expect(res.status).toBe(200);
    return EventsResponseSchema.parse(await res.json()).events;
  };

  test("every recorded event, oldest first, with the cause that decided it", async () => {
    const all = await events();
    expect(all).toHaveLength(demo.noLicenseEvents.length);
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort());
    for (const e of all) expect(e.cause).not.toBeNull();
  });

  test("from and to bound the range (inclusive)", async () => {
    const all = await events();
    const mid = all[Math.floor(all.length / 2)];
    const later = await events(`?from=${encodeURIComponent(mid.at)}`);
    expect(later[0].at).toBe(mid.at);
    expect(later.length + all.filter((e) => e.at < mid.at).length).toBe(all.length);
  });

  test("from after to → 400 naming from", async () => {
    const res = await eventsGet(new Request("http://localhost/api/events?from=2026-11-05T00:00:00Z&to=2026-11-01T00:00:00Z", { headers: tokenHeaders("read") }));
    expect(res.status).toBe(400);
    expect(ErrorSchema.parse(await res.json()).error.issues!.map((i) => i.path)).toEqual(["from"]);
  });
});

describe("POST /api/events — an answer saved as an event (issue 11 §2)", () => {
  const save = (body: unknown, scope: "admin" | "read" = "admin") =>
    eventsPost(new Request("http://localhost/api/events", { method: "POST", headers: { ...tokenHeaders(scope), "content-type": "application/json" }, body: JSON.stringify(body) }));
  const count = async () => EventsResponseSchema.parse(await (await eventsGet(new Request("http://localhost/api/events", { headers: tokenHeaders("read") }))).json()).events.length;

  test("a refusal is stored at the question's time with its cause, the platform's message layout, and an audit entry", async () => {
    const before = await count();
    const res = await save({ user: "Новиков Н.Н.", computer: "pc-new", infobase: ACCOUNTING, at: "2026-11-05T07:10:00Z" });
    expect(res.status).toBe(201);
    const { event, answer: saved } = EventCreatedSchema.parse(await res.json());
    expect(event).toMatchObject({ at: "2026-11-05T07:10:00.000Z", user: "Новиков Н.Н.", computer: "pc-new", infobase: ACCOUNTING, app: "1CV8C", cause: "seats-exhausted" });
    expect(saved.cause).toBe("seats-exhausted");
    expect(await count()).toBe(before + 1);
    // Asked again at its own time, the saved event is refused for the same reason.
    expect(await answer({ user: "Новиков Н.Н.", computer: "pc-new", infobase: ACCOUNTING, at: event.at })).toMatchObject({ granted: false, cause: event.cause });
  });

  test("a granted answer is a 409 not-denied and stores nothing; a read token may not save", async () => {
    const before = await count();
    const res = await save({ computer: "buh-04", infobase: ACCOUNTING, at: T });
    expect(res.status).toBe(409);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("not-denied");
    expect((await save({ computer: "pc-new", infobase: ACCOUNTING, at: T }, "read")).status).toBe(403);
    expect(await count()).toBe(before);
  });
});
