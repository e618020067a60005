"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { cn } from "@/components/ui/cn";

/** Copies a revealed value to the clipboard, saying so for two seconds (or that it could not). */
export function CopyButton({ value, what, className }: { value: string; what: string; className?: string }) {
  const t = useTranslations("kits.reveal");
  const [result, setResult] = useState<"copied" | "failed" | null>(null);

  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(null), 2000);
    return () => clearTimeout(timer);
  }, [result]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setResult("copied");
    } catch {
      // No clipboard outside a secure context (plain http on the LAN): the value is selectable instead.
      setResult("failed");
    }
  };

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={copy}
        aria-label={t("copyLabel", { what })}
        className={cn("rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50", className)}
      >
        {t("copy")}
      </button>
      <span role="status" className={cn("text-xs", result === "failed" ? "text-amber-800" : "text-emerald-700")}>
        {result === "copied" ? t("copied") : result === "failed" ? t("copyFailed") : null}
      </span>
    </span>
  );
}
