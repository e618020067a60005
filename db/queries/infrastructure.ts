/**
 * HASP keys (DOMAIN §2), 1C servers and infobases (§4): recorded by administrators, read by the engine.
 */
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";

import type { Db } from "../client";
import { computers, hardwareKeys, infobases, kits, servers } from "../schema";
import { recordAudit } from "./audit";
import { changedFields, conflict, invalidField, notFound, type Who } from "./errors";
import { loadInventory } from "./inventory";
import type {
  InfobaseListQuery,
  InfobaseListRow,
  InfobasePatchSchema,
  InfobaseWire,
  KeyListQuery,
  KeyListRow,
  KeyPatchSchema,
  KeyWire,
  NewInfobaseSchema,
  NewKeySchema,
  NewServerSchema,
  ServerListQuery,
  ServerListRow,
  ServerPatchSchema,
  ServerWire,
} from "@/lib/inventory/api";
import { infobaseModeIssues } from "@/lib/inventory/api";
import { matchesText, sortAndPage } from "@/lib/inventory/list";
import { derivePools } from "@/lib/licensing/pools";

function assertComputer(db: Db, field: string, id: number | null | undefined) {
  if (id === null || id === undefined) return;
  if (!db.select({ id: computers.id }).from(computers).where(eq(computers.id, id)).get()) invalidField(field, `there is no computer ${id}`);
}

/** A kit a key or server names must exist and be of the right sort (§2: keys belong to hardware kits; §4: a server license is a `server` kit). */
function assertKit(db: Db, field: string, id: number | null | undefined, want: "hardware" | "server") {
  if (id === null || id === undefined) return;
  const kit = db.select({ kind: kits.kind, protection: kits.protection, regNumber: kits.regNumber }).from(kits).where(eq(kits.id, id)).get();
  if (!kit) invalidField(field, `there is no kit ${id}`);
  if (want === "hardware" && kit.protection !== "hardware") invalidField(field, `kit ${kit.regNumber} is protected by PIN codes, not by a hardware key`);
  if (want === "server" && kit.kind !== "server") invalidField(field, `kit ${kit.regNumber} is not a server license`);
}

function auditUpdate<T extends Record<string, unknown>>(db: Db, what: { action: string; entity: string }, id: number, before: T, patch: Partial<T>, who: Who): Partial<T> | null {
  const changes = changedFields(before, patch);
  if (!changes) return null;
  recordAudit(db, { actor: who.actor, ...what, entityId: id, before: changes.before, after: changes.after, address: who.address });
  return changes.after;
}

// ---------------------------------------------------------------------------------------------------
// HASP keys

const keyColumns = { id: hardwareKeys.id, series: hardwareKeys.series, kind: hardwareKeys.kind, seats: hardwareKeys.seats, keyNumber: hardwareKeys.keyNumber, kitId: hardwareKeys.kitId, computerId: hardwareKeys.computerId, notes: hardwareKeys.notes };

export function getKey(db: Db, id: number): KeyWire {
  const row = db.select(keyColumns).from(hardwareKeys).where(eq(hardwareKeys.id, id)).get();
  if (!row) throw notFound("key", id);
  return row;
}

/** Keys with where they are plugged in, their kit, and whether the platform counts them (§2: same series on one host counts once). */
export function listKeys(db: Db, query: KeyListQuery): { keys: KeyListRow[]; total: number } {
  const ignored = new Set(derivePools(loadInventory(db)).pools.flatMap((p) => p.ignoredKeyIds));
  const rows = db
    .select({ ...keyColumns, computerName: computers.name, kitRegNumber: kits.regNumber })
    .from(hardwareKeys)
    .leftJoin(computers, eq(computers.id, hardwareKeys.computerId))
    .leftJoin(kits, eq(kits.id, hardwareKeys.kitId))
    .all()
    .map((k) => ({ ...k, counted: k.computerId !== null && !ignored.has(k.id) }))
    .filter((k) => matchesText(query.q, k.series, k.keyNumber, k.computerName, k.kitRegNumber, k.notes) && (!query.kind || k.kind === query.kind));
  const { rows: page, total } = sortAndPage(rows, query, (k, key) => (key === "computer" ? k.computerName : key === "kit" ? k.kitRegNumber : (k[key as keyof typeof k] as string | number | null)));
  return { keys: page, total };
}

export function createKey(db: Db, input: z.output<typeof NewKeySchema>, who: Who): KeyWire {
  return db.transaction(
    () => {
      assertKit(db, "kitId", input.kitId, "hardware");
      assertComputer(db, "computerId", input.computerId);
      const row = db.insert(hardwareKeys).values(input).returning({ id: hardwareKeys.id }).get();
      recordAudit(db, { actor: who.actor, action: "key.create", entity: "key", entityId: row.id, after: input, address: who.address });
      return getKey(db, row.id);
    },
    { behavior: "immediate" },
  );
}

