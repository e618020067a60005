/**
 * Kits, owners, PINs and the PIN ledger (issue #9): what an administrator records. The ledger's rules are
 * the engine's (lib/licensing/ledger.ts); this module reads the ledger, asks the engine, and writes what it
 * allows in one transaction. PIN codes are sealed before they are written and never returned in clear.
 */
import { asc, count, eq, inArray } from "drizzle-orm";

import type { Db } from "../client";
import { activations, computers, fingerprints, hardwareKeys, kits, owners, pins, servers } from "../schema";
import { sealPin, sealRegistrationData } from "../secrets";
import { recordAudit } from "./audit";
import { changedFields, conflict, invalidField, notFound, type Who } from "./errors";
import { loadInventory } from "./inventory";
import { kitRows, kitsWithMaskedPins, maskedOwners, type KitWithPins, type MaskedOwner, type MaskedPin } from "./pins";
import type { ActivationWire, KitDetailResponse, KitListQuery, KitListResponse, KitPatch, NewActivation, NewKit, NewOwner, PinSummaryWire } from "@/lib/inventory/api";
import { matchesText, sortAndPage } from "@/lib/inventory/list";
import { kitShapeIssues } from "@/lib/inventory/api";
import type { PinSet } from "@/lib/domain/enums";
import { kitPinSets } from "@/lib/licensing/kit-shape";
import { forecastInventoryRunway } from "@/lib/licensing/kit-runway";
import { latestByPin } from "@/lib/licensing/pools";
import { activeLimit, addAdditionalPin, applyActivation, LedgerRuleError, lockedMode, reservePins, type KitLedger, type LedgerStep, type LedgerWarning } from "@/lib/licensing/ledger";
import { groupByKit, pinSummaries, summarisePins, type PinSummary } from "@/lib/licensing/pin-summary";
import { inventoryWarnings } from "@/lib/licensing/warnings";
import type { LicensingSettings } from "@/lib/licensing/settings";

/** Activations dated this far after "now" are refused: a clock typo, not an event. */
const FUTURE_SLACK_MS = 5 * 60_000;

// ---------------------------------------------------------------------------------------------------
// Owners

/** Records an owner with the registration data sealed as typed (§1.1). Returns it masked. */
export function createOwner(db: Db, input: NewOwner, who: Who): MaskedOwner {
  const id = db.transaction(() => {
    const row = db
      .insert(owners)
      .values({ name: input.name, registrationData: sealRegistrationData(db, JSON.stringify(input.registrationData)) })
      .returning({ id: owners.id })
      .get();
    recordAudit(db, { actor: who.actor, action: "owner.create", entity: "owner", entityId: row.id, after: { name: input.name, fields: input.registrationData.map((f) => f.field) }, address: who.address });
    return row.id;
  });
  return maskedOwners(db, [id])[0];
}

function assertOwner(db: Db, ownerId: number | null | undefined) {
  if (ownerId === null || ownerId === undefined) return;
  if (!db.select({ id: owners.id }).from(owners).where(eq(owners.id, ownerId)).get()) invalidField("ownerId", `there is no owner ${ownerId}`);
}

// ---------------------------------------------------------------------------------------------------
// Kits

/** One kit with its PINs masked; 404 when there is none. */
export function getKitWire(db: Db, id: number): KitWithPins {
  const [kit] = kitsWithMaskedPins(db, [id]);
  if (!kit) throw notFound("kit", id);
  return kit;
}

function assertRegNumberFree(db: Db, regNumber: string, exceptId?: number) {
  const other = db.select({ id: kits.id }).from(kits).where(eq(kits.regNumber, regNumber)).get();
  if (other && other.id !== exceptId) throw conflict("reg-number-taken", `regNumber: a kit with registration number ${regNumber} is already recorded (kit ${other.id}).`, { field: "regNumber", kitId: other.id });
}

