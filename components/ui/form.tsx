"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { useForm, type DefaultValues, type FieldError, type FieldValues, type Path, type Resolver, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";

import type { Localised } from "@/lib/domain/localised";

import { ApiError } from "./api";
import { Notice } from "./controls";

/**
 * The one form pattern (issue #9): react-hook-form with the zod resolver over the route's own schema, so a
 * field is refused by the same rule in the browser and on the server. What the server still refuses lands
 * where it belongs: a 400 issue or a 409 on its field, a rule of the engine (422) as a refusal with its
 * message and remedy in the reader's language, anything else as a notice above the buttons.
 */

/** A rule of the engine that refused the step (the API's 422 `details`, lib/licensing/ledger.ts LedgerError). */
export interface Refusal {
  code: string;
  rule: string;
  confidence?: "H" | "M" | "L";
  message: Localised;
  remedy: Localised;
}

export type FormProblem = { kind: "refusal"; refusal: Refusal } | { kind: "error"; code: string; message: string };

const isLocalised = (v: unknown): v is Localised => !!v && typeof (v as Localised).en === "string" && typeof (v as Localised).ru === "string";

/** A 422's details when they are a rule's refusal. */
export function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const d = error.details as Partial<Refusal> | undefined;
  return d && typeof d.code === "string" && isLocalised(d.message) && isLocalised(d.remedy) ? { code: d.code, rule: d.rule ?? "", confidence: d.confidence, message: d.message, remedy: d.remedy } : null;
}

/** Every field path of a value (`pins.0.code`), to tell which server issues the form can show next to a field. */
function paths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return prefix ? [prefix] : [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return [...(prefix ? [prefix] : []), ...entries.flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k))];
}

/** Puts a refused request's errors on the form's fields; returns what belongs to no field. */
export function applyServerError<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>, error: unknown, shownPaths?: RegExp): FormProblem | null {
  const refusal = refusalOf(error);
  if (refusal) return { kind: "refusal", refusal };
  if (!(error instanceof ApiError)) return { kind: "error", code: "failed", message: error instanceof Error ? error.message : String(error) };
  const known = new Set(paths(form.getValues()));
  const place = (path: string, type: string, message: string) => {
    if (!known.has(path) && !shownPaths?.test(path)) return false;
    form.setError(path as Path<T>, { type, message }, { shouldFocus: true });
    return true;
  };
  if (error.code === "invalid-input" && error.issues.length > 0) {
    const rest = error.issues.filter((i) => !place(i.path, "server", i.message));
    return rest.length ? { kind: "error", code: "invalid-input", message: rest.map((i) => `${i.path}: ${i.message}`).join("; ") } : null;
  }
  const field = (error.details as { field?: unknown } | undefined)?.field ?? /^([\w.]+): /.exec(error.message)?.[1];
  if (typeof field === "string" && place(field, error.code, error.message)) return null;
  return { kind: "error", code: error.code, message: error.message };
}

/**
 * A form over a route's zod schema. `submit` gets the parsed values (the schema's output) and calls the
 * API; whatever it throws is shown by `applyServerError`. `onDone` runs after a success.
 */
export function useApiForm<S extends z.ZodType<unknown, FieldValues>, R>(
  schema: S,
  options: {
    defaultValues: DefaultValues<z.input<S>>;
    submit: (values: z.output<S>) => Promise<R>;
    onDone?: (result: R, values: z.output<S>) => void | Promise<void>;
    /** API paths the form shows though they are not its own values (a pasted list's `pins.3.code`). */
    shownPaths?: RegExp;
  },
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>, defaultValues: options.defaultValues });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    try {
      const result = await options.submit(values);
      await options.onDone?.(result, values);
    } catch (error) {
      setProblem(applyServerError(form as unknown as UseFormReturn<FieldValues, unknown, unknown>, error, options.shownPaths));
    }
  });
  return { form, onSubmit, problem, setProblem, pending: form.formState.isSubmitting };
}

type ValueAs = "text" | "number" | "id" | "nullable";

