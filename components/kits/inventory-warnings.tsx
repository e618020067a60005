import { getLocale, getTranslations } from "next-intl/server";

import type { InventoryWarning } from "@/lib/licensing/warnings";

/** Licensing terms the inventory breaks (§1.1: client licenses need a basic delivery): the engine's words, in the reader's language. */
export async function InventoryWarnings({ warnings }: { warnings: readonly InventoryWarning[] }) {
  if (warnings.length === 0) return null;
  const t = await getTranslations("forms.refusal");
  const locale = (await getLocale()) === "ru" ? "ru" : "en";
  return (
    <div className="mb-6 flex flex-col gap-2">
      {warnings.map((w) => (
        <div key={w.code} role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid={`warning-${w.code}`}>
          <p className="font-medium">{w.message[locale]}</p>
          <p>
            <span className="font-medium">{t("remedy")}</span> {w.remedy[locale]}
          </p>
          <p className="text-xs text-amber-800">{t("rule", { rule: w.rule })}</p>
        </div>
      ))}
    </div>
  );
}