/** The sealed form of each code, refusing a code already recorded with any kit (409 `pin-taken`, naming the field, never the code). */
function sealNewPins(db: Db, codes: Array<{ code: string; path: string }>) {
  const sealed = codes.map(({ code, path }) => ({ path, ...sealPin(db, code) }));
  if (sealed.length === 0) return sealed;
  const taken = db
    .select({ codeHash: pins.codeHash, regNumber: kits.regNumber })
    .from(pins)
    .innerJoin(kits, eq(kits.id, pins.kitId))
    .where(inArray(pins.codeHash, sealed.map((s) => s.codeHash)))
    .all();
  if (taken.length > 0) {
    const first = sealed.find((s) => s.codeHash === taken[0].codeHash)!;
    throw conflict("pin-taken", `${first.path}: this PIN is already recorded with kit ${taken[0].regNumber}.`, { field: first.path, regNumber: taken[0].regNumber });
  }
  return sealed;
}

/** Records a kit and the PINs of its envelope in one transaction; nothing is written when anything is refused. */
export function createKit(db: Db, input: NewKit, who: Who): KitWithPins {
  const id = db.transaction(
    () => {
      assertRegNumberFree(db, input.regNumber);
      assertOwner(db, input.ownerId);
      const sealed = sealNewPins(
        db,
        input.pins.map((p, i) => ({ code: p.code, path: `pins.${i}.code` })),
      );
      const { pins: pinInputs, ...kit } = input;
      const row = db.insert(kits).values(kit).returning({ id: kits.id }).get();
      pinInputs.forEach((p, i) => {
        db.insert(pins)
          .values({ kitId: row.id, set: p.set, role: p.role, source: p.role === "additional" ? "licensing-center" : "envelope", code: sealed[i].code, codeHash: sealed[i].codeHash, receivedAt: input.purchaseDate })
          .run();
      });
      recordAudit(db, {
        actor: who.actor,
        action: "kit.create",
        entity: "kit",
        entityId: row.id,
        after: { ...kit, pins: pinInputs.map((p) => ({ set: p.set, role: p.role })) },
        address: who.address,
      });
      return row.id;
    },
    { behavior: "immediate" },
  );
  return getKitWire(db, id);
}

const HEALTH_ORDER = { exhausted: 0, low: 1, ok: 2, "not-activated": 3 } as const;

/** The kits list: filtered by text (registration number, product, owner, supplier), kind, protection and PIN health; sorted and paged. */
export function listKits(db: Db, query: KitListQuery): KitListResponse {
  const inventory = loadInventory(db);
  const summaries = pinSummaries(inventory);
  const { pinsOf } = groupByKit(inventory);
  const rows = kitRows(db)
    .map((kit) => {
      const summary = summaries.get(kit.id);
      return { ...kit, pinCount: pinsOf(kit.id).length, summary: summary ? summaryWire(summary) : null };
    })
    .filter(
      (k) =>
        matchesText(query.q, k.regNumber, k.product, k.ownerName, k.supplier) &&
        (!query.kind || k.kind === query.kind) &&
        (!query.protection || k.protection === query.protection) &&
        (!query.health || k.summary?.health === query.health),
    );
  const { rows: page, total } = sortAndPage(rows, query, (k, key) => {
    switch (key) {
      case "owner":
        return k.ownerName;
      case "health":
        return k.summary ? HEALTH_ORDER[k.summary.health] : null;
      case "backupsLeft":
        return k.summary?.backupsLeft;
      default:
        return k[key as keyof typeof k] as string | number | null;
    }
  });
  return { kits: page, total };
}

/** The figures above the kits list: what was bought and paid, kits short of backups, owners, and the inventory's warnings (§1.1). */
export function kitsSummary(db: Db) {
  const inventory = loadInventory(db);
  const all = kitRows(db);
  const paid = new Map<string, number>();
  for (const k of all) if (k.priceMinor !== null) paid.set(k.currency, (paid.get(k.currency) ?? 0) + k.priceMinor);
  const health = [...pinSummaries(inventory).values()].map((s) => s.health);
  return {
    kits: all.length,
    software: all.filter((k) => k.protection === "software").length,
    seats: all.filter((k) => k.kind !== "server").reduce((sum, k) => sum + k.seats, 0),
    priced: all.filter((k) => k.priceMinor !== null).length,
    paid: [...paid].map(([currency, minor]) => ({ currency, minor })),
    short: health.filter((h) => h === "low" || h === "exhausted").length,
    owners: maskedOwners(db).map((o) => ({ ...o, kits: all.filter((k) => k.ownerId === o.id).length })),
    warnings: inventoryWarnings(inventory),
  };
}
export type KitsSummary = ReturnType<typeof kitsSummary>;

