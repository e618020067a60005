import { getDb } from "@/db/client";
import { listNoLicenseEvents } from "@/db/queries/why";
import { EventsQuerySchema, EventsResponseSchema } from "@/lib/why/api";

import { ok } from "../_lib/respond";
import { route } from "../_lib/guard";

export const dynamic = "force-dynamic";

/** Recorded "no free license" events (`?from=&to=`, ISO instants with a zone), oldest first, each with its deciding cause. */
export const GET = route((request: Request) => {
  const query = EventsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return ok(EventsResponseSchema, listNoLicenseEvents(getDb(), query));
});
