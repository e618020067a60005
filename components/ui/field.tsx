import { useId, type ComponentProps, type ReactNode } from "react";

import { cn } from "./cn";
import { CONTROL } from "./styles";

interface FrameProps {
  label: ReactNode;
  help?: ReactNode;
  /** Shown under the control and tied to it with aria-describedby; marks the control invalid. */
  error?: ReactNode;
  /** The whole field's classes (grid placement). */
  className?: string;
}

/**
 * What every labelled control shares: the label, the error and the help under it, tied to the control by
 * `aria-describedby`, and `aria-invalid` while there is an error. `control` gets the props to spread on it.
 */
function FieldFrame({ label, help, error, className, inline, control }: FrameProps & { inline?: boolean; control: (a11y: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode }) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(" ") || undefined;
  const labelElement = (
    <label htmlFor={id} className="text-sm font-medium text-slate-800">
      {label}
    </label>
  );
  const input = control({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy });
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      {inline ? (
        <div className="flex items-center gap-2">
          {input}
          {labelElement}
        </div>
      ) : (
        <>
          {labelElement}
          {input}
        </>
      )}
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

export type FieldProps = ComponentProps<"input"> &
  FrameProps & {
    /** Classes of the input itself (`font-mono` for codes). */
    inputClassName?: string;
  };

/** A labelled input with help text and an error message, accessible by construction. */
export function Field({ label, help, error, className, inputClassName, ...input }: FieldProps) {
  return <FieldFrame label={label} help={help} error={error} className={className} control={(a11y) => <input {...a11y} className={cn(CONTROL, inputClassName)} {...input} />} />;
}

/** The textarea twin of Field: long text, pasted lists (PINs from an envelope, ring output); monospace unless told otherwise. */
export function TextareaField({ label, help, error, className, inputClassName, ...textarea }: ComponentProps<"textarea"> & FrameProps & { inputClassName?: string }) {
  return <FieldFrame label={label} help={help} error={error} className={className} control={(a11y) => <textarea {...a11y} className={cn(CONTROL, inputClassName ?? "font-mono")} {...textarea} />} />;
}

export type SelectFieldProps = ComponentProps<"select"> & FrameProps & { options: ReadonlyArray<{ value: string; label: string }> };

/** A labelled select. */
export function SelectField({ label, help, error, className, options, ...select }: SelectFieldProps) {
  return (
    <FieldFrame
      label={label}
      help={help}
      error={error}
      className={className}
      control={(a11y) => (
        <select {...a11y} className={CONTROL} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A labelled checkbox with help and error text. */
export function CheckboxField({ label, help, error, className, ...input }: Omit<ComponentProps<"input">, "type"> & FrameProps) {
  return (
    <FieldFrame
      inline
      label={label}
      help={help}
      error={error}
      className={className}
      control={(a11y) => <input {...a11y} type="checkbox" className="size-4 rounded border-slate-300 text-accent-700 focus:ring-accent-200" {...input} />}
    />
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
