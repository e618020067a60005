import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { allocateAtInstant, simulatePools, type AllocationContext, type Connection, type InfobaseInfo } from "@/lib/licensing/allocate";
import { demoInventory, generateDemoCompany } from "@/lib/demo/company";
import { derivePools } from "@/lib/licensing/pools";
import { DEFAULT_SETTINGS } from "@/lib/licensing/settings";
import type { Pool } from "@/lib/licensing/types";

const H = 3_600_000;
const pool = (id: string, seats: number): Pool => {
  const [source, host, series] = id.split(":") as [Pool["source"], string, string | undefined];
  return { id, source, host, seats, counting: source === "soft-server" ? "per-session" : "per-computer", keySeries: series, members: [], ignoredKeyIds: [] };
};
const ib = (name: string, extra: Partial<InfobaseInfo> = {}): InfobaseInfo => ({ name, mode: "client-server", licenseDistribution: "allow", useHardwareLicense: true, serverHost: "srv-1c", ...extra });
const ctx = (pools: Pool[], extra: Partial<AllocationContext> = {}): AllocationContext => ({
  pools,
  serverLicenses: [{ host: "srv-1c", bitness: "64", kitId: 1, regNumber: "500000000001", via: "software" }],
  infobases: [ib("trade"), ib("accounting"), ib("hr", { mode: "file", serverHost: null }), ib("closed", { licenseDistribution: "deny" })],
  servers: [{ host: "srv-1c", bitness: "64" }],
  settings: DEFAULT_SETTINGS,
  ...extra,
});
let seq = 0;
const conn = (c: Partial<Connection>): Connection => ({ id: `c${++seq}`, user: "ivanov", host: "pc-1", infobase: "trade", app: "1CV8C", start: seq, ...c });

describe("allocateAtInstant — the article's worked examples (DOMAIN §4)", () => {
  test("(a) Enterprise + Designer on one PC with a license on the PC: one seat", () => {
    const r = allocateAtInstant(ctx([pool("soft-local:pc-1", 1)]), [conn({}), conn({ app: "Designer" })]);
    expect(r.allocations.map((a) => a.kind)).toEqual(["seat", "seat"]);
    expect(r.usage[0]).toMatchObject({ held: 1, free: 0 });
  });

  test("(b) Trade Management + Accounting on one PC, client licensing: one seat", () => {
    const r = allocateAtInstant(ctx([pool("hasp-network:srv-lm:ORGL8", 20)]), [conn({ infobase: "trade" }), conn({ infobase: "accounting" })]);
    expect(r.usage[0].held).toBe(1);
  });

  test("(c) the same through the 1C server: two seats", () => {
    const r = allocateAtInstant(ctx([pool("soft-server:srv-1c", 10)]), [conn({ infobase: "trade" }), conn({ infobase: "accounting" })]);
    expect(r.usage[0]).toMatchObject({ held: 2, free: 8 });
    expect(r.allocations.every((a) => a.kind === "seat" && a.obtainedBy === "server" && a.counting === "per-session")).toBe(true);
  });

  test("(d) 10 seats issued by the 1C server, a terminal-server user in two infobases: 8 free", () => {
    const ts = { host: "srv-ts", terminalSession: "RDP-Tcp#7" };
    const r = allocateAtInstant(ctx([pool("soft-server:srv-1c", 10)]), [conn({ ...ts, infobase: "trade" }), conn({ ...ts, infobase: "accounting" })]);
    expect(r.usage[0].free).toBe(8);
  });

  test("(e) 10 client licenses on the terminal server itself, the same user: 9 free", () => {
    const ts = { host: "srv-ts", terminalSession: "RDP-Tcp#7" };
    const r = allocateAtInstant(ctx([pool("soft-local:srv-ts", 10)]), [conn({ ...ts, infobase: "trade" }), conn({ ...ts, infobase: "accounting" })]);
    expect(r.usage[0].free).toBe(9);
  });
});

