import { getDb } from "@/db/client";
import { listSessionHistory } from "@/db/queries/sessions";
import { HistoryQuerySchema, HistoryResponseSchema } from "@/lib/sessions/api";

import { ok } from "../../_lib/respond";
import { route } from "../../_lib/guard";

export const dynamic = "force-dynamic";

/** Every session of a user (`?user=`) or a computer (`?host=`) across all snapshots, newest first. */
export const GET = route((request: Request) => {
  const query = HistoryQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return ok(HistoryResponseSchema, listSessionHistory(getDb(), query));
});
