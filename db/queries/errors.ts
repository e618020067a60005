import { z } from "zod";

import { AppError } from "@/lib/errors";

/**
 * A refusal that names a field, checked against the database (an id that does not exist, a kit of the wrong
 * kind): the same 400 `invalid-input` with `issues` that the route's zod schema gives, so forms put it next
 * to the field. Never quote a secret in `message`.
 */
export function invalidField(path: string, message: string): never {
  throw new z.ZodError([{ code: "custom", path: path.split("."), message, input: undefined }]);
}

/** 409: the record collides with another, or something still refers to it (`details` says what). */
export const conflict = (code: string, message: string, details?: unknown) => new AppError(code, message, 409, details);

/** 404 for an id in the URL. */
export const notFound = (what: string, id: number) => new AppError("not-found", `id: there is no ${what} ${id}.`, 404);

/** Who changed something, for the audit log. */
export interface Who {
  actor: string | null;
  address: string | null;
}

/** The keys whose values differ, with both sides (for an audit entry's before/after). */
export function changedFields<T extends Record<string, unknown>>(before: T, patch: Partial<T>): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(patch) as Array<keyof T>) {
    if (patch[key] === undefined || patch[key] === before[key]) continue;
    b[key] = before[key];
    a[key] = patch[key];
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
