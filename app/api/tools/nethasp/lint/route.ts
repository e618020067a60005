import { AppError } from "@/lib/errors";
import { lintNethasp, NethaspLintSchema } from "@/lib/parsers/nethasp";

import { readText } from "../../../_lib/read-text";
import { ok } from "../../../_lib/respond";
import { route } from "../../../_lib/guard";

export const dynamic = "force-dynamic";

/** A real nethasp.ini is a few hundred bytes; 1 MiB is far beyond any of them. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Lints a raw nethasp.ini body (DOMAIN §3): findings with line numbers and the client's effective settings.
 * `?encoding=` as for every text route (a file saved on a Russian console arrives as CP866).
 */
export const POST = route(async (request: Request) => {
  const { text } = await readText(request, MAX_BODY_BYTES);
  // Issue 4: whitespace-only bodies are a 400 like empty ones (an empty file would lint as "defaults apply").
  if (text.trim() === "") throw new AppError("empty-body", "The request body has only whitespace: send the nethasp.ini file as the body (e.g. curl --data-binary @nethasp.ini).", 400);
  return ok(NethaspLintSchema, lintNethasp(text));
});
