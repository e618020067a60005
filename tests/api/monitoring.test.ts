import "@/tests/helpers/setup-env";

import { count } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";

import { POST as computersPost } from "@/app/api/computers/route";
import { POST as importPost } from "@/app/api/import/rac/route";
import { POST as keysPost } from "@/app/api/keys/route";
import { PATCH as serverPatch } from "@/app/api/servers/[id]/route";
import { GET as metricsGet } from "@/app/api/metrics/route";
import { GET as poolsGet } from "@/app/api/pools/route";
import { getDb } from "@/db/client";
import { loadOverview } from "@/db/queries/overview";
import { sessionSnapshots, sessions } from "@/db/schema";
import { writeDemoCompany } from "@/db/seed";
import { generateDemoCompany } from "@/lib/demo/company";
import { PoolsResponseSchema } from "@/lib/monitoring/metrics";
import { formatRac, generateLicenseRecords, ImportRacResponseSchema, type RacRecord } from "@/lib/parsers/rac";
import { ErrorSchema, textPost } from "@/tests/helpers/api";
import { tokenHeaders } from "@/tests/helpers/auth";
import { parsePrometheusText } from "@/tests/helpers/prometheus";

/**
 * Issue 10 §1 and §5: imported rac captures counted the way 1C counts them, and the same figures for
 * monitoring (`/api/pools`, `/api/metrics`).
 */
const demo = generateDemoCompany({ anchor: "2026-10-30" });
const db = () => getDb();
const importRac = textPost(importPost, "http://localhost/api/import/rac");
const at = (iso: string) => `?takenAt=${encodeURIComponent(iso)}`;
const U = (n: number) => `7a0c2a9e-0000-4000-8000-${String(n).padStart(12, "0")}`;
const json = (scope: "admin" | "read" | "import") => ({ ...tokenHeaders(scope), "content-type": "application/json" });

const kitFifty = () => demo.kits.find((k) => k.seats === 50)!;

/** A client-obtained license from the 50-seat kit activated on the terminal server (rac prints no terminal session). */
const onTerminal = (n: number, user: string, infobase: string, appId = "1CV8C"): RacRecord => ({
  session: U(n),
  infobase,
  userName: user,
  host: "srv-ts",
  appId,
  fullName: "file://C:/ProgramData/1C/licenses/20240301080000.lic",
  series: kitFifty().regNumber,
  issuedByServer: false,
  licenseType: "soft",
  net: false,
  maxUsersAll: 50,
  maxUsersCur: 50,
  rmngrAddress: null,
  rmngrPort: 0,
  rmngrPid: 0,
  shortPresentation: `Клиент, ${kitFifty().regNumber} 50 1`,
  fullPresentation: `Клиент, srv-ts, программная лицензия ${kitFifty().regNumber}, 50 польз.`,
});

/** A network ORGL8 seat the client found through a License Manager (rac does not say which one). */
const viaLicenseManager = (n: number, host: string): RacRecord => ({
  session: U(n),
  userName: `Пользователь ${n}`,
  host,
  appId: "1CV8C",
  fullName: null,
  series: "ORGL8",
  issuedByServer: false,
  licenseType: "HASP",
  net: true,
  maxUsersAll: 20,
  maxUsersCur: 20,
  rmngrAddress: null,
  rmngrPort: 0,
  rmngrPid: 0,
  shortPresentation: "Клиент, ORGL8 Сет 20",
  fullPresentation: `Клиент, ${host}, ORGL8 Сетевой 20`,
});

async function pools() {
  const res = await poolsGet(new Request("http://localhost/api/pools", { headers: tokenHeaders("read") }));
  expect(res.status).toBe(200);
  return PoolsResponseSchema.parse(await res.json());
}

const T1 = "2026-11-03T07:00:00Z";

