import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { computerKey, derivePools, licenseLocations, namedHosts, serverLicenseOfHeld, usageAtInstant } from "@/lib/licensing/pools";
import { DEFAULT_SETTINGS } from "@/lib/licensing/settings";
import type { HeldLicense, Inventory, InventoryComputer } from "@/lib/licensing/types";

const computers: InventoryComputer[] = [
  { id: 1, name: "ws-01", role: "workstation" },
  { id: 2, name: "srv-1c", role: "1c-server" },
  { id: 3, name: "srv-ts", role: "terminal-server" },
  { id: 4, name: "srv-lm", role: "license-manager" },
  { id: 5, name: "ws-02", role: "workstation" },
];

function inventory(partial: Partial<Inventory>): Inventory {
  return { kits: [], pins: [], activations: [], computers, keys: [], servers: [], ...partial };
}

const kit = (id: number, seats: number, extra: Partial<Inventory["kits"][number]> = {}): Inventory["kits"][number] => ({
  id,
  regNumber: `81000000${String(id).padStart(2, "0")}`,
  product: `kit ${id}`,
  kind: "client",
  seats,
  protection: "software",
  usageMode: seats > 1 ? "multi" : "single",
  ...extra,
});

const held = (partial: Partial<HeldLicense>): HeldLicense => ({
  userName: "u",
  host: "ws-01",
  terminalSession: null,
  appId: "1CV8C",
  series: null,
  licenseType: "soft",
  issuedByServer: false,
  net: false,
  rmngrAddress: "",
  ...partial,
});