export function updateKey(db: Db, id: number, patch: z.output<typeof KeyPatchSchema>, who: Who): KeyWire {
  return db.transaction(
    () => {
      const before = getKey(db, id);
      assertKit(db, "kitId", patch.kitId, "hardware");
      assertComputer(db, "computerId", patch.computerId);
      const after = auditUpdate(db, { action: "key.update", entity: "key" }, id, before, patch, who);
      if (after) db.update(hardwareKeys).set(after).where(eq(hardwareKeys.id, id)).run();
      return getKey(db, id);
    },
    { behavior: "immediate" },
  );
}

/** Nothing keeps a key from being deleted: sessions matched to it forget the match. */
export function deleteKey(db: Db, id: number, who: Who): void {
  db.transaction(
    () => {
      const before = getKey(db, id);
      db.delete(hardwareKeys).where(eq(hardwareKeys.id, id)).run();
      recordAudit(db, { actor: who.actor, action: "key.delete", entity: "key", entityId: id, before, address: who.address });
    },
    { behavior: "immediate" },
  );
}

// ---------------------------------------------------------------------------------------------------
// 1C servers

const serverColumns = {
  id: servers.id,
  name: servers.name,
  computerId: servers.computerId,
  bitness: servers.bitness,
  serverLicenseKitId: servers.serverLicenseKitId,
  serviceUser: servers.serviceUser,
  clusterPort: servers.clusterPort,
  platformVersion: servers.platformVersion,
  notes: servers.notes,
};

export function getServer(db: Db, id: number): ServerWire {
  const row = db.select(serverColumns).from(servers).where(eq(servers.id, id)).get();
  if (!row) throw notFound("server", id);
  return row;
}

function assertServerNameFree(db: Db, name: string, exceptId?: number) {
  const other = db
    .select({ id: servers.id })
    .from(servers)
    .where(and(eq(servers.name, name), exceptId === undefined ? undefined : ne(servers.id, exceptId)))
    .get();
  if (other) throw conflict("server-name-taken", `name: a 1C server named ${name} is already recorded (server ${other.id}).`, { field: "name", serverId: other.id });
}

export function listServers(db: Db, query: ServerListQuery): { servers: ServerListRow[]; total: number } {
  const ibCounts = new Map(
    db
      .select({ serverId: infobases.serverId, n: count() })
      .from(infobases)
      .groupBy(infobases.serverId)
      .all()
      .map((r) => [r.serverId, r.n]),
  );
  const rows = db
    .select({ ...serverColumns, computerName: computers.name, licenseRegNumber: kits.regNumber })
    .from(servers)
    .innerJoin(computers, eq(computers.id, servers.computerId))
    .leftJoin(kits, eq(kits.id, servers.serverLicenseKitId))
    .all()
    .map((s) => ({ ...s, infobases: ibCounts.get(s.id) ?? 0 }))
    .filter((s) => matchesText(query.q, s.name, s.computerName, s.licenseRegNumber, s.serviceUser, s.platformVersion, s.notes));
  const { rows: page, total } = sortAndPage(rows, query, (s, key) =>
    key === "computer" ? s.computerName : key === "license" ? s.licenseRegNumber : (s[key as keyof typeof s] as string | number | null),
  );
  return { servers: page, total };
}

export function createServer(db: Db, input: z.output<typeof NewServerSchema>, who: Who): ServerWire {
  return db.transaction(
    () => {
      assertServerNameFree(db, input.name);
      assertComputer(db, "computerId", input.computerId);
      assertKit(db, "serverLicenseKitId", input.serverLicenseKitId, "server");
      const row = db.insert(servers).values(input).returning({ id: servers.id }).get();
      recordAudit(db, { actor: who.actor, action: "server.create", entity: "server", entityId: row.id, after: input, address: who.address });
      return getServer(db, row.id);
    },
    { behavior: "immediate" },
  );
}

export function updateServer(db: Db, id: number, patch: z.output<typeof ServerPatchSchema>, who: Who): ServerWire {
  return db.transaction(
    () => {
      const before = getServer(db, id);
      if (patch.name !== undefined) assertServerNameFree(db, patch.name, id);
      assertComputer(db, "computerId", patch.computerId);
      assertKit(db, "serverLicenseKitId", patch.serverLicenseKitId, "server");
      const after = auditUpdate(db, { action: "server.update", entity: "server" }, id, before, patch, who);
      if (after) db.update(servers).set(after).where(eq(servers.id, id)).run();
      return getServer(db, id);
    },
    { behavior: "immediate" },
  );
}

/** Refused (409 `server-has-infobases`) while infobases live on it. */
export function deleteServer(db: Db, id: number, who: Who): void {
  db.transaction(
    () => {
      const before = getServer(db, id);
      const ibs = db.select({ id: infobases.id, name: infobases.name }).from(infobases).where(eq(infobases.serverId, id)).all();
      if (ibs.length) throw conflict("server-has-infobases", `Infobases live on ${before.name} (${ibs.map((i) => i.name).join(", ")}): move or delete them first.`, { infobases: ibs });
      db.delete(servers).where(eq(servers.id, id)).run();
      recordAudit(db, { actor: who.actor, action: "server.delete", entity: "server", entityId: id, before, address: who.address });
    },
    { behavior: "immediate" },
  );
}

// ---------------------------------------------------------------------------------------------------
// Infobases

