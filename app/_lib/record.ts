import { notFound } from "next/navigation";

import { isAppError } from "@/lib/errors";
import { IdParamSchema } from "@/lib/inventory/api";

/**
 * A record page's data: the `[id]` of its URL read with the API's id rule, loaded by `load`; an id that is
 * not a number or names no record is the 404 page, never an error page.
 */
export function loadRecord<T>(params: { id: string }, load: (id: number) => T): T {
  const id = IdParamSchema.safeParse(params);
  if (!id.success) notFound();
  try {
    return load(id.data.id);
  } catch (error) {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
}
