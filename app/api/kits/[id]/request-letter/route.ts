import { z } from "zod";

import { getDb } from "@/db/client";
import { requestLetter } from "@/db/queries/kits-io";
import { IdParamSchema } from "@/lib/inventory/api";
import { displayTimeZone } from "@/app/_lib/time-zone";

import { route } from "../../../_lib/guard";

export const dynamic = "force-dynamic";

const Query = z.object({
  lang: z.enum(["ru", "en"], { error: "must be ru or en" }).default("ru"),
  reason: z.string().trim().max(1000, "must be at most 1000 characters").optional(),
  download: z.enum(["1", "0"], { error: "must be 1 or 0" }).optional(),
});

/**
 * The letter to the 1C Licensing Center asking for an additional PIN (DOMAIN §1.2), as text: Russian by
 * default (`?lang=en` for the English one), the reason from `?reason=` or "the backup PINs are used up".
 * It holds a PIN in clear: administrators only, audited like a reveal, never cached. `?download=1` as a file.
 */
export const GET = route<{ id: string }>((request, { params, actor, address }) => {
  const { id } = IdParamSchema.parse(params);
  const query = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const text = requestLetter(getDb(), id, { lang: query.lang, reason: query.reason, timeZone: displayTimeZone() }, { actor, address });
  return new Response(text, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      ...(query.download === "1" ? { "Content-Disposition": `attachment; filename="additional-pin-request-kit-${id}-${query.lang}.txt"` } : {}),
    },
  });
});
