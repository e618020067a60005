import type { ReactNode } from "react";

import { cn } from "./cn";

export type EmptyStateProps = {
  title: ReactNode;
  description?: ReactNode;
  /** A link or button that gets the user out of the empty state. */
  action?: ReactNode;
  /** The title's element: a heading when the empty state is the page's main content. */
  titleAs?: "p" | "h1" | "h2" | "h3";
  className?: string;
};

/** What a list or chart shows when there is nothing to show yet, and what to do about it. */
export function EmptyState({ title, description, action, titleAs: Title = "p", className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center gap-2 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center",
        className,
      )}
    >
      <Title className="text-base font-semibold text-slate-900">{title}</Title>
      {description !== undefined && <p className="max-w-prose text-sm text-slate-600">{description}</p>}
      {action !== undefined && <div className="mt-2">{action}</div>}
    </div>
  );
}