describe("allocateAtInstant — search order and causes (DOMAIN §4.1–4.2)", () => {
  test("§4.1: the client's own license wins over the server's", () => {
    const r = allocateAtInstant(ctx([pool("soft-server:srv-1c", 10), pool("soft-local:pc-1", 1)]), [conn({})]);
    expect(r.allocations[0]).toMatchObject({ kind: "seat", poolId: "soft-local:pc-1", obtainedBy: "client" });
  });

  test("§4.1: local software, then a local key, then network keys, then the server", () => {
    const pools = [pool("soft-server:srv-1c", 1), pool("hasp-network:srv-lm:ORGL8", 1), pool("hasp-local:pc-1:ORGL8", 1)];
    const r = allocateAtInstant(ctx(pools), [conn({ host: "pc-1" }), conn({ host: "pc-2" }), conn({ host: "pc-3" }), conn({ host: "pc-4" })]);
    expect(r.allocations.map((a) => (a.kind === "seat" ? a.poolId : a.kind))).toEqual(["hasp-local:pc-1:ORGL8", "hasp-network:srv-lm:ORGL8", "soft-server:srv-1c", "denied"]);
  });

  test("§4.2: all seats taken — the denial lists every place looked at and who holds the seats", () => {
    const r = allocateAtInstant(ctx([pool("hasp-network:srv-lm:ORGL8", 1)]), [conn({ user: "petrova", host: "pc-9", start: 100 }), conn({ user: "ivanov", host: "pc-1", start: 200, infobase: "closed" })]);
    const denial = r.allocations[1];
    expect(denial.kind).toBe("denied");
    if (denial.kind !== "denied") return;
    expect(denial.looked.map((s) => [s.place, s.cause])).toEqual([
      ["client", "no-file"],
      ["client", "no-local-key"],
      ["client", "seats-exhausted"],
      ["server", "distribution-denied"],
    ]);
    expect(denial.wantedPoolId).toBe("hasp-network:srv-lm:ORGL8");
    expect(denial.holders).toEqual([{ user: "petrova", host: "pc-9", terminalSession: null, connections: 1, since: 100 }]);
    expect(denial.looked[3].text.ru).toMatch(/license-distribution = deny/);
  });

  test("§4 [H]: license-distribution = deny — the server issues nothing for that infobase", () => {
    const r = allocateAtInstant(ctx([pool("soft-server:srv-1c", 10)]), [conn({ infobase: "closed" }), conn({ infobase: "accounting" })]);
    expect(r.allocations.map((a) => a.kind)).toEqual(["denied", "seat"]);
  });

  test("§4 [H]: file-mode infobases use only licenses on the client, never the server's", () => {
    const r = allocateAtInstant(ctx([pool("soft-server:srv-1c", 10)]), [conn({ infobase: "hr" })]);
    expect(r.allocations[0].kind).toBe("denied");
  });

  test("§2 [L]: with hardware use switched off for the infobase, keys are not looked for", () => {
    const c = ctx([pool("hasp-network:srv-lm:ORGL8", 10)], { infobases: [ib("trade", { useHardwareLicense: false })] });
    const r = allocateAtInstant(c, [conn({})]);
    expect(r.allocations[0].kind).toBe("denied");
  });

  test.each([
    ["no server license at all", [], "64", "denied"],
    ["a 32-bit license does not cover a 64-bit server", [{ host: "srv-1c", bitness: "32" as const, kitId: null, regNumber: null, via: "hardware" as const }], "64", "denied"],
    ["a 64-bit license also covers a 32-bit server", [{ host: "srv-1c", bitness: "64" as const, kitId: null, regNumber: null, via: "software" as const }], "32", "seat"],
  ])("§4 [H/M]: client-server needs a server license — %s", (_name, serverLicenses, bitness, kind) => {
    const c = ctx([pool("soft-server:srv-1c", 10)], { serverLicenses, servers: [{ host: "srv-1c", bitness: bitness as "32" | "64" }] });
    const r = allocateAtInstant(c, [conn({ infobase: "accounting" })]);
    expect(r.allocations[0].kind).toBe(kind);
    if (kind === "denied" && r.allocations[0].kind === "denied") expect(r.allocations[0].looked[0].cause).toBe("no-server-license");
  });

  test("§4 [M]: background jobs take no seat; web clients count per session even on a per-computer pool", () => {
    const r = allocateAtInstant(ctx([pool("soft-server:srv-1c", 10)]), [
      conn({ app: "BackgroundJob", user: null }),
      conn({ app: "WebClient", host: "srv-web" }),
      conn({ app: "WebClient", host: "srv-web" }),
    ]);
    expect(r.allocations[0].kind).toBe("no-seat");
    expect(r.usage[0].held).toBe(2);
  });
});

