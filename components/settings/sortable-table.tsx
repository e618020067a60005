"use client";

import { Fragment, useCallback, type ReactNode } from "react";

import { cn } from "@/components/ui/cn";
import { SortHeaderCell, useSorted } from "@/components/ui/sorting";
import { ExpandedRow, HEAD_ROW, HeaderCell } from "@/components/ui/table-parts";

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
  const valueOf = useCallback((row: T, key: string) => columns.find((c) => c.key === key)?.sortValue?.(row), [columns]);
  const { sort, sorted, toggle } = useSorted(rows, initialSort ?? null, valueOf);

  return (
    <div className="relative overflow-x-auto" data-testid={testId}>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className={HEAD_ROW}>
            {columns.map((c) =>
              c.sortValue ? (
                <SortHeaderCell key={c.key} label={c.label} columnKey={c.key} sort={sort} onSort={() => toggle(c.key)} className={c.className} />
              ) : (
                <HeaderCell key={c.key} className={c.className}>
                  <span className={c.hiddenLabel ? "sr-only" : undefined}>{c.label}</span>
                </HeaderCell>
              ),
            )}
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
                {extra !== null && <ExpandedRow span={columns.length}>{extra}</ExpandedRow>}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