describe("derivePools — DOMAIN §2, §4", () => {
  test("§4: a multi-user PIN on the 1C server is a server-issued pool of the kit's seats, counted per session", () => {
    const { pools } = derivePools(
      inventory({
        kits: [kit(1, 10)],
        pins: [{ id: 1, kitId: 1, set: "multi", role: "main", status: "active" }],
        activations: [{ id: 1, pinId: 1, computerId: 2, operation: "first", activatedAt: 1 }],
      }),
    );
    expect(pools).toEqual([
      expect.objectContaining({ id: "soft-server:srv-1c", source: "soft-server", host: "srv-1c", seats: 10, counting: "per-session" }),
    ]);
  });

  test("§4 [M]: a single-user license activated on the 1C server joins that host's pool as one seat", () => {
    const { pools } = derivePools(
      inventory({
        kits: [kit(1, 10), kit(2, 5, { usageMode: "single" })],
        pins: [
          { id: 1, kitId: 1, set: "multi", role: "main", status: "active" },
          { id: 2, kitId: 2, set: "single", role: "main", status: "active" },
        ],
        activations: [
          { id: 1, pinId: 1, computerId: 2, operation: "first", activatedAt: 1 },
          { id: 2, pinId: 2, computerId: 2, operation: "first", activatedAt: 2 },
        ],
      }),
    );
    expect(pools).toHaveLength(1);
    expect(pools[0].seats).toBe(11);
    expect(pools[0].members.map((m) => m.seats)).toEqual([10, 1]);
    // §4 [H]: the allocator must know which seats are multi-user (file mode) and where they live.
    expect(pools[0].members.map((m) => m.multiUser)).toEqual([true, false]);
    expect(pools[0].hostRole).toBe("1c-server");
  });

  test("§4: licenses on a terminal server or a workstation are obtained by the client, counted per computer", () => {
    const { pools } = derivePools(
      inventory({
        kits: [kit(1, 50), kit(2, 1)],
        pins: [
          { id: 1, kitId: 1, set: "multi", role: "main", status: "active" },
          { id: 2, kitId: 2, set: "single", role: "main", status: "active" },
        ],
        activations: [
          { id: 1, pinId: 1, computerId: 3, operation: "first", activatedAt: 1 },
          { id: 2, pinId: 2, computerId: 1, operation: "first", activatedAt: 1 },
        ],
      }),
    );
    expect(pools.map((p) => [p.id, p.seats, p.counting])).toEqual([
      ["soft-local:srv-ts", 50, "per-computer"],
      ["soft-local:ws-01", 1, "per-computer"],
    ]);
  });

  test("§1.3: only active PINs give seats, on the computer of their latest activation", () => {
    const { pools } = derivePools(
      inventory({
        kits: [kit(1, 1)],
        pins: [
          { id: 1, kitId: 1, set: "single", role: "main", status: "spent" },
          { id: 2, kitId: 1, set: "single", role: "backup", status: "active" },
          { id: 3, kitId: 1, set: "single", role: "backup", status: "unused" },
        ],
        activations: [
          { id: 1, pinId: 1, computerId: 1, operation: "first", activatedAt: 1 },
          { id: 2, pinId: 2, computerId: 1, operation: "recovery", activatedAt: 5 },
          { id: 3, pinId: 2, computerId: 5, operation: "recovery", activatedAt: 9 },
        ],
      }),
    );
    expect(pools.map((p) => [p.host, p.seats])).toEqual([["ws-02", 1]]);
  });

  test.each([
    ["two keys of the same series on one host count once", ["ORGL8", "ORGL8"], [20, 20], [["hasp-network:srv-lm:ORGL8", 20]], [2]],
    ["same series, different models: only the smaller one is guaranteed", ["ORGL8", "orgl8"], [50, 20], [["hasp-network:srv-lm:ORGL8", 20]], [1]],
    ["keys of different series add up (separate pools)", ["ORG8A", "ORG8B"], [20, 10], [["hasp-network:srv-lm:ORG8A", 20], ["hasp-network:srv-lm:ORG8B", 10]], []],
  ])("§2 [H]: %s", (_name, series, seats, expected, ignored) => {
    const { pools } = derivePools(
      inventory({
        keys: series.map((s, i) => ({ id: i + 1, series: s, kind: "network" as const, seats: seats[i], kitId: null, computerId: 4 })),
      }),
    );
    expect(pools.map((p) => [p.id, p.seats])).toEqual(expected);
    expect(pools.flatMap((p) => p.ignoredKeyIds)).toEqual(ignored);
  });

  test("§4: server licenses (software or key) are listed apart and give no client seats", () => {
    const { pools, serverLicenses } = derivePools(
      inventory({
        kits: [kit(1, 0, { kind: "server", usageMode: null, serverBitness: "64" })],
        pins: [{ id: 1, kitId: 1, set: "single", role: "main", status: "active" }],
        activations: [{ id: 1, pinId: 1, computerId: 2, operation: "first", activatedAt: 1 }],
        keys: [{ id: 1, series: "EN8SA", kind: "server", seats: 0, kitId: null, computerId: 2 }],
        servers: [{ id: 1, name: "main", computerId: 2, bitness: "64", serverLicenseKitId: 1 }],
      }),
    );
    expect(pools).toEqual([]);
    // The bitness is the license's own (the kit's, or the key series' [L]), not the server's.
    expect(serverLicenses.map((s) => [s.host, s.bitness, s.via])).toEqual([
      ["srv-1c", "64", "software"],
      ["srv-1c", "64", "hardware"],
    ]);
  });
});

