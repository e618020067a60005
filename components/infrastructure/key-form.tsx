"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { useWatch } from "react-hook-form";

import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { useBind } from "@/components/ui/form";
import { KEY_KINDS } from "@/lib/domain/enums";
import { KeyWireSchema, NewKeySchema, type KeyWire } from "@/lib/inventory/api";

import { RecordForm, usePickerOptions, useRecordForm, type RecordFormProps } from "./record-form";

/** DOMAIN §2: the series seen in real platform output (client keys) and the server keys [L]; free text, these are suggestions. */
const SERIES = ["ORGL8", "ORG8A", "ORG8B", "ENSR8", "EN8SA"] as const;

/** How lists and notices name a key: its series, and its number when recorded. */
export function useKeyLabel() {
  const t = useTranslations("infra.keys");
  return (key: Pick<KeyWire, "series" | "keyNumber">) => t("what", { series: key.series, number: key.keyNumber ?? "none" });
}

/** Adds a HASP key, or edits one (`initial`): series, kind, seats, the kit it came with and the computer it is plugged into (§2). */
export function KeyForm({ initial, choices, onDone, onCancel }: RecordFormProps<KeyWire>) {
  const t = useTranslations("infra.keys");
  const label = useKeyLabel();
  const pickers = usePickerOptions(choices);
  const seriesList = useId();
  const state = useRecordForm("keys", NewKeySchema, KeyWireSchema, {
    initial,
    blank: { series: "", kind: "network", seats: undefined, keyNumber: "", kitId: null, computerId: null, notes: "" },
    onDone,
  });
  const bind = useBind(state.form);
  const kind = useWatch({ control: state.form.control, name: "kind" });
  return (
    <RecordForm entity="keys" editing={initial && label(initial)} state={state} onCancel={onCancel}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("fields.series")} help={t("help.series")} list={seriesList} autoComplete="off" spellCheck={false} inputClassName="font-mono" maxLength={20} {...bind("series", { rule: "series" })} />
        <datalist id={seriesList}>
          {SERIES.map((s) => (
            <option key={s} value={s} label={t(`suggestions.${s}`)} />
          ))}
        </datalist>
        <SelectField label={t("fields.kind")} help={t("help.kind")} options={KEY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} {...bind("kind")} />
        <Field label={t("fields.seats")} help={t("help.seats")} type="number" inputMode="numeric" min={0} {...bind("seats", { rule: "keySeats", as: "number" })} />
        <Field label={t("fields.keyNumber")} help={t("help.keyNumber")} autoComplete="off" spellCheck={false} inputClassName="font-mono" maxLength={100} {...bind("keyNumber")} />
        <SelectField label={t("fields.kitId")} help={t("help.kitId")} options={pickers.kits(choices.hardwareKits)} {...bind("kitId", { rule: "kit", as: "id" })} />
        <SelectField label={t("fields.computerId")} help={t(`help.computer.${kind ?? "network"}`)} options={pickers.computers("none")} {...bind("computerId", { rule: "computer", as: "id" })} />
      </div>
      <TextareaField label={t("fields.notes")} rows={2} inputClassName="font-sans" maxLength={2000} {...bind("notes")} />
    </RecordForm>
  );
}
