"use client";

import { useTranslations } from "next-intl";

import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { useBind } from "@/components/ui/form";
import { SERVER_BITNESS } from "@/lib/domain/enums";
import { NewServerSchema, ServerWireSchema, type ServerWire } from "@/lib/inventory/api";

import { RecordForm, usePickerOptions, useRecordForm, type RecordFormProps } from "./record-form";

/** Adds a 1C server, or edits one (`initial`): where it runs, as whom, and its server license (DOMAIN §1.5, §4). */
export function ServerForm({ initial, choices, onDone, onCancel }: RecordFormProps<ServerWire>) {
  const t = useTranslations("infra.servers");
  const pickers = usePickerOptions(choices);
  const state = useRecordForm("servers", NewServerSchema, ServerWireSchema, {
    initial,
    blank: { name: "", computerId: undefined, bitness: "64", serverLicenseKitId: null, serviceUser: "", clusterPort: 1541, platformVersion: "", notes: "" },
    onDone,
  });
  const bind = useBind(state.form);
  return (
    <RecordForm entity="servers" editing={initial?.name} state={state} onCancel={onCancel}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("fields.name")} help={t("help.name")} autoComplete="off" maxLength={100} {...bind("name", { rule: "name" })} />
        <SelectField label={t("fields.computerId")} help={t("help.computerId")} options={pickers.computers("choose")} {...bind("computerId", { rule: "computer", as: "id" })} />
        <SelectField label={t("fields.bitness")} help={t("help.bitness")} options={[...SERVER_BITNESS].reverse().map((b) => ({ value: b, label: t(`bitness.${b}`) }))} {...bind("bitness")} />
        <SelectField label={t("fields.serverLicenseKitId")} help={t("help.serverLicenseKitId")} options={pickers.kits(choices.serverKits)} {...bind("serverLicenseKitId", { rule: "kit", as: "id" })} />
        <Field label={t("fields.serviceUser")} help={t("help.serviceUser")} placeholder="usr1cv8" autoComplete="off" spellCheck={false} inputClassName="font-mono" maxLength={100} {...bind("serviceUser")} />
        <Field label={t("fields.clusterPort")} help={t("help.clusterPort")} type="number" inputMode="numeric" min={1} max={65535} {...bind("clusterPort", { rule: "port", as: "number" })} />
        <Field label={t("fields.platformVersion")} help={t("help.platformVersion")} placeholder="8.3.25.1374" autoComplete="off" maxLength={50} {...bind("platformVersion")} />
      </div>
      <TextareaField label={t("fields.notes")} rows={2} inputClassName="font-sans" maxLength={2000} {...bind("notes")} />
    </RecordForm>
  );
}
