"use client";

import { useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import { z } from "zod";

import { apiCall, send } from "@/components/ui/api";
import { buttonClass } from "@/components/ui/styles";
import { Field } from "@/components/ui/field";
import { FormProblemNotice, useApiForm, useBind } from "@/components/ui/form";
import { NewOwnerSchema, OwnerWireSchema, type OwnerWire } from "@/lib/inventory/api";

/** The fields `ring license info` prints under «Информация о пользователе» (DOMAIN §5.2), offered empty. */
const RING_FIELDS = ["Компания", "ИНН", "Фамилия", "Имя", "Отчество", "e-mail", "Страна", "Индекс", "Регион/область", "Город", "Улица", "Дом"];

/**
 * A license owner with the registration data typed at the first activation, field by field, exactly as typed
 * (DOMAIN §1.1: every recovery must repeat it character for character). Not a <form> of its own: it sits
 * inside the kit form, so it submits with its button (Enter in its fields does the same).
 */
export function NewOwnerForm({ onDone, onCancel }: { onDone: (owner: OwnerWire) => void; onCancel: () => void }) {
  const t = useTranslations("kits.new.owner");
  const f = useTranslations("forms");
  const { form, onSubmit, problem, pending } = useApiForm(NewOwnerSchema, {
    defaultValues: { name: "", registrationData: RING_FIELDS.map((field) => ({ field, value: "" })) },
    // Fields left empty are not part of the registration data.
    submit: (owner) => apiCall(z.object({ owner: OwnerWireSchema }), "/api/owners", send("POST", { ...owner, registrationData: owner.registrationData.filter((r) => r.value !== "") })),
    onDone: ({ owner }) => onDone(owner),
  });
  const bind = useBind(form);
  const rows = useFieldArray({ control: form.control, name: "registrationData" });
  return (
    <div
      role="group"
      aria-label={t("title")}
      className="flex flex-col gap-4"
      data-testid="new-owner-form"
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.target as HTMLElement).tagName === "INPUT") {
          e.preventDefault();
          void onSubmit();
        }
      }}
    >
      <Field label={t("name")} help={t("nameHelp")} {...bind("name", { rule: "ownerName" })} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-semibold text-slate-900">{t("data")}</legend>
        <p className="text-xs text-slate-500">{t("dataHelp")}</p>
        {rows.fields.map((row, i) => (
          <div key={row.id} className="grid grid-cols-[minmax(8rem,14rem)_1fr_auto] items-end gap-2">
            <Field label={t("field")} {...bind(`registrationData.${i}.field`, { rule: "fieldName" })} />
            <Field label={t("value")} spellCheck={false} autoComplete="off" {...bind(`registrationData.${i}.value`, { rule: "text" })} />
            <button type="button" className={buttonClass("secondary", "sm")} aria-label={t("remove", { n: i + 1 })} onClick={() => rows.remove(i)}>
              ×
            </button>
          </div>
        ))}
        <div>
          <button type="button" className={buttonClass("link")} onClick={() => rows.append({ field: "", value: "" })}>
            {t("addField")}
          </button>
        </div>
      </fieldset>
      <FormProblemNotice problem={problem} />
      <div className="flex gap-2">
        <button type="button" className={buttonClass("primary")} aria-disabled={pending || undefined} onClick={() => void onSubmit()}>
          {pending ? f("saving") : t("save")}
        </button>
        <button type="button" className={buttonClass("secondary")} onClick={onCancel}>
          {f("cancel")}
        </button>
      </div>
    </div>
  );
}
