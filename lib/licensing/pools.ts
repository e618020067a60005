import type { ComputerRole } from "../domain/enums";
import type { HeldLicense, Inventory, InventoryPin, Pool, PoolMember, ServerLicense } from "./types";

export interface DerivedPools {
  pools: Pool[];
  serverLicenses: ServerLicense[];
  /** Names (lower case) of the computers recorded as terminal servers: their users count as computers (§4). */
  terminalHosts: ReadonlySet<string>;
}

/**
 * §4: licenses in files on the 1C server are issued by the server, per session; files anywhere else are
 * obtained by the client on that computer, per computer (a terminal session counts as its own computer).
 */
function softSourceFor(role: ComputerRole): Pick<Pool, "source" | "counting"> {
  return role === "1c-server" ? { source: "soft-server", counting: "per-session" } : { source: "soft-local", counting: "per-computer" };
}

/** §2 [L]: server key series seen in the field — ENSR8 for 32-bit servers, EN8SA for 64-bit. */
function serverKeyBitness(series: string): "32" | "64" | null {
  const s = series.trim().toUpperCase();
  return s === "ENSR8" ? "32" : s === "EN8SA" ? "64" : null;
}

/** The seats one activated PIN grants: the whole kit for a multi-user set, one seat for a single-user one (§1.2). */
function seatsOfPin(pin: InventoryPin, kitSeats: number, kitKind: string): number {
  if (kitKind === "basic") return 1;
  return pin.set === "multi" ? kitSeats : 1;
}

/** Each PIN's latest activation (the later record wins a tie): where its license was last obtained. */
export function latestByPin<A extends { id: number; pinId: number }>(activations: readonly A[], timeOf: (a: A) => number): Map<number, A> {
  const latest = new Map<number, A>();
  for (const a of activations) {
    const prev = latest.get(a.pinId);
    if (!prev || timeOf(a) > timeOf(prev) || (timeOf(a) === timeOf(prev) && a.id > prev.id)) latest.set(a.pinId, a);
  }
  return latest;
}

/**
 * §1.5: an active PIN's license file is on the computer of its latest activation. Active PIN id → that
 * activation; PINs not active (or never activated) have no file anywhere.
 */
export function licenseLocations<A extends { id: number; pinId: number; activatedAt: number }>(pins: ReadonlyArray<{ id: number; status: string }>, activations: readonly A[]): Map<number, A> {
  const latest = latestByPin(activations, (a) => a.activatedAt);
  const active = new Set(pins.filter((p) => p.status === "active").map((p) => p.id));
  return new Map([...latest].filter(([pinId]) => active.has(pinId)));
}

/**
 * Derives the pools that really exist from the inventory (DOMAIN §2, §4):
 * every active PIN is a license file on the computer of its latest activation; files on one computer add
 * up; HASP keys pool per host and series, where two keys of the same series count once (§2 [H]);
 * server licenses (software or key) are listed apart, they grant no client seats.
 */
