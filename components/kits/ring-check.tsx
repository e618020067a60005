"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { z } from "zod";

import { apiCall } from "@/components/ui/api";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/styles";
import { SubmitButton, TextareaField } from "@/components/ui/field";
import { FormProblemNotice, useApiForm, useBind } from "@/components/ui/form";
import { HEAD_ROW, HeaderCell } from "@/components/ui/table-parts";
import { RingReconcileRowSchema, type RingReconcileRow } from "@/lib/licensing/ring-reconcile";

const Paste = z.object({ text: z.string().trim().min(1) });
const Answer = z.object({ licenses: z.array(RingReconcileRowSchema), warnings: z.array(z.object({ line: z.number(), message: z.string() })) });

const TONE: Record<RingReconcileRow["status"], BadgeTone> = {
  ok: "success",
  "unknown-kit": "danger",
  "unknown-pin": "warning",
  "pin-of-other-kit": "danger",
  "not-activated-in-ledger": "warning",
  "spent-in-ledger": "danger",
};

/** Where a "record this activation" suggestion takes the administrator: the kit page, its form pre-filled. */
export function suggestionHref(row: RingReconcileRow): string | null {
  const s = row.suggestion;
  if (!s) return null;
  const query = new URLSearchParams(s.action === "record-activation" ? { record: s.operation, pinId: String(s.pinId) } : { addPin: "1" });
  if (s.licFileName) query.set("licFileName", s.licFileName);
  return `/kits/${s.kitId}?${query}#ledger`;
}

/**
 * `ring license list` output pasted (or a file's text) and checked against the PIN ledger (DOMAIN §5.2): each
 * license matched to its kit and PIN; what the ledger lacks comes with a one-click "record this activation".
 */
export function RingCheck({ kitId }: { kitId?: number }) {
  const t = useTranslations("kits.ring");
  const locale = useLocale() === "ru" ? "ru" : "en";
  const [rows, setRows] = useState<RingReconcileRow[] | null>(null);
  const { form, onSubmit, problem, pending } = useApiForm(Paste, {
    defaultValues: { text: "" },
    submit: ({ text }) => apiCall(Answer, `/api/kits/ring${kitId ? `?kitId=${kitId}` : ""}`, { method: "POST", body: text, headers: { "content-type": "text/plain" } }),
    onDone: (answer) => setRows(answer.licenses),
  });
  const bind = useBind(form);
  return (
    <Card title={t("title")} description={t("description")}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t("title")} data-testid="ring-check">
        <TextareaField label={t("paste")} help={t("pasteHelp")} rows={5} spellCheck={false} {...bind("text", { rule: "required" })} />
        <FormProblemNotice problem={problem} />
        <div>
          <SubmitButton pending={pending}>{pending ? t("checking") : t("check")}</SubmitButton>
        </div>
      </form>
      {rows && (
        <div className="relative mt-4 overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="ring-results">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className={HEAD_ROW}>
                <HeaderCell>{t("license")}</HeaderCell>
                <HeaderCell>{t("status")}</HeaderCell>
                <HeaderCell>{t("what")}</HeaderCell>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const href = suggestionHref(row);
                return (
                  <tr key={row.index} className="border-b border-slate-100 last:border-0" data-status={row.status}>
                    <td className="px-2 py-1.5 align-top font-mono whitespace-nowrap">
                      {row.masked}-{row.regNumber}
                      {row.file && <div className="text-xs text-slate-500">{row.file}</div>}
                    </td>
                    <td className="px-2 py-1.5 align-top">
                      <Badge tone={TONE[row.status]}>{t(`statuses.${row.status}`)}</Badge>
                    </td>
                    <td className="px-2 py-1.5 align-top">
                      <p>{row.message[locale]}</p>
                      {href && (
                        <Link href={href} className={`${buttonClass("secondary", "sm")} mt-1`}>
                          {row.suggestion?.action === "add-pin" ? t("addPin") : t("record")}
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
