import "@/tests/helpers/setup-env";

import { beforeAll, describe, expect, test } from "vitest";

import { GET as historyGet } from "@/app/api/simulate/history/route";
import { GET as poolsGet } from "@/app/api/pools/route";
import { getDb } from "@/db/client";
import { writeDemoCompany } from "@/db/seed";
import { generateDemoCompany } from "@/lib/demo/company";
import { DEFAULT_SETTINGS } from "@/lib/licensing/settings";
import { PoolsResponseSchema } from "@/lib/monitoring/metrics";
import { SimulationResponseSchema } from "@/lib/simulator/api";
import { ErrorSchema } from "@/tests/helpers/api";
import { asPrincipal, tokenHeaders } from "@/tests/helpers/auth";

/**
 * Issue 11 §3: `GET /api/simulate/history` — per-computer versus per-session seats (DOMAIN §4) over the
 * company's stored sessions, each from its start to the last capture that saw it, clipped to the range.
 */
const demo = generateDemoCompany({ anchor: "2026-10-30" });
const DAY = 86_400_000;

const url = (q: Record<string, string | number> = {}) => `http://localhost/api/simulate/history?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`;
const get = (q: Record<string, string | number> = {}, headers: Record<string, string> = tokenHeaders("read")) => historyGet(new Request(url(q), { headers }));
async function history(q: Record<string, string | number> = {}) {
  const res = await get(q);
  expect(res.status).toBe(200);
  return SimulationResponseSchema.parse(await res.json());
}

/**
 * An oracle written apart from the engine: at every start inside the range, the seat-taking demo sessions
 * open then (per session), and the distinct computers among them plus the web sessions (per computer; on the
 * terminal server each user is a computer, DOMAIN §4). The peak is the most of either.
 */
function bruteForcePeaks(from: number, to: number) {
  const noSeat = new Set(DEFAULT_SETTINGS.noSeatAppIds);
  const perSessionApps = new Set(DEFAULT_SETTINGS.perSessionAppIds);
  const terminal = new Set(demo.computers.filter((c) => c.role === "terminal-server").map((c) => c.name.toLowerCase()));
  const live = demo.sessions
    .filter((s) => !noSeat.has(s.appId))
    .map((s) => ({ s, start: Math.max(Math.min(s.startedAt, s.firstSeenAt), from), end: Math.min(s.lastSeenAt, to) }))
    .filter((x) => x.end > x.start);
  let perSession = 0;
  let perDevice = 0;
  for (const { start: t } of live) {
    const open = live.filter((x) => x.start <= t && t < x.end);
    const computers = new Set<string>();
    let own = 0;
    for (const { s } of open) {
      if (perSessionApps.has(s.appId)) own++;
      else computers.add(terminal.has(s.host.toLowerCase()) ? `${s.host.toLowerCase()}|${(s.userName ?? "").toLowerCase()}` : s.host.toLowerCase());
    }
    perSession = Math.max(perSession, open.length);
    perDevice = Math.max(perDevice, computers.size + own);
  }
  return { perSession, perDevice };
}

describe("before any capture", () => {
  test("200: nothing needed, no newest capture, the 30 days up to now", async () => {
    const before = Date.now();
    const r = await history();
    expect(r.newestCapture).toBeNull();
    expect([r.perDevice.peak, r.perSession.peak, r.scenario.connections]).toEqual([0, 0, 0]);
    expect(Date.parse(r.to)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(r.to) - Date.parse(r.from)).toBe(30 * DAY);
    expect(r.cost.owned).toBe(0);
  });
});

