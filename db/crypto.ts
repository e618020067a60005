/**
 * Secrets at rest (issue #5): PIN codes and owner registration data are encrypted with AES-256-GCM; PINs
 * also get a keyed hash (HMAC-SHA-256) so uniqueness can be checked without decrypting. One secret feeds
 * everything, each use through its own HKDF-derived key: `SEATLEDGER_SECRET`, or a random one generated
 * on first start into `secret.key` beside the database (mode 0600 — back it up with the database).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { databasePath } from "./client";

const PREFIX = "v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SecretKeys {
  encryption: Buffer;
  pinHash: Buffer;
  /** For the authentication library (issue #5): derived from the same secret, never configured twice. */
  auth: Buffer;
}

/** Where the generated secret lives when `SEATLEDGER_SECRET` is not set: beside the database file. */
export function secretKeyPath(dbFile = databasePath()): string {
  return path.join(path.dirname(path.resolve(dbFile)), "secret.key");
}

function readOrCreateSecret(dbFile: string): string {
  const fromEnv = process.env.SEATLEDGER_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("SEATLEDGER_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`).");
    return fromEnv;
  }
  const file = secretKeyPath(dbFile);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString("base64");
  // `wx`: never overwrite a key another process wrote a moment ago; the data it encrypted needs it.
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw error;
  }
  return secret;
}

const cache = new Map<string, SecretKeys>();

/** The keys for the database at `dbFile` (default: `DATABASE_PATH`), derived once per process. */
export function secretKeys(dbFile = databasePath()): SecretKeys {
  const cacheKey = process.env.SEATLEDGER_SECRET ? `env:${process.env.SEATLEDGER_SECRET}` : secretKeyPath(dbFile);
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const secret = readOrCreateSecret(dbFile);
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", secret, "seatledger", info, 32));
  const keys = { encryption: derive("seatledger/encryption/v1"), pinHash: derive("seatledger/pin-hash/v1"), auth: derive("seatledger/auth/v1") };
  cache.set(cacheKey, keys);
  return keys;
}

/** True when a stored value is ciphertext written by `encryptText`. */
export const isEncrypted = (stored: string | null | undefined): boolean => typeof stored === "string" && stored.startsWith(PREFIX);

/** AES-256-GCM with a random IV: `v1:` + base64(iv ‖ tag ‖ ciphertext). */
export function encryptText(plain: string, keys = secretKeys()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keys.encryption, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

/** Decrypts `encryptText` output; throws (without echoing the value) when it was altered or the key differs. */
export function decryptText(stored: string, keys = secretKeys()): string {
  if (!isEncrypted(stored)) throw new Error("Not an encrypted value.");
  const raw = Buffer.from(stored.slice(PREFIX.length), "base64");
  const decipher = createDecipheriv("aes-256-gcm", keys.encryption, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("A stored secret could not be decrypted: the data was altered, or the secret key is not the one it was written with.");
  }
}

/** Keyed hash of a PIN's digits: equal PINs hash equally, and the hash alone reveals nothing. */
export function pinHash(code: string, keys = secretKeys()): string {
  return createHmac("sha256", keys.pinHash).update(code.replace(/\D/g, "")).digest("hex");
}
