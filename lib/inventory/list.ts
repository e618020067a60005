/**
 * Sorting and paging of a list the server holds in full (kits, computers, keys …: hundreds to a few
 * thousand rows): one comparator for every list, so "empty last" and "PC-9 before PC-10" hold everywhere.
 */
export type ListValue = string | number | null | undefined;

const collator = new Intl.Collator("ru", { numeric: true, sensitivity: "base" });
const isEmpty = (v: ListValue) => v === null || v === undefined || v === "";

/** Numbers by value, text in Russian/English collation with numbers inside it; empty values last either way. */
export function compareListValues(a: ListValue, b: ListValue, dir: "asc" | "desc"): number {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) === isEmpty(b) ? 0 : isEmpty(a) ? 1 : -1;
  const order = typeof a === "number" && typeof b === "number" ? a - b : collator.compare(String(a), String(b));
  return dir === "asc" ? order : -order;
}

/** The rows of one page (pages count from 1) after a stable sort by `valueOf(row, sort)`; `total` is the row count. */
export function sortAndPage<T>(rows: readonly T[], query: { sort: string; dir: "asc" | "desc"; page: number; size: number }, valueOf: (row: T, key: string) => ListValue): { rows: T[]; total: number } {
  const sorted = rows
    .map((row, i) => ({ row, i }))
    .sort((x, y) => compareListValues(valueOf(x.row, query.sort), valueOf(y.row, query.sort), query.dir) || x.i - y.i)
    .map((x) => x.row);
  const start = (query.page - 1) * query.size;
  return { rows: sorted.slice(start, start + query.size), total: rows.length };
}

/** Case-insensitive "contains" over some fields of a row; an empty query matches everything. */
export function matchesText(q: string | undefined, ...fields: ReadonlyArray<string | null | undefined>): boolean {
  if (!q) return true;
  const needle = q.toLocaleLowerCase("ru");
  return fields.some((f) => f !== null && f !== undefined && f.toLocaleLowerCase("ru").includes(needle));
}
