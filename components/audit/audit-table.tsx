import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { HEAD_ROW, HeaderCell } from "@/components/ui/table-parts";
import { Badge } from "@/components/ui/badge";
import { parseRecorded } from "@/lib/security/redact";

import { describeChange, type ChangeLine, type Shown } from "./changes";
import { isKnownAction, isKnownEntity } from "./labels";

/** One entry as the page hands it over (before/after still the JSON text the log holds). */
export interface AuditTableRow {
  id: number;
  at: Date;
  actor: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  before: string | null;
  after: string | null;
  address: string | null;
}

const MAX_LINES = 6;

/** One page of the audit log, newest first; times in the display time zone (next-intl's). */
export async function AuditTable({ rows }: { rows: AuditTableRow[] }) {
  const t = await getTranslations("audit");
  const format = await getFormatter();

  const value = (v: Shown): ReactNode =>
    v.kind === "secret" ? (
      <Badge className="font-sans">{t("table.secret")}</Badge>
    ) : v.kind === "none" ? (
      <span className="text-slate-400">—</span>
    ) : (
      <span className="break-all" title={v.full}>
        {v.text}
      </span>
    );

  const line = (l: ChangeLine, i: number) => (
    <li key={i} className="leading-snug">
      {l.key !== null && <span className="font-medium text-slate-600">{l.key}: </span>}
      {l.kind === "changed" ? (
        <>
          {value(l.before)}
          <span className="px-1 text-slate-400"> → </span>
          {value(l.after)}
        </>
      ) : (
        value(l.value)
      )}
    </li>
  );

  const change = (row: AuditTableRow) => {
    const lines = describeChange(parseRecorded(row.before), parseRecorded(row.after));
    if (lines.length === 0) return <span className="text-slate-400">—</span>;
    const onlyBefore = lines.every((l) => l.kind === "value" && l.side === "before");
    const shown = lines.slice(0, MAX_LINES);
    const rest = lines.slice(MAX_LINES);
    return (
      <div className="font-mono text-xs">
        {onlyBefore && <p className="mb-0.5 font-sans text-xs text-slate-500">{t("table.before")}</p>}
        <ul>{shown.map(line)}</ul>
        {rest.length > 0 && (
          <details className="mt-0.5">
            <summary className="cursor-pointer font-sans text-slate-500">{t("table.more", { count: rest.length })}</summary>
            <ul>{rest.map((l, i) => line(l, MAX_LINES + i))}</ul>
          </details>
        )}
      </div>
    );
  };

  return (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="audit-table">
        <caption className="sr-only">{t("table.caption")}</caption>
        <thead>
          <tr className={HEAD_ROW}>
            <HeaderCell>{t("table.time")}</HeaderCell>
            <HeaderCell>{t("table.actor")}</HeaderCell>
            <HeaderCell>{t("table.action")}</HeaderCell>
            <HeaderCell>{t("table.entity")}</HeaderCell>
            <HeaderCell className="min-w-64">{t("table.change")}</HeaderCell>
            <HeaderCell>{t("table.address")}</HeaderCell>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50" data-action={row.action}>
              <td className="px-2 py-2 align-top whitespace-nowrap tabular-nums" data-col="time">
                <time dateTime={row.at.toISOString()}>{format.dateTime(row.at, { dateStyle: "medium", timeStyle: "medium" })}</time>
              </td>
              <td className="px-2 py-2 align-top break-all" data-col="actor">
                {row.actor ?? <span className="text-slate-500 italic">{t("table.system")}</span>}
              </td>
              <td className="px-2 py-2 align-top" data-col="action">
                {isKnownAction(row.action) ? (
                  <>
                    <span className="block">{t(`actions.${row.action}`)}</span>
                    <code className="text-xs text-slate-600">{row.action}</code>
                  </>
                ) : (
                  <code className="text-xs">{row.action}</code>
                )}
              </td>
              <td className="px-2 py-2 align-top" data-col="entity">
                {row.entity === null ? (
                  <span className="text-slate-400">—</span>
                ) : (
                  <>
                    <span className="block">{isKnownEntity(row.entity) ? t(`entities.${row.entity}`) : row.entity}</span>
                    {row.entityId !== null && <code className="text-xs break-all text-slate-600">#{row.entityId}</code>}
                  </>
                )}
              </td>
              <td className="px-2 py-2 align-top" data-col="change">
                {change(row)}
              </td>
              <td className="px-2 py-2 align-top whitespace-nowrap tabular-nums" data-col="address">
                {row.address ?? <span className="text-slate-400">—</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