describe("usageAtInstant — counting per §4", () => {
  const inv = inventory({
    kits: [kit(1, 10), kit(2, 50)],
    pins: [
      { id: 1, kitId: 1, set: "multi", role: "main", status: "active" },
      { id: 2, kitId: 2, set: "multi", role: "main", status: "active" },
    ],
    activations: [
      { id: 1, pinId: 1, computerId: 2, operation: "first", activatedAt: 1 },
      { id: 2, pinId: 2, computerId: 3, operation: "first", activatedAt: 1 },
    ],
    keys: [{ id: 1, series: "ORGL8", kind: "network", seats: 20, kitId: null, computerId: 4 }],
  });
  const { pools } = derivePools(inv);
  const server = { series: "8100000001", issuedByServer: true, rmngrAddress: "srv-1c" };
  const terminal = { series: "8100000002", host: "srv-ts" };

  test.each([
    ["§4 (a): Enterprise + Designer on one PC, client licensing → 1 seat", "hasp-network:srv-lm:ORGL8", [held({ series: "ORGL8", licenseType: "HASP", net: true }), held({ series: "ORGL8", licenseType: "HASP", net: true, appId: "Designer" })], 1],
    ["§4 (c): two infobases on one PC through the 1C server → 2 seats", "soft-server:srv-1c", [held(server), held(server)], 2],
    ["§4 (d): one terminal user, two infobases, server-issued → 2 of 10 (8 free)", "soft-server:srv-1c", [held({ ...server, host: "srv-ts", terminalSession: "RDP#1" }), held({ ...server, host: "srv-ts", terminalSession: "RDP#1" })], 2],
    ["§4 (e): one terminal user, two infobases, licenses on the terminal server → 1 seat", "soft-local:srv-ts", [held({ ...terminal, terminalSession: "RDP#1" }), held({ ...terminal, terminalSession: "RDP#1" })], 1],
    ["§4: each terminal session is its own computer", "soft-local:srv-ts", [held({ ...terminal, terminalSession: "RDP#1" }), held({ ...terminal, terminalSession: "RDP#2" })], 2],
    ["§4: web clients count per session even in a per-computer pool", "soft-local:srv-ts", [held({ ...terminal, appId: "WebClient" }), held({ ...terminal, appId: "WebClient" })], 2],
  ])("%s", (_name, poolId, sessions, inUse) => {
    const { usage, unmatched } = usageAtInstant(pools, sessions, DEFAULT_SETTINGS.perSessionAppIds);
    expect(unmatched).toEqual([]);
    const u = usage.find((x) => x.pool.id === poolId)!;
    expect(u.inUse).toBe(inUse);
    expect(u.free).toBe(u.pool.seats - inUse);
  });

  test("§4 (d)/(e) side by side: 8 free per session, 9 free per computer", () => {
    const issued = usageAtInstant(pools, [held({ ...server, host: "srv-ts", terminalSession: "RDP#1" }), held({ ...server, host: "srv-ts", terminalSession: "RDP#1", userName: "u" })], DEFAULT_SETTINGS.perSessionAppIds);
    expect(issued.usage.find((u) => u.pool.id === "soft-server:srv-1c")!.free).toBe(8);
    const tenOnTs = derivePools(
      inventory({
        kits: [kit(1, 10)],
        pins: [{ id: 1, kitId: 1, set: "multi", role: "main", status: "active" }],
        activations: [{ id: 1, pinId: 1, computerId: 3, operation: "first", activatedAt: 1 }],
      }),
    ).pools;
    const local = usageAtInstant(tenOnTs, [held({ series: "8100000001", host: "srv-ts", terminalSession: "RDP#1" }), held({ series: "8100000001", host: "srv-ts", terminalSession: "RDP#1" })], DEFAULT_SETTINGS.perSessionAppIds);
    expect(local.usage[0].free).toBe(9);
  });

  test("§4: services in the per-session table (a setting) count per session, like web clients", () => {
    const odata = held({ ...terminal, appId: "ODataConnection" });
    const { usage } = usageAtInstant(pools, [odata, { ...odata }, { ...odata }], DEFAULT_SETTINGS.perSessionAppIds);
    expect(usage.find((u) => u.pool.id === "soft-local:srv-ts")!.inUse).toBe(3);
    const { usage: custom } = usageAtInstant(pools, [odata, { ...odata }], []);
    expect(custom.find((u) => u.pool.id === "soft-local:srv-ts")!.inUse).toBe(1);
  });

  test("§4: a local key the 1C server issued seats from is the server's, counted per session", () => {
    const keys = derivePools(
      inventory({
        keys: [
          { id: 1, series: "ORGL8", kind: "local", seats: 5, kitId: null, computerId: 1 },
          { id: 2, series: "ORGL8", kind: "local", seats: 3, kitId: null, computerId: 2 },
        ],
      }),
    ).pools;
    const viaServer = held({ series: "ORGL8", licenseType: "HASP", net: false, issuedByServer: true, rmngrAddress: "srv-1c", host: "ws-01" });
    const { usage } = usageAtInstant(keys, [viaServer, { ...viaServer }, { ...viaServer }], DEFAULT_SETTINGS.perSessionAppIds);
    expect(usage.map((u) => [u.pool.host, u.inUse])).toEqual([
      ["ws-01", 0],
      ["srv-1c", 3],
    ]);
  });

  test("a license that matches no pool is reported, not dropped", () => {
    const stray = held({ series: "999999999", licenseType: "soft" });
    const { unmatched } = usageAtInstant(pools, [stray, held({ series: null })], DEFAULT_SETTINGS.perSessionAppIds);
    expect(unmatched).toEqual([stray]);
  });

  const arbitrarySession = fc.record({
    pool: fc.constantFrom("server", "terminal", "hasp"),
    host: fc.constantFrom("ws-01", "ws-02", "srv-ts"),
    terminalSession: fc.option(fc.constantFrom("RDP#1", "RDP#2", "RDP#3"), { nil: null }),
    appId: fc.constantFrom("1CV8C", "1CV8", "Designer", "WebClient"),
  });
  const toHeld = (s: { pool: string; host: string; terminalSession: string | null; appId: string }) =>
    s.pool === "server"
      ? held({ ...server, host: s.host, terminalSession: s.terminalSession, appId: s.appId })
      : s.pool === "terminal"
        ? held({ ...terminal, terminalSession: s.terminalSession, appId: s.appId })
        : held({ series: "ORGL8", licenseType: "HASP", net: true, host: s.host, terminalSession: s.terminalSession, appId: s.appId });

  fcTest.prop([fc.array(arbitrarySession, { maxLength: 40 })])("seats in use never exceed the sessions holding them, and never go negative", (sessions) => {
    const { usage } = usageAtInstant(pools, sessions.map(toHeld), DEFAULT_SETTINGS.perSessionAppIds);
    for (const u of usage) {
      expect(u.inUse).toBeGreaterThanOrEqual(0);
      expect(u.inUse).toBeLessThanOrEqual(u.sessions);
    }
  });

  fcTest.prop([fc.array(arbitrarySession, { minLength: 1, maxLength: 40 }), fc.nat()])("removing a session never increases the seats in use", (sessions, index) => {
    const all = sessions.map(toHeld);
    const fewer = all.filter((_, i) => i !== index % all.length);
    const before = usageAtInstant(pools, all, DEFAULT_SETTINGS.perSessionAppIds).usage;
    const after = usageAtInstant(pools, fewer, DEFAULT_SETTINGS.perSessionAppIds).usage;
    after.forEach((u, i) => expect(u.inUse).toBeLessThanOrEqual(before[i].inUse));
  });
});

