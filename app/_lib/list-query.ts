import type { z } from "zod";

/**
 * A list page's query from its URL (`?q=&sort=&page=…`), read by the same zod schema as the list's API route.
 * A value the schema refuses (a hand-edited URL) falls back to the default instead of failing the page.
 */
export async function listQueryFrom<S extends z.ZodType<unknown, Record<string, unknown>>>(schema: S, searchParams: Promise<Record<string, string | string[] | undefined>>): Promise<z.output<S>> {
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  return schema.parse(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))));
}
