import type { ReactNode } from "react";

import { cn } from "./cn";

export type StatProps = {
  label: ReactNode;
  /** Already formatted for the locale (the caller owns units and rounding). */
  value: ReactNode;
  hint?: ReactNode;
  className?: string;
};

/** A big number with its label above and an optional one-line hint below. */
export function Stat({ label, value, hint, className }: StatProps) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <p className="text-sm font-medium text-slate-600">{label}</p>
      <p className="text-3xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</p>
      {hint !== undefined && <p className="text-sm text-slate-500">{hint}</p>}
    </div>
  );
}
