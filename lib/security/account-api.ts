/**
 * What /api/users and /api/tokens send and answer, shared by the route handlers (which parse their input
 * and their output with these), db/queries (which parse their input again), the Settings page's forms
 * and queries and the API tests. Plain zod: no React, no db. Times travel as ISO 8601 strings.
 */
import { z } from "zod";

import { TOKEN_SCOPES, USER_ROLES } from "@/lib/domain/enums";

const instant = z.iso.datetime();

/**
 * The shortest password an account may have. db/auth.ts configures the authentication library with its
 * own `MIN_PASSWORD_LENGTH`: the two must stay equal.
 */
export const MIN_PASSWORD_LENGTH = 10;

// Trimmed before the format check: zod runs checks in order, so `z.email().trim()` refused " anna@example.ru".
const email = z
  .string({ error: "must be an e-mail address like anna@example.ru" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "must be an e-mail address like anna@example.ru" }).max(200, "at most 200 characters"));
/** A password an administrator sets or a user chooses. */
export const PasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(128, "at most 128 characters");
const role = z.enum(USER_ROLES, { error: `must be one of ${USER_ROLES.join(", ")}` });

/** POST /api/users (the route refuses unknown keys: `.strict()`). */
export const NewUserSchema = z.object({
  email,
  name: z.string().trim().max(100, "at most 100 characters").optional(),
  role,
  /** Omitted: a password is generated and returned once. */
  password: PasswordSchema.optional(),
});
/** PATCH /api/users/{id}: a new role, a new password, or both. */
export const UserPatchSchema = z.object({ role: role.optional(), password: PasswordSchema.optional() }).refine((p) => p.role !== undefined || p.password !== undefined, {
  error: "send a role or a password to change",
});

/** A new API token; POST /api/tokens takes `name` and `scope` (`createdBy` is the acting principal). */
export const NewTokenSchema = z.object({
  name: z.string().trim().min(1, "must name what the token is for, e.g. \"rac import on srv-1c\"").max(100, "at most 100 characters"),
  scope: z.enum(TOKEN_SCOPES, { error: `must be one of ${TOKEN_SCOPES.join(", ")}` }),
  createdBy: z.string().max(200).nullable().optional(),
});

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