export function derivePools(inventory: Inventory): DerivedPools {
  const computers = new Map(inventory.computers.map((c) => [c.id, c]));
  const kits = new Map(inventory.kits.map((k) => [k.id, k]));
  const location = licenseLocations(inventory.pins, inventory.activations);

  const pools = new Map<string, Pool>();
  const serverLicenses: ServerLicense[] = [];

  for (const pin of inventory.pins) {
    const activation = location.get(pin.id);
    if (!activation) continue;
    const kit = kits.get(pin.kitId);
    const computer = activation && computers.get(activation.computerId);
    if (!kit || !computer || kit.protection !== "software") continue;
    if (kit.kind === "server") {
      serverLicenses.push({
        host: computer.name,
        bitness: kit.serverBitness ?? null,
        kitId: kit.id,
        regNumber: kit.regNumber,
        via: "software",
      });
      continue;
    }
    const { source, counting } = softSourceFor(computer.role);
    const id = `${source}:${computer.name}`;
    const pool = pools.get(id) ?? { id, source, host: computer.name, hostRole: computer.role, seats: 0, counting, members: [], ignoredKeyIds: [] };
    const member: PoolMember = { kitId: kit.id, regNumber: kit.regNumber, pinId: pin.id, seats: seatsOfPin(pin, kit.seats, kit.kind), multiUser: pin.set === "multi" && kit.kind !== "basic" };
    pool.members.push(member);
    pool.seats += member.seats;
    pools.set(id, pool);
  }

  for (const key of inventory.keys) {
    const computer = key.computerId === null ? undefined : computers.get(key.computerId);
    if (!computer) continue;
    const kit = key.kitId === null ? undefined : kits.get(key.kitId);
    if (key.kind === "server") {
      serverLicenses.push({
        host: computer.name,
        bitness: kit?.serverBitness ?? serverKeyBitness(key.series),
        kitId: kit?.id ?? null,
        regNumber: kit?.regNumber ?? null,
        keyId: key.id,
        via: "hardware",
      });
      continue;
    }
    const source = key.kind === "network" ? "hasp-network" : "hasp-local";
    const id = `${source}:${computer.name}:${key.series.toUpperCase()}`;
    const existing = pools.get(id);
    const member: PoolMember = { kitId: kit?.id ?? null, regNumber: kit?.regNumber ?? null, keyId: key.id, seats: key.seats };
    if (!existing) {
      pools.set(id, { id, source, host: computer.name, hostRole: computer.role, seats: key.seats, counting: "per-computer", keySeries: key.series.toUpperCase(), members: [member], ignoredKeyIds: [] });
      continue;
    }
    // §2 [H]: the platform uses one key of a series at random; only the smaller one is guaranteed.
    const kept = existing.members[0];
    if (member.seats < kept.seats) {
      existing.ignoredKeyIds.push(kept.keyId!);
      existing.members = [member];
      existing.seats = member.seats;
    } else {
      existing.ignoredKeyIds.push(key.id);
    }
  }

  const order: Record<Pool["source"], number> = { "soft-server": 0, "soft-local": 1, "hasp-network": 2, "hasp-local": 3, "hasp-server": 4 };
  return {
    pools: [...pools.values()].sort((a, b) => order[a.source] - order[b.source] || b.seats - a.seats || a.host.localeCompare(b.host)),
    serverLicenses,
    terminalHosts: new Set(inventory.computers.filter((c) => c.role === "terminal-server").map((c) => c.name.toLowerCase())),
  };
}

/** Host names (and key series) compare case-insensitively; a missing one matches nothing. */
export const sameHost = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
const same = sameHost;

/** The first key id of a pool: the order in which its keys were recorded. */
const firstKeyId = (p: Pool) => Math.min(...p.members.map((m) => m.keyId ?? Number.MAX_SAFE_INTEGER), ...p.ignoredKeyIds);

/**
 * The pools a held license may have come from, read from the rac `--licenses` fields (§5.1), in the order a
 * client tries them: `series` is the registration number for `soft` licenses and the key series for `HASP`;
 * `issued-by-server` points at the server process (`rmngr-address`), otherwise the license is on the client's
 * host; `net` = via a License Manager. rac does not say which License Manager served a network key, so every
 * host with a key of that series is a candidate, in the order the keys were recorded (§2: same-series keys on
 * two hosts are two pools).
 */
export function poolCandidates(pools: readonly Pool[], held: HeldLicense): Pool[] {
  if (!held.series) return [];
  if (held.licenseType?.toLowerCase() === "hasp") {
    const candidates = pools.filter((p) => same(p.keySeries, held.series) && p.source === (held.net ? "hasp-network" : "hasp-local"));
    if (held.net) return candidates.sort((a, b) => firstKeyId(a) - firstKeyId(b));
    // A local key serves its own computer, or — when the server issued the license — the server's.
    const host = held.issuedByServer ? held.rmngrAddress : held.host;
    const pool = candidates.find((p) => same(p.host, host)) ?? (candidates.length === 1 ? candidates[0] : undefined);
    return pool ? [pool] : [];
  }
  const candidates = pools.filter((p) => p.members.some((m) => m.regNumber === held.series));
  const pool = held.issuedByServer
    ? (candidates.find((p) => same(p.host, held.rmngrAddress)) ?? candidates.find((p) => p.source === "soft-server"))
    : (candidates.find((p) => same(p.host, held.host)) ?? (candidates.length === 1 ? candidates[0] : undefined));
  return pool ? [pool] : [];
}