const infobaseColumns = {
  id: infobases.id,
  name: infobases.name,
  mode: infobases.mode,
  serverId: infobases.serverId,
  path: infobases.path,
  racUuid: infobases.racUuid,
  licenseDistribution: infobases.licenseDistribution,
  useHardwareLicense: infobases.useHardwareLicense,
  notes: infobases.notes,
};

export function getInfobase(db: Db, id: number): InfobaseWire {
  const row = db.select(infobaseColumns).from(infobases).where(eq(infobases.id, id)).get();
  if (!row) throw notFound("infobase", id);
  return row;
}

function assertInfobaseUnique(db: Db, ib: { name?: string; racUuid?: string | null }, exceptId?: number) {
  const except = exceptId === undefined ? undefined : ne(infobases.id, exceptId);
  if (ib.name !== undefined) {
    const other = db.select({ id: infobases.id }).from(infobases).where(and(eq(infobases.name, ib.name), except)).get();
    if (other) throw conflict("infobase-name-taken", `name: an infobase named ${ib.name} is already recorded (infobase ${other.id}).`, { field: "name", infobaseId: other.id });
  }
  if (ib.racUuid) {
    const other = db.select({ id: infobases.id }).from(infobases).where(and(eq(infobases.racUuid, ib.racUuid), except)).get();
    if (other) throw conflict("rac-uuid-taken", `racUuid: infobase ${other.id} already has this rac uuid.`, { field: "racUuid", infobaseId: other.id });
  }
}

function assertServer(db: Db, id: number | null | undefined) {
  if (id === null || id === undefined) return;
  if (!db.select({ id: servers.id }).from(servers).where(eq(servers.id, id)).get()) invalidField("serverId", `there is no 1C server ${id}`);
}

export function listInfobases(db: Db, query: InfobaseListQuery): { infobases: InfobaseListRow[]; total: number } {
  const rows = db
    .select({ ...infobaseColumns, serverName: servers.name })
    .from(infobases)
    .leftJoin(servers, eq(servers.id, infobases.serverId))
    .all()
    .filter((ib) => matchesText(query.q, ib.name, ib.path, ib.racUuid, ib.serverName, ib.notes) && (!query.mode || ib.mode === query.mode));
  const { rows: page, total } = sortAndPage(rows, query, (ib, key) => (key === "server" ? ib.serverName : (ib[key as keyof typeof ib] as string | number | null)));
  return { infobases: page, total };
}

export function createInfobase(db: Db, input: z.output<typeof NewInfobaseSchema>, who: Who): InfobaseWire {
  return db.transaction(
    () => {
      assertInfobaseUnique(db, input);
      assertServer(db, input.serverId);
      const row = db.insert(infobases).values(input).returning({ id: infobases.id }).get();
      recordAudit(db, { actor: who.actor, action: "infobase.create", entity: "infobase", entityId: row.id, after: input, address: who.address });
      return getInfobase(db, row.id);
    },
    { behavior: "immediate" },
  );
}

export function updateInfobase(db: Db, id: number, patch: z.output<typeof InfobasePatchSchema>, who: Who): InfobaseWire {
  return db.transaction(
    () => {
      const before = getInfobase(db, id);
      assertInfobaseUnique(db, patch, id);
      assertServer(db, patch.serverId);
      const merged = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as InfobaseWire;
      for (const issue of infobaseModeIssues(merged)) invalidField(issue.path, issue.message);
      const after = auditUpdate(db, { action: "infobase.update", entity: "infobase" }, id, before, patch, who);
      if (after) db.update(infobases).set(after).where(eq(infobases.id, id)).run();
      return getInfobase(db, id);
    },
    { behavior: "immediate" },
  );
}

/** Sessions and "no free license" events that named it forget the infobase; nothing refuses the delete. */
export function deleteInfobase(db: Db, id: number, who: Who): void {
  db.transaction(
    () => {
      const before = getInfobase(db, id);
      db.delete(infobases).where(eq(infobases.id, id)).run();
      recordAudit(db, { actor: who.actor, action: "infobase.delete", entity: "infobase", entityId: id, before, address: who.address });
    },
    { behavior: "immediate" },
  );
}

/** Options for the forms' pickers: computers, hardware kits, server-license kits and servers by name. */
export function inventoryChoices(db: Db) {
  return {
    computers: db.select({ id: computers.id, name: computers.name, role: computers.role }).from(computers).orderBy(sql`lower(${computers.name})`).all(),
    hardwareKits: db.select({ id: kits.id, regNumber: kits.regNumber, product: kits.product }).from(kits).where(eq(kits.protection, "hardware")).orderBy(asc(kits.regNumber)).all(),
    serverKits: db.select({ id: kits.id, regNumber: kits.regNumber, product: kits.product }).from(kits).where(eq(kits.kind, "server")).orderBy(asc(kits.regNumber)).all(),
    servers: db.select({ id: servers.id, name: servers.name }).from(servers).orderBy(asc(servers.name)).all(),
    infobases: db.select({ id: infobases.id, name: infobases.name }).from(infobases).orderBy(asc(infobases.name)).all(),
  };
}
