"use client";

import { Fragment, useMemo, useState, type ReactNode } from "react";

import { cn } from "@/components/ui/cn";

export interface SortableColumn<T> {
  key: string;
  label: string;
  /** What the column sorts by; a column without it (actions) is not sortable. Null sorts last. */
  sortValue?: (row: T) => string | number | null;
  render: (row: T) => ReactNode;
  /** The label is for screen readers only (an actions column). */
  hiddenLabel?: boolean;
  className?: string;
}

export interface SortableTableProps<T> {
  caption: string;
  columns: ReadonlyArray<SortableColumn<T>>;
  rows: readonly T[];
  rowKey: (row: T) => string;
  initialSort?: { key: string; dir: "asc" | "desc" };
  /** A full-width row under a row (a form or a confirmation), or null. */
  expanded?: (row: T) => ReactNode | null;
  testId?: string;
}

/**
 * A sortable table whose cells may hold controls. components/ui/data-table.tsx takes text cells only, so
 * the Settings tables (a role select, buttons, a confirmation row) use this; the header looks and behaves
 * the same (click to sort, again to reverse, `aria-sort`).
 */
export function SortableTable<T>({ caption, columns, rows, rowKey, initialSort, expanded, testId }: SortableTableProps<T>) {
  const [sort, setSort] = useState(initialSort ?? null);

  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.key === sort.key);
    if (!sort || !column?.sortValue) return rows;
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
    const dir = sort.dir === "asc" ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = column.sortValue!(a);
      const y = column.sortValue!(b);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return (typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y))) * dir;
    });
  }, [rows, sort, columns]);

  return (
    <div className="overflow-x-auto" data-testid={testId}>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs tracking-wide text-slate-500 uppercase">
            {columns.map((c) => {
              const active = sort?.key === c.key;
              if (!c.sortValue) {
                return (
                  <th key={c.key} scope="col" className={cn("px-2 py-2 font-medium", c.className)}>
                    <span className={c.hiddenLabel ? "sr-only" : undefined}>{c.label}</span>
                  </th>
                );
              }
              return (
                <th key={c.key} scope="col" aria-sort={active ? (sort!.dir === "asc" ? "ascending" : "descending") : "none"} className={cn("px-2 py-2 font-medium", c.className)}>
                  <button
                    type="button"
                    className={cn("inline-flex items-center gap-1 uppercase hover:text-slate-900", active && "text-slate-900")}
                    onClick={() => setSort(active && sort!.dir === "asc" ? { key: c.key, dir: "desc" } : { key: c.key, dir: "asc" })}
                  >
                    {c.label}
                    <span aria-hidden className="text-[10px]">
                      {active ? (sort!.dir === "asc" ? "▲" : "▼") : "↕"}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const key = rowKey(row);
            const extra = expanded?.(row) ?? null;
            return (
              <Fragment key={key}>
                <tr className={cn("border-b border-slate-100 hover:bg-slate-50", extra !== null && "border-b-0 bg-slate-50")}>
                  {columns.map((c) => (
                    <td key={c.key} className={cn("px-2 py-2 align-top", c.className)} data-col={c.key}>
                      {c.render(row)}
                    </td>
                  ))}
                </tr>
                {extra !== null && (
                  <tr className="border-b border-slate-100 bg-slate-50">
                    <td colSpan={columns.length} className="px-2 pt-0 pb-3">
                      {/* Stays in view when a narrow screen scrolls the table sideways. */}
                      <div className="sticky left-0 max-w-[calc(100vw-6rem)] md:max-w-[calc(100vw-24rem)]">{extra}</div>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