describe("allocation invariants (fast-check)", () => {
  const arb = fc.array(
    fc.record({
      host: fc.constantFrom("pc-1", "pc-2", "srv-ts"),
      terminalSession: fc.option(fc.constantFrom("1", "2"), { nil: null }),
      infobase: fc.constantFrom("trade", "accounting", "hr", "closed"),
      app: fc.constantFrom("1CV8C", "Designer", "WebClient", "BackgroundJob"),
    }),
    { maxLength: 25 },
  );
  const pools = () => [pool("soft-local:srv-ts", 2), pool("hasp-network:srv-lm:ORGL8", 2), pool("soft-server:srv-1c", 3)];
  const toConns = (xs: Array<{ host: string; terminalSession: string | null; infobase: string; app: string }>) => xs.map((x, i) => ({ ...x, id: `k${i}`, user: "u", start: i }));

  fcTest.prop([arb])("free seats never go negative; every seat-holding connection is counted in its pool", (xs) => {
    const conns = toConns(xs);
    const r = allocateAtInstant(ctx(pools()), conns);
    for (const u of r.usage) {
      expect(u.free).toBeGreaterThanOrEqual(0);
      const holders = u.holders.reduce((s, h) => s + h.connections, 0);
      const seated = r.allocations.filter((a) => a.kind === "seat" && a.poolId === u.poolId).length;
      expect(holders).toBe(seated);
    }
  });

  fcTest.prop([arb])("no per-session seat is held by two connections", (xs) => {
    const r = allocateAtInstant(ctx(pools()), toConns(xs));
    const perSession = r.allocations.filter((a) => a.kind === "seat" && a.counting === "per-session");
    expect(new Set(perSession.map((a) => a.connectionId)).size).toBe(perSession.length);
  });

  fcTest.prop([arb, fc.nat(), fc.constantFrom(0, 1, 2)])("with one pool, removing a connection never increases the seats used", (xs, i, which) => {
    if (xs.length === 0) return;
    const conns = toConns(xs);
    const one = () => [pools()[which]];
    const all = allocateAtInstant(ctx(one()), conns).usage.reduce((s, u) => s + u.held, 0);
    const fewer = allocateAtInstant(ctx(one()), conns.filter((_, k) => k !== i % conns.length)).usage.reduce((s, u) => s + u.held, 0);
    expect(fewer).toBeLessThanOrEqual(all);
  });
});