const SET_VALUE_AS: Record<ValueAs, ((v: unknown) => unknown) | undefined> = {
  text: undefined,
  // An empty number box is "not given": the schema's own rule then says whether that is allowed.
  number: (v) => (v === "" || v === null || v === undefined ? undefined : Number(String(v).replace(",", "."))),
  id: (v) => (v === "" || v === null || v === undefined ? null : Number(v)),
  nullable: (v) => (v === "" ? null : v),
};

/**
 * What a field shows when it is refused, in the reader's language: a conflict the catalog names
 * (`forms.conflicts.<code>`), else the field's rule (`forms.rules.<rule>`), else the API's own words.
 */
export function useFieldErrorText() {
  const t = useTranslations("forms");
  return (error: FieldError | undefined, rule?: string): string | undefined => {
    if (!error) return undefined;
    if (error.type && t.has(`conflicts.${error.type}` as never)) return t(`conflicts.${error.type}` as never);
    if (rule && t.has(`rules.${rule}` as never)) return t(`rules.${rule}` as never);
    return error.message;
  };
}

/** `register` plus the field's error text, for Field, SelectField, TextareaField and CheckboxField. */
export function useBind<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>) {
  const errorText = useFieldErrorText();
  return (name: Path<T>, options: { rule?: string; as?: ValueAs } = {}) => {
    const state = form.getFieldState(name, form.formState);
    const setValueAs = SET_VALUE_AS[options.as ?? "text"];
    return { ...form.register(name, setValueAs ? { setValueAs } : {}), error: errorText(state.error, options.rule) };
  };
}

/** A rule of the engine that refused the step: its message and remedy in the reader's language, and where the rule comes from. */
export function RefusalNotice({ refusal, title }: { refusal: Refusal; title?: ReactNode }) {
  const t = useTranslations("forms.refusal");
  const locale = useLocale() === "ru" ? "ru" : "en";
  return (
    <div role="alert" className="flex flex-col gap-1.5 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="refusal" data-code={refusal.code}>
      <p className="font-semibold">{title ?? t("title")}</p>
      <p>{refusal.message[locale]}</p>
      <p>
        <span className="font-medium">{t("remedy")}</span> {refusal.remedy[locale]}
      </p>
      {refusal.rule && (
        <p className="text-xs text-red-800">
          {t("rule", { rule: refusal.rule })}
          {refusal.confidence ? ` · ${t(`confidence.${refusal.confidence}`)}` : null}
        </p>
      )}
    </div>
  );
}

/** The form's problem that belongs to no field, in the reader's language where the catalog has it. */
export function FormProblemNotice({ problem }: { problem: FormProblem | null }) {
  const t = useTranslations("forms.errors");
  if (!problem) return null;
  if (problem.kind === "refusal") return <RefusalNotice refusal={problem.refusal} />;
  return <Notice tone="error">{t.has(problem.code as never) ? t(problem.code as never) : t("generic", { message: problem.message })}</Notice>;
}

/** The names a 409's details list (`{ servers: [{ name }], keys: [{ series }] }`), for the refusal text. */
function referrers(details: unknown): { count: number; names: string } {
  const d = (details ?? {}) as Record<string, unknown>;
  const names = Object.values(d)
    .filter(Array.isArray)
    .flat()
    .map((r) => (r as { name?: string; series?: string }).name ?? (r as { series?: string }).series)
    .filter((n): n is string => typeof n === "string");
  return { count: typeof d.activations === "number" ? d.activations : 0, names: names.join(", ") };
}

/** Why a delete was refused, in the reader's language where the catalog knows the code. */
export function useDeleteRefusalText() {
  const t = useTranslations("forms");
  return (error: unknown): string => {
    if (error instanceof ApiError && t.has(`deleteRefused.${error.code}` as never)) return t(`deleteRefused.${error.code}` as never, referrers(error.details) as never);
    if (error instanceof ApiError && t.has(`errors.${error.code}` as never)) return t(`errors.${error.code}` as never, { message: error.message } as never);
    return t("deleteConfirm.refused", { message: error instanceof Error ? error.message : String(error) });
  };
}
