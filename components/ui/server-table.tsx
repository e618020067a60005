"use client";

import { getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { createContext, Fragment, useContext, useEffect, useId, useState, useTransition, type ReactNode } from "react";

import { LIST_PAGE_SIZES } from "@/lib/inventory/api";

import { cn } from "./cn";
import { buttonClass, CONTROL } from "./styles";
import { downloadCsv } from "./download";
import { SortHeaderCell } from "./sorting";
import { ExpandedRow, HEAD_ROW, HeaderCell } from "./table-parts";

/**
 * The one table for lists the server filters, sorts and pages (issue #9): TanStack Table in manual mode over
 * the rows of one page; the state lives in the URL (nuqs), so a filtered list can be bookmarked and the
 * server component renders the page asked for. CSV export fetches every matching row from the list's API.
 */

const listParsers = {
  q: parseAsString,
  sort: parseAsString,
  dir: parseAsStringLiteral(["asc", "desc"] as const),
  page: parseAsInteger,
  size: parseAsInteger,
};

interface ListContextValue {
  pending: boolean;
  startTransition: (callback: () => void) => void;
}
const ListContext = createContext<ListContextValue | null>(null);

/** Wraps a list's filters and table: one transition, so both show when the server is rendering the next page. */
export function ListProvider({ children }: { children: ReactNode }) {
  const [pending, startTransition] = useTransition();
  return <ListContext.Provider value={{ pending, startTransition }}>{children}</ListContext.Provider>;
}

function useList() {
  const ctx = useContext(ListContext);
  if (!ctx) throw new Error("ServerTable and list filters must be inside a ListProvider.");
  return ctx;
}

/** The URL state of a list plus its own filters; every change re-renders the page on the server and goes back to page 1. */
export function useListQuery<K extends string = never>(filters: readonly K[] = []) {
  const { startTransition } = useList();
  const parsers = { ...listParsers, ...Object.fromEntries(filters.map((f) => [f, parseAsString])) } as typeof listParsers & Record<K, typeof parseAsString>;
  return useQueryStates(parsers, { shallow: false, startTransition, history: "replace" });
}

export interface ListColumn<T> {
  /** The column's id; also the API's `sort` key when `sortable`. */
  key: string;
  label: string;
  sortable?: boolean;
  numeric?: boolean;
  nowrap?: boolean;
  className?: string;
  cell: (row: T) => ReactNode;
  /** The column's text in the CSV export; a column without it (actions) is not exported. */
  csv?: (row: T) => string | number | null | undefined;
  /** In the CSV only (its text is shown inside another column). */
  exportOnly?: boolean;
}

export interface ServerTableProps<T> {
  caption: string;
  columns: ReadonlyArray<ListColumn<T>>;
  rows: readonly T[];
  total: number;
  rowKey: (row: T) => string;
  /** The sort the server applied when the URL names none. */
  defaultSort: { key: string; dir: "asc" | "desc" };
  page: number;
  size: number;
  /** CSV of every row matching the filters: the list's API path and the key of its rows in the answer. */
  csv?: { url: string; listKey: string; fileName: string };
  /** Shown when nothing is recorded at all (no filter set). */
  empty: ReactNode;
  /** A full-width row under a row (an edit form, a confirmation), or null. */
  expanded?: (row: T) => ReactNode | null;
  testId?: string;
}

export function ServerTable<T>({ caption, columns: allColumns, rows, total, rowKey, defaultSort, page, size, csv, empty, expanded, testId }: ServerTableProps<T>) {
  const columns = allColumns.filter((c) => !c.exportOnly);
  const t = useTranslations("table");
  const { pending } = useList();
  const [query, setQuery] = useListQuery();
  const [exporting, setExporting] = useState<"idle" | "running" | "failed">("idle");
  const sort = { key: query.sort ?? defaultSort.key, dir: query.dir ?? defaultSort.dir };

  // eslint-disable-next-line react-hooks/incompatible-library -- rebuilt from props on every render; nothing memoises it
  const table = useReactTable<T>({
    data: rows as T[],
    columns: columns.map((c): ColumnDef<T> => ({ id: c.key, header: c.label, enableSorting: !!c.sortable, cell: (info) => c.cell(info.row.original) })),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    getRowId: rowKey,
    state: { sorting: [{ id: sort.key, desc: sort.dir === "desc" }], pagination: { pageIndex: page - 1, pageSize: size } },
  });

  const toggle = (c: ListColumn<T>) =>
    setQuery({ sort: c.key, dir: sort.key === c.key ? (sort.dir === "asc" ? "desc" : "asc") : c.numeric ? "desc" : "asc", page: null });

  const exportCsv = async () => {
    if (!csv) return;
    setExporting("running");
    try {
      const params = new URLSearchParams(window.location.search);
      params.set("size", String(LIST_PAGE_SIZES.at(-1)));
      const all: T[] = [];
      for (let p = 1; ; p++) {
        params.set("page", String(p));
        const res = await fetch(`${csv.url}?${params}`, { headers: { accept: "application/json" }, cache: "no-store" });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const body = (await res.json()) as Record<string, unknown>;
        const batch = body[csv.listKey] as T[];
        all.push(...batch);
        if (batch.length === 0 || all.length >= Number(body.total)) break;
      }
      const exported = allColumns.filter((c) => c.csv);
      downloadCsv(csv.fileName, [exported.map((c) => c.label), ...all.map((r) => exported.map((c) => c.csv!(r) ?? ""))]);
      setExporting("idle");
    } catch {
      setExporting("failed");
    }
  };

  const filtered = Object.entries(query).some(([k, v]) => v !== null && !["sort", "dir", "page", "size"].includes(k));
  if (total === 0 && !filtered) return <>{empty}</>;

  const first = total === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(total, page * size);
  const pages = Math.max(1, Math.ceil(total / size));

  return (
    <div className={cn("flex flex-col gap-3 transition-opacity", pending && "opacity-60")} aria-busy={pending || undefined} data-testid={testId}>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <span aria-live="polite" data-testid="list-count">
          {t("showing", { first, last, total })}
        </span>
        {csv && (
          <span className="flex items-center gap-2">
            {exporting === "failed" && (
              <span role="alert" className="text-red-700">
                {t("exportFailed")}
              </span>
            )}
            <button type="button" onClick={exportCsv} aria-disabled={exporting === "running" || undefined} className={buttonClass("secondary", "sm")}>
              {exporting === "running" ? t("exporting") : t("exportCsv")}
            </button>
          </span>
        )}
      </div>
      {total === 0 ? (
        <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-slate-300 px-6 py-8 text-center text-sm text-slate-600">
          <p>{t("noMatch")}</p>
          <button type="button" className={buttonClass("secondary", "sm")} onClick={() => setQuery(Object.fromEntries(Object.keys(query).map((k) => [k, null])))}>
            {t("clearFilters")}
          </button>
        </div>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr className={HEAD_ROW}>
                {columns.map((c) =>
                  c.sortable ? (
                    <SortHeaderCell key={c.key} label={c.label} columnKey={c.key} sort={sort} onSort={() => toggle(c)} className={cn(c.numeric && "text-right", c.className)} />
                  ) : (
                    <HeaderCell key={c.key} className={cn(c.numeric && "text-right", c.className)}>
                      {c.label}
                    </HeaderCell>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => {
                const extra = expanded?.(row.original) ?? null;
                return (
                  <Fragment key={row.id}>
                    <tr className={cn("border-b border-slate-100 hover:bg-slate-50", extra !== null && "border-b-0 bg-slate-50")}>
                      {row.getVisibleCells().map((cell) => {
                        const c = columns.find((col) => col.key === cell.column.id)!;
                        return (
                          <td key={cell.id} className={cn("px-2 py-2 align-top", c.numeric && "text-right tabular-nums", c.nowrap && "whitespace-nowrap", c.className)} data-col={c.key}>
                            {c.cell(row.original)}
                          </td>
                        );
                      })}
                    </tr>
                    {extra !== null && <ExpandedRow span={columns.length}>{extra}</ExpandedRow>}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {total > LIST_PAGE_SIZES[0] && <Pager page={page} pages={pages} size={size} />}
    </div>
  );
}

function Pager({ page, pages, size }: { page: number; pages: number; size: number }) {
  const t = useTranslations("table");
  const [, setQuery] = useListQuery();
  const id = useId();
  return (
    <nav className="flex flex-wrap items-center justify-between gap-3 text-sm" aria-label={t("pages")}>
      <div className="flex items-center gap-2">
        <button type="button" className={buttonClass("secondary", "sm")} disabled={page <= 1} onClick={() => setQuery({ page: page - 1 })}>
          {t("previous")}
        </button>
        <span className="tabular-nums text-slate-600">{t("pageOf", { page, pages })}</span>
        <button type="button" className={buttonClass("secondary", "sm")} disabled={page >= pages} onClick={() => setQuery({ page: page + 1 })}>
          {t("next")}
        </button>
      </div>
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="text-slate-600">
          {t("pageSize")}
        </label>
        <select id={id} value={size} onChange={(e) => setQuery({ size: Number(e.target.value), page: null })} className={cn(CONTROL, "py-1")}>
          {LIST_PAGE_SIZES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
    </nav>
  );
}

/** The filter bar above a list: a search box (applied as you type, after a pause) and selects, all in the URL. */
export function ListFilters({ search, selects = [] }: { search: string; selects?: ReadonlyArray<{ name: string; label: string; options: ReadonlyArray<{ value: string; label: string }> }> }) {
  const t = useTranslations("table");
  const [query, setQuery] = useListQuery(selects.map((s) => s.name));
  const [text, setText] = useState(query.q ?? "");
  const searchId = useId();
  const selectId = useId();

  useEffect(() => {
    if ((query.q ?? "") === text.trim()) return;
    const timer = setTimeout(() => setQuery({ q: text.trim() || null, page: null }), 300);
    return () => clearTimeout(timer);
  }, [text, query.q, setQuery]);

  return (
    <div className="flex flex-wrap items-end gap-3" role="search">
      <div className="flex min-w-64 flex-1 flex-col gap-1">
        <label htmlFor={searchId} className="text-sm font-medium text-slate-800">
          {t("search")}
        </label>
        <input id={searchId} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={search} className={CONTROL} />
      </div>
      {selects.map((s, i) => (
        <div key={s.name} className="flex flex-col gap-1">
          <label htmlFor={`${selectId}-${i}`} className="text-sm font-medium text-slate-800">
            {s.label}
          </label>
          <select
            id={`${selectId}-${i}`}
            value={(query as Record<string, string | null>)[s.name] ?? ""}
            onChange={(e) => setQuery({ [s.name]: e.target.value || null, page: null } as never)}
            className={CONTROL}
          >
            <option value="">{t("all")}</option>
            {s.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
    </div>
  );
}
