"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";

import { authorize, currentAddress, currentPrincipal } from "@/app/_lib/session";
import { getAuth } from "@/db/auth";
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { countUsers, createUser, getUserByEmail, NewUserSchema, PasswordChangeSchema } from "@/db/queries/users";
import { safeNext } from "@/lib/security/access";
import { clearFailures, forgetAttempt, recordFailure, retryAfterMs, SIGN_IN_LIMITS, type FailureLog } from "@/lib/security/rate-limit";

export type FormState = {
  ok: boolean;
  error?: string;
  fieldErrors?: Record<string, string>;
  retryAfterSeconds?: number;
  /** What the user typed into non-secret fields, to refill the form (React resets it after an action). */
  values?: Record<string, string>;
} | null;

const globalForLimits = globalThis as unknown as { seatledgerSignInFailures?: FailureLog };
const failures = (globalForLimits.seatledgerSignInFailures ??= new Map());

const SignInSchema = z.object({
  // Checked as an address: what is written to the audit log as the actor is never free text (a password
  // typed into the wrong field, say).
  email: z.string().trim().toLowerCase().min(1, "required").max(200).pipe(z.email()),
  password: z.string().min(1, "required").max(200),
  next: z.string().optional(),
});


/** Field → error code; the form shows the catalog's text for it (the `auth.errors` catalog keys). */
function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const code = (issue: z.core.$ZodIssue) =>
    issue.code === "too_small" ? (issue.minimum === 1 ? "required" : "tooShort") : issue.code === "too_big" ? "tooLong" : "invalid";
  return Object.fromEntries(error.issues.map((i) => [String(i.path[0] ?? "form"), code(i)]));
}

/**
 * Signs in with e-mail and password. Failures are limited per account and per address
 * (lib/security/rate-limit.ts) and written to the audit log with the address (never the password).
 */
export async function signIn(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = SignInSchema.safeParse({ email: form.get("email"), password: form.get("password"), next: form.get("next") ?? undefined });
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error), values: { email: String(form.get("email") ?? "") } };
  const { email, password, next } = parsed.data;
  const values = { email };
  const address = (await currentAddress()) ?? "unknown";
  const now = Date.now();
  const accountKey = `account:${email}`;
  const addressKey = `address:${address}`;
  const wait = Math.max(retryAfterMs(failures, accountKey, SIGN_IN_LIMITS.account, now), retryAfterMs(failures, addressKey, SIGN_IN_LIMITS.address, now));
  // Refused before the password is looked at, and not written to the log: the failures that led here are.
  if (wait > 0) return { ok: false, error: "rate-limited", retryAfterSeconds: Math.ceil(wait / 1000), values };
  // Counted before the (slow, asynchronous) password check, so attempts sent in parallel cannot all pass
  // the limit; a success takes its attempt back.
  recordFailure(failures, accountKey, SIGN_IN_LIMITS.account, now);
  recordFailure(failures, addressKey, SIGN_IN_LIMITS.address, now);
  const db = getDb();
  try {
    await getAuth().api.signInEmail({ body: { email, password }, headers: await headers() });
  } catch (error) {
    if (!isAPIError(error)) throw error;
    // The same answer whether the account exists or not; the log says which it was.
    recordAudit(db, { actor: email, action: "auth.sign-in-failed", entity: "user", after: { reason: getUserByEmail(db, email) ? "wrong-password" : "unknown-account" }, address });
    return { ok: false, error: "credentials", values };
  }
  clearFailures(failures, accountKey);
  forgetAttempt(failures, addressKey, now);
  recordAudit(db, { actor: email, action: "auth.sign-in", entity: "user", entityId: getUserByEmail(db, email)?.id, address });
  redirect(safeNext(next));
}

export async function signOut(): Promise<void> {
  const principal = await currentPrincipal();
  if (principal?.kind === "user") {
    await getAuth().api.signOut({ headers: await headers() });
    recordAudit(getDb(), { actor: principal.email, action: "auth.sign-out", entity: "user", entityId: principal.id, address: await currentAddress() });
  }
  redirect("/sign-in");
}

export async function changePassword(_previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorize("account");
  if (!auth.ok) return { ok: false, error: auth.error };
  if (auth.principal.kind !== "user") return { ok: false, error: "forbidden" };
  const parsed = PasswordChangeSchema.safeParse({ currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") });
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  if (form.get("confirmPassword") !== parsed.data.newPassword) return { ok: false, error: "invalid", fieldErrors: { confirmPassword: "mismatch" } };
  // A session left open is not a licence to guess its owner's password: the same per-account limit.
  const key = `password:${auth.principal.id}`;
  const now = Date.now();
  const wait = retryAfterMs(failures, key, SIGN_IN_LIMITS.account, now);
  if (wait > 0) return { ok: false, error: "rate-limited", retryAfterSeconds: Math.ceil(wait / 1000) };
  recordFailure(failures, key, SIGN_IN_LIMITS.account, now);
  try {
    await getAuth().api.changePassword({ body: { ...parsed.data, revokeOtherSessions: true }, headers: await headers() });
    clearFailures(failures, key);
  } catch (error) {
    if (!isAPIError(error)) throw error;
    recordAudit(getDb(), { actor: auth.actor, action: "auth.password-change-failed", entity: "user", entityId: auth.principal.id, address: auth.address });
    return { ok: false, error: "invalid", fieldErrors: { currentPassword: "wrong" } };
  }
  recordAudit(getDb(), { actor: auth.actor, action: "auth.password-change", entity: "user", entityId: auth.principal.id, address: auth.address });
  // The library replaced the session (the others are revoked): a new request carries the new cookie.
  redirect("/account?changed=1");
}

const globalForSetup = globalThis as unknown as { seatledgerSetupRunning?: boolean };

/** The one-time setup: creates the first administrator, only while the database has no user at all. */
export async function setupFirstAdmin(_previous: FormState, form: FormData): Promise<FormState> {
  const db = getDb();
  // One at a time: two forms sent at the same moment to a fresh install must not both create an admin.
  if (countUsers(db) > 0 || globalForSetup.seatledgerSetupRunning) return { ok: false, error: "already-set-up" };
  const values = { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? "") };
  const parsed = NewUserSchema.required({ password: true }).safeParse({ email: values.email, name: values.name || undefined, role: "admin", password: form.get("password") });
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error), values };
  if (form.get("confirmPassword") !== parsed.data.password) return { ok: false, error: "invalid", fieldErrors: { confirmPassword: "mismatch" }, values };
  let user;
  globalForSetup.seatledgerSetupRunning = true;
  try {
    ({ user } = await createUser(db, parsed.data, "setup page"));
  } finally {
    globalForSetup.seatledgerSetupRunning = false;
  }
  await getAuth().api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() });
  recordAudit(db, { actor: user.email, action: "auth.sign-in", entity: "user", entityId: user.id, address: await currentAddress() });
  redirect("/");
}
