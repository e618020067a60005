"use client";

import { useEffect, useId, useRef, type ComponentProps, type ReactNode } from "react";

import { cn } from "./cn";

/** Buttons, selects, notices and the "are you sure?" of every page (one look for each). */
export type ButtonKind = "primary" | "secondary" | "danger" | "link";

const BUTTONS: Record<ButtonKind, string> = {
  primary: "bg-accent-700 text-white hover:bg-accent-800",
  secondary: "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
  danger: "bg-red-700 text-white hover:bg-red-800",
  link: "text-accent-700 underline-offset-2 hover:underline",
};

/** Class names of a button; `aria-disabled` (pending) dims it without taking it out of the tab order. */
export function buttonClass(kind: ButtonKind, size: "sm" | "md" = "md") {
  return cn(
    "inline-flex items-center justify-center gap-1 rounded-md font-medium whitespace-nowrap disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:cursor-wait aria-disabled:opacity-70",
    kind !== "link" && (size === "sm" ? "px-2.5 py-1 text-xs" : "px-4 py-2 text-sm"),
    kind === "link" && "text-sm",
    BUTTONS[kind],
  );
}

export const CONTROL = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-accent-600 focus:ring-2 focus:ring-accent-200 aria-invalid:border-red-500";

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
