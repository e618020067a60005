"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { get, type FieldError } from "react-hook-form";
import { z } from "zod";

import { apiCall, send } from "@/components/ui/api";
import { buttonClass } from "@/components/ui/styles";
import { DeleteRecord } from "@/components/ui/delete-record";
import { Field, SelectField, SubmitButton, TextareaField } from "@/components/ui/field";
import { FormProblemNotice, useApiForm, useBind, useFieldErrorText } from "@/components/ui/form";
import type { KitPageData } from "@/db/queries/kits";
import { KIT_LEVELS, SERVER_BITNESS } from "@/lib/domain/enums";
import { KitPatchSchema, KitWireSchema } from "@/lib/inventory/api";

import { priceMinor } from "./price";

type Values = Omit<z.input<typeof KitPatchSchema>, "priceMinor"> & { price: string };

/** Edit and Delete on a kit's page: the kit's own fields through PATCH /api/kits/{id} (kind and mode are fixed once activated). */
export function KitActions({ kit, extra, owners }: { kit: KitPageData["detail"]["kit"]; extra: KitPageData["extra"]; owners: KitPageData["owners"] }) {
  const t = useTranslations("ledger.edit");
  const k = useTranslations("kits");
  const f = useTranslations("forms");
  const router = useRouter();
  const [mode, setMode] = useState<"idle" | "edit" | "delete">("idle");
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (mode === "edit") dialog.current?.showModal();
    else dialog.current?.close();
  }, [mode]);

  const schema = z.preprocess((v) => {
    const { price, ...rest } = v as Values;
    return { ...rest, priceMinor: priceMinor(price), serverBitness: kit.kind === "server" ? rest.serverBitness || null : undefined };
  }, KitPatchSchema);
  const { form, onSubmit, problem, pending } = useApiForm(schema as unknown as z.ZodType<z.output<typeof KitPatchSchema>, Values>, {
    defaultValues: {
      regNumber: kit.regNumber,
      product: kit.product,
      level: kit.level,
      seats: kit.seats,
      serverBitness: kit.serverBitness,
      ownerId: kit.ownerId,
      purchaseDate: kit.purchaseDate,
      price: kit.priceMinor === null ? "" : (kit.priceMinor / 100).toFixed(2),
      currency: kit.currency,
      supplier: kit.supplier ?? "",
      invoice: extra.invoice ?? "",
      notes: extra.notes ?? "",
    },
    submit: (patch) => apiCall(z.object({ kit: KitWireSchema }), `/api/kits/${kit.id}`, send("PATCH", patch)),
    onDone: () => {
      setMode("idle");
      router.refresh();
    },
    shownPaths: /^priceMinor$/,
  });
  const bind = useBind(form);
  const errorText = useFieldErrorText();

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <button type="button" className={buttonClass("secondary")} onClick={() => setMode("edit")}>
          {f("edit")}
        </button>
        <button type="button" className={buttonClass("secondary")} onClick={() => setMode(mode === "delete" ? "idle" : "delete")}>
          {f("delete")}
        </button>
      </div>
      {mode === "delete" && (
        <div className="max-w-md">
          <DeleteRecord url={`/api/kits/${kit.id}`} what={k("ledgerWhat", { regNumber: kit.regNumber })} onCancel={() => setMode("idle")} onDeleted={() => router.push("/kits")} />
        </div>
      )}
      <dialog ref={dialog} onClose={() => setMode("idle")} aria-labelledby="kit-edit-title" className="m-auto w-full max-w-3xl rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 p-5" data-testid="kit-edit-form">
          <h2 id="kit-edit-title" className="text-lg font-semibold">
            {t("title", { regNumber: kit.regNumber })}
          </h2>
          <p className="text-sm text-slate-600">{t("description")}</p>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Field label={k("new.details.regNumber")} inputClassName="font-mono" {...bind("regNumber", { rule: "regNumber" })} />
            <Field label={k("new.details.product")} className="lg:col-span-2" {...bind("product", { rule: "product" })} />
            <SelectField label={k("new.details.level")} options={KIT_LEVELS.map((v) => ({ value: v, label: v }))} {...bind("level")} />
            {kit.kind === "client" && <Field label={k("new.size.seats")} type="number" min={1} help={t("seatsHelp")} {...bind("seats", { rule: "seats", as: "number" })} />}
            {kit.kind === "server" && <SelectField label={k("new.details.bitness")} options={SERVER_BITNESS.map((v) => ({ value: v, label: k("kit.bitness", { bitness: v }) }))} {...bind("serverBitness", { rule: "serverBitness" })} />}
            <SelectField label={k("new.details.owner")} options={[{ value: "", label: f("none") }, ...owners.map((o) => ({ value: String(o.id), label: o.name }))]} {...bind("ownerId", { as: "id" })} />
            <Field label={k("new.purchase.date")} type="date" {...bind("purchaseDate", { rule: "date", as: "nullable" })} />
            <Field label={k("new.purchase.price")} inputMode="decimal" {...form.register("price")} error={errorText(get(form.formState.errors, "priceMinor") as FieldError | undefined, "price")} />
            <Field label={k("new.purchase.currency")} maxLength={3} {...bind("currency", { rule: "currency" })} />
            <Field label={k("new.purchase.supplier")} {...bind("supplier", { rule: "text" })} />
            <Field label={k("new.purchase.invoice")} {...bind("invoice", { rule: "text" })} />
          </div>
          <TextareaField label={k("new.purchase.notes")} rows={2} inputClassName="font-sans" {...bind("notes", { rule: "text" })} />
          <FormProblemNotice problem={problem} />
          <div className="flex gap-2">
            <SubmitButton pending={pending}>{pending ? f("saving") : f("save")}</SubmitButton>
            <button type="button" className={buttonClass("secondary")} onClick={() => setMode("idle")}>
              {f("cancel")}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
