import { getDb } from "@/db/client";
import { messageLinks } from "@/db/queries/message-links";
import { AppError } from "@/lib/errors";
import { bindingChangesFromMessage, ParseMessageResponseSchema, parsePlatformMessage } from "@/lib/parsers/platform-message";

import { readText } from "../../_lib/read-text";
import { ok } from "../../_lib/respond";
import { route } from "../../_lib/guard";

export const dynamic = "force-dynamic";

/** A pasted message is a few kilobytes; 1 MiB leaves room for a whole log and keeps the answer quick. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * The platform's licensing message as pasted by a team lead (DOMAIN §4.2, §1.4): each reason line with its place,
 * cause code, plain-language explanation and the recorded kits, keys and computers it names (`links`); for a binding
 * failure the removed/present devices, also in the binding check's vocabulary (`bindingChanges`). Text that is not
 * such a message is a 200 with `kind: "unknown"`.
 */
export const POST = route(async (request: Request) => {
  const { text, encoding } = await readText(request, MAX_MESSAGE_BYTES);
  if (text.trim() === "") throw new AppError("empty-body", "The request body holds only whitespace: paste the platform's message text as the body.", 400);
  const parsed = parsePlatformMessage(text);
  const links = messageLinks(getDb(), parsed);
  const lines = parsed.lines.map((line, i) => (links[i].length ? { ...line, links: links[i] } : line));
  const bindingChanges = parsed.bindingDevices ? bindingChangesFromMessage(parsed) : undefined;
  return ok(ParseMessageResponseSchema, { ...parsed, lines, ...(bindingChanges ? { bindingChanges } : {}), encoding });
});
