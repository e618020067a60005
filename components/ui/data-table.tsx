"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback } from "react";

import { Badge, type BadgeTone } from "./badge";
import { cn } from "./cn";
import { SortHeaderCell, useSorted, type SortValue } from "./sorting";
import { HEAD_ROW } from "./table-parts";
import { downloadCsv } from "./download";

/** A cell is plain text or a number, or a text with its own sort key and an optional badge tone or link. */
export type Cell = string | number | null | { text: string; sort?: string | number | null; tone?: BadgeTone; href?: string };

export interface Column {
  key: string;
  label: string;
  /** Right-aligned, tabular digits, sorted numerically. */
  numeric?: boolean;
  /** A short explanation shown as the header's tooltip. */
  hint?: string;
  /** Long text (product names): keeps a readable width instead of being squeezed. */
  wide?: boolean;
  /** Short values (host names, modes) that read badly when broken over lines. */
  nowrap?: boolean;
}

export interface Row {
  id: string;
  cells: Record<string, Cell>;
}

export interface DataTableProps {
  columns: Column[];
  rows: Row[];
  /** Accessible name of the table. */
  caption: string;
  /** Offer "Export CSV" with this file name (without extension). */
  csvName?: string;
  /** A totals row, not sorted, not exported twice. */
  footer?: Record<string, Cell>;
  initialSort?: { key: string; dir: "asc" | "desc" };
  /** Shown instead of the table when there are no rows. */
  empty?: string;
  testId?: string;
}

const textOf = (c: Cell | undefined): string => (c === null || c === undefined ? "" : typeof c === "object" ? c.text : String(c));
const sortOf = (c: Cell | undefined): SortValue => {
  if (c === null || c === undefined) return null;
  if (typeof c === "object") return c.sort === undefined ? c.text : c.sort;
  return c;
};

/** A sortable table (click a header; again to reverse) with CSV export of exactly what it shows. */
export function DataTable({ columns, rows, caption, csvName, footer, initialSort, empty, testId }: DataTableProps) {
  const t = useTranslations("table");
  const { sort, sorted, toggle } = useSorted(rows, initialSort ?? null, useCallback((r: Row, key: string) => sortOf(r.cells[key]), []));

  const download = () => {
    const lines = [columns.map((c) => c.label), ...sorted.map((r) => columns.map((c) => textOf(r.cells[c.key])))];
    if (footer) lines.push(columns.map((c) => textOf(footer[c.key])));
    downloadCsv(csvName ?? "export", lines);
  };

  if (rows.length === 0 && empty) return <p className="py-6 text-center text-sm text-slate-500">{empty}</p>;

  const renderCell = (c: Cell | undefined) =>
    c !== null && typeof c === "object" && c.href ? <Link href={c.href}>{c.text}</Link> : c !== null && typeof c === "object" && c.tone ? <Badge tone={c.tone}>{c.text}</Badge> : textOf(c);

  return (
    <div className="flex flex-col gap-2" data-testid={testId}>
      {csvName && (
        <div className="flex justify-end">
          <button type="button" onClick={download} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50">
            {t("exportCsv")}
          </button>
        </div>
      )}
      <div className="relative overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className={HEAD_ROW}>
              {columns.map((c) => (
                <SortHeaderCell
                  key={c.key}
                  label={c.label}
                  columnKey={c.key}
                  sort={sort}
                  onSort={() => toggle(c.key, c.numeric ? "desc" : "asc")}
                  className={cn(c.numeric && "text-right", c.wide && "min-w-56")}
                  title={c.hint}
                />
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50" data-row={r.id}>
                {columns.map((c) => (
                  <td key={c.key} className={cn("px-2 py-2 align-top", c.numeric && "text-right tabular-nums", c.nowrap && "whitespace-nowrap")} data-col={c.key}>
                    {renderCell(r.cells[c.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {footer && (
            <tfoot>
              <tr className="border-t-2 border-slate-300 font-semibold">
                {columns.map((c) => (
                  <td key={c.key} className={cn("px-2 py-2", c.numeric && "text-right tabular-nums")} data-col={c.key}>
                    {renderCell(footer[c.key])}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </div>
  );
}
