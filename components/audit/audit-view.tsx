import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";

import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

import { AuditFilters } from "./audit-filters";
import { AuditTable, type AuditTableRow } from "./audit-table";
import { auditQuery, FILTER_FIELDS, type AuditFilterValues } from "./query";

/** Why the filter in the address could not be applied, per field. */
export interface AuditProblem {
  field: string;
  rule: "date" | "range" | "number" | "tooLong" | "other";
}

export type AuditPageData =
  | { ok: true; rows: AuditTableRow[]; total: number; limit: number; offset: number; defaultLimit: number }
  | { ok: false; problems: AuditProblem[] };

export type AuditViewProps = {
  values: AuditFilterValues;
  facets: { actors: string[]; actions: string[]; entities: string[] };
  /** The display time zone: the table's times and the filter's days are in it. */
  timeZone: string;
  data: AuditPageData;
};

const linkButton =
  "inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 no-underline hover:bg-slate-50 hover:no-underline";
const disabledButton = "inline-flex items-center rounded-md border border-slate-200 px-3 py-1.5 text-sm font-medium text-slate-400";

/** The Audit page: what the log is, the filter form, one page of entries with its position, and the CSV export. */
export async function AuditView({ values, facets, timeZone, data }: AuditViewProps) {
  const t = await getTranslations("audit");
  const format = await getFormatter();
  const filtered = FILTER_FIELDS.some((f) => values[f]);
  const isField = (field: string): field is (typeof FILTER_FIELDS)[number] => (FILTER_FIELDS as readonly string[]).includes(field);
  const fieldLabel = (field: string) => (isField(field) ? t(`filters.${field}`) : field);

  const problem = (p: AuditProblem) => {
    switch (p.rule) {
      case "date":
        return t("invalid.date", { field: fieldLabel(p.field) });
      case "range":
        return t("invalid.range");
      case "number":
        return t("invalid.number");
      case "tooLong":
        return t("invalid.tooLong", { field: fieldLabel(p.field) });
      default:
        return t("invalid.other", { field: fieldLabel(p.field) });
    }
  };

  const csvLink =
    data.ok && data.total > 0 ? (
      <a href={`/api/audit${auditQuery(values, { tz: timeZone, format: "csv" })}`} download className={linkButton} title={t("downloadCsvHint")} data-testid="audit-csv">
        {t("downloadCsv")}
      </a>
    ) : undefined;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={csvLink} />
      <AuditFilters values={values} {...facets} />
      <p className="-mt-4 mb-6 text-sm text-slate-500">{t("timeZoneNote", { zone: timeZone })}</p>

      {!data.ok ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-5 py-4 text-sm text-red-900" data-testid="audit-invalid">
          <p className="font-semibold">{t("invalid.title")}</p>
          <ul className="mt-1 list-disc pl-5">
            {[...new Set(data.problems.map(problem))].map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
          <Link href="/audit" className="mt-2 inline-block font-medium">
            {t("empty.clear")}
          </Link>
        </div>
      ) : data.total === 0 ? (
        filtered ? (
          <EmptyState
            titleAs="h2"
            title={t("empty.title")}
            description={t("empty.description")}
            action={
              <Link href="/audit" className={linkButton}>
                {t("empty.clear")}
              </Link>
            }
          />
        ) : (
          <EmptyState titleAs="h2" title={t("emptyLog.title")} description={t("emptyLog.description")} />
        )
      ) : (
        <Pages values={values} data={data} format={format} t={t} />
      )}
    </>
  );
}

type Translator = Awaited<ReturnType<typeof getTranslations<"audit">>>;
type Formatter = Awaited<ReturnType<typeof getFormatter>>;

function Pages({ values, data, format, t }: { values: AuditFilterValues; data: Extract<AuditPageData, { ok: true }>; format: Formatter; t: Translator }) {
  const { rows, total, limit, offset, defaultLimit } = data;
  const pageLink = (at: number) => `/audit${auditQuery(values, { limit: limit === defaultLimit ? undefined : limit, offset: at > 0 ? at : undefined })}`;
  const hasPrevious = offset > 0;
  const hasNext = offset + rows.length < total;
  const showing = t("showing", { from: format.number(offset + 1), to: format.number(offset + rows.length), total: format.number(total) });

  return (
    <Card title={<span data-testid="audit-total">{showing}</span>}>
      <AuditTable rows={rows} />
      <nav aria-label={t("pagination.label")} className="mt-4 flex items-center justify-between gap-4 border-t border-slate-100 pt-4">
        {hasPrevious ? (
          <Link href={pageLink(Math.max(0, offset - limit))} rel="prev" className={linkButton}>
            {t("pagination.previous")}
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledButton}>
            {t("pagination.previous")}
          </span>
        )}
        <p className="text-sm text-slate-600" aria-hidden="true">
          {showing}
        </p>
        {hasNext ? (
          <Link href={pageLink(offset + limit)} rel="next" className={linkButton}>
            {t("pagination.next")}
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledButton}>
            {t("pagination.next")}
          </span>
        )}
      </nav>
    </Card>
  );
}
