import { eq } from "drizzle-orm";

import type { Db } from "./client";
import { decryptText, encryptText, isEncrypted, pinHash, secretKeys, type SecretKeys } from "./crypto";
import { owners, pins } from "./schema";

/** The keys of this database: its secret lives beside its file unless SEATLEDGER_SECRET is set. */
export const keysOf = (db: Db): SecretKeys => secretKeys(db.$client.name);

/** A PIN as stored: its code encrypted and its keyed hash. */
export function sealPin(db: Db, code: string): { code: string; codeHash: string } {
  const keys = keysOf(db);
  return { code: encryptText(code, keys), codeHash: pinHash(code, keys) };
}

/** Owner registration data as stored (encrypted JSON). */
export function sealRegistrationData(db: Db, json: string): string {
  return encryptText(json, keysOf(db));
}

/** The clear text of a sealed PIN code or registration data (a row not sealed yet is read as it is). */
export function openSecret(db: Db, stored: string): string {
  return isEncrypted(stored) ? decryptText(stored, keysOf(db)) : stored;
}

/**
 * Encrypts PIN codes and owner data still stored in clear (databases from before encryption at rest).
 * Idempotent; one transaction. Returns how many rows it sealed.
 */
export function encryptLegacySecrets(db: Db): { pins: number; owners: number } {
  const clearPins = db.select({ id: pins.id, code: pins.code }).from(pins).all().filter((p) => !isEncrypted(p.code));
  const clearOwners = db.select({ id: owners.id, data: owners.registrationData }).from(owners).all().filter((o) => !isEncrypted(o.data));
  if (clearPins.length === 0 && clearOwners.length === 0) return { pins: 0, owners: 0 };
  db.transaction((tx) => {
    for (const p of clearPins) tx.update(pins).set(sealPin(db, p.code)).where(eq(pins.id, p.id)).run();
    for (const o of clearOwners) tx.update(owners).set({ registrationData: sealRegistrationData(db, o.data) }).where(eq(owners.id, o.id)).run();
  });
  return { pins: clearPins.length, owners: clearOwners.length };
}
