import { asc, eq, inArray } from "drizzle-orm";

import type { Db } from "../client";
import { kits, owners, pins } from "../schema";
import { openSecret } from "../secrets";
import { recordAudit } from "./audit";
import type { KitKind, KitLevel, KitProtection, PinRole, PinSet, PinSource, PinStatus, ServerBitness, UsageMode } from "@/lib/domain/enums";
import { AppError } from "@/lib/errors";
import { maskPin, maskText, printedPin } from "@/lib/security/mask";

/** A PIN as lists show it: the code masked (`***-***-***-***-345`), never in clear. */
export interface MaskedPin {
  id: number;
  set: PinSet;
  role: PinRole;
  status: PinStatus;
  source: PinSource;
  /** Null when the stored value cannot be decrypted with this database's key (see db/crypto.ts). */
  maskedCode: string | null;
  receivedAt: string | null;
}

export interface KitWithPins {
  id: number;
  regNumber: string;
  product: string;
  kind: KitKind;
  level: KitLevel;
  seats: number;
  protection: KitProtection;
  usageMode: UsageMode | null;
  serverBitness: ServerBitness | null;
  ownerId: number | null;
  ownerName: string | null;
  purchaseDate: string | null;
  /** Integer minor units (kopecks, cents) of `currency`. */
  priceMinor: number | null;
  currency: string;
  supplier: string | null;
  pins: MaskedPin[];
}

export interface RegistrationField {
  field: string;
  value: string;
}

/** An owner with the registration data masked field by field (field names stay readable, values do not). */
export interface MaskedOwner {
  id: number;
  name: string;
  /** Null when the stored data cannot be decrypted or read. */
  fields: RegistrationField[] | null;
}

export interface KitsWithPins {
  kits: KitWithPins[];
  owners: MaskedOwner[];
}

export interface RevealAudit {
  actor: string | null;
  address: string | null;
}

export function maskedCodeOf(db: Db, stored: string): string | null {
  try {
    return maskPin(printedPin(openSecret(db, stored)));
  } catch {
    return null;
  }
}

/** The owner registration form as stored: `[{ field, value }]` in form order (§1.1). Throws on anything else. */
export function parseRegistration(json: string): RegistrationField[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    // The parser's message can quote the text (owner data): never let it reach a log.
    throw new Error("Owner registration data is not valid JSON.");
  }
  if (!Array.isArray(value)) throw new Error("Owner registration data is not a list.");
  return value.map((entry) => {
    const { field, value: v } = (entry ?? {}) as Record<string, unknown>;
    if (typeof field !== "string" || typeof v !== "string") throw new Error("Owner registration data has an entry without a text field and value.");
    return { field, value: v };
  });
}

export function maskedFieldsOf(db: Db, stored: string): RegistrationField[] | null {
  try {
    return parseRegistration(openSecret(db, stored)).map(({ field, value }) => ({ field, value: maskText(value) }));
  } catch {
    return null;
  }
}

/** Kits (all, or those with the given ids) with their owner's name, ordered by id — no PIN is read. */
export function kitRows(db: Db, ids?: readonly number[]): Array<Omit<KitWithPins, "pins">> {
  if (ids && ids.length === 0) return [];
  return db
    .select({
      id: kits.id,
      regNumber: kits.regNumber,
      product: kits.product,
      kind: kits.kind,
      level: kits.level,
      seats: kits.seats,
      protection: kits.protection,
      usageMode: kits.usageMode,
      serverBitness: kits.serverBitness,
      ownerId: kits.ownerId,
      ownerName: owners.name,
      purchaseDate: kits.purchaseDate,
      priceMinor: kits.priceMinor,
      currency: kits.currency,
      supplier: kits.supplier,
    })
    .from(kits)
    .leftJoin(owners, eq(owners.id, kits.ownerId))
    .where(ids ? inArray(kits.id, [...ids]) : undefined)
    .orderBy(asc(kits.id))
    .all();
}

/** Kits (all, or those with the given ids) with their PINs masked, ordered by id; PINs in the order they were recorded. */
export function kitsWithMaskedPins(db: Db, ids?: readonly number[]): KitWithPins[] {
  if (ids && ids.length === 0) return [];
  const pinsByKit = new Map<number, MaskedPin[]>();
  const pinRows = db
    .select({ id: pins.id, kitId: pins.kitId, set: pins.set, role: pins.role, status: pins.status, source: pins.source, code: pins.code, receivedAt: pins.receivedAt })
    .from(pins)
    .where(ids ? inArray(pins.kitId, [...ids]) : undefined)
    .orderBy(asc(pins.kitId), asc(pins.id))
    .all();
  for (const { kitId, code, ...pin } of pinRows) {
    const list = pinsByKit.get(kitId) ?? [];
    list.push({ ...pin, maskedCode: maskedCodeOf(db, code) });
    pinsByKit.set(kitId, list);
  }
  return kitRows(db, ids).map((k) => ({ ...k, pins: pinsByKit.get(k.id) ?? [] }));
}

/** Owners (all, or those with the given ids) with their registration data masked, ordered by id. */
export function maskedOwners(db: Db, ids?: readonly number[]): MaskedOwner[] {
  const rows = db
    .select({ id: owners.id, name: owners.name, registrationData: owners.registrationData })
    .from(owners)
    .where(ids ? inArray(owners.id, [...ids]) : undefined)
    .orderBy(asc(owners.id))
    .all();
  return rows.map((o) => ({ id: o.id, name: o.name, fields: maskedFieldsOf(db, o.registrationData) }));
}

/**
 * Every kit with its PINs (codes masked) and every owner (registration data masked), ordered by id.
 * Codes are decrypted only to be masked here: the clear code never leaves this module.
 */
export function listKitsWithPins(db: Db): KitsWithPins {
  return { kits: kitsWithMaskedPins(db), owners: maskedOwners(db) };
}

/**
 * The clear code of one PIN, as stored (digits). Writes a `pin.reveal` audit entry naming the PIN, its
 * kit's registration number, set and role — never the code — before the code is returned. Unknown id → 404.
 */
export function revealPin(db: Db, id: number, audit: RevealAudit): { code: string } {
  const [row] = db
    .select({ id: pins.id, set: pins.set, role: pins.role, code: pins.code, regNumber: kits.regNumber })
    .from(pins)
    .innerJoin(kits, eq(kits.id, pins.kitId))
    .where(eq(pins.id, id))
    .all();
  if (!row) throw new AppError("not-found", `id: there is no PIN ${id}.`, 404);
  const code = openSecret(db, row.code);
  recordAudit(db, { actor: audit.actor, action: "pin.reveal", entity: "pin", entityId: row.id, after: { regNumber: row.regNumber, set: row.set, role: row.role }, address: audit.address });
  return { code };
}

/**
 * The owner's registration data in clear, fields in form order, exactly as stored (§1.1: recovery needs
 * it character for character). Writes an `owner.reveal` audit entry naming the owner — never the data.
 * Unknown id → 404.
 */
export function revealOwner(db: Db, id: number, audit: RevealAudit): { fields: RegistrationField[] } {
  const [row] = db.select({ id: owners.id, registrationData: owners.registrationData }).from(owners).where(eq(owners.id, id)).all();
  if (!row) throw new AppError("not-found", `id: there is no owner ${id}.`, 404);
  const fields = parseRegistration(openSecret(db, row.registrationData));
  recordAudit(db, { actor: audit.actor, action: "owner.reveal", entity: "owner", entityId: row.id, after: { fieldCount: fields.length }, address: audit.address });
  return { fields };
}
