import { getDb } from "@/db/client";
import { listNoLicenseEvents, saveWhyEvent } from "@/db/queries/why";
import { EventCreatedSchema, EventsQuerySchema, EventsResponseSchema, NewEventSchema } from "@/lib/why/api";

import { readJson } from "../_lib/read-json";
import { ok } from "../_lib/respond";
import { route } from "../_lib/guard";

export const dynamic = "force-dynamic";

/** Recorded "no free license" events (`?from=&to=`, ISO instants with a zone), oldest first, each with its deciding cause. */
export const GET = route((request: Request) => {
  const query = EventsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return ok(EventsResponseSchema, listNoLicenseEvents(getDb(), query));
});

/** Saves the answer to a "why?" question as an event when it is a refusal (201 `{ event, answer }`; 409 `not-denied` otherwise). */
export const POST = route(async (request: Request, { actor, address }) => {
  const question = NewEventSchema.parse(await readJson(request));
  return ok(EventCreatedSchema, saveWhyEvent(getDb(), question, { actor, address }), 201);
});
