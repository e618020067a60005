import "@/tests/helpers/setup-env";

import { and, eq, gte, inArray, lte } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";

import { POST as importPost } from "@/app/api/import/rac/route";
import { GET as poolsGet } from "@/app/api/pools/route";
import { GET as seatsGet } from "@/app/api/seats/route";
import { getDb } from "@/db/client";
import { loadInventory } from "@/db/queries/inventory";
import { listSessionsAt } from "@/db/queries/sessions";
import { getLicensingSettings } from "@/db/queries/settings";
import { poolUsage, sessionSnapshots } from "@/db/schema";
import { writeDemoCompany } from "@/db/seed";
import { generateDemoCompany } from "@/lib/demo/company";
import { buildOverview } from "@/lib/licensing/overview";
import { PoolsResponseSchema, type PoolsResponse } from "@/lib/monitoring/metrics";
import { formatRac, ImportRacResponseSchema, type RacRecord } from "@/lib/parsers/rac";
import { SeatsResponseSchema } from "@/lib/seats/api";
import { ErrorSchema, textPost } from "@/tests/helpers/api";
import { tokenHeaders } from "@/tests/helpers/auth";

/**
 * Issue 11 §1: seats held over time, from per-pool rollups written when a capture is imported (and by the
 * demo seed), read by `GET /api/seats`.
 */
const demo = generateDemoCompany({ anchor: "2026-10-30" });
const db = () => getDb();
const importRac = textPost(importPost, "http://localhost/api/import/rac");
const U = (n: number) => `5ea75e00-0000-4000-8000-${String(n).padStart(12, "0")}`;
const kitFifty = () => demo.kits.find((k) => k.seats === 50)!;

const TS = "soft-local:srv-ts";
const LM = "hasp-network:srv-lm:ORGL8";

