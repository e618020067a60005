"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

import { CopyButton } from "@/components/ui/copy-button";

import { useTimedReveal } from "./use-timed-reveal";

export interface RegistrationField {
  field: string;
  value: string;
}

const readFields = (body: unknown): RegistrationField[] => {
  const fields = (body as { fields?: unknown } | null)?.fields;
  if (!Array.isArray(fields) || !fields.every((f) => typeof f?.field === "string" && typeof f?.value === "string")) throw new Error("Unexpected reveal response.");
  return fields as RegistrationField[];
};

const buttonClass = "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60";

/**
 * An owner's registration data, field by field (DOMAIN §1.1): masked values, and for an administrator a
 * "Reveal" that shows them exactly as typed for 30 s — each with a copy button, since a recovery needs
 * them character for character — then masks them again.
 */
export function OwnerRegistration({ ownerId, ownerName, maskedFields, canReveal }: { ownerId: number; ownerName: string; maskedFields: RegistrationField[]; canReveal: boolean }) {
  const t = useTranslations("kits");
  const clearId = useId();
  const { state, reveal, hide } = useTimedReveal(`/api/owners/${ownerId}/reveal`, readFields);
  const shown = state.status === "shown" ? state.value : null;
  const rows = shown ?? maskedFields;

  return (
    <div className="flex flex-col gap-3" aria-live="polite">
      {canReveal && (
        <div className="flex flex-wrap items-center gap-3">
          {shown ? (
            <>
              <button type="button" onClick={hide} className={buttonClass}>
                {t("reveal.hide")}
              </button>
              <span className="text-sm text-slate-500 tabular-nums">{state.status === "shown" && t("reveal.hidesIn", { seconds: state.secondsLeft })}</span>
              <span className="text-sm text-slate-600">{t("reveal.audited")}</span>
            </>
          ) : (
            <button type="button" onClick={reveal} disabled={state.status === "loading"} className={buttonClass}>
              {state.status === "loading" ? t("reveal.working") : t("reveal.owner")}
            </button>
          )}
          {state.status === "error" && (
            <span role="alert" className="text-sm text-red-700">
              {t(`reveal.errors.${state.error}`)}
            </span>
          )}
        </div>
      )}
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3" aria-label={t("owner.caption", { name: ownerName })}>
        {rows.map((row, i) => (
          <div key={`${i}-${row.field}`} className="min-w-0">
            <dt className="text-slate-500">{row.field}</dt>
            <dd className="mt-0.5 break-words">
              {shown ? (
                <span className="inline-flex flex-wrap items-center gap-2">
                  <span id={`${clearId}-${i}`} className="rounded bg-amber-50 px-1.5 py-0.5 font-medium text-slate-900 ring-1 ring-amber-200 select-all" data-testid="owner-clear">
                    {row.value}
                  </span>
                  {row.value !== "" && <CopyButton value={row.value} what={row.field} selectId={`${clearId}-${i}`} />}
                </span>
              ) : (
                <span className="font-medium text-slate-700" data-testid="owner-masked">
                  {row.value}
                </span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
