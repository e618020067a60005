"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { get, type FieldError } from "react-hook-form";
import { z } from "zod";

import { apiCall, send } from "@/components/ui/api";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/styles";
import { Field, SelectField, SubmitButton, TextareaField } from "@/components/ui/field";
import { FormProblemNotice, useApiForm, useBind, useFieldErrorText } from "@/components/ui/form";
import { KIT_KINDS, KIT_LEVELS, KIT_PROTECTIONS, SERVER_BITNESS, type KitKind, type KitProtection, type PinRole, type PinSet } from "@/lib/domain/enums";
import { KitWireSchema, newKitSchema, type OwnerWire } from "@/lib/inventory/api";
import { envelopeLayout } from "@/lib/licensing/kit-shape";

import { priceMinor } from "./price";
import { NewOwnerForm } from "./new-owner-form";

/** Where each PIN of the request came from on the form, so a refusal of `pins.3.code` lands on its field and line. */
type PinOrigin = { field: string; line: number | null };

const FIXED = [
  ["main", "main"],
  ["backup1", "backup"],
  ["backup2", "backup"],
] as const;

/** One PIN per line; `;` and `,` separate too (a row copied from a spreadsheet). Dashes and spaces inside a PIN stay. */
export const pinLines = (text: string) => text.split(/[\r\n;,]+/).map((l) => l.trim());


interface KitFormValues {
  regNumber: string;
  product: string;
  kind: KitKind;
  level: string;
  seats: number | undefined;
  protection: KitProtection;
  serverBitness: string;
  ownerId: number | null;
  purchaseDate: string;
  price: string;
  currency: string;
  supplier: string;
  invoice: string;
  notes: string;
  fixed: Record<(typeof FIXED)[number][0], string>;
  lists: Record<PinSet, Record<"main" | "backup", string>>;
}

/** The request the form's values make, and where each PIN came from: the envelope's fields in order, blank lines skipped. */
function toRequest(v: KitFormValues, multiOnlyMinSeats: number | null) {
  const pins: Array<{ code: string; set: PinSet; role: PinRole }> = [];
  const origins: PinOrigin[] = [];
  const seats = v.kind === "server" ? 0 : v.kind === "basic" ? 1 : (v.seats ?? 0);
  for (const { set, fixed } of envelopeLayout({ kind: v.kind, seats, protection: v.protection }, multiOnlyMinSeats)) {
    if (fixed) {
      for (const [name, role] of FIXED) {
        const code = v.fixed[name].trim();
        if (code) {
          pins.push({ code, set, role });
          origins.push({ field: `fixed.${name}`, line: null });
        }
      }
      continue;
    }
    for (const role of ["main", "backup"] as const) {
      pinLines(v.lists[set][role]).forEach((code, i) => {
        if (!code) return;
        pins.push({ code, set, role });
        origins.push({ field: `lists.${set}.${role}`, line: i + 1 });
      });
    }
  }
  const body = {
    regNumber: v.regNumber,
    product: v.product,
    kind: v.kind,
    level: v.level,
    seats,
    protection: v.protection,
    serverBitness: v.kind === "server" ? v.serverBitness || null : null,
    ownerId: v.ownerId,
    purchaseDate: v.purchaseDate || null,
    priceMinor: priceMinor(v.price),
    currency: v.currency,
    supplier: v.supplier,
    invoice: v.invoice,
    notes: v.notes,
    pins,
  };
  return { body, origins };
}

/**
 * Adding a kit (issue #9): its kind and size first, then the PINs its envelope holds — a 1-seat kit one main
 * and two backups; a 5/10/20-seat kit two sets, each a pasted list; 50 seats and up the multi-user set only; a
 * server license its PINs; a hardware-key kit none — the purchase, and the owner (picked, or created with the
 * registration data typed verbatim). Validated by the same schema as POST /api/kits.
 */
