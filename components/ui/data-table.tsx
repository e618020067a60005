"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";

import { Badge, type BadgeTone } from "./badge";
import { cn } from "./cn";
import { toCsv } from "@/lib/csv";

/** A cell is plain text or a number, or a text with its own sort key and an optional badge tone. */
export type Cell = string | number | null | { text: string; sort?: string | number | null; tone?: BadgeTone };

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
const sortOf = (c: Cell | undefined): string | number => {
  if (c === null || c === undefined) return "";
  if (typeof c === "object") return c.sort === null ? "" : (c.sort ?? c.text);
  return c;
};

/** A sortable table (click a header; again to reverse) with CSV export of exactly what it shows. */
export function DataTable({ columns, rows, caption, csvName, footer, initialSort, empty, testId }: DataTableProps) {
  const t = useTranslations("table");
  const [sort, setSort] = useState(initialSort ?? null);

  const sorted = useMemo(() => {
    if (!sort) return rows;
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
    const dir = sort.dir === "asc" ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = sortOf(a.cells[sort.key]);
      const y = sortOf(b.cells[sort.key]);
      if (x === "" && y !== "") return 1;
      if (y === "" && x !== "") return -1;
      const cmp = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
      return cmp * dir;
    });
  }, [rows, sort]);

  const download = () => {
    const lines = [columns.map((c) => c.label), ...sorted.map((r) => columns.map((c) => textOf(r.cells[c.key])))];
    if (footer) lines.push(columns.map((c) => textOf(footer[c.key])));
    const blob = new Blob(["\uFEFF" + toCsv(lines)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `${csvName}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };

  if (rows.length === 0 && empty) return <p className="py-6 text-center text-sm text-slate-500">{empty}</p>;

  const renderCell = (c: Cell | undefined) => (c !== null && typeof c === "object" && c.tone ? <Badge tone={c.tone}>{c.text}</Badge> : textOf(c));

  return (
    <div className="flex flex-col gap-2" data-testid={testId}>
      {csvName && (
        <div className="flex justify-end">
          <button type="button" onClick={download} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50">
            {t("exportCsv")}
          </button>
        </div>
      )}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs tracking-wide text-slate-500 uppercase">
              {columns.map((c) => {
                const active = sort?.key === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={active ? (sort!.dir === "asc" ? "ascending" : "descending") : "none"}
                    className={cn("px-2 py-2 font-medium", c.numeric && "text-right", c.wide && "min-w-56")}
                    title={c.hint}
                  >
                    <button
                      type="button"
                      className={cn("inline-flex items-center gap-1 uppercase hover:text-slate-900", active && "text-slate-900")}
                      onClick={() => setSort(active && sort!.dir === "asc" ? { key: c.key, dir: "desc" } : { key: c.key, dir: active ? "asc" : c.numeric ? "desc" : "asc" })}
                    >
                      {c.label}
                      <span aria-hidden className="text-[10px]">{active ? (sort!.dir === "asc" ? "▲" : "▼") : "↕"}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
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