const STRUCTURAL = ["kind", "seats", "protection", "usageMode"] as const;

/**
 * Changes a kit's own fields. Its kind, protection and mode are fixed once the ledger holds an activation
 * (409 `kit-has-activations`); its size may still be corrected as long as every PIN it holds still fits
 * (§1.2) and no more single-user licenses are active than it would have seats (§1.3).
 */
export function updateKit(db: Db, id: number, patch: KitPatch, settings: Pick<LicensingSettings, "multiOnlyMinSeats">, who: Who): KitWithPins {
  db.transaction(
    () => {
      const before = db.select().from(kits).where(eq(kits.id, id)).get();
      if (!before) throw notFound("kit", id);
      const merged = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as typeof before;
      const kitPins = db.select({ set: pins.set, status: pins.status }).from(pins).where(eq(pins.kitId, id)).all();
      const [{ n: activationCount }] = db.select({ n: count() }).from(activations).innerJoin(pins, eq(pins.id, activations.pinId)).where(eq(pins.kitId, id)).all();

      for (const issue of kitShapeIssues(merged)) invalidField(issue.path, issue.message);
      if (activationCount > 0) {
        const locked = STRUCTURAL.filter((k) => k !== "seats" && patch[k] !== undefined && patch[k] !== before[k]);
        if (locked.length > 0) {
          throw conflict("kit-has-activations", `${locked[0]}: the kit has ${activationCount} recorded activation(s); its ${locked.join(", ")} can no longer change.`, { activations: activationCount, fields: locked });
        }
      }
      const sets = kitPinSets(merged, settings.multiOnlyMinSeats);
      const stray = kitPins.find((p) => !sets.includes(p.set));
      if (stray) invalidField(merged.protection !== before.protection ? "protection" : "seats", `the kit holds ${stray.set}-user PINs, which such a kit does not have`);
      // §1.3: the corrected size must still allow the licenses already active (the engine's limit).
      const activeSingle = kitPins.filter((p) => p.set === "single" && p.status === "active").length;
      if (activeSingle > activeLimit(merged, "single")) invalidField("seats", `${activeSingle} single-user licenses are active: the kit has at least that many seats`);
      if (patch.regNumber !== undefined) assertRegNumberFree(db, patch.regNumber, id);
      assertOwner(db, patch.ownerId);

      const changes = changedFields(before as Record<string, unknown>, patch as Record<string, unknown>);
      if (!changes) return;
      db.update(kits).set(changes.after).where(eq(kits.id, id)).run();
      recordAudit(db, { actor: who.actor, action: "kit.update", entity: "kit", entityId: id, before: changes.before, after: changes.after, address: who.address });
    },
    { behavior: "immediate" },
  );
  return getKitWire(db, id);
}

/** Deletes a kit and its PINs; refused (409) while the ledger holds activations of it or a key or server names it. */
export function deleteKit(db: Db, id: number, who: Who): void {
  db.transaction(
    () => {
      const kit = db.select({ id: kits.id, regNumber: kits.regNumber, product: kits.product }).from(kits).where(eq(kits.id, id)).get();
      if (!kit) throw notFound("kit", id);
      const [{ n }] = db.select({ n: count() }).from(activations).innerJoin(pins, eq(pins.id, activations.pinId)).where(eq(pins.kitId, id)).all();
      if (n > 0) throw conflict("kit-has-activations", `The PIN ledger holds ${n} activation(s) of kit ${kit.regNumber}: a kit with a history cannot be deleted.`, { activations: n });
      const keys = db.select({ id: hardwareKeys.id, series: hardwareKeys.series }).from(hardwareKeys).where(eq(hardwareKeys.kitId, id)).all();
      const srv = db.select({ id: servers.id, name: servers.name }).from(servers).where(eq(servers.serverLicenseKitId, id)).all();
      if (keys.length || srv.length) {
        const names = [...keys.map((k) => `key ${k.series} #${k.id}`), ...srv.map((s) => `server ${s.name}`)];
        throw conflict("kit-in-use", `Kit ${kit.regNumber} is still named by ${names.join(", ")}: change or delete those first.`, { keys, servers: srv });
      }
      db.delete(kits).where(eq(kits.id, id)).run();
      recordAudit(db, { actor: who.actor, action: "kit.delete", entity: "kit", entityId: id, before: { regNumber: kit.regNumber, product: kit.product }, address: who.address });
    },
    { behavior: "immediate" },
  );
}

