"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

import { cn } from "./cn";
import { buttonClass } from "./styles";

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