describe("first come, first served across pools (§4.1)", () => {
  test("with several pools, one connection fewer can cost more seats: a computer pushed to the server pays per session", () => {
    // pc-1 terminal sessions 1 and 2 and pc-1 itself; network key of 2 seats, server of 3.
    const c = ctx([pool("hasp-network:srv-lm:ORGL8", 2), pool("soft-server:srv-1c", 3)]);
    const conns = [
      conn({ id: "a", host: "pc-1", terminalSession: "1", start: 1 }),
      conn({ id: "b", host: "pc-1", start: 2 }),
      conn({ id: "c", host: "pc-1", terminalSession: "2", start: 3 }),
      conn({ id: "d", host: "pc-1", start: 4 }),
      conn({ id: "e", host: "pc-1", start: 5 }),
    ];
    const held = (cs: Connection[]) => allocateAtInstant(c, cs).usage.reduce((s, u) => s + u.held, 0);
    // With b, pc-1 holds a key seat that d and e share: 2 key seats + 1 server seat for c.
    expect(held(conns)).toBe(3);
    // Without b, c takes the second key seat and pc-1's d and e each take a server seat.
    expect(held(conns.filter((x) => x.id !== "b"))).toBe(4);
  });
});

describe("simulatePools over time", () => {
  test("seats held per pool, peak, time full and denials", () => {
    const c = ctx([pool("soft-server:srv-1c", 2)]);
    const r = simulatePools(
      c,
      [
        conn({ id: "a", infobase: "accounting", start: 0, end: 4 * H }),
        conn({ id: "b", infobase: "accounting", start: H, end: 3 * H }),
        conn({ id: "c", infobase: "accounting", start: 2 * H, end: 4 * H }),
        conn({ id: "d", infobase: "accounting", start: 3 * H, end: 4 * H }),
      ],
      { bucketMs: H },
    );
    const p = r.pools[0];
    expect(p).toMatchObject({ peak: 2, peakAt: H, timeFullMs: 3 * H, denials: 1 });
    expect(p.series.map((s) => s.seats)).toEqual([1, 2, 2, 2]);
    // The client side has no license, no local key and no License Manager; the server's pool is full.
    expect(r.denied).toEqual([
      { connectionId: "c", at: 2 * H, wantedPoolId: "soft-server:srv-1c", causes: ["no-file", "no-local-key", "no-license-manager", "seats-exhausted", "no-local-key", "no-license-manager"] },
    ]);
  });

  test("a connection without an end stays open to the end of the scenario", () => {
    const r = simulatePools(ctx([pool("soft-local:pc-1", 1)]), [conn({ start: 0 }), conn({ host: "pc-1", start: 0, end: 2 * H, infobase: "accounting" })]);
    expect(r.scenario).toEqual({ start: 0, end: 2 * H });
    expect(r.pools[0].timeFullMs).toBe(2 * H);
  });

  test("the demo company's history replays without over-allocating any pool", () => {
    const company = generateDemoCompany({ anchor: "2026-11-27" });
    const { pools: demoPools, serverLicenses } = derivePools(demoInventory(company));
    const infobases = company.infobases.map((i) => ({ name: i.name, mode: i.mode, licenseDistribution: i.licenseDistribution, useHardwareLicense: i.useHardwareLicense, serverHost: i.serverId ? "srv-1c" : null }));
    const connections = company.sessions.map((s) => ({
      id: String(s.id),
      user: s.userName,
      host: s.host,
      terminalSession: s.terminalSession,
      infobase: company.infobases.find((i) => i.id === s.infobaseId)!.name,
      app: s.appId,
      start: s.firstSeenAt,
      end: s.lastSeenAt,
    }));
    const r = simulatePools({ pools: demoPools, serverLicenses, infobases, servers: [{ host: "srv-1c", bitness: "64" }], settings: DEFAULT_SETTINGS }, connections);
    for (const p of r.pools) expect(p.peak).toBeLessThanOrEqual(p.seats);
    // Every client reaches the License Manager here (nethasp.ini is not modelled per computer yet), so
    // the network key fills first and the sales department runs out of seats.
    const hasp = r.pools.find((p) => p.poolId === "hasp-network:srv-lm:ORGL8")!;
    expect(hasp.peak).toBe(20);
    expect(hasp.denials).toBeGreaterThan(0);
    expect(r.pools.reduce((s, p) => s + p.denials, 0) + r.otherDenials).toBeGreaterThan(0);
  });
});