/** The pool a held license came from when only one can be (`poolCandidates`); the first candidate otherwise. */
export function poolOfHeldLicense(pools: readonly Pool[], held: HeldLicense): Pool | undefined {
  return poolCandidates(pools, held)[0];
}

/** §5.1: `full-presentation` reads "<Сервер|Клиент>, <host>, <description>…"; the host is one token. */
const PRESENTATION_HOST = /^\s*(?:Сервер|Server|Клиент|Client)\s*,\s*([^,\s]+)\s*,/i;

/** The hosts a license record names (§5.1): `host`, `rmngr-address`, and the host in `full-presentation` ("Сервер, srv-1c, …"). */
export function namedHosts(held: HeldLicense): string[] {
  const fromPresentation = held.fullPresentation?.match(PRESENTATION_HOST)?.[1];
  // A bare number in that place is a registration number (§1.1), not a host.
  const presented = fromPresentation && !/^\d+$/.test(fromPresentation) ? fromPresentation : null;
  return [held.host, held.rmngrAddress, presented].filter((h): h is string => !!h && h.trim() !== "");
}

/**
 * The 1C server license a record shows (§4 "1C server license", §5.1 `rac process list --licenses`), or
 * undefined: its series is the registration number of a server-license kit active on a computer, and a host
 * the record names is that computer (case-insensitive); a record naming no host is decided by its series
 * alone. Such a record takes no client seat and is not unmatched.
 */
export function serverLicenseOfHeld(serverLicenses: readonly ServerLicense[], held: HeldLicense): ServerLicense | undefined {
  if (!held.series) return undefined;
  const candidates = serverLicenses.filter((l) => l.regNumber !== null && l.regNumber === held.series);
  if (candidates.length === 0) return undefined;
  const hosts = namedHosts(held);
  return hosts.length === 0 ? candidates[0] : candidates.find((l) => hosts.some((h) => same(l.host, h)));
}

export interface PoolUsage {
  pool: Pool;
  /** Seats held, counted the pool's way (§4). */
  inUse: number;
  /** `seats - inUse`; negative would mean the data disagrees with the inventory. */
  free: number;
  /** Sessions matched to the pool. */
  sessions: number;
}

/**
 * The computer a client-obtained license is counted against (§4): the host, where each terminal session is
 * its own computer. rac prints no terminal-session id, so on a computer recorded as a terminal server the
 * user stands for the terminal session ([M]: one user's sessions share one seat, two users are two seats);
 * an explicit `terminalSession` (the simulator, CSV) is kept.
 */
export function computerKey(held: { host: string | null; terminalSession?: string | null; userName?: string | null }, terminalHosts?: ReadonlySet<string>): string {
  const host = (held.host ?? "").toLowerCase();
  if (held.terminalSession) return `${host}|${held.terminalSession}`;
  if (terminalHosts?.has(host)) return `${host}|user:${(held.userName ?? "").toLowerCase()}`;
  return `${host}|`;
}

/** Where one held license counts: a client pool, the cluster's server license (no client seat), or nowhere (unmatched). */
export interface HeldAssignment {
  pool?: Pool;
  serverLicense?: ServerLicense;
  /** §4: counted per session (server-issued, a per-session pool or app) rather than per computer. */
  perSession: boolean;
  /** `computerKey` of the license's computer. */
  computer: string;
}

export interface AssignOptions {
  perSessionAppIds: readonly string[];
  serverLicenses?: readonly ServerLicense[];
  terminalHosts?: ReadonlySet<string>;
}

