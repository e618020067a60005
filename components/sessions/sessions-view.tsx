"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { ListFilters, ListProvider, ServerTable, type ListColumn } from "@/components/ui/server-table";
import { Stat } from "@/components/ui/stat";
import { buttonClass } from "@/components/ui/styles";
import type { HistoryQuery, HistoryRow, HolderListQuery, HolderListResponse, HolderWire, SnapshotListQuery, SnapshotRow } from "@/lib/sessions/api";

import { ImportPanel } from "./import-panel";

export type SessionsViewData =
  | { view: "holders"; data: HolderListResponse; query: HolderListQuery }
  | { view: "snapshots"; data: { snapshots: SnapshotRow[]; total: number }; query: SnapshotListQuery }
  | { view: "history"; data: { sessions: HistoryRow[]; total: number } | null; query: HistoryQuery | null; who: { user?: string; host?: string } };

const VIEWS = ["holders", "snapshots", "history"] as const;

/** The Sessions page (issue 10 §2): who holds the seats now, every snapshot taken, and one user's or computer's history. */
export function SessionsView({ state, canImport }: { state: SessionsViewData; canImport: boolean }) {
  const t = useTranslations("sessions");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6">
        {canImport && <ImportPanel />}
        <nav aria-label={t("views.label")} className="flex gap-1 border-b border-slate-200">
          {VIEWS.map((v) => (
            <Link
              key={v}
              href={v === "holders" ? "/sessions" : `/sessions?view=${v}`}
              aria-current={state.view === v ? "page" : undefined}
              className={cn("-mb-px border-b-2 px-3 py-2 text-sm font-medium", state.view === v ? "border-accent-600 text-accent-800" : "border-transparent text-slate-600 hover:text-slate-900")}
            >
              {t(`views.${v}`)}
            </Link>
          ))}
        </nav>
        {state.view === "holders" && <HoldersSection data={state.data} query={state.query} canImport={canImport} />}
        {state.view === "snapshots" && <SnapshotsSection data={state.data} query={state.query} />}
        {state.view === "history" && <HistorySection data={state.data} query={state.query} who={state.who} />}
      </div>
    </>
  );
}

function useWhen() {
  const format = useFormatter();
  return (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : "—");
}

function useDuration() {
  const t = useTranslations("sessions");
  return (minutes: number | null) => {
    if (minutes === null) return "—";
    if (minutes < 60) return t("duration.minutes", { m: minutes });
    return t("duration.hours", { h: Math.floor(minutes / 60), m: minutes % 60 });
  };
}

const historyHref = (who: { user?: string | null; host?: string | null }) => {
  const params = new URLSearchParams({ view: "history" });
  if (who.user) params.set("user", who.user);
  if (who.host) params.set("host", who.host);
  return `/sessions?${params}`;
};

function LicenseCell({ series, licenseType, issuedByServer }: { series: string | null; licenseType: string | null; issuedByServer: boolean | null }) {
  const t = useTranslations("sessions");
  if (!series) return <span className="text-slate-500">{t("license.none")}</span>;
  return (
    <span className="flex flex-col gap-0.5">
      <span className="font-mono text-xs">{series}</span>
      <span className="text-xs text-slate-600">
        {licenseType?.toLowerCase() === "hasp" ? t("license.key") : t("license.soft")} · {issuedByServer ? t("license.server") : issuedByServer === false ? t("license.client") : t("license.unknownSource")}
      </span>
    </span>
  );
}

function FixLink({ row }: { row: HolderWire }) {
  const t = useTranslations("sessions.unmatched");
  const fix = row.fix;
  if (!fix) return null;
  const link = (href: string, text: string) => (
    <Link href={href} className="text-accent-700 hover:underline">
      {text}
    </Link>
  );
  switch (fix.kind) {
    case "kit":
      return link(`/kits/${fix.id}`, t("recordActivation", { regNumber: fix.regNumber, host: row.host ?? "—" }));
    case "new-kit":
      return link("/kits/new", t("recordKit", { regNumber: fix.regNumber }));
    case "key":
      return link(`/keys?q=${encodeURIComponent(fix.series)}`, t("checkKey", { series: fix.series }));
    case "new-key":
      return link("/keys", t("recordKey", { series: fix.series }));
  }
}