/** A client license from the 50-seat kit on the terminal server: one seat per user (§4). */
const onTerminal = (n: number): RacRecord => ({
  session: U(n),
  infobase: demo.infobases[0].racUuid,
  userName: `Терминал ${n}`,
  host: "srv-ts",
  appId: "1CV8C",
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

/** A network ORGL8 seat found through the License Manager: one per computer. */
const onKey = (n: number): RacRecord => ({
  session: U(1000 + n),
  userName: `Склад ${n}`,
  host: `sklad-${n}`,
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
  fullPresentation: `Клиент, sklad-${n}, ORGL8 Сетевой 20`,
});

const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);

async function pools(): Promise<PoolsResponse> {
  const res = await poolsGet(new Request("http://localhost/api/pools", { headers: tokenHeaders("read") }));
  expect(res.status).toBe(200);
  return PoolsResponseSchema.parse(await res.json());
}

const seatsUrl = (q: Record<string, string | number>) => `http://localhost/api/seats?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`;
const getSeats = (q: Record<string, string | number>, headers: Record<string, string> = tokenHeaders("read")) => seatsGet(new Request(seatsUrl(q), { headers }));

async function seats(q: Record<string, string | number>) {
  const res = await getSeats(q);
  expect(res.status).toBe(200);
  return SeatsResponseSchema.parse(await res.json());
}

const rollupOf = (snapshotId: number) =>
  db()
    .select({ poolId: poolUsage.poolId, inUse: poolUsage.inUse, capacity: poolUsage.capacity })
    .from(poolUsage)
    .where(eq(poolUsage.snapshotId, snapshotId))
    .all()
    .sort((a, b) => a.poolId.localeCompare(b.poolId));

const asRollup = (p: PoolsResponse) => p.pools.map((x) => ({ poolId: x.id, inUse: x.inUse, capacity: x.seats })).sort((a, b) => a.poolId.localeCompare(b.poolId));

// Three captures in one quarter hour, days after the demo's history ends (no demo session is open then).
const CAPTURES = [
  { at: "2026-11-03T07:02:00Z", records: [...range(3).map(onTerminal), ...range(5).map(onKey)], ts: 3, lm: 5 },
  { at: "2026-11-03T07:07:00Z", records: [...range(6).map(onTerminal), ...range(3).map(onKey)], ts: 6, lm: 3 },
  { at: "2026-11-03T07:12:00Z", records: [onTerminal(1)], ts: 1, lm: 0 },
];
const HOUR = { from: "2026-11-03T07:00:00Z", to: "2026-11-03T08:00:00Z", bucketMinutes: 15 };
/** What /api/pools showed right after each capture was imported, and the capture's snapshot id. */
const afterImport: Array<{ snapshotId: number; pools: PoolsResponse }> = [];

beforeAll(async () => {
  writeDemoCompany(db(), demo);
  for (const c of CAPTURES) {
    const res = await importRac(formatRac(c.records), `?takenAt=${encodeURIComponent(c.at)}`);
    expect(res.status).toBe(201);
    const { snapshotId } = ImportRacResponseSchema.parse(await res.json());
    afterImport.push({ snapshotId, pools: await pools() });
  }
}, 60_000);

describe("rollups written at import (issue 11 §1)", () => {
  test("a capture's rollup is what /api/pools showed right after importing it, for every pool", () => {
    for (const [i, { snapshotId, pools: shown }] of afterImport.entries()) {
      expect(shown.takenAt).toBe(new Date(CAPTURES[i].at).toISOString());
      expect(rollupOf(snapshotId)).toEqual(asRollup(shown));
      const find = (id: string) => shown.pools.find((p) => p.id === id)!.inUse;
      expect([find(TS), find(LM)]).toEqual([CAPTURES[i].ts, CAPTURES[i].lm]);
    }
  });

  test("…and /api/seats reads the same figure back for each pool at each capture", async () => {
    for (const [i, { pools: shown }] of afterImport.entries()) {
      const at = new Date(CAPTURES[i].at).getTime();
      for (const p of shown.pools) {
        const body = await seats({ pool: p.id, from: new Date(at).toISOString(), to: new Date(at + 60_000).toISOString(), bucketMinutes: 1 });
        expect(body.series).toEqual([{ t: new Date(at).toISOString(), inUse: p.inUse, capacity: p.seats }]);
      }
    }
  });

  test("a backfill (an older capture) gets its rollup too, computed at its own instant", async () => {
    const res = await importRac(formatRac(range(4, 50).map(onTerminal)), `?takenAt=${encodeURIComponent("2026-11-02T09:00:00Z")}`);
    expect(res.status).toBe(201);
    const { snapshotId, takenAt } = ImportRacResponseSchema.parse(await res.json());
    const expected = buildOverview(loadInventory(db()), listSessionsAt(db(), new Date(takenAt)), getLicensingSettings(db())).pools.map((u) => ({ poolId: u.pool.id, inUse: u.inUse, capacity: u.pool.seats }));
    expect(rollupOf(snapshotId)).toEqual(expected.sort((a, b) => a.poolId.localeCompare(b.poolId)));
    expect(rollupOf(snapshotId).find((r) => r.poolId === TS)!.inUse).toBe(4);
  });
});

describe("GET /api/seats", () => {
  test("a bucket holding several captures reports the highest; empty buckets report 0 with the pool's capacity", async () => {
    const body = await seats({ pool: TS, ...HOUR });
    expect(body.series).toEqual([
      { t: "2026-11-03T07:00:00.000Z", inUse: 6, capacity: 50 },
      { t: "2026-11-03T07:15:00.000Z", inUse: 0, capacity: 50 },
      { t: "2026-11-03T07:30:00.000Z", inUse: 0, capacity: 50 },
      { t: "2026-11-03T07:45:00.000Z", inUse: 0, capacity: 50 },
    ]);
    expect(body).toMatchObject({ pool: TS, bucketMinutes: 15, peak: 6, percentiles: { p50: 3, p95: 6, p99: 6, max: 6 }, denials: 0 });
    expect((await seats({ pool: LM, ...HOUR })).series.map((b) => [b.inUse, b.capacity])).toEqual([
      [5, 20],
      [0, 20],
      [0, 20],
      [0, 20],
    ]);
  });

  test("without pool every pool is summed per capture (the highest sum, not the sum of each pool's highest)", async () => {
    const body = await seats(HOUR);
    const capacity = (await pools()).pools.reduce((s, p) => s + p.seats, 0);
    expect(body.pool).toBeNull();
    expect(body.series.map((b) => [b.inUse, b.capacity])).toEqual([
      [9, capacity],
      [0, capacity],
      [0, capacity],
      [0, capacity],
    ]);
    expect(body).toMatchObject({ peak: 9, percentiles: { p50: 8, p95: 9, p99: 9, max: 9 } });
  });

  test("a range without captures: every bucket 0 with the capacity, percentiles 0", async () => {
    const body = await seats({ pool: LM, from: "2026-11-04T00:00:00Z", to: "2026-11-04T02:00:00Z" });
    expect(body.bucketMinutes).toBe(1);
    expect(body.series).toHaveLength(120);
    expect(body.series.every((b) => b.inUse === 0 && b.capacity === 20)).toBe(true);
    expect(body).toMatchObject({ peak: 0, percentiles: { p50: 0, p95: 0, p99: 0, max: 0 }, denials: 0 });
  });

  test("defaults: the week before now, hourly buckets", async () => {
    const before = Date.now();
    const body = await seats({});
    expect(body.bucketMinutes).toBe(60);
    expect(body.series).toHaveLength(168);
    expect(new Date(body.to).getTime() - new Date(body.from).getTime()).toBe(7 * 86_400_000);
    expect(new Date(body.to).getTime()).toBeGreaterThanOrEqual(before);
  });

  test("the demo's 90 days: a day per bucket, read from the rollups; denials are the events of the range", async () => {
    const from = "2026-08-01T00:00:00Z";
    const to = "2026-10-31T00:00:00Z";
    const body = await seats({ from, to });
    expect(body.bucketMinutes).toBe(1440);
    expect(body.series).toHaveLength(91);
    const [f, t] = [Date.parse(from), Date.parse(to)];
    expect(body.denials).toBe(demo.noLicenseEvents.filter((e) => e.occurredAt >= f && e.occurredAt <= t).length);
    expect(body.denials).toBeGreaterThan(0);
    // The peak is the highest sum of one snapshot's rows.
    const sums = new Map<number, number>();
    for (const r of db().select().from(poolUsage).where(and(gte(poolUsage.takenAt, new Date(f)), lte(poolUsage.takenAt, new Date(t)))).all()) sums.set(r.snapshotId, (sums.get(r.snapshotId) ?? 0) + r.inUse);
    expect(body.peak).toBe(Math.max(...sums.values()));
    expect(body.peak).toBeGreaterThan(0);
    expect(Math.max(...body.series.map((b) => b.inUse))).toBe(body.peak);
    // With a pool: its own seats, and the events refused because that pool was full (the demo's events name it).
    const server = await seats({ pool: "soft-server:srv-1c", from, to });
    const key = await seats({ pool: "hasp-network:srv-lm:ORGL8", from, to });
    expect(server.peak).toBeLessThanOrEqual(body.peak);
    const wanted = (pool: string) => demo.noLicenseEvents.filter((e) => e.occurredAt >= f && e.occurredAt <= t && JSON.parse(e.explanation).some((l: { cause: string; pool?: string }) => l.cause === "seats-exhausted" && l.pool === pool));
    expect(server.denials).toBe(wanted("soft-server:srv-1c").length);
    expect(server.denials).toBeGreaterThan(0);
    expect(key.denials).toBeGreaterThan(0);
    expect(server.denials + key.denials).toBeLessThanOrEqual(body.denials);
  });

  test.each([
    [{ from: "2026-11-03T07:00:00" }, "from"],
    [{ to: "not a time" }, "to"],
    [{ from: "2026-11-03T08:00:00Z", to: "2026-11-03T07:00:00Z" }, "from"],
    [{ ...HOUR, bucketMinutes: 0 }, "bucketMinutes"],
    [{ from: "2025-11-03T00:00:00Z", to: "2026-11-03T00:00:00Z", bucketMinutes: 1 }, "bucketMinutes"],
  ])("%o → 400 naming %s", async (q, field) => {
    const res = await getSeats(q);
    expect(res.status).toBe(400);
    const { error } = ErrorSchema.parse(await res.json());
    expect(error.code).toBe("invalid-input");
    expect(error.issues!.map((i) => i.path)).toContain(field);
  });

  test("an unknown pool → 404 pool-not-found", async () => {
    const res = await getSeats({ pool: "soft-local:no-such-host", ...HOUR });
    expect(res.status).toBe(404);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("pool-not-found");
  });

  test("no token → 401; an import token may not read it", async () => {
    expect((await getSeats(HOUR, {})).status).toBe(401);
    expect((await getSeats(HOUR, tokenHeaders("import"))).status).toBe(403);
  });
});

describe("the demo seed writes the rollups (issue 11 §1)", () => {
  test("every demo snapshot has one row per pool, equal to the Overview's engine recomputed at that snapshot", () => {
    const ids = demo.sessionSnapshots.map((s) => s.id);
    const inventory = loadInventory(db());
    const settings = getLicensingSettings(db());
    const poolCount = buildOverview(inventory, [], settings).pools.length;
    const rows = db().select({ snapshotId: poolUsage.snapshotId }).from(poolUsage).where(inArray(poolUsage.snapshotId, ids.slice(0, 900))).all();
    expect(rows.length).toBe(900 * poolCount);

    const sampled = demo.sessionSnapshots.filter((_, i) => i % 257 === 0 || i === demo.sessionSnapshots.length - 1);
    let busy = 0;
    for (const s of sampled) {
      const snapshot = db().select().from(sessionSnapshots).where(eq(sessionSnapshots.id, s.id)).get()!;
      const expected = buildOverview(inventory, listSessionsAt(db(), snapshot.takenAt), settings)
        .pools.map((u) => ({ poolId: u.pool.id, inUse: u.inUse, capacity: u.pool.seats }))
        .sort((a, b) => a.poolId.localeCompare(b.poolId));
      expect(rollupOf(s.id), `snapshot ${s.id} at ${snapshot.takenAt.toISOString()}`).toEqual(expected);
      if (expected.some((r) => r.inUse > 0)) busy++;
    }
    expect(busy).toBeGreaterThan(sampled.length / 2);
  });

  test("every demo snapshot has rows (counted in SQL)", () => {
    const withRows = db().$client.prepare("select count(distinct snapshot_id) as n from pool_usage where snapshot_id <= ?").get(demo.sessionSnapshots.at(-1)!.id) as { n: number };
    expect(withRows.n).toBe(demo.sessionSnapshots.length);
  });
});