/**
 * Assigns the licenses held at one instant to pools (§4, §5.1), in the order given. A license with one
 * candidate pool goes there. One with several (a network key whose series sits on two License Manager hosts)
 * goes the way clients find them: a computer already counted in one of them stays there, otherwise the first
 * candidate with a free seat, and when all are full the one with the most seats left — so one pool is never
 * over its capacity while another has room. Records without a series are skipped (undefined).
 */
export function assignHeldLicenses(pools: readonly Pool[], held: readonly HeldLicense[], options: AssignOptions): Array<HeldAssignment | undefined> {
  const perSessionApps = new Set(options.perSessionAppIds);
  const serverLicenses = options.serverLicenses ?? [];
  const state = new Map<string, { computers: Set<string>; perSession: number }>();
  const stateOf = (pool: Pool) => {
    let s = state.get(pool.id);
    if (!s) state.set(pool.id, (s = { computers: new Set(), perSession: 0 }));
    return s;
  };
  const used = (pool: Pool) => {
    const s = state.get(pool.id);
    return s ? s.computers.size + s.perSession : 0;
  };
  return held.map((h) => {
    if (!h.series) return undefined;
    const computer = computerKey(h, options.terminalHosts);
    const serverLicense = serverLicenseOfHeld(serverLicenses, h);
    if (serverLicense) return { serverLicense, perSession: false, computer };
    const candidates = poolCandidates(pools, h);
    if (candidates.length === 0) return { perSession: !!h.issuedByServer || perSessionApps.has(h.appId ?? ""), computer };
    const perSessionOf = (p: Pool) => !!h.issuedByServer || p.counting === "per-session" || perSessionApps.has(h.appId ?? "");
    let pool = candidates[0];
    if (candidates.length > 1) {
      pool =
        candidates.find((p) => !perSessionOf(p) && state.get(p.id)?.computers.has(computer)) ??
        candidates.find((p) => used(p) < p.seats) ??
        candidates.reduce((best, p) => (p.seats - used(p) > best.seats - used(best) ? p : best));
    }
    const perSession = perSessionOf(pool);
    const s = stateOf(pool);
    if (perSession) s.perSession += 1;
    else s.computers.add(computer);
    return { pool, perSession, computer };
  });
}

/**
 * Seats in use per pool for a set of sessions seen at one instant (§4 table, `assignHeldLicenses`): a license
 * the server issued counts per session, as do the app-ids that always count per session (web and mobile
 * clients, services — a setting); one the client obtained counts once per computer (`computerKey`). Records
 * of a server license count nowhere and are not unmatched.
 */
export function usageAtInstant(
  pools: Pool[],
  held: HeldLicense[],
  perSessionAppIds: readonly string[],
  serverLicenses: readonly ServerLicense[] = [],
  terminalHosts?: ReadonlySet<string>,
): { usage: PoolUsage[]; unmatched: HeldLicense[] } {
  const perPool = new Map<string, { computers: Set<string>; perSession: number; sessions: number }>();
  const unmatched: HeldLicense[] = [];
  assignHeldLicenses(pools, held, { perSessionAppIds, serverLicenses, terminalHosts }).forEach((a, i) => {
    if (!a || a.serverLicense) return;
    if (!a.pool) {
      unmatched.push(held[i]);
      return;
    }
    const acc = perPool.get(a.pool.id) ?? { computers: new Set<string>(), perSession: 0, sessions: 0 };
    acc.sessions += 1;
    if (a.perSession) acc.perSession += 1;
    else acc.computers.add(a.computer);
    perPool.set(a.pool.id, acc);
  });
  const usage = pools.map((pool) => {
    const acc = perPool.get(pool.id);
    const inUse = acc ? acc.perSession + acc.computers.size : 0;
    return { pool, inUse, free: pool.seats - inUse, sessions: acc?.sessions ?? 0 };
  });
  return { usage, unmatched };
}