// ---------------------------------------------------------------------------------------------------
// The ledger

/** The kit's ledger as the engine reads it; 404 when there is no such kit. */
export function loadKitLedger(db: Db, kitId: number): KitLedger {
  const kit = db
    .select({ id: kits.id, regNumber: kits.regNumber, kind: kits.kind, seats: kits.seats, protection: kits.protection, usageMode: kits.usageMode })
    .from(kits)
    .where(eq(kits.id, kitId))
    .get();
  if (!kit) throw notFound("kit", kitId);
  const pinRows = db.select({ id: pins.id, set: pins.set, role: pins.role, status: pins.status, source: pins.source }).from(pins).where(eq(pins.kitId, kitId)).orderBy(asc(pins.id)).all();
  const ids = pinRows.map((p) => p.id);
  const history = ids.length
    ? db
        .select({ id: activations.id, pinId: activations.pinId, operation: activations.operation, previousPinId: activations.previousPinId, computerId: activations.computerId, at: activations.activatedAt })
        .from(activations)
        .where(inArray(activations.pinId, ids))
        .orderBy(asc(activations.activatedAt), asc(activations.id))
        .all()
        .map((a) => ({ ...a, at: a.at.getTime() }))
    : [];
  return { kit, pins: pinRows, activations: history };
}

/** An additional PIN from the 1C Licensing Center (§1.2): the engine checks it fits the kit's mode. */
export function addKitPin(db: Db, kitId: number, input: { code: string; set: PinSet; receivedAt: string | null }, who: Who): MaskedPin {
  const id = db.transaction(
    () => {
      const ledger = loadKitLedger(db, kitId);
      // The engine's rules (hardware kit, locked mode); the id it needs is a placeholder until the insert.
      addAdditionalPin(ledger, { id: -1, set: input.set, at: Date.now() });
      const [sealed] = sealNewPins(db, [{ code: input.code, path: "code" }]);
      const row = db
        .insert(pins)
        .values({ kitId, set: input.set, role: "additional", source: "licensing-center", status: "unused", code: sealed.code, codeHash: sealed.codeHash, receivedAt: input.receivedAt })
        .returning({ id: pins.id })
        .get();
      recordAudit(db, { actor: who.actor, action: "pin.create", entity: "pin", entityId: row.id, after: { kitId, regNumber: ledger.kit.regNumber, set: input.set, role: "additional", receivedAt: input.receivedAt }, address: who.address });
      return row.id;
    },
    { behavior: "immediate" },
  );
  return getKitWire(db, kitId).pins.find((p) => p.id === id)!;
}

const summaryWire = (s: PinSummary): PinSummaryWire => ({ usableSet: s.usableSet, total: s.total, active: s.active, spent: s.spent, backupsLeft: s.backupsLeft, health: s.health });

/** The columns of an activation as the API sends it (the computer's name joined). */
export const ACTIVATION_WIRE_COLUMNS = {
  id: activations.id,
  pinId: activations.pinId,
  operation: activations.operation,
  previousPinId: activations.previousPinId,
  computerId: activations.computerId,
  computerName: computers.name,
  at: activations.activatedAt,
  method: activations.method,
  visibility: activations.visibility,
  licFileName: activations.licFileName,
  licFolder: activations.licFolder,
  reason: activations.reason,
  recordedBy: activations.recordedBy,
};

