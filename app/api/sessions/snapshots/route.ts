import { getDb } from "@/db/client";
import { listSnapshots } from "@/db/queries/sessions";
import { SnapshotListQuerySchema, SnapshotListResponseSchema } from "@/lib/sessions/api";

import { ok } from "../../_lib/respond";
import { route } from "../../_lib/guard";

export const dynamic = "force-dynamic";

/** Session snapshots, newest first: when, how many sessions, licensed, matched, unmatched, the parser's warnings. */
export const GET = route((request: Request) => {
  const query = SnapshotListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return ok(SnapshotListResponseSchema, listSnapshots(getDb(), query));
});