describe("real rac output on a terminal server: the user stands for the terminal session (§4 [H], [M])", () => {
  // 10 single-user PINs activated on the terminal server itself: client-obtained, per computer.
  const inv = inventory({
    kits: [kit(1, 10, { usageMode: "single" })],
    pins: Array.from({ length: 10 }, (_, i) => ({ id: i + 1, kitId: 1, set: "single" as const, role: "main" as const, status: "active" as const })),
    activations: Array.from({ length: 10 }, (_, i) => ({ id: i + 1, pinId: i + 1, computerId: 3, operation: "first" as const, activatedAt: 1 })),
    keys: [{ id: 1, series: "ORGL8", kind: "network", seats: 20, kitId: null, computerId: 4 }],
  });
  const { pools, serverLicenses, terminalHosts } = derivePools(inv);
  const onTs = (userName: string, appId = "1CV8C") => held({ series: "8100000001", host: "srv-ts", userName, appId });
  const inUse = (sessions: HeldLicense[], poolId: string) =>
    usageAtInstant(pools, sessions, DEFAULT_SETTINGS.perSessionAppIds, serverLicenses, terminalHosts).usage.find((u) => u.pool.id === poolId)!.inUse;

  test.each([
    ["three users, one of them in two infobases and Designer → 3 seats", [onTs("Иванов"), onTs("Петров"), onTs("Сидоров"), onTs("Сидоров"), onTs("Сидоров", "Designer")], 3],
    ["one user's sessions share one seat (§4 (e))", [onTs("Иванов"), onTs("Иванов"), onTs("Иванов", "Designer")], 1],
    ["user names compare case-insensitively", [onTs("Иванов"), onTs("иванов")], 1],
  ])("§4: %s", (_name, sessions, seats) => {
    expect(inUse(sessions, "soft-local:srv-ts")).toBe(seats);
  });

  test("a network key used from the terminal server also counts per user", () => {
    const key = (userName: string) => held({ series: "ORGL8", licenseType: "HASP", net: true, host: "SRV-TS", userName });
    expect(inUse([key("a"), key("b"), key("b")], "hasp-network:srv-lm:ORGL8")).toBe(2);
  });

  test("an explicit terminal session is kept (the simulator, CSV)", () => {
    expect(inUse([held({ ...onTs("a"), terminalSession: "RDP#1" }), held({ ...onTs("a"), terminalSession: "RDP#2" })], "soft-local:srv-ts")).toBe(2);
  });

  test("on a computer that is not a terminal server, users of one host share its seat", () => {
    const ws = (userName: string) => held({ series: "ORGL8", licenseType: "HASP", net: true, host: "ws-01", userName });
    expect(inUse([ws("a"), ws("b")], "hasp-network:srv-lm:ORGL8")).toBe(1);
  });

  test("computerKey: host | terminal session, or host | user on a terminal server", () => {
    expect(computerKey({ host: "SRV-TS", userName: "Иванов" }, terminalHosts)).toBe("srv-ts|user:иванов");
    expect(computerKey({ host: "srv-ts", terminalSession: "RDP#1", userName: "x" }, terminalHosts)).toBe("srv-ts|RDP#1");
    expect(computerKey({ host: "ws-01", userName: "x" }, terminalHosts)).toBe("ws-01|");
    expect(computerKey({ host: "srv-ts", userName: "x" })).toBe("srv-ts|");
  });
});

