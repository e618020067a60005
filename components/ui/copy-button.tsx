"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { cn } from "./cn";

/** Selects the text of element `id`: an input's or textarea's value, any other element's contents. */
function selectText(id: string): void {
  const element = document.getElementById(id);
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    element.focus();
    element.select();
  } else if (element) {
    window.getSelection()?.selectAllChildren(element);
  }
}

export interface CopyButtonProps {
  value: string;
  /** What is copied, for the button's accessible name ("Copy {what}"). */
  what: string;
  /** The id of the element that shows `value`: it is selected when the clipboard cannot be written. */
  selectId: string;
  /** `column` puts the result under the button (beside a wide field), `row` beside it (in a line of buttons). */
  layout?: "row" | "column";
}

/**
 * Copies `value` and says so beside the button. The Clipboard API exists only on https or localhost, and
 * SeatLedger often runs on a plain-HTTP LAN address: then the text of `selectId` is selected for Ctrl+C and
 * the older copy command is tried.
 */
export function CopyButton({ value, what, selectId, layout = "row" }: CopyButtonProps) {
  const t = useTranslations("common.copy");
  const [result, setResult] = useState<"copied" | "failed" | null>(null);

  // "Copied" goes after a moment; "press Ctrl+C" stays until the next try, while the selection is there.
  useEffect(() => {
    if (result !== "copied") return;
    const timer = setTimeout(() => setResult(null), 2000);
    return () => clearTimeout(timer);
  }, [result]);

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(value);
      setResult("copied");
    } catch {
      selectText(selectId);
      setResult(document.execCommand?.("copy") ? "copied" : "failed");
    }
  };

  return (
    <span className={cn("inline-flex gap-x-2 gap-y-1", layout === "column" ? "flex-col items-start" : "items-center")}>
      <button
        type="button"
        onClick={copy}
        aria-label={t("label", { what })}
        className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium whitespace-nowrap text-slate-700 hover:bg-slate-50"
      >
        {t("button")}
      </button>
      <span role="status" className={cn("text-xs", result === "failed" ? "text-amber-800" : "text-emerald-700")}>
        {result === "copied" ? t("copied") : result === "failed" ? t("failed") : null}
      </span>
    </span>
  );
}
