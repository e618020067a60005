import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { cn } from "./cn";

/**
 * A page's shape while the server reads its data (a route's `loading.tsx`): announced once as "Loading…", the
 * title and description bars, then the page's own blocks (`children`, hidden from screen readers).
 */
export async function PageSkeleton({ children }: { children?: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden="true">
        <div className="mb-2 h-7 w-48 rounded bg-slate-200" />
        <div className="mb-6 h-4 w-[32rem] max-w-full rounded bg-slate-200" />
        {children}
      </div>
    </div>
  );
}

/** A grid of `count` empty cards (the figures of a page). */
export function SkeletonCards({ count, className }: { count: number; className?: string }) {
  return (
    <div className={cn("grid gap-4 sm:grid-cols-2", className)}>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="h-28 rounded-lg border border-slate-200 bg-white" />
      ))}
    </div>
  );
}

/** An empty card of a given height class (a chart, a table). */
export const SkeletonPanel = ({ className }: { className: string }) => <div className={cn("rounded-lg border border-slate-200 bg-white", className)} />;
