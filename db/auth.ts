/**
 * Accounts and sign-in sessions through better-auth (STACK.md), on the same SQLite database via Drizzle.
 * Passwords are hashed by the library; its secret is derived from SeatLedger's one secret (db/crypto.ts),
 * so a deployer configures one secret or none. Created lazily: `next build` must not open the database.
 */
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";

import { USER_ROLES } from "@/lib/domain/enums";

import { getDb, type Db } from "./client";
import { secretKeys } from "./crypto";
import { authAccount, authSession, authUser, authVerification } from "./schema";

import { MIN_PASSWORD_LENGTH } from "@/lib/security/account-api";

export { MIN_PASSWORD_LENGTH };
export const SESSION_DAYS = 7;

// The library's admin endpoints stay with `admin`; what each role may see in SeatLedger is lib/security/access.ts.
const ac = createAccessControl(defaultStatements);
const roles = Object.fromEntries(USER_ROLES.map((r) => [r, r === "admin" ? ac.newRole(adminAc.statements) : ac.newRole({})]));

/** Cookies marked Secure only when the dashboard's public URL is https (browsers drop them on plain-HTTP LAN hosts). */
const secureCookies = () => (process.env.SEATLEDGER_URL ?? "").startsWith("https://");

function createAuth(db: Db) {
  return betterAuth({
    appName: "SeatLedger",
    secret: secretKeys(db.$client.name).auth.toString("base64url"),
    // Reached by whatever name the LAN uses (an IP, a host name, localhost); the proxy checks origins.
    baseURL: process.env.SEATLEDGER_URL || { allowedHosts: ["*"], fallback: "http://localhost:3000" },
    database: drizzleAdapter(db, {
      provider: "sqlite",
      schema: { user: authUser, session: authSession, account: authAccount, verification: authVerification },
      transaction: false,
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: 128 },
    session: { expiresIn: SESSION_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    // The same origin the browser is on (a LAN name, an IP, localhost): proxy.ts already refuses foreign origins.
    trustedOrigins: async (request) => {
      const host = request?.headers.get("host");
      const proto = request?.headers.get("x-forwarded-proto") ?? "http";
      return host ? [`${proto}://${host}`] : [];
    },
    advanced: { useSecureCookies: secureCookies(), cookiePrefix: "seatledger", ipAddress: { ipAddressHeaders: ["x-seatledger-client"] } },
    telemetry: { enabled: false },
    plugins: [admin({ ac, roles, defaultRole: "viewer", adminRoles: ["admin"] }), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { seatledgerAuth?: WeakMap<Db, Auth> };

/** The library bound to a database (default: the process-wide one), created on first use. */
export function getAuth(db: Db = getDb()): Auth {
  const instances = (globalForAuth.seatledgerAuth ??= new WeakMap());
  let auth = instances.get(db);
  if (!auth) instances.set(db, (auth = createAuth(db)));
  return auth;
}
