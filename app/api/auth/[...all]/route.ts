import { getAuth } from "@/db/auth";

export const dynamic = "force-dynamic";

/** What the authentication library may answer over HTTP: who the session cookie belongs to. */
const EXPOSED = new Set(["/api/auth/get-session"]);

/*
 * Everything else the library offers (signing in, password changes, its admin endpoints) goes through
 * SeatLedger's own server actions and routes, which apply the sign-in rate limit, the role matrix and the
 * audit log; over HTTP it is a 404. Created lazily so `next build` never opens the database.
 */
export const GET = (request: Request) =>
  EXPOSED.has(new URL(request.url).pathname.replace(/\/+$/, "")) ? getAuth().handler(request) : Response.json({ error: { code: "not-found", message: "No such endpoint." } }, { status: 404 });
