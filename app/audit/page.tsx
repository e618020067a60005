import { getTimeZone, getTranslations } from "next-intl/server";
import type { z } from "zod";

import { requirePage } from "@/app/_lib/session";
import { AuditView, type AuditPageData, type AuditProblem } from "@/components/audit/audit-view";
import { FILTER_FIELDS, type AuditFilterValues } from "@/components/audit/query";
import { getDb } from "@/db/client";
import { AUDIT_PAGE_SIZE, auditFacets, AuditFilterSchema, listAudit } from "@/db/queries/audit";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function problemOf(issue: z.core.$ZodIssue): AuditProblem {
  const field = String(issue.path[0] ?? "");
  if (issue.code === "custom" && issue.params?.rule === "range") return { field, rule: "range" };
  if (field === "from" || field === "to") return { field, rule: "date" };
  if (field === "limit" || field === "offset") return { field, rule: "number" };
  if (issue.code === "too_big") return { field, rule: "tooLong" };
  return { field, rule: "other" };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePage("audit");

  const params = await searchParams;
  const timeZone = await getTimeZone();
  const values: AuditFilterValues = Object.fromEntries(FILTER_FIELDS.map((f) => [f, first(params[f])?.trim() || undefined]));
  const db = getDb();
  // The days of the date filter are days in the zone the table shows times in.
  const parsed = AuditFilterSchema.safeParse({ ...values, limit: first(params.limit), offset: first(params.offset), tz: timeZone });

  let data: AuditPageData;
  if (!parsed.success) {
    data = { ok: false, problems: parsed.error.issues.map(problemOf) };
  } else {
    const filter = parsed.data;
    let result = listAudit(db, filter);
    if (result.rows.length === 0 && result.total > 0) {
      // Past the last page (entries matched before, or a hand-edited offset): show the last page instead.
      filter.offset = Math.floor((result.total - 1) / filter.limit) * filter.limit;
      result = listAudit(db, filter);
    }
    data = { ok: true, ...result, limit: filter.limit, offset: filter.offset, defaultLimit: AUDIT_PAGE_SIZE };
  }

  return <AuditView values={values} facets={auditFacets(db)} timeZone={timeZone} data={data} />;
}
