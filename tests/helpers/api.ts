import { z } from "zod";

import { tokenHeaders } from "./auth";

/** The one error body every route answers with (app/api/_lib/respond.ts). */
export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    details: z.unknown().optional(),
  }),
});

/** A POST to a text-body route handler, as curl --data-binary would send it from a cron job (an `import` token). */
export function textPost(handler: (request: Request) => Promise<Response>, url: string) {
  return (body: BodyInit | null, query = "", contentType = "text/plain") =>
    handler(new Request(`${url}${query}`, { method: "POST", headers: { "content-type": contentType, ...tokenHeaders("import") }, body }));
}
