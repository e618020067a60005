import { getTranslations } from "next-intl/server";

/** The Seats page's shape while the server reads the series: filters, seven figures, the chart, two panels. */
export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden="true">
        <div className="mb-2 h-7 w-40 rounded bg-slate-200" />
        <div className="mb-6 h-4 w-96 max-w-full rounded bg-slate-200" />
        <div className="mb-6 flex gap-4">
          <div className="h-10 w-64 rounded-md bg-slate-200" />
          <div className="h-10 w-72 rounded-md bg-slate-200" />
        </div>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {[0, 1, 2, 3, 4, 5, 6].map((i) => (
            <div key={i} className="h-28 rounded-lg border border-slate-200 bg-white" />
          ))}
        </div>
        <div className="mt-6 h-96 rounded-lg border border-slate-200 bg-white" />
        <div className="mt-6 grid gap-6 xl:grid-cols-2">
          <div className="h-64 rounded-lg border border-slate-200 bg-white" />
          <div className="h-64 rounded-lg border border-slate-200 bg-white" />
        </div>
      </div>
    </div>
  );
}
