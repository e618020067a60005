/**
 * Computers and their hardware fingerprints over time (DOMAIN §1.4), with the licenses whose files are on
 * them (§1.5) and the keys plugged into them (§2).
 */
import { asc, count, desc, eq, inArray } from "drizzle-orm";

import type { Db } from "../client";
import { activations, computers, fingerprints, hardwareKeys, kits, pins, servers } from "../schema";
import { recordAudit } from "./audit";
import { changedFields, conflict, notFound, type Who } from "./errors";
import { ACTIVATION_WIRE_COLUMNS } from "./kits";
import { loadInventory } from "./inventory";
import { maskedCodeOf } from "./pins";
import { licenseLocations } from "@/lib/licensing/pools";
import type { ComputerDetailResponse, ComputerListQuery, ComputerListRow, ComputerWire, FingerprintWire } from "@/lib/inventory/api";
import type { ComputerPatchSchema, NewComputerSchema, NewFingerprintSchema } from "@/lib/inventory/api";
import { matchesText, sortAndPage } from "@/lib/inventory/list";
import type { z } from "zod";

type NewComputer = z.output<typeof NewComputerSchema>;
type ComputerPatch = z.output<typeof ComputerPatchSchema>;
type NewFingerprint = z.output<typeof NewFingerprintSchema>;

const wireColumns = { id: computers.id, name: computers.name, role: computers.role, osName: computers.osName, osVersion: computers.osVersion, notes: computers.notes };

export function getComputerWire(db: Db, id: number): ComputerWire {
  const row = db.select(wireColumns).from(computers).where(eq(computers.id, id)).get();
  if (!row) throw notFound("computer", id);
  return row;
}

/** How two network names are compared: without case, Cyrillic included. */
const nameKey = (name: string) => name.toLowerCase();

/**
 * Network names are unique whatever their case (the platform and rac compare them so). Compared here, not in
 * SQL: SQLite's lower() folds ASCII letters only, so `ПК-01` and `пк-01` would both pass it (and its index).
 */
function assertNameFree(db: Db, name: string, exceptId?: number) {
  const key = nameKey(name);
  const other = db
    .select({ id: computers.id, name: computers.name })
    .from(computers)
    .all()
    .find((c) => c.id !== exceptId && nameKey(c.name) === key);
  if (other) throw conflict("computer-name-taken", `name: a computer named ${name} is already recorded (computer ${other.id}).`, { field: "name", computerId: other.id });
}

/** The license files on each computer now (§1.5: an active PIN's file is where it was last activated). */
function activeLicenseCounts(db: Db): Map<number, number> {
  const inventory = loadInventory(db);
  const counts = new Map<number, number>();
  for (const a of licenseLocations(inventory.pins, inventory.activations).values()) counts.set(a.computerId, (counts.get(a.computerId) ?? 0) + 1);
  return counts;
}

/** The computers list: text (name, OS, notes) and role filters, with active licenses and keys per computer. */
export function listComputers(db: Db, query: ComputerListQuery): { computers: ComputerListRow[]; total: number } {
  const licenses = activeLicenseCounts(db);
  const keyCounts = new Map(
    db
      .select({ computerId: hardwareKeys.computerId, n: count() })
      .from(hardwareKeys)
      .groupBy(hardwareKeys.computerId)
      .all()
      .map((r) => [r.computerId, r.n]),
  );
  const rows = db
    .select(wireColumns)
    .from(computers)
    .all()
    .filter((c) => matchesText(query.q, c.name, c.osName, c.osVersion, c.notes) && (!query.role || c.role === query.role))
    .map((c) => ({ ...c, licenses: licenses.get(c.id) ?? 0, keys: keyCounts.get(c.id) ?? 0 }));
  const { rows: page, total } = sortAndPage(rows, query, (c, key) => (key === "os" ? [c.osName, c.osVersion].filter(Boolean).join(" ") : (c[key as keyof typeof c] as string | number | null)));
  return { computers: page, total };
}

