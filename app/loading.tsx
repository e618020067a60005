import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden="true">
        <div className="mb-2 h-7 w-56 rounded bg-slate-200" />
        <div className="mb-6 h-4 w-96 max-w-full rounded bg-slate-200" />
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="h-24 rounded-lg border border-slate-200 bg-white" />
          ))}
        </div>
        <div className="mt-4 h-64 rounded-lg border border-slate-200 bg-white" />
      </div>
    </div>
  );
}
