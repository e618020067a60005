"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode } from "react";

import { cn } from "@/components/ui/cn";
import { Notice } from "@/components/ui/controls";
import { buttonClass, CONTROL } from "@/components/ui/styles";
import { CopyButton } from "@/components/ui/copy-button";

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
