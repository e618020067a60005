import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden="true">
        <div className="mb-2 h-7 w-48 rounded bg-slate-200" />
        <div className="mb-6 h-4 w-[40rem] max-w-full rounded bg-slate-200" />
        <div className="mb-6 h-20 rounded-lg border border-slate-200 bg-white" />
        <div className="rounded-lg border border-slate-200 bg-white p-5">
          <div className="mb-4 h-5 w-56 rounded bg-slate-200" />
          {[0, 1, 2, 3, 4, 5, 6, 7].map((i) => (
            <div key={i} className="mb-3 h-8 rounded bg-slate-100" />
          ))}
        </div>
      </div>
    </div>
  );
}