function PoolCell({ row }: { row: HolderWire }) {
  const t = useTranslations("sessions");
  const o = useTranslations("overview");
  const locale = useLocale() === "ru" ? "ru" : "en";
  if (row.matched === null) return <span className="text-slate-500">—</span>;
  if (row.matched && row.poolId === null) return <span className="text-slate-600">{t("pool.serverLicense")}</span>;
  if (row.matched)
    return (
      <span className="flex flex-col gap-0.5" title={row.poolId ?? undefined}>
        <span className="font-medium">{row.poolHost}</span>
        <span className="text-xs text-slate-600">
          {row.poolSource ? o(`pools.source.${row.poolSource}`) : ""} · {row.counting === "per-session" ? t("pool.perSession") : t("pool.perComputer")}
        </span>
      </span>
    );
  return (
    <span className="flex max-w-sm flex-col gap-1">
      <Badge tone="danger">{t("pool.unmatched")}</Badge>
      {row.reason && <span className="text-xs text-slate-700">{row.reason[locale]}</span>}
      <span className="text-xs">
        <FixLink row={row} />
      </span>
    </span>
  );
}

function HoldersSection({ data, query, canImport }: { data: HolderListResponse; query: HolderListQuery; canImport: boolean }) {
  const t = useTranslations("sessions");
  const locale = useLocale() === "ru" ? "ru" : "en";
  const when = useWhen();
  const duration = useDuration();
  if (!data.snapshot) {
    return <EmptyState title={t("empty.title")} description={canImport ? t("empty.descriptionAdmin") : t("empty.description")} />;
  }
  const snapshot = data.snapshot;
  const filterLink = (params: Record<string, string>, children: ReactNode) => {
    const search = new URLSearchParams({ ...(query.snapshot ? { snapshot: String(query.snapshot) } : {}), ...params });
    return (
      <Link href={`/sessions?${search}`} className="text-accent-700 hover:underline">
        {children}
      </Link>
    );
  };

  const columns: Array<ListColumn<HolderWire>> = [
    {
      key: "userName",
      label: t("columns.user"),
      sortable: true,
      cell: (r) =>
        r.userName ? (
          <Link href={historyHref({ user: r.userName })} className="font-medium text-accent-700 hover:underline" title={t("historyOf", { name: r.userName })}>
            {r.userName}
          </Link>
        ) : (
          "—"
        ),
      csv: (r) => r.userName,
    },
    {
      key: "host",
      label: t("columns.host"),
      sortable: true,
      nowrap: true,
      cell: (r) =>
        r.host ? (
          <Link href={historyHref({ host: r.host })} className="text-accent-700 hover:underline" title={t("historyOf", { name: r.host })}>
            {r.host}
          </Link>
        ) : (
          <span className="text-slate-500" title={t("noHost")}>
            —
          </span>
        ),
      csv: (r) => r.host,
    },
    { key: "infobase", label: t("columns.infobase"), sortable: true, cell: (r) => r.infobase ?? "—", csv: (r) => r.infobase },
    { key: "appId", label: t("columns.app"), sortable: true, nowrap: true, cell: (r) => <span className="font-mono text-xs">{r.appId ?? "—"}</span>, csv: (r) => r.appId },
    { key: "license", label: t("columns.license"), sortable: true, cell: (r) => <LicenseCell {...r} />, csv: (r) => (r.series ? `${r.series} ${r.licenseType ?? ""}`.trim() : "") },
    { key: "pool", label: t("columns.pool"), sortable: true, cell: (r) => <PoolCell row={r} />, csv: (r) => (r.matched === false ? t("pool.unmatched") : (r.poolId ?? "")) },
    { key: "reason", label: t("columns.reason"), exportOnly: true, cell: () => null, csv: (r) => (r.reason ? r.reason[locale] : "") },
    { key: "startedAt", label: t("columns.since"), sortable: true, nowrap: true, cell: (r) => when(r.startedAt), csv: (r) => r.startedAt },
    {
      key: "idle",
      label: t("columns.idle"),
      sortable: true,
      numeric: true,
      nowrap: true,
      cell: (r) => (
        <span className="flex flex-col items-end gap-1">
          <span>{duration(r.idleMinutes)}</span>
          {r.flags.map((f) => (
            <Badge key={f} tone="warning">
              {t(`flags.${f}`)}
            </Badge>
          ))}
          {r.hibernated && !r.flags.includes("hibernated") && <Badge>{t("flags.hibernatedNoSeat")}</Badge>}
        </span>
      ),
      csv: (r) => r.idleMinutes,
    },
    { key: "flags", label: t("columns.flags"), exportOnly: true, cell: () => null, csv: (r) => r.flags.map((f) => t(`flags.${f}`)).join("; ") },
  ];

  return (
    <div className="flex flex-col gap-6">
      <Card
        title={t("snapshot.title", { when: when(snapshot.takenAt) })}
        description={
          <>
            {t("snapshot.description", { source: t(`source.${snapshot.source === "api" || snapshot.source === "demo" ? snapshot.source : "other"}`) })}{" "}
            <Link href="/sessions?view=snapshots" className="text-accent-700 underline">
              {t("snapshot.others")}
            </Link>
          </>
        }
      >
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-5" data-testid="snapshot-counts">
          <Stat label={t("counts.sessions")} value={data.counts.sessions} />
          <Stat label={t("counts.licensed")} value={data.counts.licensed} />
          <Stat label={t("counts.matched")} value={data.counts.matched} />
          <Stat label={t("counts.unmatched")} value={data.counts.unmatched} hint={data.counts.unmatched > 0 ? filterLink({ license: "unmatched" }, t("counts.showUnmatched")) : undefined} />
          <Stat label={t("counts.flagged")} value={data.counts.flagged} hint={data.counts.flagged > 0 ? filterLink({ flag: "flagged" }, t("counts.showFlagged")) : t("counts.flaggedHint")} />
        </div>
        {snapshot.warnings.length > 0 && (
          <details className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
            <summary className="cursor-pointer font-medium">{t("warnings", { count: snapshot.warnings.length })}</summary>
            <ul className="mt-1 list-disc pl-5">
              {snapshot.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          </details>
        )}
        <p className="mt-4 text-sm text-slate-600">{t("terminalNote")}</p>
      </Card>
      <Card title={t("holders.title")} description={t("holders.description")}>
        <ListProvider>
          <div className="flex flex-col gap-4">
            <ListFilters
              search={t("filters.search")}
              selects={[
                { name: "infobase", label: t("columns.infobase"), options: data.infobases.map((v) => ({ value: v, label: v })) },
                { name: "app", label: t("columns.app"), options: data.apps.map((v) => ({ value: v, label: v })) },
                { name: "license", label: t("filters.license"), options: (["matched", "unmatched", "none"] as const).map((v) => ({ value: v, label: t(`filters.licenses.${v}`) })) },
                { name: "flag", label: t("filters.flag"), options: (["flagged", "hibernated", "idle"] as const).map((v) => ({ value: v, label: t(`filters.flags.${v}`) })) },
              ]}
            />
            <ServerTable
              caption={t("holders.caption")}
              columns={columns}
              rows={data.sessions}
              total={data.total}
              rowKey={(r) => String(r.id)}
              defaultSort={{ key: "userName", dir: "asc" }}
              page={query.page}
              size={query.size}
              csv={{ url: "/api/sessions", listKey: "sessions", fileName: "seatledger-sessions" }}
              testId="holders-table"
              empty={<EmptyState title={t("holders.empty")} />}
            />
          </div>
        </ListProvider>
      </Card>
    </div>
  );
}

function SnapshotsSection({ data, query }: { data: { snapshots: SnapshotRow[]; total: number }; query: SnapshotListQuery }) {
  const t = useTranslations("sessions");
  const when = useWhen();
  const count = (n: number | null) => (n === null ? <span title={t("snapshots.notKept")}>—</span> : n);
  const columns: Array<ListColumn<SnapshotRow>> = [
    {
      key: "takenAt",
      label: t("columns.takenAt"),
      sortable: true,
      nowrap: true,
      cell: (s) => (
        <Link href={`/sessions?snapshot=${s.id}`} className="font-medium text-accent-700 hover:underline">
          {when(s.takenAt)}
        </Link>
      ),
      csv: (s) => s.takenAt,
    },
    { key: "source", label: t("columns.source"), cell: (s) => t(`source.${s.source === "api" || s.source === "demo" ? s.source : "other"}`), csv: (s) => s.source },
    { key: "sessions", label: t("counts.sessions"), sortable: true, numeric: true, cell: (s) => s.sessions, csv: (s) => s.sessions },
    { key: "licensed", label: t("counts.licensed"), sortable: true, numeric: true, cell: (s) => count(s.licensed), csv: (s) => s.licensed },
    { key: "matched", label: t("counts.matched"), numeric: true, cell: (s) => count(s.matched), csv: (s) => s.matched },
    { key: "unmatched", label: t("counts.unmatched"), sortable: true, numeric: true, cell: (s) => (s.unmatched ? <span className="font-medium text-red-700">{s.unmatched}</span> : count(s.unmatched)), csv: (s) => s.unmatched },
    {
      key: "warnings",
      label: t("columns.warnings"),
      sortable: true,
      cell: (s) =>
        s.warnings.length === 0 ? (
          <span className="text-slate-500">—</span>
        ) : (
          <details>
            <summary className="cursor-pointer text-amber-800">{t("warnings", { count: s.warnings.length })}</summary>
            <ul className="mt-1 list-disc pl-5 text-xs text-slate-700">
              {s.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          </details>
        ),
      csv: (s) => s.warnings.map((w) => w.message).join(" | "),
    },
  ];
  return (
    <Card title={t("snapshots.title")} description={t("snapshots.description")}>
      <ListProvider>
        <ServerTable
          caption={t("snapshots.title")}
          columns={columns}
          rows={data.snapshots}
          total={data.total}
          rowKey={(s) => String(s.id)}
          defaultSort={{ key: "takenAt", dir: "desc" }}
          page={query.page}
          size={query.size}
          csv={{ url: "/api/sessions/snapshots", listKey: "snapshots", fileName: "seatledger-snapshots" }}
          testId="snapshots-table"
          empty={<EmptyState title={t("empty.title")} description={t("empty.description")} />}
        />
      </ListProvider>
    </Card>
  );
}

function HistorySection({ data, query, who }: { data: { sessions: HistoryRow[]; total: number } | null; query: HistoryQuery | null; who: { user?: string; host?: string } }) {
  const t = useTranslations("sessions");
  const when = useWhen();
  if (!data || !query) {
    return <EmptyState title={t("history.pickTitle")} description={t("history.pickDescription")} action={<Link href="/sessions" className={buttonClass("secondary", "sm")}>{t("views.holders")}</Link>} />;
  }
  const columns: Array<ListColumn<HistoryRow>> = [
    { key: "firstSeenAt", label: t("columns.firstSeen"), sortable: true, nowrap: true, cell: (r) => when(r.firstSeenAt), csv: (r) => r.firstSeenAt },
    { key: "lastSeenAt", label: t("columns.lastSeen"), sortable: true, nowrap: true, cell: (r) => when(r.lastSeenAt), csv: (r) => r.lastSeenAt },
    { key: "userName", label: t("columns.user"), sortable: true, cell: (r) => (r.userName && !who.user ? <Link href={historyHref({ user: r.userName })} className="text-accent-700 hover:underline">{r.userName}</Link> : (r.userName ?? "—")), csv: (r) => r.userName },
    { key: "host", label: t("columns.host"), sortable: true, nowrap: true, cell: (r) => (r.host && !who.host ? <Link href={historyHref({ host: r.host })} className="text-accent-700 hover:underline">{r.host}</Link> : (r.host ?? "—")), csv: (r) => r.host },
    { key: "infobase", label: t("columns.infobase"), sortable: true, cell: (r) => r.infobase ?? "—", csv: (r) => r.infobase },
    { key: "appId", label: t("columns.app"), sortable: true, nowrap: true, cell: (r) => <span className="font-mono text-xs">{r.appId ?? "—"}</span>, csv: (r) => r.appId },
    { key: "license", label: t("columns.license"), sortable: true, cell: (r) => <LicenseCell {...r} />, csv: (r) => r.series },
  ];
  const title = who.user && who.host ? t("history.both", { user: who.user, host: who.host }) : who.user ? t("history.user", { name: who.user }) : t("history.host", { name: who.host ?? "" });
  return (
    <Card title={title} description={t("history.description")}>
      <ListProvider>
        <div className="flex flex-col gap-4">
          <ListFilters search={t("filters.historySearch")} />
          <ServerTable
            caption={title}
            columns={columns}
            rows={data.sessions}
            total={data.total}
            rowKey={(r) => String(r.id)}
            defaultSort={{ key: "firstSeenAt", dir: "desc" }}
            page={query.page}
            size={query.size}
            csv={{ url: "/api/sessions/history", listKey: "sessions", fileName: "seatledger-session-history" }}
            testId="history-table"
            empty={<EmptyState title={t("history.empty")} />}
          />
        </div>
      </ListProvider>
    </Card>
  );
}
