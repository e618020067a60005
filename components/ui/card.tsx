import type { ReactNode } from "react";

import { cn } from "./cn";

export type CardProps = {
  title?: ReactNode;
  description?: ReactNode;
  /** Shown at the right of the header, e.g. a link or a button. */
  action?: ReactNode;
  children?: ReactNode;
  className?: string;
};

/** A white panel with an optional header; the unit every page is built from. */
export function Card({ title, description, action, children, className }: CardProps) {
  const hasHeader = title !== undefined || description !== undefined || action !== undefined;
  return (
    <div className={cn("min-w-0 rounded-lg border border-slate-200 bg-white shadow-sm print:shadow-none", className)}>
      {hasHeader && (
        <div className="flex items-start justify-between gap-4 border-b border-slate-100 px-5 py-4">
          <div className="min-w-0">
            {title !== undefined && <h2 className="text-base font-semibold">{title}</h2>}
            {description !== undefined && <p className="mt-1 text-sm text-slate-600">{description}</p>}
          </div>
          {action !== undefined && <div className="shrink-0">{action}</div>}
        </div>
      )}
      {children !== undefined && children !== null && children !== false && <div className="px-5 py-4">{children}</div>}
    </div>
  );
}
