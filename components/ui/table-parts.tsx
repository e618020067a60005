import type { ReactNode } from "react";

import { cn } from "./cn";

/**
 * What every table of the dashboard shares: the header row's look and a header cell (server-safe; the
 * sorting parts are in ./sorting.tsx for client tables). Used by DataTable, the Settings tables and the
 * plain tables of the audit log and the kits page.
 */
export const HEAD_ROW = "border-b border-slate-200 text-left text-xs tracking-wide text-slate-500 uppercase";

/** A header cell of a table that does not sort. */
export function HeaderCell({ children, className, title }: { children: ReactNode; className?: string; title?: string }) {
  return (
    <th scope="col" className={cn("px-2 py-2 font-medium", className)} title={title}>
      {children}
    </th>
  );
}

/** A full-width row under a table row (an edit form, a confirmation); it stays in view when a narrow screen scrolls the table sideways. */
export function ExpandedRow({ span, children }: { span: number; children: ReactNode }) {
  return (
    <tr className="border-b border-slate-100 bg-slate-50">
      <td colSpan={span} className="px-2 pt-0 pb-3">
        <div className="sticky left-0 max-w-[calc(100vw-6rem)] md:max-w-[calc(100vw-24rem)]">{children}</div>
      </td>
    </tr>
  );
}
