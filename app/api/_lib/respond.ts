import { ZodError, type ZodType } from "zod";

import { isAppError } from "@/lib/errors";

export interface ErrorBody {
  error: { code: string; message: string; issues?: Array<{ path: string; message: string }>; details?: unknown };
}

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** Validates a response body against its schema before it leaves (STYLE.md: output parsed before returned). */
export function ok<T>(schema: ZodType<T>, body: T, status = 200): Response {
  const parsed = schema.safeParse(body);
  // Our own output failing its schema is a server bug: a logged 500, never a 400 blaming the caller.
  if (!parsed.success) throw new Error(`Response failed its schema: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  return json(parsed.data, status);
}

/** 204: done, nothing to say (a DELETE). */
export const noContent = () => new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });

/**
 * Wraps a route handler: a zod error is a 400 with its issues (field path and rule), an AppError its own
 * status, anything else is logged (without the request body) and answered with a generic 500.
 */
export function handle<A extends unknown[]>(handler: (...args: A) => Promise<Response> | Response) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof ZodError) {
        const issues = error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message }));
        const body: ErrorBody = { error: { code: "invalid-input", message: issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues } };
        return json(body, 400);
      }
      // AppError details are written for the caller (rule, remedy in both languages) and never hold secrets.
      if (isAppError(error)) return json({ error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } } satisfies ErrorBody, error.status);
      console.error("Unhandled error in a route handler:", error instanceof Error ? `${error.name}: ${error.message}` : "non-error thrown");
      return json({ error: { code: "internal", message: "Internal error; the server log has the details." } } satisfies ErrorBody, 500);
    }
  };
}
