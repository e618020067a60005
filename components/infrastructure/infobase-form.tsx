"use client";

import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";

import { CheckboxField, Field, SelectField, TextareaField } from "@/components/ui/field";
import { useBind } from "@/components/ui/form";
import { INFOBASE_MODES, LICENSE_DISTRIBUTIONS } from "@/lib/domain/enums";
import { InfobaseWireSchema, NewInfobaseSchema, type InfobaseWire } from "@/lib/inventory/api";

import { RecordForm, usePickerOptions, useRecordForm, type RecordFormProps } from "./record-form";

/**
 * Adds an infobase, or edits one (`initial`). §4: a client-server infobase names its 1C server, a file-mode
 * one its folder and no server; whether the server may issue licenses for it, and whether clients look for keys.
 */
export function InfobaseForm({ initial, choices, onDone, onCancel }: RecordFormProps<InfobaseWire>) {
  const t = useTranslations("infra.infobases");
  const pickers = usePickerOptions(choices);
  const state = useRecordForm("infobases", NewInfobaseSchema, InfobaseWireSchema, {
    initial,
    blank: { name: "", mode: "client-server", serverId: null, path: "", licenseDistribution: "allow", useHardwareLicense: true, racUuid: "", notes: "" },
    // The folder is what a file-mode infobase is found by; a client-server one is found through its server.
    prepare: (values) => (values.mode === "client-server" ? { ...values, path: null } : values),
    onDone,
  });
  const bind = useBind(state.form);
  const mode = useWatch({ control: state.form.control, name: "mode" });
  const modeField = bind("mode");
  return (
    <RecordForm entity="infobases" editing={initial?.name} state={state} onCancel={onCancel}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("fields.name")} help={t("help.name")} autoComplete="off" maxLength={200} {...bind("name", { rule: "required" })} />
        <SelectField
          label={t("fields.mode")}
          help={t("help.mode")}
          options={INFOBASE_MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
          {...modeField}
          onChange={(event) => {
            // A file-mode infobase is on no server (the schema refuses one), so the hidden picker must not keep it.
            if (event.target.value === "file") state.form.setValue("serverId", null);
            return modeField.onChange(event);
          }}
        />
        {mode === "file" ? (
          <Field key="path" label={t("fields.path")} help={t("help.path")} autoComplete="off" spellCheck={false} inputClassName="font-mono" maxLength={500} {...bind("path")} />
        ) : (
          <SelectField key="serverId" label={t("fields.serverId")} help={t("help.serverId")} options={pickers.servers()} {...bind("serverId", { rule: "serverId", as: "id" })} />
        )}
        <SelectField
          label={t("fields.licenseDistribution")}
          help={t("help.licenseDistribution")}
          options={LICENSE_DISTRIBUTIONS.map((d) => ({ value: d, label: t(`distributionOption.${d}`) }))}
          {...bind("licenseDistribution")}
        />
        <Field label={t("fields.racUuid")} help={t("help.racUuid")} autoComplete="off" spellCheck={false} inputClassName="font-mono" {...bind("racUuid", { rule: "racUuid" })} />
        <CheckboxField label={t("fields.useHardwareLicense")} help={t("help.useHardwareLicense")} className="sm:pt-7" {...bind("useHardwareLicense")} />
      </div>
      <TextareaField label={t("fields.notes")} rows={2} inputClassName="font-sans" maxLength={2000} {...bind("notes")} />
    </RecordForm>
  );
}
