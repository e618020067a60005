"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { z } from "zod";

import { apiCall, ApiError } from "@/components/ui/api";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/controls";
import { buttonClass } from "@/components/ui/styles";
import { HEAD_ROW, HeaderCell } from "@/components/ui/table-parts";

const Imported = z.object({ imported: z.object({ kits: z.number(), pins: z.number() }) });

interface RowError {
  line: number;
  column: string | null;
  message: string;
  /** The text in both languages; a server without it sends `message` (English) only. */
  text?: { en: string; ru: string };
}

/**
 * The kits-and-PINs CSV: the template, the export (PINs masked; in clear for an administrator, audited), and
 * the import, which lists every bad row by line and column and writes nothing unless every row is good.
 */
export function KitsCsvPanel({ canWrite, canReveal }: { canWrite: boolean; canReveal: boolean }) {
  const t = useTranslations("kits.csv");
  const locale = useLocale() === "ru" ? "ru" : "en";
  const router = useRouter();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<{ status: "idle" | "running" } | { status: "done"; kits: number; pins: number } | { status: "refused"; message: string; errors: RowError[] }>({ status: "idle" });

  const upload = async () => {
    if (!file) return;
    setState({ status: "running" });
    try {
      const { imported } = await apiCall(Imported, "/api/kits/csv", { method: "POST", body: file, headers: { "content-type": "text/csv" } });
      setState({ status: "done", ...imported });
      router.refresh();
    } catch (error) {
      const errors = error instanceof ApiError ? ((error.details as { errors?: RowError[] } | undefined)?.errors ?? []) : [];
      setState({ status: "refused", message: error instanceof ApiError && error.code !== "network" ? error.message : t("network"), errors });
    }
  };

  return (
    <Card title={t("title")} description={t("description")}>
      <div className="flex flex-col gap-4" data-testid="kits-csv">
        <div className="flex flex-wrap gap-2">
          <a href="/api/kits/csv/template" download className={buttonClass("secondary", "sm")}>
            {t("template")}
          </a>
          <a href="/api/kits/csv" download className={buttonClass("secondary", "sm")}>
            {t("exportMasked")}
          </a>
          {canReveal && (
            <a href="/api/kits/csv?pins=clear" download className={buttonClass("secondary", "sm")} title={t("exportClearHint")}>
              {t("exportClear")}
            </a>
          )}
        </div>
        {canReveal && <p className="text-xs text-slate-500">{t("exportClearHint")}</p>}
        {canWrite && (
          <div className="flex flex-col gap-2 border-t border-slate-100 pt-4">
            <label htmlFor={fileId} className="text-sm font-medium text-slate-800">
              {t("importLabel")}
            </label>
            <div className="flex flex-wrap items-center gap-2">
              <input
                id={fileId}
                type="file"
                accept=".csv,text/csv,text/plain"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setState({ status: "idle" });
                }}
                className="text-sm"
              />
              <button type="button" className={buttonClass("primary", "sm")} disabled={!file} aria-disabled={state.status === "running" || undefined} onClick={upload}>
                {state.status === "running" ? t("importing") : t("import")}
              </button>
            </div>
            <p className="text-xs text-slate-500">{t("importHelp")}</p>
            {state.status === "done" && <Notice tone="success">{t("imported", { kits: state.kits, pins: state.pins })}</Notice>}
            {state.status === "refused" && (
              <div className="flex flex-col gap-2" data-testid="csv-errors">
                <Notice tone="error">{state.errors.length ? t("refused", { count: state.errors.length }) : t("refusedOther", { message: state.message })}</Notice>
                {state.errors.length > 0 && (
                  <div className="relative max-h-72 overflow-auto">
                    <table className="w-full border-collapse text-sm">
                      <caption className="sr-only">{t("errorsCaption")}</caption>
                      <thead>
                        <tr className={HEAD_ROW}>
                          <HeaderCell>{t("line")}</HeaderCell>
                          <HeaderCell>{t("column")}</HeaderCell>
                          <HeaderCell>{t("why")}</HeaderCell>
                        </tr>
                      </thead>
                      <tbody>
                        {state.errors.map((e, i) => (
                          <tr key={i} className="border-b border-slate-100 last:border-0">
                            <td className="px-2 py-1 tabular-nums">{e.line}</td>
                            <td className="px-2 py-1 font-mono">{e.column ?? "—"}</td>
                            <td className="px-2 py-1">{e.text?.[locale] || e.message}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </div>
            )}
          </div>
        )}
      </div>
    </Card>
  );
}
