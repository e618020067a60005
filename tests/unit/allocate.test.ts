import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import type { ComputerRole } from "@/lib/domain/enums";
import { allocateAtInstant, createAllocator, fileModeSeats, simulatePools, type Allocation, type AllocationContext, type Connection, type InfobaseInfo } from "@/lib/licensing/allocate";
import { CAUSE_TEXT } from "@/lib/licensing/causes";
import { demoInventory, generateDemoCompany } from "@/lib/demo/company";
import { computerKey, derivePools } from "@/lib/licensing/pools";
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

  test("the demo company's history replays without over-allocating any pool, and without a denial (issue 11 §0)", () => {
    const company = generateDemoCompany({ anchor: "2026-11-27" });
    const { pools: demoPools, serverLicenses, terminalHosts } = derivePools(demoInventory(company));
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
    const r = simulatePools({ pools: demoPools, serverLicenses, infobases, servers: [{ host: "srv-1c", bitness: "64" }], settings: DEFAULT_SETTINGS, terminalHosts }, connections);
    for (const p of r.pools) expect(p.peak).toBeLessThanOrEqual(p.seats);
    // The demo's sessions are the ones the engine granted (its refusals are events): replayed, none is refused,
    // and the shared pools the events blame really were full.
    expect(r.pools.reduce((s, p) => s + p.denials, 0) + r.otherDenials).toBe(0);
    expect(r.pools.find((p) => p.poolId === "hasp-network:srv-lm:ORGL8")!.peak).toBe(20);
    expect(r.pools.find((p) => p.poolId === "soft-server:srv-1c")!.peak).toBe(10);
  });
});