describe("same-series network keys on two License Manager hosts are two pools (§2 [H])", () => {
  const inv = inventory({
    keys: [
      { id: 7, series: "ORG8A", kind: "network", seats: 20, kitId: null, computerId: 4 },
      { id: 3, series: "ORG8A", kind: "network", seats: 20, kitId: null, computerId: 5 },
    ],
  });
  const { pools } = derivePools(inv);
  const fromWs = (i: number) => held({ series: "ORG8A", licenseType: "HASP", net: true, host: `ws-${String(i).padStart(3, "0")}` });
  const usage = (sessions: HeldLicense[]) => Object.fromEntries(usageAtInstant(pools, sessions, DEFAULT_SETTINGS.perSessionAppIds).usage.map((u) => [u.pool.host, u.inUse]));

  test("two pools of 20, one per host", () => {
    expect(pools.map((p) => [p.id, p.seats])).toEqual([
      ["hasp-network:srv-lm:ORG8A", 20],
      ["hasp-network:ws-02:ORG8A", 20],
    ]);
  });

  test("30 computers: the first host (keys in the order recorded) fills to 20, the other takes 10 — never 30 of 20 beside 0 of 20", () => {
    expect(usage(Array.from({ length: 30 }, (_, i) => fromWs(i)))).toEqual({ "ws-02": 20, "srv-lm": 10 });
  });

  test("a computer already counted on one host keeps its seat there (per computer, §4)", () => {
    const sessions = [...Array.from({ length: 20 }, (_, i) => fromWs(i)), fromWs(0), fromWs(0), fromWs(20)];
    expect(usage(sessions)).toEqual({ "ws-02": 20, "srv-lm": 1 });
  });

  test("more computers than both keys hold: the overflow goes where most seats are left, so neither is over while the other has room", () => {
    expect(usage(Array.from({ length: 45 }, (_, i) => fromWs(i)))).toEqual({ "ws-02": 23, "srv-lm": 22 });
  });

  fcTest.prop([fc.integer({ min: 0, max: 60 })])("no pool is over its capacity while another candidate has a free seat", (n) => {
    const u = usage(Array.from({ length: n }, (_, i) => fromWs(i)));
    const over = Object.values(u).some((x) => x > 20);
    const room = Object.values(u).some((x) => x < 20);
    expect(over && room).toBe(false);
    expect(u["srv-lm"] + u["ws-02"]).toBe(n);
  });
});

