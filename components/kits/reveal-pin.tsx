"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

import { CopyButton } from "@/components/ui/copy-button";
import { printedPin } from "@/lib/security/mask";

import { useTimedReveal } from "./use-timed-reveal";

const readCode = (body: unknown): string => {
  const code = (body as { code?: unknown } | null)?.code;
  if (typeof code !== "string") throw new Error("Unexpected reveal response.");
  return code;
};

const buttonClass = "rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60";

/**
 * An administrator's PIN cell: the masked code and "Reveal". Revealing asks the server (which writes the
 * audit entry), shows the code for 30 s with a copy button, then masks it again.
 */
export function RevealPin({ pinId, maskedCode }: { pinId: number; maskedCode: string }) {
  const t = useTranslations("kits.reveal");
  const clearId = useId();
  const { state, reveal, hide } = useTimedReveal(`/api/pins/${pinId}/reveal`, readCode);

  if (state.status === "shown") {
    const printed = printedPin(state.value);
    return (
      <div className="flex flex-col gap-1" aria-live="polite">
        <div className="flex flex-wrap items-center gap-2">
          <code id={clearId} className="rounded bg-amber-50 px-1.5 py-0.5 font-mono tabular-nums ring-1 ring-amber-200 select-all" data-testid="pin-clear">
            {printed}
          </code>
          <CopyButton value={printed} what={maskedCode} selectId={clearId} />
          <button type="button" onClick={hide} className={buttonClass}>
            {t("hide")}
          </button>
          <span className="text-xs text-slate-500 tabular-nums">{t("hidesIn", { seconds: state.secondsLeft })}</span>
        </div>
        <p className="text-xs text-slate-600">{t("audited")}</p>
      </div>
    );
  }

  const loading = state.status === "loading";
  return (
    <div className="flex flex-wrap items-center gap-2" aria-live="polite">
      <code className="font-mono text-slate-700 tabular-nums" data-testid="pin-masked">
        {maskedCode}
      </code>
      <button type="button" onClick={reveal} disabled={loading} aria-label={t("pinLabel", { code: maskedCode })} className={buttonClass}>
        {loading ? t("working") : t("pin")}
      </button>
      {state.status === "error" && (
        <span role="alert" className="text-xs text-red-700">
          {t(`errors.${state.error}`)}
        </span>
      )}
    </div>
  );
}
