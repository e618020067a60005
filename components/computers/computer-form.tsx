"use client";

import { useTranslations } from "next-intl";

import { apiCall, send } from "@/components/ui/api";
import { buttonClass } from "@/components/ui/styles";
import { Field, SelectField, SubmitButton, TextareaField } from "@/components/ui/field";
import { FormProblemNotice, useApiForm, useBind } from "@/components/ui/form";
import { COMPUTER_ROLES } from "@/lib/domain/enums";
import { ComputerWireSchema, NewComputerSchema, type ComputerWire } from "@/lib/inventory/api";
import { z } from "zod";

const Created = z.object({ computer: ComputerWireSchema });

/** Adds a computer, or edits one (`initial`): network name, role, OS and notes (DOMAIN §1.4, §4). */
export function ComputerForm({ initial, onDone, onCancel }: { initial?: ComputerWire; onDone: (computer: ComputerWire) => void; onCancel: () => void }) {
  const t = useTranslations("computers");
  const f = useTranslations("forms");
  const { form, onSubmit, problem, pending } = useApiForm(NewComputerSchema, {
    defaultValues: { name: initial?.name ?? "", role: initial?.role ?? "workstation", osName: initial?.osName ?? "", osVersion: initial?.osVersion ?? "", notes: initial?.notes ?? "" },
    submit: (values) => apiCall(Created, initial ? `/api/computers/${initial.id}` : "/api/computers", send(initial ? "PATCH" : "POST", values)),
    onDone: ({ computer }) => onDone(computer),
  });
  const bind = useBind(form);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="computer-form" aria-label={initial ? t("form.editTitle", { name: initial.name }) : t("form.addTitle")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("fields.name")} help={t("help.name")} autoComplete="off" {...bind("name", { rule: "computerName" })} />
        <SelectField label={t("fields.role")} help={t("help.role")} options={COMPUTER_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} {...bind("role")} />
        <Field label={t("fields.osName")} help={t("help.osName")} {...bind("osName", { rule: "name" })} />
        <Field label={t("fields.osVersion")} help={t("help.osVersion")} {...bind("osVersion", { rule: "name" })} />
      </div>
      <TextareaField label={t("fields.notes")} rows={2} inputClassName="font-sans" {...bind("notes", { rule: "text" })} />
      <FormProblemNotice problem={problem} />
      <div className="flex gap-2">
        <SubmitButton pending={pending}>{pending ? f("saving") : initial ? f("save") : t("form.add")}</SubmitButton>
        <button type="button" className={buttonClass("secondary")} onClick={onCancel}>
          {f("cancel")}
        </button>
      </div>
    </form>
  );
}
