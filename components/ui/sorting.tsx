import { useMemo, useState, type ReactNode } from "react";

import { cn } from "./cn";

/**
 * Sorting for client tables (DataTable, the Settings tables): click a header, again to reverse; empty
 * values last either way.
 */
export type SortDir = "asc" | "desc";
export type SortState = { key: string; dir: SortDir } | null;
export type SortValue = string | number | null;

/** Numbers by value, text in the reader's collation with numbers inside it ("PC-9" before "PC-10"). */
function compareValues(x: SortValue, y: SortValue, collator: Intl.Collator): number {
  return typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
}

const isEmpty = (v: SortValue) => v === null || v === "";

/** Rows in the order of `sort` (their own order when none); `valueOf(row, key)` is what a column sorts by. */
export function useSorted<T>(rows: readonly T[], initial: SortState, valueOf: (row: T, key: string) => SortValue | undefined) {
  const [sort, setSort] = useState<SortState>(initial);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
    const dir = sort.dir === "asc" ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = valueOf(a, sort.key) ?? null;
      const y = valueOf(b, sort.key) ?? null;
      if (isEmpty(x) || isEmpty(y)) return isEmpty(x) === isEmpty(y) ? 0 : isEmpty(x) ? 1 : -1;
      return compareValues(x, y, collator) * dir;
    });
  }, [rows, sort, valueOf]);
  /** A click on column `key`: reverse it when it is the sorted one, else sort by it starting with `firstDir`. */
  const toggle = (key: string, firstDir: SortDir = "asc") =>
    setSort(sort?.key === key ? { key, dir: sort.dir === "asc" ? "desc" : "asc" } : { key, dir: firstDir });
  return { sort, sorted, toggle };
}

/** A header cell that sorts its column, with `aria-sort` and an arrow. */
export function SortHeaderCell({ label, sort, columnKey, onSort, className, title }: { label: ReactNode; sort: SortState; columnKey: string; onSort: () => void; className?: string; title?: string }) {
  const active = sort?.key === columnKey;
  return (
    <th scope="col" aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"} className={cn("px-2 py-2 font-medium", className)} title={title}>
      <button type="button" className={cn("inline-flex items-center gap-1 uppercase hover:text-slate-900", active && "text-slate-900")} onClick={onSort}>
        {label}
        <span aria-hidden className="text-[10px]">
          {active ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}
