"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode, type SelectHTMLAttributes } from "react";

import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";

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

const CONTROL = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-accent-600 focus:ring-2 focus:ring-accent-200 aria-invalid:border-red-500";

export type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
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

/** A read-only, selectable secret with its copy button. */
export function SecretValue({ label, value, multiline }: { label: string; value: string; multiline?: boolean }) {
  const id = useId();
  const field = multiline ? (
    <textarea id={id} readOnly value={value} rows={3} spellCheck={false} className={cn(CONTROL, "w-full resize-none font-mono text-xs break-all")} onFocus={(e) => e.currentTarget.select()} />
  ) : (
    <input id={id} readOnly value={value} spellCheck={false} autoComplete="off" className={cn(CONTROL, "w-full font-mono")} onFocus={(e) => e.currentTarget.select()} />
  );
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">{field}</div>
        <CopyButton value={value} what={label} selectId={id} layout="column" />
      </div>
    </div>
  );
}

/**
 * A secret shown once (a generated password, a new token): it takes the focus so a screen reader reads it,
 * and stays until dismissed, which drops it from memory.
 */
export function SecretPanel({ title, description, onDismiss, children }: { title: string; description: string; onDismiss: () => void; children: ReactNode }) {
  const t = useTranslations("settings.common");
  const ref = useRef<HTMLElement>(null);
  const id = useId();
  useEffect(() => ref.current?.focus(), []);
  return (
    <section ref={ref} tabIndex={-1} aria-labelledby={`${id}-title`} aria-describedby={`${id}-description`} className="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 outline-none focus-visible:ring-2 focus-visible:ring-amber-400">
      <div>
        <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
          {title}
        </h3>
        <p id={`${id}-description`} className="mt-1 text-sm text-slate-700">
          {description}
        </p>
      </div>
      {children}
      <div>
        <button type="button" onClick={onDismiss} className={buttonClass("secondary", "sm")}>
          {t("dismiss")}
        </button>
      </div>
    </section>
  );
}

/** Rows of a table loading for the first time. */
export function TableSkeleton({ rows = 3 }: { rows?: number }) {
  const t = useTranslations("settings.common");
  return (
    <div role="status" className="animate-pulse">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden="true" className="flex flex-col gap-2">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="h-8 rounded bg-slate-100" />
        ))}
      </div>
    </div>
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

/** A list that could not be loaded: why, and a way to try again. */
export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useTranslations("settings");
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Notice tone="error">{t("errors.loadFailed", { message })}</Notice>
      <button type="button" className={buttonClass("secondary", "sm")} onClick={onRetry}>
        {t("common.retry")}
      </button>
    </div>
  );
}
