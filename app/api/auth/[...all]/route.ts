import { getAuth } from "@/db/auth";

export const dynamic = "force-dynamic";

/*
 * The authentication library's own endpoints (session, sign-out, password change, admin). Signing in over
 * HTTP is disabled in db/auth.ts: the sign-in form's server action does it, with SeatLedger's rate limit
 * and audit. Created lazily so `next build` never opens the database.
 */
export const GET = (request: Request) => getAuth().handler(request);
export const POST = (request: Request) => getAuth().handler(request);
