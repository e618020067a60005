import { randomBytes } from "node:crypto";

import { and, count, desc, eq, max, ne } from "drizzle-orm";
import { z } from "zod";

import { AppError } from "@/lib/errors";
import type { UserRole } from "@/lib/domain/enums";
import { NewUserSchema, PasswordSchema, UserPatchSchema } from "@/lib/security/account-api";

import { getAuth } from "../auth";
import type { Db } from "../client";
import { auditLog, authAccount, authSession, authUser } from "../schema";
import { recordAudit } from "./audit";

// The request schemas are the API contract's (lib/security/account-api.ts), which the Settings forms share;
// NewUserSchema stays importable from here for the setup action (app/actions/auth.ts).
export { NewUserSchema };
export const PasswordChangeSchema = z.object({ currentPassword: z.string().min(1, "is required"), newPassword: PasswordSchema });

export const generatePassword = () => randomBytes(12).toString("base64url");

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  createdAt: Date;
  lastSignInAt: Date | null;
}

export function countUsers(db: Db): number {
  return db.select({ n: count() }).from(authUser).get()?.n ?? 0;
}

export function countAdmins(db: Db): number {
  return db.select({ n: count() }).from(authUser).where(eq(authUser.role, "admin")).get()?.n ?? 0;
}

const asDate = (value: unknown): Date | null => (value === null || value === undefined ? null : value instanceof Date ? value : new Date(Number(value)));

/**
 * Users, newest first, with the time of their latest sign-in: the newest session they opened or the newest
 * `auth.sign-in` audit entry, whichever is later. Sessions alone forget a sign-in as soon as the user signs
 * out (or an admin sets a new password), which showed "never" for people who had signed in.
 */
export function listUsers(db: Db): UserRow[] {
  const sessions = db
    .select({ userId: authSession.userId, at: max(authSession.createdAt).as("session_at") })
    .from(authSession)
    .groupBy(authSession.userId)
    .as("last_sessions");
  const signIns = db
    .select({ userId: auditLog.entityId, at: max(auditLog.at).as("sign_in_at") })
    .from(auditLog)
    .where(eq(auditLog.action, "auth.sign-in"))
    .groupBy(auditLog.entityId)
    .as("last_sign_ins");
  return db
    .select({ id: authUser.id, email: authUser.email, name: authUser.name, role: authUser.role, createdAt: authUser.createdAt, sessionAt: sessions.at, signInAt: signIns.at })
    .from(authUser)
    .leftJoin(sessions, eq(sessions.userId, authUser.id))
    .leftJoin(signIns, eq(signIns.userId, authUser.id))
    .orderBy(desc(authUser.createdAt), authUser.email)
    .all()
    .map(({ sessionAt, signInAt, ...r }) => {
      const times = [asDate(sessionAt), asDate(signInAt)].filter((d): d is Date => d !== null);
      return { ...r, lastSignInAt: times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null };
    });
}

export function getUserByEmail(db: Db, address: string) {
  return db.select().from(authUser).where(eq(authUser.email, address.trim().toLowerCase())).get() ?? null;
}

/**
 * Creates an account through the authentication library (it hashes the password). A missing password is
 * generated and returned this once. An e-mail already taken is a 409.
 */
export async function createUser(db: Db, input: z.input<typeof NewUserSchema>, actor: string | null): Promise<{ user: UserRow; password: string; generated: boolean }> {
  const parsed = NewUserSchema.parse(input);
  if (getUserByEmail(db, parsed.email)) throw new AppError("conflict", `email: ${parsed.email} already has an account.`, 409);
  const secret = parsed.password ?? generatePassword();
  const name = parsed.name || parsed.email.split("@")[0];
  try {
    await getAuth(db).api.createUser({ body: { email: parsed.email, password: secret, name, role: parsed.role } });
  } catch (error) {
    // Two admins adding the same address at once: the library's own check (or the unique index) sees the second.
    if (getUserByEmail(db, parsed.email)) throw new AppError("conflict", `email: ${parsed.email} already has an account.`, 409);
    throw error;
  }
  const row = getUserByEmail(db, parsed.email);
  if (!row) throw new Error("The user was not stored.");
  recordAudit(db, { actor, action: "user.create", entity: "user", entityId: row.id, after: { email: row.email, name: row.name, role: row.role } });
  return { user: { id: row.id, email: row.email, name: row.name, role: row.role, createdAt: row.createdAt, lastSignInAt: null }, password: secret, generated: parsed.password === undefined };
}

function requireUser(db: Db, id: string) {
  const row = db.select().from(authUser).where(eq(authUser.id, id)).get();
  if (!row) throw new AppError("not-found", `id: no user ${id}.`, 404);
  return row;
}

function refuseLastAdmin(db: Db, id: string, what: string) {
  const others = db.select({ n: count() }).from(authUser).where(and(eq(authUser.role, "admin"), ne(authUser.id, id))).get()?.n ?? 0;
  if (others === 0) throw new AppError("last-admin", `${what}: the last administrator cannot be removed or demoted; make another user admin first.`, 409);
}

/** Changes a role and/or sets a new password (signing the user out everywhere when the password changes). */
export async function updateUser(db: Db, id: string, patch: z.input<typeof UserPatchSchema>, actor: string | null): Promise<UserRow> {
  const p = UserPatchSchema.parse(patch);
  // Hash first: from the checks to the writes nothing awaits, so two changes at once cannot both pass the
  // last-administrator check.
  const hash = p.password ? await (await getAuth(db).$context).password.hash(p.password) : null;
  const before = requireUser(db, id);
  if (p.role && p.role !== before.role && before.role === "admin") refuseLastAdmin(db, id, "role");
  if (hash) {
    db.update(authAccount).set({ password: hash, updatedAt: new Date() }).where(and(eq(authAccount.userId, id), eq(authAccount.providerId, "credential"))).run();
    db.delete(authSession).where(eq(authSession.userId, id)).run();
  }
  if (p.role) db.update(authUser).set({ role: p.role, updatedAt: new Date() }).where(eq(authUser.id, id)).run();
  recordAudit(db, {
    actor,
    action: "user.update",
    entity: "user",
    entityId: id,
    before: { email: before.email, role: before.role },
    after: { email: before.email, role: p.role ?? before.role, ...(p.password ? { passwordChanged: true } : {}) },
  });
  return listUsers(db).find((u) => u.id === id)!;
}

/** Deletes an account and its sessions. Nobody deletes themselves or the last administrator. */
export function deleteUser(db: Db, id: string, actor: { id: string | null; name: string | null }): void {
  const before = requireUser(db, id);
  if (actor.id === id) throw new AppError("self-delete", "id: you cannot delete your own account; ask another administrator.", 409);
  if (before.role === "admin") refuseLastAdmin(db, id, "id");
  db.delete(authUser).where(eq(authUser.id, id)).run();
  recordAudit(db, { actor: actor.name, action: "user.delete", entity: "user", entityId: id, before: { email: before.email, name: before.name, role: before.role } });
}

/** The demo company's accounts, one per role (README lists them). Existing e-mails are left alone. */
export async function seedDemoAccounts(db: Db, accounts: ReadonlyArray<{ email: string; name: string; role: UserRole; password: string }>): Promise<number> {
  let created = 0;
  for (const account of accounts) {
    if (getUserByEmail(db, account.email)) continue;
    await createUser(db, account, "demo seed");
    created++;
  }
  return created;
}