beforeAll(async () => {
  writeDemoCompany(db(), demo);
  // A second License Manager with another 20-seat ORGL8 key: same series, another host → another pool (§2).
  const lm = await computersPost(new Request("http://localhost/api/computers", { method: "POST", headers: json("admin"), body: JSON.stringify({ name: "srv-lm2", role: "license-manager" }) }));
  expect(lm.status).toBe(201);
  const { computer } = (await lm.json()) as { computer: { id: number } };
  const key = await keysPost(new Request("http://localhost/api/keys", { method: "POST", headers: json("admin"), body: JSON.stringify({ series: "ORGL8", kind: "network", seats: 20, computerId: computer.id }) }));
  expect(key.status).toBe(201);

  const [ibAccounting, ibTrade] = demo.infobases.map((ib) => ib.racUuid);
  const capture = [
    // §4: three terminal users; Сидоров in two infobases and Designer → 3 seats, not 1 (one host) and not 5.
    onTerminal(1, "Иванов И.И.", ibAccounting!),
    onTerminal(2, "Петров П.П.", ibTrade!),
    onTerminal(3, "Сидоров С.С.", ibAccounting!),
    onTerminal(4, "Сидоров С.С.", ibTrade!),
    onTerminal(5, "Сидоров С.С.", ibAccounting!, "Designer"),
    // 30 computers on ORGL8 network keys: 20 on the first License Manager, 10 on the second.
    ...Array.from({ length: 30 }, (_, i) => viaLicenseManager(100 + i, `sklad-${String(i + 1).padStart(2, "0")}`)),
  ];
  const res = await importRac(formatRac(capture), at(T1));
  expect(res.status).toBe(201);
}, 60_000);

describe("imported captures count as 1C counts them (issue 10 §1)", () => {
  test("§4: three users on the terminal server, one in two infobases and Designer → 3 seats in use", async () => {
    const p = (await pools()).pools.find((x) => x.id === "soft-local:srv-ts")!;
    expect(p).toMatchObject({ kind: "soft-local", host: "srv-ts", counting: "per-computer", seats: 50, inUse: 3, free: 47, regNumbers: [kitFifty().regNumber], keySeries: null });
  });

  test("§2: same-series network keys on two License Manager hosts are two pools, filled in turn — 20 of 20 and 10 of 20, not 30 and 0", async () => {
    const keys = (await pools()).pools.filter((x) => x.keySeries === "ORGL8" && x.kind === "hasp-network");
    expect(keys.map((k) => [k.host, k.seats, k.inUse, k.free])).toEqual([
      ["srv-lm", 20, 20, 0],
      ["srv-lm2", 20, 10, 10],
    ]);
  });

  test("a capture cut off mid-record: the complete records are stored, the cut one is not, and a warning says so", async () => {
    const text = formatRac([onTerminal(900, "a", demo.infobases[0].racUuid!), onTerminal(901, "b", demo.infobases[0].racUuid!)]);
    // Cut right after the `series` line of the second record: every line whole, the record not.
    const cut = text.slice(0, text.indexOf("\n", text.indexOf("series", text.indexOf(U(901)))) + 1);
    const before = db().select({ n: count() }).from(sessions).get()!.n;
    const r = ImportRacResponseSchema.parse(await (await importRac(cut, at("2026-11-03T06:00:00Z"))).json());
    expect(r).toMatchObject({ sessions: 1, created: 1, licensed: 1 });
    expect(r.warnings).toEqual([{ line: 19, message: expect.stringContaining("the capture was cut off") }]);
    expect(db().select({ n: count() }).from(sessions).get()!.n).toBe(before + 1);
  });
});

describe("GET /api/pools — the Overview's figures (issue 10 §5)", () => {
  test("every pool exactly as the Overview computes it, from the newest snapshot", async () => {
    const body = await pools();
    const { model, snapshotTakenAt } = loadOverview(db(), new Date());
    expect(body.takenAt).toBe(snapshotTakenAt!.toISOString());
    expect(body.pools.map((p) => [p.id, p.host, p.seats, p.inUse, p.free])).toEqual(model.pools.map((u) => [u.pool.id, u.pool.host, u.pool.seats, u.inUse, u.free]));
  });

  test("server-issued seats sit on the 1C server's computer (as rmngr-address names it), never the server record's name", async () => {
    const record = demo.servers[0];
    const renamed = await serverPatch(
      new Request(`http://localhost/api/servers/${record.id}`, { method: "PATCH", headers: json("admin"), body: JSON.stringify({ name: "Main cluster" }) }),
      { params: Promise.resolve({ id: String(record.id) }) },
    );
    expect(renamed.status).toBe(200);
    const server = (await pools()).pools.find((p) => p.kind === "soft-server")!;
    const computer = demo.computers.find((c) => c.id === record.computerId)!;
    expect(server).toMatchObject({ host: computer.name, counting: "per-session" });
  });

  test("an import token may not read it; no token → 401", async () => {
    expect((await poolsGet(new Request("http://localhost/api/pools", { headers: tokenHeaders("import") }))).status).toBe(403);
    const anonymous = await poolsGet(new Request("http://localhost/api/pools"));
    expect(anonymous.status).toBe(401);
    expect(ErrorSchema.parse(await anonymous.json()).error.code).toBeTruthy();
  });
});

