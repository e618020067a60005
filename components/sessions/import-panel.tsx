"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { apiCall, ApiError } from "@/components/ui/api";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/controls";
import { TextareaField } from "@/components/ui/field";
import { buttonClass, CONTROL } from "@/components/ui/styles";
import { ImportRacResponseSchema, type ImportRacResponse } from "@/lib/parsers/rac";

const KNOWN_ERRORS = ["no-sessions", "empty-body", "body-too-large", "invalid-encoding", "invalid-input"] as const;

/**
 * Paste or upload `rac session list --licenses` (or `session list`, `process list --licenses`): it goes through
 * the same route a cron job posts to, so what the page stores is what the cron job would.
 */
export function ImportPanel() {
  const t = useTranslations("sessions.import");
  const router = useRouter();
  const fileId = useId();
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [takenAt, setTakenAt] = useState("");
  const takenAtId = useId();
  const [state, setState] = useState<{ status: "idle" | "running" } | { status: "done"; result: ImportRacResponse } | { status: "refused"; message: string }>({ status: "idle" });

  const submit = async () => {
    const body = file ?? text;
    if (!file && text.trim() === "") {
      setState({ status: "refused", message: t("errors.empty-body") });
      return;
    }
    setState({ status: "running" });
    try {
      // The browser's local time, sent as an instant; empty = now.
      const at = takenAt ? `?${new URLSearchParams({ takenAt: new Date(takenAt).toISOString() })}` : "";
      const result = await apiCall(ImportRacResponseSchema, `/api/import/rac${at}`, { method: "POST", body, headers: { "content-type": "text/plain" } });
      setState({ status: "done", result });
      setText("");
      setFile(null);
      setTakenAt("");
      router.refresh();
    } catch (error) {
      const code = error instanceof ApiError ? error.code : "network";
      const known = (KNOWN_ERRORS as readonly string[]).includes(code);
      setState({ status: "refused", message: known ? t(`errors.${code as (typeof KNOWN_ERRORS)[number]}`) : error instanceof ApiError && code !== "network" ? error.message : t("errors.network") });
    }
  };

  return (
    <Card title={t("title")} description={t("description")}>
      <div className="flex flex-col gap-3" data-testid="rac-import">
        <TextareaField
          label={t("paste")}
          help={t("pasteHelp")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={6}
          spellCheck={false}
          placeholder={t("placeholder")}
          inputClassName="font-mono text-xs"
          disabled={file !== null}
        />
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor={fileId} className="text-sm text-slate-700">
            {t("orFile")}
          </label>
          <input id={fileId} type="file" accept=".txt,.log,text/plain" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="text-sm" />
          <label htmlFor={takenAtId} className="text-sm text-slate-700">
            {t("takenAt")}
          </label>
          <input id={takenAtId} type="datetime-local" value={takenAt} onChange={(e) => setTakenAt(e.target.value)} className={CONTROL} aria-describedby={`${takenAtId}-help`} />
          <span id={`${takenAtId}-help`} className="text-xs text-slate-500">
            {t("takenAtHelp")}
          </span>
          <button type="button" className={buttonClass("primary")} onClick={submit} aria-disabled={state.status === "running" || undefined}>
            {state.status === "running" ? t("importing") : t("submit")}
          </button>
        </div>
        <p className="text-sm text-slate-600">{t.rich("cron", { code: (c) => <code className="rounded bg-slate-100 px-1">{c}</code> })}</p>
        {state.status === "refused" && <Notice tone="error">{state.message}</Notice>}
        {state.status === "done" && (
          <Notice tone="success">
            <span data-testid="import-result">
              {t("done", { sessions: state.result.sessions, licensed: state.result.licensed, matched: state.result.matched, unmatched: state.result.unmatched })}
            </span>{" "}
            <Link href={`/sessions?snapshot=${state.result.snapshotId}`} className="font-medium underline">
              {t("open")}
            </Link>
          </Notice>
        )}
        {state.status === "done" && state.result.warnings.length > 0 && (
          <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="status">
            <p className="font-medium">{t("warnings", { count: state.result.warnings.length })}</p>
            <ul className="mt-1 list-disc pl-5">
              {state.result.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </Card>
  );
}
