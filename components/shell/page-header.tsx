import type { ReactNode } from "react";

export type PageHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Page-level actions (buttons, filters) at the right. */
  actions?: ReactNode;
};

/** The page's one `<h1>` with a sentence on what the page is for. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description !== undefined && <p className="mt-1 max-w-3xl text-slate-600">{description}</p>}
      </div>
      {actions !== undefined && <div className="flex max-w-full min-w-0 flex-wrap items-center gap-2 print:hidden">{actions}</div>}
    </header>
  );
}
