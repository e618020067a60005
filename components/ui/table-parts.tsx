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