export function createComputer(db: Db, input: NewComputer, who: Who): ComputerWire {
  const id = db.transaction(
    () => {
      assertNameFree(db, input.name);
      const row = db.insert(computers).values(input).returning({ id: computers.id }).get();
      recordAudit(db, { actor: who.actor, action: "computer.create", entity: "computer", entityId: row.id, after: input, address: who.address });
      return row.id;
    },
    { behavior: "immediate" },
  );
  return getComputerWire(db, id);
}

export function updateComputer(db: Db, id: number, patch: ComputerPatch, who: Who): ComputerWire {
  db.transaction(
    () => {
      const before = getComputerWire(db, id);
      if (patch.name !== undefined) assertNameFree(db, patch.name, id);
      const changes = changedFields(before, patch);
      if (!changes) return;
      db.update(computers).set(changes.after).where(eq(computers.id, id)).run();
      recordAudit(db, { actor: who.actor, action: "computer.update", entity: "computer", entityId: id, before: changes.before, after: changes.after, address: who.address });
    },
    { behavior: "immediate" },
  );
  return getComputerWire(db, id);
}

/** Deletes a computer and its fingerprints; refused (409) while the PIN ledger, a 1C server or a key names it. */
export function deleteComputer(db: Db, id: number, who: Who): void {
  db.transaction(
    () => {
      const computer = getComputerWire(db, id);
      const ledger = db
        .select({ kitId: kits.id, regNumber: kits.regNumber })
        .from(activations)
        .innerJoin(pins, eq(pins.id, activations.pinId))
        .innerJoin(kits, eq(kits.id, pins.kitId))
        .where(eq(activations.computerId, id))
        .all();
      if (ledger.length) {
        const byKit = [...new Map(ledger.map((a) => [a.kitId, a.regNumber])).entries()].sort(([a], [b]) => a - b).map(([kitId, regNumber]) => ({ id: kitId, regNumber }));
        throw conflict(
          "computer-has-licenses",
          `The PIN ledger records ${ledger.length} activation(s) on ${computer.name} (kit ${byKit.map((k) => k.regNumber).join(", ")}): a computer with licenses cannot be deleted.`,
          { activations: ledger.length, kits: byKit },
        );
      }
      const srv = db.select({ id: servers.id, name: servers.name }).from(servers).where(eq(servers.computerId, id)).all();
      if (srv.length) throw conflict("computer-has-servers", `${computer.name} runs the 1C server ${srv.map((s) => s.name).join(", ")}: delete or move it first.`, { servers: srv });
      const keys = db.select({ id: hardwareKeys.id, series: hardwareKeys.series }).from(hardwareKeys).where(eq(hardwareKeys.computerId, id)).all();
      if (keys.length) throw conflict("computer-has-keys", `Keys are plugged into ${computer.name} (${keys.map((k) => k.series).join(", ")}): move or delete them first.`, { keys });
      db.delete(computers).where(eq(computers.id, id)).run();
      recordAudit(db, { actor: who.actor, action: "computer.delete", entity: "computer", entityId: id, before: computer, address: who.address });
    },
    { behavior: "immediate" },
  );
}

const fingerprintWire = (f: typeof fingerprints.$inferSelect): FingerprintWire => ({
  id: f.id,
  takenAt: f.takenAt.toISOString(),
  osName: f.osName,
  osVersion: f.osVersion,
  osSerial: f.osSerial,
  osInstallDate: f.osInstallDate,
  hostname: f.hostname,
  motherboard: f.motherboard,
  ramMb: f.ramMb,
  bios: f.bios,
  cpus: JSON.parse(f.cpus) as string[],
  nics: JSON.parse(f.nics) as FingerprintWire["nics"],
  disks: JSON.parse(f.disks) as FingerprintWire["disks"],
  notes: f.notes,
});