export function NewKitForm({ owners: initialOwners, kitSizes, multiOnlyMinSeats, currency }: { owners: OwnerWire[]; kitSizes: number[]; multiOnlyMinSeats: number | null; currency: string }) {
  const t = useTranslations("kits.new");
  const k = useTranslations("kits");
  const f = useTranslations("forms");
  const router = useRouter();
  const [owners, setOwners] = useState(initialOwners);
  const [addingOwner, setAddingOwner] = useState(false);
  const schema = useMemo(() => z.preprocess((v) => toRequest(v as KitFormValues, multiOnlyMinSeats).body, newKitSchema(multiOnlyMinSeats)), [multiOnlyMinSeats]);
  const { form, onSubmit, problem, pending } = useApiForm(schema as unknown as z.ZodType<z.output<ReturnType<typeof newKitSchema>>, KitFormValues>, {
    defaultValues: {
      regNumber: "",
      product: "",
      kind: "client",
      level: "PROF",
      seats: undefined,
      protection: "software",
      serverBitness: "64",
      ownerId: initialOwners.length === 1 ? initialOwners[0].id : null,
      purchaseDate: "",
      price: "",
      currency,
      supplier: "",
      invoice: "",
      notes: "",
      fixed: { main: "", backup1: "", backup2: "" },
      lists: { single: { main: "", backup: "" }, multi: { main: "", backup: "" } },
    },
    submit: (body) => apiCall(z.object({ kit: KitWireSchema }), "/api/kits", send("POST", body)),
    onDone: ({ kit }) => router.push(`/kits/${kit.id}?created=1`),
    shownPaths: /^(pins\.\d+\.(code|set|role)|pins|priceMinor|seats)$/,
  });
  const bind = useBind(form);
  const errorText = useFieldErrorText();
  const values = form.watch();
  const seats = values.kind === "server" ? 0 : values.kind === "basic" ? 1 : values.seats;
  const sized = values.protection === "hardware" || values.kind !== "client" || (typeof seats === "number" && Number.isInteger(seats) && seats > 0);
  const layout = sized ? envelopeLayout({ kind: values.kind, seats: seats ?? 0, protection: values.protection }, multiOnlyMinSeats) : [];
  const { origins } = toRequest(values as KitFormValues, multiOnlyMinSeats);

  /** The refusals of the request's PINs that came from one field, with their line numbers. */
  const pinErrors = (field: string): string | undefined => {
    const texts = origins.flatMap((o, i) => {
      if (o.field !== field) return [];
      const e = (get(form.formState.errors, `pins.${i}.code`) ?? get(form.formState.errors, `pins.${i}.set`)) as FieldError | undefined;
      const text = errorText(e, e && get(form.formState.errors, `pins.${i}.code`) ? "pinCode" : "pinSet");
      return text ? [o.line ? t("pins.lineError", { line: o.line, error: text }) : text] : [];
    });
    return texts.length ? texts.join(" ") : undefined;
  };
  // An error on the list as a whole (not on one PIN): `pins` itself carries the message.
  const pinsError = get(form.formState.errors, "pins") as FieldError | undefined;
  const setError = typeof pinsError?.message === "string" ? errorText(pinsError, "pinSet") : undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6" data-testid="new-kit-form" aria-label={t("title")}>
        <Card title={t("size.title")} description={t("size.description")}>
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField label={t("size.kind")} help={t(`size.kindHelp.${values.kind}`)} options={KIT_KINDS.map((v) => ({ value: v, label: k(`kind.${v}`) }))} {...bind("kind")} />
            <SelectField label={t("size.protection")} help={t(`size.protectionHelp.${values.protection}`)} options={KIT_PROTECTIONS.map((v) => ({ value: v, label: k(`protection.${v}`) }))} {...bind("protection")} />
            {values.kind === "client" ? (
              <Field label={t("size.seats")} help={t("size.seatsHelp", { sizes: kitSizes.join(", ") })} type="number" min={1} step={1} list="kit-sizes" inputMode="numeric" {...bind("seats", { rule: "seats", as: "number" })} />
            ) : (
              <div className="flex flex-col gap-1 text-sm">
                <span className="font-medium text-slate-800">{t("size.seats")}</span>
                <span className="py-2 text-slate-600">{values.kind === "server" ? t("size.serverSeats") : t("size.basicSeats")}</span>
              </div>
            )}
            <datalist id="kit-sizes">
              {kitSizes.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </div>
        </Card>

        <Card title={t("pins.title")} description={sized ? t(`pins.layout.${layout.length === 0 ? "none" : layout.length === 2 ? "both" : layout[0].fixed ? "fixed" : layout[0].set}`) : t("pins.sizeFirst")}>
          {sized && layout.length > 0 && (
            <div className="flex flex-col gap-5" data-testid="envelope">
              {layout.map(({ set, fixed }) => (
                <fieldset key={set} className="flex flex-col gap-3">
                  <legend className="mb-1 text-sm font-semibold text-slate-900">{t(`pins.set.${set}`)}</legend>
                  {fixed ? (
                    <div className="grid gap-4 sm:grid-cols-3">
                      {FIXED.map(([name]) => (
                        <Field key={name} label={t(`pins.fixed.${name}`)} autoComplete="off" spellCheck={false} inputMode="numeric" inputClassName="font-mono" placeholder="000-000-000-000-000" {...form.register(`fixed.${name}`)} error={pinErrors(`fixed.${name}`)} />
                      ))}
                    </div>
                  ) : (
                    <div className="grid gap-4 sm:grid-cols-2">
                      {(["main", "backup"] as const).map((role) => (
                        <TextareaField key={role} label={t(`pins.list.${role}`)} help={f("rules.pinList")} rows={role === "main" ? 4 : 6} spellCheck={false} autoComplete="off" {...form.register(`lists.${set}.${role}`)} error={pinErrors(`lists.${set}.${role}`)} />
                      ))}
                    </div>
                  )}
                </fieldset>
              ))}
              {setError && <p className="text-sm text-red-700">{setError}</p>}
            </div>
          )}
        </Card>

        <Card title={t("details.title")}>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Field label={t("details.regNumber")} help={t("details.regNumberHelp")} autoComplete="off" inputMode="numeric" inputClassName="font-mono" {...bind("regNumber", { rule: "regNumber" })} />
            <Field label={t("details.product")} help={t("details.productHelp")} className="lg:col-span-2" {...bind("product", { rule: "product" })} />
            <SelectField label={t("details.level")} options={KIT_LEVELS.map((v) => ({ value: v, label: v }))} {...bind("level")} />
            {values.kind === "server" && <SelectField label={t("details.bitness")} help={t("details.bitnessHelp")} options={SERVER_BITNESS.map((v) => ({ value: v, label: k("kit.bitness", { bitness: v }) }))} {...bind("serverBitness", { rule: "serverBitness" })} />}
            <div className="flex flex-col gap-1">
              <SelectField label={t("details.owner")} help={t("details.ownerHelp")} options={[{ value: "", label: f("none") }, ...owners.map((o) => ({ value: String(o.id), label: o.name }))]} {...bind("ownerId", { as: "id" })} />
              {!addingOwner && (
                <button type="button" className={`${buttonClass("link")} self-start`} onClick={() => setAddingOwner(true)}>
                  {t("details.newOwner")}
                </button>
              )}
            </div>
          </div>
          {addingOwner && (
            <section className="mt-4 rounded-md border border-slate-200 bg-slate-50 p-4" aria-label={t("owner.title")}>
              <h3 className="text-sm font-semibold">{t("owner.title")}</h3>
              <p className="mb-3 text-sm text-slate-600">{t("owner.description")}</p>
              <NewOwnerForm
                onCancel={() => setAddingOwner(false)}
                onDone={(owner) => {
                  setOwners([...owners, owner]);
                  form.setValue("ownerId", owner.id);
                  setAddingOwner(false);
                }}
              />
            </section>
          )}
        </Card>

        <Card title={t("purchase.title")} description={t("purchase.description")}>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Field label={t("purchase.date")} type="date" {...bind("purchaseDate", { rule: "date" })} />
            <Field label={t("purchase.price")} inputMode="decimal" help={t("purchase.priceHelp")} {...form.register("price")} error={errorText(get(form.formState.errors, "priceMinor") as FieldError | undefined, "price")} />
            <Field label={t("purchase.currency")} maxLength={3} {...bind("currency", { rule: "currency" })} />
            <Field label={t("purchase.supplier")} {...bind("supplier", { rule: "text" })} />
            <Field label={t("purchase.invoice")} {...bind("invoice", { rule: "text" })} />
          </div>
          <TextareaField label={t("purchase.notes")} rows={2} className="mt-4" inputClassName="font-sans" {...bind("notes", { rule: "text" })} />
        </Card>

        <FormProblemNotice problem={problem} />
        <div className="flex gap-2">
          <SubmitButton pending={pending}>{pending ? f("saving") : t("submit")}</SubmitButton>
          <button type="button" className={buttonClass("secondary")} onClick={() => router.push("/kits")}>
            {f("cancel")}
          </button>
        </div>
      </form>
  );
}
