/**
 * Calls to the app's own API from the browser: one error type with the API's error body
 * (app/api/_lib/respond.ts), responses parsed with the route's schema.
 */
import { z, type ZodType } from "zod";

const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    details: z.unknown().optional(),
  }),
});

/** A refused or failed request, with the API's error body (app/api/_lib/respond.ts). `status` 0: no answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ReadonlyArray<{ path: string; message: string }> = [],
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The response of a request that succeeded; a refusal throws ApiError with the body's code, message, issues and details. */
async function request(url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, {
      ...init,
      cache: "no-store",
      headers: { accept: "application/json", ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...(init.headers as Record<string, string> | undefined) },
    });
  } catch {
    throw new ApiError(0, "network", "The server could not be reached.");
  }
  if (!res.ok) {
    const body = ErrorBodySchema.safeParse(await res.json().catch(() => null));
    if (body.success) throw new ApiError(res.status, body.data.error.code, body.data.error.message, body.data.error.issues, body.data.error.details);
    throw new ApiError(res.status, "http", `HTTP ${res.status}`);
  }
  return res;
}

/** A request to the API; a refusal throws ApiError with the body’s code, message, issues and details. */
export async function apiCall<T>(schema: ZodType<T> | null, url: string, init: RequestInit = {}): Promise<T> {
  const res = await request(url, init);
  return schema === null ? (undefined as T) : schema.parse(await res.json());
}

/** A request whose answer is a file's text (`POST /api/tools/nethasp/generate`); refusals as `apiCall`. */
export async function apiText(url: string, init: RequestInit = {}): Promise<string> {
  const res = await request(url, { ...init, headers: { accept: "text/plain, application/json", ...(init.headers as Record<string, string> | undefined) } });
  return res.text();
}

/** A raw text body for the parse, lint and import routes (they read the tool's output as it is). */
export const textBody = (text: string | Blob): RequestInit => ({ method: "POST", body: text, headers: { "content-type": "text/plain; charset=utf-8" } });

/** A JSON body with its method. */
export const send = (method: "POST" | "PATCH" | "DELETE", body?: unknown): RequestInit => ({ method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

