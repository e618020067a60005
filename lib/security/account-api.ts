/**
 * What /api/users and /api/tokens send and answer, shared by the route handlers (which parse their output
 * with these before it leaves), the Settings page's queries and the API tests. Plain zod: no React, no db.
 * Times travel as ISO 8601 strings.
 */
import { z } from "zod";

import { TOKEN_SCOPES, USER_ROLES } from "@/lib/domain/enums";

const instant = z.iso.datetime();

/** An account as lists show it: never a password or its hash. */
export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(USER_ROLES),
    createdAt: instant,
    lastSignInAt: instant.nullable(),
  })
  .strict();
export type UserWire = z.infer<typeof UserSchema>;

export const UserListResponseSchema = z.object({ users: z.array(UserSchema) }).strict();
/** `password` only when the server generated it: shown this once, never stored in clear. */
export const UserCreatedResponseSchema = z.object({ user: UserSchema, password: z.string().optional() }).strict();
export const UserUpdatedResponseSchema = z.object({ user: UserSchema }).strict();

/** A token as lists show it: its first characters, never the token or its hash. */
export const ApiTokenSchema = z
  .object({
    id: z.number().int().positive(),
    name: z.string(),
    scope: z.enum(TOKEN_SCOPES),
    prefix: z.string(),
    createdBy: z.string().nullable(),
    createdAt: instant,
    lastUsedAt: instant.nullable(),
    revokedAt: instant.nullable(),
  })
  .strict();
export type ApiTokenWire = z.infer<typeof ApiTokenSchema>;

export const TokenListResponseSchema = z.object({ tokens: z.array(ApiTokenSchema) }).strict();
/** `token` is the clear token, shown this once (only its hash is stored). */
export const TokenCreatedResponseSchema = z.object({ token: z.string(), apiToken: ApiTokenSchema }).strict();

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** An account row (db/queries/users.ts `UserRow`) as the API sends it. */
export function toUserWire(u: { id: string; email: string; name: string; role: UserWire["role"]; createdAt: Date; lastSignInAt: Date | null }): UserWire {
  return { id: u.id, email: u.email, name: u.name, role: u.role, createdAt: u.createdAt.toISOString(), lastSignInAt: iso(u.lastSignInAt) };
}

/** A token row (db/queries/tokens.ts, without its hash) as the API sends it. */
export function toApiTokenWire(t: {
  id: number;
  name: string;
  scope: ApiTokenWire["scope"];
  prefix: string;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): ApiTokenWire {
  return {
    id: t.id,
    name: t.name,
    scope: t.scope,
    prefix: t.prefix,
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
  };
}