function activationWires(db: Db, where: { pinIds?: number[]; id?: number }): ActivationWire[] {
  const condition = where.id !== undefined ? eq(activations.id, where.id) : inArray(activations.pinId, where.pinIds ?? []);
  return db
    .select(ACTIVATION_WIRE_COLUMNS)
    .from(activations)
    .innerJoin(computers, eq(computers.id, activations.computerId))
    .where(condition)
    .orderBy(asc(activations.activatedAt), asc(activations.id))
    .all()
    .map((a) => ({ ...a, at: a.at.toISOString() }));
}

/** The PIN summary of one kit as the engine computes it from the whole inventory (null for a hardware kit). */
function kitSummary(db: Db, kitId: number): PinSummary | null {
  const inventory = loadInventory(db);
  const kit = inventory.kits.find((k) => k.id === kitId);
  return kit && kit.protection === "software" ? summarisePins(kit, inventory.pins, inventory.activations) : null;
}

/**
 * Records a first activation or a recovery. One immediate transaction re-reads the kit's ledger and applies
 * the engine's rule, so of two administrators recording the same PIN at once exactly one succeeds and the
 * other gets the rule's refusal (422 with its code, message and remedy); nothing is written on a refusal.
 */
export function recordActivation(
  db: Db,
  kitId: number,
  input: NewActivation,
  settings: Pick<LicensingSettings, "pinActivationLimit" | "multiOnlyMinSeats">,
  who: Who,
  now = Date.now(),
): { activation: ActivationWire; warnings: LedgerWarning[]; summary: PinSummaryWire } {
  const at = input.at ? Date.parse(input.at) : now;
  if (at > now + FUTURE_SLACK_MS) invalidField("at", "is in the future: record an activation when it has happened");
  const id = db.transaction(
    () => {
      const ledger = loadKitLedger(db, kitId);
      const computer = db.select({ id: computers.id, role: computers.role, name: computers.name }).from(computers).where(eq(computers.id, input.computerId)).get();
      if (!computer) invalidField("computerId", `there is no computer ${input.computerId}`);
      const step: LedgerStep =
        input.operation === "first"
          ? { operation: "first", pinId: input.pinId, computer, at }
          : { operation: "recovery", pinId: input.pinId, computer, at, hardwareChanged: input.hardwareChanged ?? false, previousPinId: input.previousPinId };
      const result = applyActivation(ledger, step, settings);
      if (!result.ok) throw new LedgerRuleError(result.error);

      const fingerprintId = input.fingerprint
        ? db
            .insert(fingerprints)
            .values({
              computerId: computer.id,
              takenAt: new Date(at),
              ...input.fingerprint,
              cpus: JSON.stringify(input.fingerprint.cpus),
              nics: JSON.stringify(input.fingerprint.nics),
              disks: JSON.stringify(input.fingerprint.disks),
              notes: `Recorded with the ${input.operation === "first" ? "first activation" : "recovery"} of kit ${ledger.kit.regNumber}`,
            })
            .returning({ id: fingerprints.id })
            .get().id
        : null;
      const recorded = result.ledger.activations.at(-1)!;
      const row = db
        .insert(activations)
        .values({
          pinId: recorded.pinId,
          operation: recorded.operation,
          previousPinId: recorded.previousPinId,
          computerId: computer.id,
          fingerprintId,
          method: input.method,
          visibility: input.visibility,
          licFileName: input.licFileName,
          licFolder: input.licFolder,
          recordedBy: who.actor,
          activatedAt: new Date(at),
          reason: input.reason,
        })
        .returning({ id: activations.id })
        .get();
      const was = new Map(ledger.pins.map((p) => [p.id, p.status]));
      for (const p of result.ledger.pins) if (was.get(p.id) !== p.status) db.update(pins).set({ status: p.status }).where(eq(pins.id, p.id)).run();
      if (result.ledger.kit.usageMode !== ledger.kit.usageMode) db.update(kits).set({ usageMode: result.ledger.kit.usageMode }).where(eq(kits.id, kitId)).run();
      recordAudit(db, {
        actor: who.actor,
        action: "activation.create",
        entity: "activation",
        entityId: row.id,
        after: {
          kitId,
          regNumber: ledger.kit.regNumber,
          pinId: recorded.pinId,
          operation: recorded.operation,
          previousPinId: recorded.previousPinId,
          computer: computer.name,
          hardwareChanged: input.operation === "recovery" ? (input.hardwareChanged ?? false) : undefined,
          at: new Date(at).toISOString(),
          licFileName: input.licFileName,
          licFolder: input.licFolder,
        },
        address: who.address,
      });
      return { id: row.id, warnings: result.warnings };
    },
    { behavior: "immediate" },
  );
  return { activation: activationWires(db, { id: id.id })[0], warnings: id.warnings, summary: summaryWire(kitSummary(db, kitId)!) };
}