describe("on the demo company's history", () => {
  beforeAll(() => writeDemoCompany(getDb(), demo), 60_000);

  test("default range: the 30 days up to the newest capture; per session needs more than per computer, at the peak and at p95", async () => {
    const r = await history();
    expect(r.newestCapture).toBe(new Date(demo.now).toISOString());
    expect(r.to).toBe(new Date(demo.now).toISOString());
    expect(r.from).toBe(new Date(demo.now - 30 * DAY).toISOString());
    expect(r.bucketMinutes).toBe(60);
    expect(r.scenario.connections).toBeGreaterThan(1000);
    expect(r.perSession.peak).toBeGreaterThan(r.perDevice.peak);
    expect(r.perSession.percentiles.p95).toBeGreaterThanOrEqual(r.perDevice.percentiles.p95);
    for (const p of r.series) expect(p.perSession).toBeGreaterThanOrEqual(p.perDevice);
  });

  test("the peaks equal an independent count over the demo's sessions", async () => {
    const to = demo.now;
    const from = to - 7 * DAY;
    const r = await history({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
    expect({ perSession: r.perSession.peak, perDevice: r.perDevice.peak }).toEqual(bruteForcePeaks(from, to));
    expect(Math.max(...r.series.map((p) => p.perSession))).toBe(r.perSession.peak);
  }, 60_000);

  test("an explicit range and bucket: the series stays inside it, in buckets of that size", async () => {
    const from = "2026-10-20T00:00:00+03:00";
    const to = "2026-10-23T00:00:00+03:00";
    const r = await history({ from, to, bucketMinutes: 30 });
    expect([r.from, r.to, r.bucketMinutes]).toEqual([new Date(from).toISOString(), new Date(to).toISOString(), 30]);
    expect(r.series.length).toBeGreaterThan(0);
    for (const p of r.series) {
      expect(Date.parse(p.t)).toBeGreaterThanOrEqual(Date.parse(from));
      expect(Date.parse(p.t)).toBeLessThan(Date.parse(to));
    }
    expect(Date.parse(r.series[1].t) - Date.parse(r.series[0].t)).toBe(30 * 60_000);
  });

  test("the cost table: seats at p95 and at the peak, owned = the pools' usable seats, to buy = what is missing", async () => {
    const r = await history();
    const pools = PoolsResponseSchema.parse(await (await poolsGet(new Request("http://localhost/api/pools", { headers: tokenHeaders("read") }))).json());
    const owned = pools.pools.reduce((s, p) => s + p.seats, 0);
    expect(r.cost.owned).toBe(owned);
    expect(r.cost.currency).toBe(DEFAULT_SETTINGS.currency);
    for (const policy of ["perDevice", "perSession"] as const) {
      const c = r.cost[policy];
      expect([c.p95.seats, c.peak.seats]).toEqual([r[policy].percentiles.p95, r[policy].peak]);
      for (const need of [c.p95, c.peak]) {
        expect(need.toBuy).toBe(Math.max(0, need.seats - owned));
        expect(need.all.seatsBought).toBeGreaterThanOrEqual(need.seats);
        expect(need.all.cost).toBe(need.all.kits.reduce((s, k) => s + k.total, 0));
      }
    }
    expect(r.cost.difference.peak.seats).toBe(r.perSession.peak - r.perDevice.peak);
    expect(r.cost.difference.peak.all).toBe(r.cost.perSession.peak.all.cost! - r.cost.perDevice.peak.all.cost!);
    expect(r.cost.difference.peak.all).toBeGreaterThan(0);
  });

  test.each([
    [{ from: "2026-10-01T00:00:00" }, "from", "with a zone"],
    [{ to: "tomorrow" }, "to", "ISO 8601"],
    [{ from: "2026-10-30T00:00:00Z", to: "2026-10-01T00:00:00Z" }, "from", "before to"],
    [{ from: "2026-10-01T00:00:00Z", to: "2026-10-01T00:00:00Z" }, "from", "before to"],
    [{ from: "2025-01-01T00:00:00Z", to: "2026-10-01T00:00:00Z" }, "from", "at most 400 days"],
    [{ bucketMinutes: "an hour" }, "bucketMinutes", "whole number"],
    [{ bucketMinutes: 20_000 }, "bucketMinutes", "at most 10080"],
  ])("400 for %j, naming %s", async (q, field, rule) => {
    const res = await get(q);
    expect(res.status).toBe(400);
    const body = ErrorSchema.parse(await res.json());
    expect(body.error.code).toBe("invalid-input");
    expect(body.error.issues?.find((i) => i.path === field)?.message).toContain(rule);
  });

  test.each([
    [{ role: "lead" } as const, 200],
    [{ role: "finance" } as const, 200],
    [{ role: "viewer" } as const, 403],
    [null, 401],
  ])("as %j: %i", async (who, status) => {
    const res = await get({}, await asPrincipal(who));
    expect(res.status).toBe(status);
  });
});
