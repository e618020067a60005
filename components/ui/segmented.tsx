"use client";

import { useId } from "react";

import { cn } from "./cn";

/**
 * A labelled row of toggle buttons of which one is pressed (a range, a horizon): a `group` named by its label,
 * each button `aria-pressed`. `onSelect` gets the option's value.
 */
export function Segmented<T extends string | number>({
  label,
  options,
  value,
  onSelect,
  className,
}: {
  label: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T;
  onSelect: (value: T) => void;
  className?: string;
}) {
  const labelId = useId();
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <span id={labelId} className="text-sm font-medium text-slate-700">
        {label}
      </span>
      <div role="group" aria-labelledby={labelId} className="inline-flex flex-wrap rounded-md shadow-sm">
        {options.map((o, i) => (
          <button
            key={o.value}
            type="button"
            aria-pressed={value === o.value}
            onClick={() => onSelect(o.value)}
            className={cn(
              "border border-slate-300 px-3 py-2 text-sm font-medium",
              i > 0 && "-ml-px",
              i === 0 && "rounded-l-md",
              i === options.length - 1 && "rounded-r-md",
              value === o.value ? "z-10 border-accent-700 bg-accent-700 text-white" : "bg-white text-slate-700 hover:bg-slate-50",
            )}
          >
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}