/** Everything the kit page shows: the kit (PINs masked), its ledger, PIN summary and runway. */
export function kitDetail(db: Db, kitId: number, now = Date.now()): KitDetailResponse {
  const kit = getKitWire(db, kitId);
  const inventory = loadInventory(db);
  const invKit = inventory.kits.find((k) => k.id === kitId)!;
  const summary = invKit.protection === "software" ? summarisePins(invKit, inventory.pins, inventory.activations) : null;
  let runway: KitDetailResponse["runway"] = null;
  if (summary) {
    const forecast = forecastInventoryRunway(inventory, now);
    const r = forecast.kits.find((k) => k.kitId === kitId);
    if (r) {
      runway = {
        rateSource: r.rateSource,
        reason: r.reason,
        ratePerYear: r.ratePerYear,
        backupsLeft: r.backupsLeft,
        expectedExhaustion: r.expectedExhaustion === null ? null : new Date(r.expectedExhaustion).toISOString(),
        probabilityWithin6Months: r.probabilityWithin6Months,
        probabilityWithin12Months: r.probabilityWithin12Months,
        exhausted: r.exhausted,
        method: forecast.method,
      };
    }
  }
  return { kit, activations: activationWires(db, { pinIds: kit.pins.map((p) => p.id) }), summary: summary && summaryWire(summary), runway };
}

/**
 * The kit page: its detail (kit, ledger, summary, runway), its owner (masked), the computers an activation may
 * name, and what the engine says of the kit's PINs — the sets it can use, the reserves a recovery on changed
 * hardware may spend (§1.2–1.3), active licenses against the kit's limit.
 */
export function kitPageData(db: Db, kitId: number, now = Date.now()) {
  const detail = kitDetail(db, kitId, now);
  const ledger = loadKitLedger(db, kitId);
  const locked = lockedMode(ledger);
  const sets = [...new Set(ledger.pins.map((p) => p.set))];
  const usable = locked ? [locked] : sets;
  const extra = db.select({ invoice: kits.invoice, notes: kits.notes }).from(kits).where(eq(kits.id, kitId)).get()!;
  return {
    detail,
    extra,
    owners: db.select({ id: owners.id, name: owners.name }).from(owners).orderBy(asc(owners.name)).all(),
    owner: detail.kit.ownerId === null ? null : (maskedOwners(db, [detail.kit.ownerId])[0] ?? null),
    computers: db.select({ id: computers.id, name: computers.name, role: computers.role, osName: computers.osName }).from(computers).orderBy(asc(computers.name)).all(),
    ledger: {
      lockedSet: locked,
      sets,
      reserveIds: usable.flatMap((set) => reservePins(ledger, set).map((p) => p.id)),
      activeBySet: Object.fromEntries(sets.map((set) => [set, { active: ledger.pins.filter((p) => p.set === set && p.status === "active").length, limit: activeLimit(ledger.kit, set) }])) as Partial<Record<PinSet, { active: number; limit: number }>>,
      lastComputer: Object.fromEntries([...latestByPin(ledger.activations, (a) => a.at)].map(([pinId, a]) => [pinId, a.computerId])) as Record<number, number>,
    },
  };
}
export type KitPageData = ReturnType<typeof kitPageData>;
