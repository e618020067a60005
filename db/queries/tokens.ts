import { createHash, randomBytes } from "node:crypto";

import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";

import type { Db } from "../client";
import { apiTokens, type ApiToken } from "../schema";
import { recordAudit } from "./audit";
import { NewTokenSchema } from "@/lib/security/account-api";

const TOKEN_PREFIX = "slt_";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a token; the clear token is returned this once and never stored (only its hash). */
export function createApiToken(db: Db, input: z.input<typeof NewTokenSchema>): { token: string; row: ApiToken } {
  const { name, scope, createdBy } = NewTokenSchema.parse(input);
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = db
    .insert(apiTokens)
    .values({ name, scope, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6), createdBy: createdBy ?? null })
    .returning()
    .get();
  recordAudit(db, { actor: createdBy ?? null, action: "token.create", entity: "api_token", entityId: row.id, after: { name, scope, prefix: row.prefix } });
  return { token, row };
}

/**
 * The live token an `Authorization: Bearer …` header carries, or null (missing, malformed, unknown or
 * revoked). Records the time of use. The token itself is never logged or returned.
 */
export function verifyApiToken(db: Db, authorization: string | null, now = new Date()): ApiToken | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match || !match[1].startsWith(TOKEN_PREFIX)) return null;
  const hash = hashToken(match[1]);
  const row = db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hash)).get();
  // Looked up by its SHA-256: the comparison never touches the token itself, so it leaks nothing by timing.
  if (!row || row.revokedAt) return null;
  db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)).run();
  return { ...row, lastUsedAt: now };
}

/** Tokens, newest first, without their hashes. */
export function listApiTokens(db: Db): Array<Omit<ApiToken, "tokenHash">> {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, scope: apiTokens.scope, prefix: apiTokens.prefix, createdBy: apiTokens.createdBy, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .all();
}

/** Revokes a token (idempotent); false when no live token has that id. */
export function revokeApiToken(db: Db, id: number, now = new Date(), actor: string | null = null): boolean {
  const revoked = db.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).run().changes > 0;
  if (revoked) recordAudit(db, { actor, action: "token.revoke", entity: "api_token", entityId: id }, now);
  return revoked;
}
