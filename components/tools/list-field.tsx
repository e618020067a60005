"use client";

import { useId } from "react";
import { useWatch, type FieldValues, type Path, type PathValue, type UseFormReturn } from "react-hook-form";

import { cn } from "@/components/ui/cn";
import { buttonClass, CONTROL } from "@/components/ui/styles";

export interface StringListFieldProps<T extends FieldValues> {
  form: UseFormReturn<T, unknown, unknown>;
  /** A `string[]` field of the form (`addresses`, `current.cpus`). */
  name: Path<T>;
  legend: string;
  help?: string;
  /** The accessible name of item `i` (0-based): "Address 2". */
  itemLabel: (i: number) => string;
  addLabel: string;
  removeLabel: (i: number) => string;
  /** The text under item `i` when the form refused it, in the reader's language. */
  errorText: (i: number, value: string) => string;
  /** Keep at least one input (a list that must not be empty). */
  min?: number;
  max?: number;
  inputClassName?: string;
  placeholder?: string;
}

/**
 * A list of one-line values edited in place (react-hook-form has no field array for plain strings): one input per
 * item, registered as `name.i` so a refusal of `addresses.1` lands under the second input, add and remove buttons.
 */
export function StringListField<T extends FieldValues>({ form, name, legend, help, itemLabel, addLabel, removeLabel, errorText, min = 0, max = 64, inputClassName, placeholder }: StringListFieldProps<T>) {
  const id = useId();
  const values = ((useWatch({ control: form.control, name }) as string[] | undefined) ?? []).map((v) => v ?? "");
  const set = (next: string[]) => form.setValue(name, next as PathValue<T, Path<T>>, { shouldDirty: true });
  return (
    <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={help ? `${id}-help` : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {values.map((value, i) => {
        const path = `${name}.${i}` as Path<T>;
        const error = form.getFieldState(path, form.formState).error ? errorText(i, value) : undefined;
        return (
          <div key={i} className="flex flex-col gap-1">
            <div className="flex gap-2">
              <input
                {...form.register(path)}
                aria-label={itemLabel(i)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-${i}-error` : undefined}
                autoComplete="off"
                spellCheck={false}
                placeholder={placeholder}
                className={cn(CONTROL, "min-w-0 flex-1", inputClassName)}
              />
              {values.length > min && (
                <button type="button" className={buttonClass("secondary", "sm")} aria-label={removeLabel(i)} title={removeLabel(i)} onClick={() => set(values.filter((_, j) => j !== i))}>
                  ✕
                </button>
              )}
            </div>
            {error && (
              <p id={`${id}-${i}-error`} className="text-sm text-red-700">
                {error}
              </p>
            )}
          </div>
        );
      })}
      {values.length < max && (
        <div>
          <button type="button" className={buttonClass("secondary", "sm")} onClick={() => set([...values, ""])}>
            + {addLabel}
          </button>
        </div>
      )}
      {help && (
        <p id={`${id}-help`} className="text-xs text-slate-500">
          {help}
        </p>
      )}
    </fieldset>
  );
}