/** Records the computer's hardware as observed (the binding check's fingerprint, §1.4). */
export function addFingerprint(db: Db, computerId: number, input: NewFingerprint, who: Who, now = Date.now()): FingerprintWire {
  const { takenAt, cpus, nics, disks, ...rest } = input;
  return db.transaction(
    () => {
      const computer = getComputerWire(db, computerId);
      const row = db
        .insert(fingerprints)
        .values({ ...rest, computerId, takenAt: new Date(takenAt ? Date.parse(takenAt) : now), cpus: JSON.stringify(cpus), nics: JSON.stringify(nics), disks: JSON.stringify(disks) })
        .returning()
        .get();
      recordAudit(db, { actor: who.actor, action: "fingerprint.create", entity: "computer", entityId: computerId, after: { computer: computer.name, takenAt: row.takenAt.toISOString() }, address: who.address });
      return fingerprintWire(row);
    },
    { behavior: "immediate" },
  );
}

/** Everything the computer page shows: fingerprints (newest first), licenses on it now, its ledger history, keys and servers. */
export function computerDetail(db: Db, id: number): ComputerDetailResponse {
  const computer = getComputerWire(db, id);
  const prints = db.select().from(fingerprints).where(eq(fingerprints.computerId, id)).orderBy(desc(fingerprints.takenAt), desc(fingerprints.id)).all().map(fingerprintWire);

  const history = db
    .select({ ...ACTIVATION_WIRE_COLUMNS, kitId: kits.id, regNumber: kits.regNumber })
    .from(activations)
    .innerJoin(computers, eq(computers.id, activations.computerId))
    .innerJoin(pins, eq(pins.id, activations.pinId))
    .innerJoin(kits, eq(kits.id, pins.kitId))
    .where(eq(activations.computerId, id))
    .orderBy(desc(activations.activatedAt), desc(activations.id))
    .all()
    .map((a) => ({ ...a, at: a.at.toISOString() }));

  // The licenses whose files are here now: the activations that placed them, with the PIN and its kit.
  const inventory = loadInventory(db);
  const here = [...licenseLocations(inventory.pins, inventory.activations).values()].filter((a) => a.computerId === id).map((a) => a.id);
  const licenses = here.length
    ? db
        .select({
          pinId: pins.id,
          kitId: kits.id,
          regNumber: kits.regNumber,
          product: kits.product,
          set: pins.set,
          code: pins.code,
          operation: activations.operation,
          at: activations.activatedAt,
          licFileName: activations.licFileName,
          licFolder: activations.licFolder,
          visibility: activations.visibility,
        })
        .from(activations)
        .innerJoin(pins, eq(pins.id, activations.pinId))
        .innerJoin(kits, eq(kits.id, pins.kitId))
        .where(inArray(activations.id, here))
        .orderBy(asc(kits.regNumber))
        .all()
        .map(({ code, at, ...l }) => ({ ...l, maskedCode: maskedCodeOf(db, code), at: at.toISOString() }))
    : [];

  const keys = db
    .select({ id: hardwareKeys.id, series: hardwareKeys.series, kind: hardwareKeys.kind, seats: hardwareKeys.seats, keyNumber: hardwareKeys.keyNumber, kitId: hardwareKeys.kitId, computerId: hardwareKeys.computerId, notes: hardwareKeys.notes })
    .from(hardwareKeys)
    .where(eq(hardwareKeys.computerId, id))
    .orderBy(asc(hardwareKeys.id))
    .all();
  const srv = db
    .select({ id: servers.id, name: servers.name, computerId: servers.computerId, bitness: servers.bitness, serverLicenseKitId: servers.serverLicenseKitId, serviceUser: servers.serviceUser, clusterPort: servers.clusterPort, platformVersion: servers.platformVersion, notes: servers.notes })
    .from(servers)
    .where(eq(servers.computerId, id))
    .orderBy(asc(servers.id))
    .all();
  return { computer, fingerprints: prints, licenses, history, keys, servers: srv };
}

