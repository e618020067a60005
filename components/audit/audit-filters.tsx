import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { Card } from "@/components/ui/card";

import { isKnownAction } from "./labels";
import type { AuditFilterValues } from "./query";

export type AuditFiltersProps = {
  /** What the address asks for (shown even when invalid, so it can be corrected). */
  values: AuditFilterValues;
  actors: string[];
  actions: string[];
  entities: string[];
};

const fieldClass = "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-200";
const labelClass = "mb-1 block text-sm font-medium text-slate-700";

/** A filter: its label above it. */
function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** A GET form: the filters live in the address, so a filtered view can be bookmarked and shared. */
export async function AuditFilters({ values, actors, actions, entities }: AuditFiltersProps) {
  const t = await getTranslations("audit");
  const actionLabel = (code: string) => (isKnownAction(code) ? t(`actions.${code}`) : code);
  // A value from the address that is no longer in the log still has to be selectable, or the select would drop it.
  const withCurrent = (options: string[], current: string | undefined) => (current && !options.includes(current) ? [current, ...options] : options);

  return (
    <Card className="mb-6">
      {/* The key remounts the fields on navigation, so "Clear" empties them (they are uncontrolled). */}
      <Form key={JSON.stringify(values)} action="/audit" aria-label={t("filters.label")} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-7" data-testid="audit-filters">
        <Labelled id="audit-actor" label={t("filters.actor")}>
          <select id="audit-actor" name="actor" defaultValue={values.actor ?? ""} className={fieldClass}>
            <option value="">{t("filters.anyActor")}</option>
            {withCurrent(actors, values.actor).map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="audit-action" label={t("filters.action")}>
          <select id="audit-action" name="action" defaultValue={values.action ?? ""} className={fieldClass}>
            <option value="">{t("filters.anyAction")}</option>
            {withCurrent(actions, values.action).map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="audit-entity" label={t("filters.entity")}>
          <input id="audit-entity" name="entity" list="audit-entities" defaultValue={values.entity ?? ""} placeholder={t("filters.entityPlaceholder")} autoComplete="off" className={fieldClass} />
          <datalist id="audit-entities">
            {entities.map((e) => (
              <option key={e} value={e} />
            ))}
          </datalist>
        </Labelled>
        <Labelled id="audit-from" label={t("filters.from")}>
          <input id="audit-from" name="from" type="date" defaultValue={values.from ?? ""} className={fieldClass} />
        </Labelled>
        <Labelled id="audit-to" label={t("filters.to")}>
          <input id="audit-to" name="to" type="date" defaultValue={values.to ?? ""} className={fieldClass} />
        </Labelled>
        <Labelled id="audit-q" label={t("filters.q")}>
          <input
            id="audit-q"
            name="q"
            type="search"
            defaultValue={values.q ?? ""}
            placeholder={t("filters.qPlaceholder")}
            title={t("filters.qHint")}
            aria-describedby="audit-q-hint"
            className={fieldClass}
          />
          <span id="audit-q-hint" className="sr-only">
            {t("filters.qHint")}
          </span>
        </Labelled>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-md bg-accent-700 px-4 py-1.5 text-sm font-medium text-white shadow-xs hover:bg-accent-800">
            {t("filters.apply")}
          </button>
          <Link href="/audit" className="rounded-md border border-slate-300 bg-white px-4 py-1.5 text-sm font-medium text-slate-700 no-underline hover:bg-slate-50 hover:no-underline">
            {t("filters.clear")}
          </Link>
        </div>
      </Form>
    </Card>
  );
}
