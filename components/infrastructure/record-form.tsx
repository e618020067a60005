"use client";

import { useTranslations } from "next-intl";
import type { BaseSyntheticEvent, ReactNode } from "react";
import type { DefaultValues, FieldValues } from "react-hook-form";
import { z } from "zod";

import { apiCall, send } from "@/components/ui/api";
import { SubmitButton } from "@/components/ui/field";
import { FormProblemNotice, useApiForm, type FormProblem } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";

import { SINGULAR, type InfraEntity, type InventoryChoices } from "./entities";

/** What every form of the section takes: the record to edit (none: add one), the pickers' choices, and what to do after. */
export interface RecordFormProps<W> {
  initial?: W;
  choices: InventoryChoices;
  onDone: (saved: W) => void;
  onCancel: () => void;
}

/**
 * The one form pattern (components/ui/form.tsx) bound to the section's API: POST /api/<entity> to add,
 * PATCH /api/<entity>/<id> to edit, the answer parsed with the record's wire schema. `prepare` drops what
 * the chosen options make meaningless (a folder for a client-server infobase) before it is sent.
 */
export function useRecordForm<S extends z.ZodType<unknown, FieldValues>, W extends { id: number }>(
  entity: InfraEntity,
  schema: S,
  wire: z.ZodType<W>,
  options: {
    initial?: W;
    /** The add form's values; editing starts from the record's own, a blank (null) text as "". */
    blank: DefaultValues<z.input<S>>;
    prepare?: (values: z.output<S>) => unknown;
    onDone: (saved: W) => void;
  },
) {
  const name = SINGULAR[entity];
  const answer = z.object({ [name]: wire }) as unknown as z.ZodType<Record<string, W>>;
  const { initial, prepare } = options;
  const own = initial as Record<string, unknown> | undefined;
  return useApiForm(schema, {
    defaultValues: Object.fromEntries(Object.entries(options.blank).map(([field, blank]) => [field, own?.[field] ?? blank])) as DefaultValues<z.input<S>>,
    submit: (values) => apiCall(answer, initial ? `/api/${entity}/${initial.id}` : `/api/${entity}`, send(initial ? "PATCH" : "POST", prepare ? prepare(values) : values)),
    onDone: (result) => options.onDone(result[name]),
  });
}

/** The frame of a record form: its fields, what the server refused that belongs to no field, save and cancel. */
export function RecordForm({ entity, editing, state, onCancel, children }: {
  entity: InfraEntity;
  /** The edited record's label; none when adding. */
  editing?: string;
  state: { onSubmit: (event?: BaseSyntheticEvent) => Promise<void>; problem: FormProblem | null; pending: boolean };
  onCancel: () => void;
  children: ReactNode;
}) {
  const t = useTranslations("infra");
  const f = useTranslations("forms");
  return (
    <form
      onSubmit={state.onSubmit}
      noValidate
      className="flex flex-col gap-4"
      data-testid={`${SINGULAR[entity]}-form`}
      aria-label={editing === undefined ? t(`${entity}.form.addTitle`) : t(`${entity}.form.editTitle`, { what: editing })}
    >
      {children}
      <FormProblemNotice problem={state.problem} />
      <div className="flex gap-2">
        <SubmitButton pending={state.pending}>{state.pending ? f("saving") : editing === undefined ? t(`${entity}.form.add`) : f("save")}</SubmitButton>
        <button type="button" className={buttonClass("secondary")} onClick={onCancel}>
          {f("cancel")}
        </button>
      </div>
    </form>
  );
}

type Option = { value: string; label: string };

/** The pickers' options: an empty first choice ("— none —" where the field may stay empty, "— choose —" where it is required), then the records. */
export function usePickerOptions(choices: InventoryChoices) {
  const f = useTranslations("forms");
  const c = useTranslations("computers");
  const first = (empty: "none" | "choose"): Option => ({ value: "", label: f(empty) });
  return {
    computers: (empty: "none" | "choose"): Option[] => [first(empty), ...choices.computers.map((x) => ({ value: String(x.id), label: `${x.name} — ${c(`role.${x.role}`)}` }))],
    kits: (kits: InventoryChoices["hardwareKits"]): Option[] => [first("none"), ...kits.map((k) => ({ value: String(k.id), label: `${k.regNumber} — ${k.product}` }))],
    servers: (): Option[] => [first("choose"), ...choices.servers.map((s) => ({ value: String(s.id), label: s.name }))],
  };
}