describe("file-mode infobases use single-user licenses only, except on a terminal server (DOMAIN §4 [H])", () => {
  /** A software pool on a host of the given role: [seats, multi-user?] per license file. */
  const mixed = (id: string, hostRole: ComputerRole, files: Array<[seats: number, multiUser: boolean]>): Pool => ({
    ...pool(id, files.reduce((n, [seats]) => n + seats, 0)),
    hostRole,
    members: files.map(([seats, multiUser], i) => ({ kitId: i + 1, regNumber: `81000000${i + 1}`, pinId: i + 1, seats, multiUser })),
  });
  const web10 = () => mixed("soft-local:srv-web", "web-server", [[10, true]]);
  const ts10 = () => mixed("soft-local:srv-ts", "terminal-server", [[10, true]]);
  const webMixed = () => mixed("soft-local:srv-web", "web-server", [[10, true], [1, false]]);

  test.each([
    ["a web server: the single-user seat only", "web-server", 1],
    ["a 1C server: the single-user seat only", "1c-server", 1],
    ["a terminal server: every seat", "terminal-server", 11],
    ["a host whose role is not recorded (assumed not a terminal server)", undefined, 1],
  ] as const)("§4 [H] fileModeSeats — 10 multi-user + 1 single-user seats on %s", (_name, role, seats) => {
    expect(fileModeSeats({ ...webMixed(), hostRole: role })).toBe(seats);
    expect(fileModeSeats(pool("hasp-network:srv-lm:ORGL8", 20))).toBe(20);
  });

  test.each([
    ["a web client", { host: "srv-web", app: "WebClient" }],
    ["a thin client on the web server", { host: "srv-web", app: "1CV8C" }],
  ])("§4 [H]: a web server with a 10-seat multi-user license, a file-mode infobase, %s → denied, saying why", (_name, c) => {
    const [a] = allocateAtInstant(ctx([web10()]), [conn({ ...c, infobase: "hr" })]).allocations;
    expect(a.kind).toBe("denied");
    if (a.kind !== "denied") return;
    expect(a.looked[0]).toMatchObject({ place: "client", host: "srv-web", poolId: "soft-local:srv-web", cause: "file-mode-single-user-only", text: CAUSE_TEXT["file-mode-single-user-only"] });
    // No seat of this pool could ever serve it: nobody to wait for.
    expect(a.wantedPoolId).toBeNull();
    // The same host still serves client-server infobases.
    expect(allocateAtInstant(ctx([web10()]), [conn({ ...c, infobase: "trade" })]).allocations[0]).toMatchObject({ kind: "seat", poolId: "soft-local:srv-web" });
  });

  test("§4 [H]: the same on a terminal server → a seat (in terminal mode the multi-user license serves file mode)", () => {
    const r = allocateAtInstant(ctx([ts10()]), [conn({ host: "srv-ts", terminalSession: "RDP#1", infobase: "hr" }), conn({ host: "srv-ts", terminalSession: "RDP#2", infobase: "hr" })]);
    expect(r.allocations.map((a) => a.kind)).toEqual(["seat", "seat"]);
    expect(r.usage[0]).toMatchObject({ held: 2, free: 8 });
  });

  test("§4 [H]: a host with 1 single-user + 10 multi-user seats serves exactly one file-mode connection; client-server ones take the rest", () => {
    const web = (infobase: string) => conn({ host: "srv-web", app: "WebClient", infobase });
    const r = allocateAtInstant(ctx([webMixed()]), [web("hr"), web("hr"), web("hr"), web("trade"), web("trade")]);
    expect(r.allocations.map((a) => a.kind)).toEqual(["seat", "denied", "denied", "seat", "seat"]);
    const denied = r.allocations[1];
    expect(denied.kind === "denied" && denied.looked.map((s) => s.cause)).toEqual(["file-mode-single-user-only", "no-local-key", "no-license-manager"]);
    // Here one seat could serve it: whoever holds it is listed.
    expect(denied.kind === "denied" && denied.wantedPoolId).toBe("soft-local:srv-web");
    expect(r.usage[0]).toMatchObject({ seats: 11, held: 3, free: 8 });
  });

  test("§4 [H]: on the 1C server's own computer, a client in file mode takes the single-user seat only", () => {
    const srv = (files: Array<[number, boolean]>) => ctx([mixed("soft-server:srv-1c", "1c-server", files)]);
    const onServer = conn({ host: "srv-1c", app: "1CV8", infobase: "hr" });
    expect(allocateAtInstant(srv([[10, true], [1, false]]), [onServer]).allocations[0]).toMatchObject({ kind: "seat", poolId: "soft-server:srv-1c", obtainedBy: "client", counting: "per-computer" });
    expect(allocateAtInstant(srv([[10, true]]), [onServer]).allocations[0]).toMatchObject({ kind: "denied", looked: [expect.objectContaining({ cause: "file-mode-single-user-only" }), expect.anything(), expect.anything()] });
  });

  test("§4 [H]: a computer that holds a multi-user seat opens a file-mode infobase: it needs another license (here a network key)", () => {
    const c = ctx([web10(), pool("hasp-network:srv-lm:ORGL8", 1)]);
    const r = allocateAtInstant(c, [conn({ host: "srv-web", infobase: "trade" }), conn({ host: "srv-web", infobase: "hr" }), conn({ host: "srv-web", infobase: "trade", app: "Designer" })]);
    expect(r.allocations.map((a) => (a.kind === "seat" ? [a.poolId, a.shared] : a.kind))).toEqual([
      ["soft-local:srv-web", false],
      ["hasp-network:srv-lm:ORGL8", false],
      ["hasp-network:srv-lm:ORGL8", true],
    ]);
  });

  const arbitraryOp = fc.record({
    open: fc.boolean(),
    host: fc.constantFrom("srv-web", "srv-ts", "srv-1c", "pc-1"),
    terminalSession: fc.option(fc.constantFrom("1", "2", "3"), { nil: null }),
    infobase: fc.constantFrom("hr", "hr", "trade", "accounting"),
    app: fc.constantFrom("1CV8C", "1CV8", "Designer", "WebClient", "BackgroundJob"),
    pick: fc.nat(),
  });
  const mixedPools = () => [
    mixed("soft-local:srv-web", "web-server", [[3, true], [1, false]]),
    mixed("soft-local:srv-ts", "terminal-server", [[3, true]]),
    mixed("soft-server:srv-1c", "1c-server", [[2, true], [1, false]]),
    pool("hasp-network:srv-lm:ORGL8", 2),
  ];

  fcTest.prop([fc.array(arbitraryOp, { maxLength: 60 })], { numRuns: 300 })(
    "§4 [H]: as connections come and go, a pool never has more file-mode holders than fileModeSeats, nor more holders than seats, and is passed over only when really full",
    (ops) => {
      const pools = mixedPools();
      const c = ctx(pools);
      const allocator = createAllocator(c);
      const open = new Map<string, { conn: Connection; a: Allocation }>();
      /** Who holds seats of a pool (all, and for file-mode infobases), from the open allocations. */
      const holdersOf = (poolId: string) => {
        const all = new Set<string>();
        const file = new Set<string>();
        for (const { conn: x, a } of open.values()) {
          if (a.kind !== "seat" || a.poolId !== poolId) continue;
          const who = a.counting === "per-computer" ? computerKey(x) : x.id;
          all.add(who);
          if (x.infobase === "hr") file.add(who);
        }
        return { all, file };
      };
      ops.forEach((op, i) => {
        if (!op.open && open.size > 0) {
          const id = [...open.keys()][op.pick % open.size];
          const { conn: x, a } = open.get(id)!;
          allocator.release(x, a);
          open.delete(id);
        } else {
          const x: Connection = { id: `o${i}`, user: "u", host: op.host, terminalSession: op.terminalSession, infobase: op.infobase, app: op.app, start: i };
          const a = allocator.allocate(x);
          // A pool passed over was really full (for file mode: its file-mode seats were really held).
          for (const step of a.kind === "no-seat" ? [] : a.looked) {
            const p = pools.find((q) => q.id === step.poolId);
            if (!p) continue;
            const { all, file } = holdersOf(p.id);
            if (step.cause === "file-mode-single-user-only") expect(file.size).toBeGreaterThanOrEqual(fileModeSeats(p));
            if (step.cause === "seats-exhausted") expect(all.size).toBeGreaterThanOrEqual(p.seats);
          }
          open.set(x.id, { conn: x, a });
        }
        for (const p of pools) {
          const { all, file } = holdersOf(p.id);
          expect(allocator.heldIn(p.id)).toBe(all.size);
          expect(all.size).toBeLessThanOrEqual(p.seats);
          expect(file.size).toBeLessThanOrEqual(fileModeSeats(p));
        }
      });
    },
  );
});
