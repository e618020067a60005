import { getTranslations } from "next-intl/server";

/** The Planning page's shape while the server reads the rollups: filters, four figures, the chart and four tables. */
export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden="true">
        <div className="mb-2 h-7 w-40 rounded bg-slate-200" />
        <div className="mb-6 h-4 w-[32rem] max-w-full rounded bg-slate-200" />
        <div className="mb-6 flex flex-wrap gap-4">
          <div className="h-10 w-72 max-w-full rounded-md bg-slate-200" />
          <div className="h-10 w-48 rounded-md bg-slate-200" />
          <div className="h-10 w-64 max-w-full rounded-md bg-slate-200" />
        </div>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="h-28 rounded-lg border border-slate-200 bg-white" />
          ))}
        </div>
        {[96, 64, 64, 64].map((h, i) => (
          <div key={i} className="mt-6 rounded-lg border border-slate-200 bg-white" style={{ height: `${h / 4}rem` }} />
        ))}
      </div>
    </div>
  );
}