describe("GET /api/metrics — Prometheus text format 0.0.4 (issue 10 §5)", () => {
  async function scrape() {
    const res = await metricsGet(new Request("http://localhost/api/metrics", { headers: tokenHeaders("read") }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await res.text());
  }

  test("parses as the exposition format, every family typed and documented, names prefixed seatledger_", async () => {
    const families = await scrape();
    expect([...families.keys()].sort()).toEqual([
      "seatledger_kit_backup_pins_left",
      "seatledger_no_free_license_events_total",
      "seatledger_pool_seats",
      "seatledger_pool_seats_free",
      "seatledger_pool_seats_in_use",
      "seatledger_snapshot_age_seconds",
    ]);
    for (const f of families.values()) {
      expect(f.type).toMatch(/^(gauge|counter)$/);
      expect(f.help!.length).toBeGreaterThan(10);
    }
    expect(families.get("seatledger_no_free_license_events_total")!.type).toBe("counter");
  });

  test("seats, in use and free per pool (labels pool, host) equal /api/pools", async () => {
    const families = await scrape();
    const { pools: list } = await pools();
    for (const [name, field] of [
      ["seatledger_pool_seats", "seats"],
      ["seatledger_pool_seats_in_use", "inUse"],
      ["seatledger_pool_seats_free", "free"],
    ] as const) {
      expect(families.get(name)!.samples.map((s) => [s.labels.pool, s.labels.host, s.value])).toEqual(list.map((p) => [p.id, p.host, p[field]]));
    }
  });

  test("backup PINs left per kit (label reg_number) as the Overview counts them; snapshot age; events", async () => {
    const families = await scrape();
    const { model, snapshotTakenAt, events } = loadOverview(db(), new Date());
    const expected = model.kits.filter((k) => k.pins.backupsLeft !== null).map((k) => [k.kit.regNumber, k.pins.backupsLeft]);
    expect(expected.length).toBeGreaterThan(0);
    expect(families.get("seatledger_kit_backup_pins_left")!.samples.map((s) => [s.labels.reg_number, s.value])).toEqual(expected);
    const age = families.get("seatledger_snapshot_age_seconds")!.samples[0].value;
    expect(Math.abs(age - (Date.now() - snapshotTakenAt!.getTime()) / 1000)).toBeLessThan(60);
    expect(families.get("seatledger_no_free_license_events_total")!.samples).toEqual([{ name: "seatledger_no_free_license_events_total", labels: {}, value: events.total }]);
  });
});

describe("large captures through the route (issue 10 §4; the server-level check is tests/e2e/body-limit.spec.ts)", () => {
  const snapshotsNow = () => db().select({ n: count() }).from(sessionSnapshots).get()!.n;

  test("a 12 MiB capture is stored whole; a 17 MiB one is a 413 with nothing stored", async () => {
    const records = generateLicenseRecords(20_000, 12);
    let text = formatRac(records);
    while (Buffer.byteLength(text) < 12 * 1024 * 1024) text += formatRac(generateLicenseRecords(500, text.length));
    expect(Buffer.byteLength(text)).toBeLessThan(16 * 1024 * 1024);
    const expected = new Set([...text.matchAll(/^session\s*: "([^"]+)"/gm)].map((m) => m[1])).size;
    const r = ImportRacResponseSchema.parse(await (await importRac(text, at("2026-11-03T05:00:00Z"))).json());
    expect(r.sessions).toBe(expected);

    const before = { snapshots: snapshotsNow(), sessions: db().select({ n: count() }).from(sessions).get()!.n };
    const big = text + formatRac(generateLicenseRecords(8_000, 99));
    expect(Buffer.byteLength(big)).toBeGreaterThan(17 * 1024 * 1024);
    const refused = await importRac(big, at("2026-11-03T04:00:00Z"));
    expect(refused.status).toBe(413);
    expect(ErrorSchema.parse(await refused.json()).error.code).toBe("body-too-large");
    expect({ snapshots: snapshotsNow(), sessions: db().select({ n: count() }).from(sessions).get()!.n }).toEqual(before);
  }, 120_000);
});
