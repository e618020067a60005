import { useId, type ComponentProps, type ReactNode } from "react";

import { cn } from "./cn";

export type FieldProps = ComponentProps<"input"> & {
  label: ReactNode;
  /** Classes of the input itself (`font-mono` for codes); `className` is the whole field's (grid placement). */
  inputClassName?: string;
  help?: ReactNode;
  /** Shown under the input and tied to it with aria-describedby; marks the input invalid. */
  error?: ReactNode;
};

/** A labelled input with help text and an error message, accessible by construction. */
export function Field({ label, help, error, className, inputClassName, ...input }: FieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, help ? helpId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cn("rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-accent-600 focus:ring-2 focus:ring-accent-200 aria-invalid:border-red-500", inputClassName)}
        {...input}
      />
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {help ? (
        <p id={helpId} className="text-xs text-slate-500">
          {help}
        </p>
      ) : null}
    </div>
  );
}

/** The primary button of a form. */
export function SubmitButton({ children, pending, className }: { children: ReactNode; pending?: boolean; className?: string }) {
  return (
    <button
      type="submit"
      aria-disabled={pending || undefined}
      className={cn(
        "inline-flex justify-center rounded-md bg-accent-700 px-4 py-2 text-sm font-medium text-white hover:bg-accent-800 aria-disabled:cursor-wait aria-disabled:opacity-70",
        className,
      )}
    >
      {children}
    </button>
  );
}

const CONTROL_CLASS =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-accent-600 focus:ring-2 focus:ring-accent-200 aria-invalid:border-red-500";

/** The textarea twin of Field: long text, pasted lists (PINs from an envelope, ring output). */
export function TextareaField({ label, help, error, className, inputClassName, ...textarea }: ComponentProps<"textarea"> & { label: ReactNode; help?: ReactNode; error?: ReactNode; inputClassName?: string }) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={cn(CONTROL_CLASS, inputClassName ?? "font-mono")} {...textarea} />
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

/** A labelled checkbox with help and error text. */
export function CheckboxField({ label, help, error, className, ...input }: Omit<ComponentProps<"input">, "type"> & { label: ReactNode; help?: ReactNode; error?: ReactNode }) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <div className="flex items-center gap-2">
        <input id={id} type="checkbox" aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="size-4 rounded border-slate-300 text-accent-700 focus:ring-accent-200" {...input} />
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
      </div>
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
