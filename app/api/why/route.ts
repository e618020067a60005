import { getDb } from "@/db/client";
import { askWhy } from "@/db/queries/why";
import { WhyRequestSchema, WhyResponseSchema } from "@/lib/why/api";

import { readJson } from "../_lib/read-json";
import { ok } from "../_lib/respond";
import { route } from "../_lib/guard";

export const dynamic = "force-dynamic";

/**
 * "Why no free license?" for one user, computer and infobase at one instant (issue 11 §2): where the platform
 * looked and in what order, what each place had, the cause, who holds the seats of the pool it wanted, and
 * what to do. Stores nothing.
 */
export const POST = route(async (request: Request) => {
  const question = WhyRequestSchema.parse(await readJson(request));
  return ok(WhyResponseSchema, askWhy(getDb(), question));
});
