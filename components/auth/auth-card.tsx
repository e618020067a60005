import type { ReactNode } from "react";

/** The frame of the pages seen before signing in: the product's name, a title, a sentence, the form. */
export function AuthCard({ appName, title, intro, children }: { appName: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto mt-8 w-full max-w-md md:mt-16">
      <div className="mb-6 flex items-center gap-3">
        <span aria-hidden="true" className="grid size-10 shrink-0 place-items-center rounded-md bg-accent-700 text-sm font-bold text-white">
          SL
        </span>
        <span className="text-lg font-semibold text-slate-900">{appName}</span>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white px-6 py-6 shadow-sm">
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        {intro ? <p className="mt-2 text-sm text-slate-600">{intro}</p> : null}
        <div className="mt-5">{children}</div>
      </div>
    </div>
  );
}
