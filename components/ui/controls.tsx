"use client";

import { useEffect, useId, useRef, type ComponentProps, type ReactNode } from "react";

import { cn } from "./cn";
import { buttonClass, CONTROL } from "./styles";

/** Buttons, selects, notices and the "are you sure?" of every page (one look for each). */
export type SelectFieldProps = ComponentProps<"select"> & {
  label: ReactNode;
  help?: ReactNode;
  error?: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
};

/** A labelled select with help and error text tied to it (the select twin of components/ui/field.tsx). */
export function SelectField({ label, help, error, options, className, ...select }: SelectFieldProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={CONTROL} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {help ? (
        <p id={`${id}-help`} className="text-xs text-slate-500">
          {help}
        </p>
      ) : null}
    </div>
  );
}

/** A message about the whole form or list (not one field), announced when it appears. */
export function Notice({ tone, children, id }: { tone: "error" | "success"; children: ReactNode; id?: string }) {
  return (
    <p
      id={id}
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-md border px-3 py-2 text-sm",
        tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-emerald-200 bg-emerald-50 text-emerald-800",
      )}
    >
      {children}
    </p>
  );
}

/**
 * "Are you sure?" under a table row for something that cannot be undone: takes the focus, shows the API's
 * error in place, and cannot be sent twice while it runs.
 */
export function DangerConfirm({ question, error, pending, submit, submitting, cancel, onConfirm, onCancel }: {
  question: string;
  error?: string;
  pending: boolean;
  submit: string;
  submitting: string;
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const questionId = useId();
  useEffect(() => ref.current?.focus({ preventScroll: true }), []);
  return (
    <div ref={ref} tabIndex={-1} role="group" aria-labelledby={questionId} className="flex flex-col gap-3 rounded-md border border-red-200 bg-red-50 p-3 outline-none focus-visible:ring-2 focus-visible:ring-red-300">
      <p id={questionId} className="text-sm text-red-900">
        {question}
      </p>
      {error && <Notice tone="error">{error}</Notice>}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass("danger", "sm")} aria-disabled={pending || undefined} onClick={() => !pending && onConfirm()}>
          {pending ? submitting : submit}
        </button>
        <button type="button" className={buttonClass("secondary", "sm")} onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </div>
  );
}