describe("server-license records — one function decides (DOMAIN §4, §5.1)", () => {
  const inv = inventory({
    kits: [kit(1, 10), kit(2, 0, { kind: "server", usageMode: null, serverBitness: "64", regNumber: "500000000002" })],
    pins: [
      { id: 1, kitId: 1, set: "multi", role: "main", status: "active" },
      { id: 2, kitId: 2, set: "single", role: "main", status: "active" },
    ],
    activations: [
      { id: 1, pinId: 1, computerId: 2, operation: "first", activatedAt: 1 },
      { id: 2, pinId: 2, computerId: 2, operation: "first", activatedAt: 1 },
    ],
  });
  const { pools, serverLicenses } = derivePools(inv);
  // `rac process list --licenses`: no host, the server only in full-presentation.
  const processRecord = held({ series: "500000000002", host: null, rmngrAddress: null, fullPresentation: "Сервер, srv-1c, программная лицензия 500000000002, сервер 64-бит, file:///var/1C/licenses/x.lic" });

  test.each([
    ["host, rmngr-address and the presentation's host", held({ host: "ws-01", rmngrAddress: "srv-1c", fullPresentation: "Клиент, ws-01, ORGL8 Сетевой 20" }), ["ws-01", "srv-1c", "ws-01"]],
    ["a process-list record names its host only in full-presentation", processRecord, ["srv-1c"]],
    ["blank fields and a description in the host's place name nothing", held({ host: null, rmngrAddress: "", fullPresentation: "Сервер, ORG8A Сет 300" }), []],
  ])("§5.1 namedHosts: %s", (_name, record, hosts) => {
    expect(namedHosts(record)).toEqual(hosts);
  });

  test.each([
    ["§4: series of a server-license kit, host in full-presentation", processRecord, "srv-1c"],
    ["§4: hosts compare case-insensitively", held({ series: "500000000002", host: "SRV-1C" }), "srv-1c"],
    ["§4: naming no host, the series alone decides", held({ series: "500000000002", host: null, rmngrAddress: null }), "srv-1c"],
    ["§4: naming another host, it is not this server's license", held({ series: "500000000002", host: "ws-01", rmngrAddress: null }), undefined],
    ["§4: a client kit's series is no server license", held({ series: "8100000001", host: "srv-1c" }), undefined],
  ])("serverLicenseOfHeld — %s", (_name, record, host) => {
    expect(serverLicenseOfHeld(serverLicenses, record)?.host).toBe(host);
  });

  test("§4: usageAtInstant counts a server-license record in no pool and not as unmatched (the Overview's count)", () => {
    const client = held({ series: "8100000001", issuedByServer: true, rmngrAddress: "srv-1c" });
    const { usage, unmatched } = usageAtInstant(pools, [processRecord, { ...processRecord }, client], DEFAULT_SETTINGS.perSessionAppIds, serverLicenses);
    expect(unmatched).toEqual([]);
    expect(usage.map((u) => [u.pool.id, u.inUse, u.sessions])).toEqual([["soft-server:srv-1c", 1, 1]]);
    // Without the server licenses it could only be reported as unmatched.
    expect(usageAtInstant(pools, [processRecord], DEFAULT_SETTINGS.perSessionAppIds).unmatched).toEqual([processRecord]);
  });
});

describe("licenseLocations — an active PIN's file is where it was last activated (DOMAIN §1.5)", () => {
  const a = (id: number, pinId: number, computerId: number, activatedAt: number) => ({ id, pinId, computerId, activatedAt, operation: "first" as const });
  test.each([
    ["the latest activation wins", [a(1, 1, 10, 100), a(2, 1, 20, 200)], { 1: 20 }],
    ["a tie at the same instant goes to the later record", [a(5, 1, 10, 100), a(6, 1, 20, 100)], { 1: 20 }],
    ["the order of the records does not matter", [a(2, 1, 20, 200), a(1, 1, 10, 100)], { 1: 20 }],
    ["a PIN that is no longer active has no file anywhere", [a(1, 2, 10, 100)], {}],
  ])("%s", (_name, activations, expected) => {
    const pins = [
      { id: 1, status: "active" },
      { id: 2, status: "spent" },
    ];
    expect(Object.fromEntries([...licenseLocations(pins, activations)].map(([pinId, act]) => [pinId, act.computerId]))).toEqual(expected);
  });
});
