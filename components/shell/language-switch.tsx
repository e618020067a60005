"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useTransition } from "react";

import { setLocale } from "@/app/actions/locale";
import { cn } from "@/components/ui/cn";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

/** Two buttons, each language named in itself; the choice is kept in a cookie by a server action. */
export function LanguageSwitch() {
  const t = useTranslations("common");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const labelId = useId();

  function choose(locale: Locale) {
    // Not `disabled` while pending: a disabled button drops keyboard focus to <body>.
    if (locale === current || pending) return;
    startTransition(async () => {
      const result = await setLocale(locale);
      if (result.ok) router.refresh();
    });
  }

  return (
    <div className="flex items-center gap-2">
      <span id={labelId} className="text-sm text-slate-500">
        {t("language")}
      </span>
      <div
        role="group"
        aria-labelledby={labelId}
        aria-busy={pending || undefined}
        className={cn("inline-flex rounded-md border border-slate-300 bg-white p-0.5", pending && "opacity-70")}
      >
        {LOCALES.map((locale) => {
          const selected = locale === current;
          return (
            <button
              key={locale}
              type="button"
              lang={locale}
              aria-pressed={selected}
              aria-disabled={pending || undefined}
              onClick={() => choose(locale)}
              className={cn(
                "rounded px-3 py-1 text-sm transition-colors aria-disabled:cursor-wait",
                selected ? "bg-accent-700 font-medium text-white" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {t(`languages.${locale}`)}
            </button>
          );
        })}
      </div>
    </div>
  );
}
