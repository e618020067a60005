import { getDb } from "@/db/client";
import { listHolders } from "@/db/queries/sessions";
import { HolderListQuerySchema, HolderListResponseSchema } from "@/lib/sessions/api";

import { ok } from "../_lib/respond";
import { route } from "../_lib/guard";

export const dynamic = "force-dynamic";

/**
 * Who holds the seats in a snapshot (the newest unless `?snapshot=` names one): each session with its license,
 * the pool it counts in, why an unmatched one matched nothing, and seats kept while hibernated or idle.
 * `?q=&infobase=&app=&license=matched|unmatched|none&flag=flagged|hibernated|idle&sort=&dir=&page=&size=`.
 */
export const GET = route((request: Request) => {
  const query = HolderListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return ok(HolderListResponseSchema, listHolders(getDb(), query));
});
