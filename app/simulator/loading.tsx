import { getTranslations } from "next-intl/server";

/** The Simulator's shape while the server replays the history: the explanation, the tabs, the range, six figures, the chart, the cost table. */
export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden="true">
        <div className="mb-2 h-7 w-40 rounded bg-slate-200" />
        <div className="mb-6 h-4 w-96 max-w-full rounded bg-slate-200" />
        <div className="mb-6 h-40 rounded-lg border border-slate-200 bg-white" />
        <div className="mb-6 flex gap-2 border-b border-slate-200 pb-2">
          <div className="h-6 w-36 rounded bg-slate-200" />
          <div className="h-6 w-36 rounded bg-slate-200" />
        </div>
        <div className="mb-6 h-10 w-80 max-w-full rounded-md bg-slate-200" />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {[0, 1, 2, 3, 4, 5].map((i) => (
            <div key={i} className="h-28 rounded-lg border border-slate-200 bg-white" />
          ))}
        </div>
        <div className="mt-6 h-96 rounded-lg border border-slate-200 bg-white" />
        <div className="mt-6 h-64 rounded-lg border border-slate-200 bg-white" />
      </div>
    </div>
  );
}
