import Link from "next/link";
import { getFormatter, getTimeZone, getTranslations } from "next-intl/server";

import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { DataTable, type Cell, type Row } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Stat } from "@/components/ui/stat";
import { HEALTH_TONE } from "@/components/kits/health";
import { InventoryWarnings } from "@/components/kits/inventory-warnings";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { OverviewData } from "@/db/queries/overview";
import { poolLoad, type Alert } from "@/lib/licensing/alerts";

/** How a pool's load reads in the table: the alert rule's level (lib/licensing/alerts.ts `poolLoad`). */
const LOAD_TONE = { full: "danger", "over-threshold": "warning" } as const satisfies Record<string, BadgeTone>;

/** The Overview: seats per pool in the newest snapshot, purchased vs usable, server licenses, PINs left. */
export async function Overview({ data, canOpen }: { data: OverviewData; canOpen: (href: string) => boolean }) {
  const t = await getTranslations("overview");
  const format = await getFormatter();
  const zone = await getTimeZone();
  const { model, snapshotTakenAt } = data;
  const n = (v: number) => format.number(v);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  if (data.empty) {
    return (
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <EmptyState titleAs="h2" title={t("emptyTitle")} description={t("emptyDescription")} />
      </>
    );
  }

  const exhausted = model.kits.filter((k) => k.pins.health === "exhausted").length;
  const low = model.kits.filter((k) => k.pins.health === "low").length;
  const load = (inUse: number, seats: number) => (seats > 0 ? inUse / seats : 0);
  const loadTone = (pool: { id: string; seats: number }, inUse: number): BadgeTone | undefined => {
    const level = poolLoad(data.thresholds, pool, inUse);
    return level ? LOAD_TONE[level] : undefined;
  };

  const poolRows: Row[] = model.pools.map((u) => ({
    id: u.pool.id,
    cells: {
      pool: t(`pools.source.${u.pool.source}`),
      host: u.pool.host,
      counting: t(`pools.countingMode.${u.pool.counting}`),
      licenses: [...new Set(u.pool.members.map((m) => (m.keyId ? t("pools.key", { series: u.pool.keySeries ?? "", regNumber: m.regNumber ?? "none" }) : (m.regNumber ?? ""))))].join(", "),
      seats: u.pool.seats,
      inUse: u.inUse,
      free: u.free,
      load: { text: format.number(load(u.inUse, u.pool.seats), { style: "percent" }), sort: load(u.inUse, u.pool.seats), tone: loadTone(u.pool, u.inUse) },
    },
  }));
  const poolFooter: Record<string, Cell> = {
    pool: t("pools.total"),
    seats: model.totals.seats,
    inUse: model.totals.inUse,
    free: model.totals.free,
    load: format.number(load(model.totals.inUse, model.totals.seats), { style: "percent" }),
  };
  const ignoredNotes = model.pools
    .filter((u) => u.pool.ignoredKeyIds.length > 0)
    .map((u) => t("pools.ignoredKeys", { count: u.pool.ignoredKeyIds.length, series: u.pool.keySeries ?? "", host: u.pool.host, seats: model.reconciliation.notCounted }));

  const kitRows: Row[] = model.kits.map(({ kit, pins }) => ({
    id: String(kit.id),
    cells: {
      regNumber: kit.regNumber,
      product: kit.product,
      seats: kit.kind === "server" ? null : kit.seats,
      mode: t(`kits.modes.${kit.kind === "server" ? "server" : (kit.usageMode ?? pins.usableSet ?? "none")}`),
      active: pins.active,
      spent: pins.spent,
      backupsLeft: pins.backupsLeft ?? { text: "—", sort: null },
      health: { text: t(`kits.healthValue.${pins.health}`), sort: ["exhausted", "low", "ok", "not-activated"].indexOf(pins.health), tone: HEALTH_TONE[pins.health] },
    },
  }));

  const sessionRows: Row[] = data.sessions.map((s) => ({
    id: String(s.id),
    cells: {
      user: s.userName || t("snapshot.noUser"),
      host: s.terminalSession ? `${s.host} · ${s.terminalSession}` : (s.host ?? ""),
      infobase: s.infobase ?? "",
      app: s.appId ?? "",
      started: s.startedAt ? { text: when(s.startedAt), sort: s.startedAt.getTime() } : null,
      license: s.series ?? t("snapshot.noLicense"),
      issuedBy: s.series ? (s.issuedByServer ? t("snapshot.byServer") : t("snapshot.byClient")) : "",
    },
  }));

  const r = model.reconciliation;
  const reconciliation = (
    [
      ["purchased", r.purchased],
      ["usable", r.usable],
      ["notActivated", r.notActivated],
      ["notCounted", r.notCounted],
      ["unaccounted", r.unaccounted],
    ] as const
  ).filter(([key, value]) => key !== "unaccounted" || value !== 0);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <p className="text-sm text-slate-600" data-testid="snapshot-time">
            {snapshotTakenAt ? t("snapshotAt", { time: when(snapshotTakenAt), zone }) : t("noSnapshot")}
          </p>
        }
      />
      <InventoryWarnings warnings={model.warnings} />
      <Alerts alerts={data.alerts} canOpen={canOpen} runwayMonths={data.runwayWarningMonths} />

      <section className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-5" aria-label={t("title")}>
        <Card>
          <Stat label={t("stats.usable")} value={<span data-testid="stat-usable">{n(model.totals.seats)}</span>} hint={t("stats.usableHint", { pools: model.pools.length })} />
        </Card>
        <Card>
          <Stat
            label={t("stats.inUse")}
            value={<span data-testid="stat-in-use">{n(model.totals.inUse)}</span>}
            hint={t("stats.inUseHint", { percent: format.number(load(model.totals.inUse, model.totals.seats), { style: "percent" }) })}
          />
        </Card>
        <Card>
          <Stat label={t("stats.free")} value={<span data-testid="stat-free">{n(model.totals.free)}</span>} hint={t("stats.freeHint")} />
        </Card>
        <Card>
          <Stat label={t("stats.exhausted")} value={<span data-testid="stat-exhausted">{n(exhausted)}</span>} hint={t("stats.exhaustedHint", { low })} />
        </Card>
        <Card>
          <Stat label={t("stats.events")} value={<span data-testid="stat-events">{n(data.events.lastWeek)}</span>} hint={t("stats.eventsHint", { total: n(data.events.total) })} />
        </Card>
      </section>

      <div className="grid gap-6 xl:grid-cols-3 [&>*]:min-w-0">
        <Card className="xl:col-span-3" title={t("pools.title")} description={t("pools.description")}>
          <DataTable
            testId="pools-table"
            caption={t("pools.caption")}
            csvName="seatledger-pools"
            columns={[
              { key: "pool", label: t("pools.pool") },
              { key: "host", label: t("pools.host"), nowrap: true },
              { key: "counting", label: t("pools.counting"), nowrap: true },
              { key: "licenses", label: t("pools.licenses") },
              { key: "seats", label: t("pools.seats"), numeric: true },
              { key: "inUse", label: t("pools.inUse"), numeric: true },
              { key: "free", label: t("pools.free"), numeric: true },
              { key: "load", label: t("pools.load"), numeric: true },
            ]}
            rows={poolRows}
            footer={poolRows.length ? poolFooter : undefined}
            empty={t("pools.empty")}
          />
          {ignoredNotes.map((note) => (
            <p key={note} className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="ignored-keys-note">
              {note}
            </p>
          ))}
        </Card>

        <div className="grid gap-6 md:grid-cols-2 xl:col-span-3 [&>*]:min-w-0">
          <Card title={t("reconciliation.title")} description={t("reconciliation.description")}>
            <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 text-sm" data-testid="reconciliation">
              {reconciliation.map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="text-slate-600">{t(`reconciliation.${key}`)}</dt>
                  <dd className="text-right font-medium tabular-nums" data-testid={`reconciliation-${key}`}>
                    {n(value)}
                  </dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card title={t("server.title")} description={t("server.description")}>
            {model.serverLicenses.length ? (
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {model.serverLicenses.map((s) => (
                  <li key={`${s.host}-${s.regNumber}-${s.keyId ?? ""}`}>{t("server.line", { host: s.host, bitness: s.bitness ?? "unknown", via: s.via, regNumber: s.regNumber ?? "none" })}</li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-amber-900">{t("server.none")}</p>
            )}
          </Card>
        </div>

        <Card className="xl:col-span-3" title={t("kits.title")} description={t("kits.description")}>
          <DataTable
            testId="kits-table"
            caption={t("kits.caption")}
            csvName="seatledger-pins-left"
            initialSort={{ key: "health", dir: "asc" }}
            columns={[
              { key: "regNumber", label: t("kits.regNumber") },
              { key: "product", label: t("kits.product"), wide: true },
              { key: "seats", label: t("kits.seats"), numeric: true },
              { key: "mode", label: t("kits.mode"), nowrap: true },
              { key: "active", label: t("kits.active"), numeric: true },
              { key: "spent", label: t("kits.spent"), numeric: true },
              { key: "backupsLeft", label: t("kits.backupsLeft"), numeric: true },
              { key: "health", label: t("kits.health") },
            ]}
            rows={kitRows}
            empty={t("kits.empty")}
          />
        </Card>

        <Card
          className="xl:col-span-3"
          title={t("snapshot.title")}
          description={snapshotTakenAt ? t("snapshot.description", { time: when(snapshotTakenAt) }) : t("noSnapshot")}
        >
          {model.snapshot && (
            <>
              <dl className="mb-4 flex flex-wrap gap-x-8 gap-y-2 text-sm" data-testid="snapshot-stats">
                <div>
                  <dt className="text-slate-600">{t("snapshot.sessions")}</dt>
                  <dd className="text-xl font-semibold tabular-nums" data-testid="snapshot-sessions">{n(model.snapshot.sessions)}</dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t("snapshot.licensed")}</dt>
                  <dd className="text-xl font-semibold tabular-nums" data-testid="snapshot-licensed">{n(model.snapshot.licensed)}</dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t("snapshot.unmatched")}</dt>
                  <dd className="text-xl font-semibold tabular-nums" data-testid="snapshot-unmatched">{n(model.snapshot.unmatched)}</dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t("snapshot.byApp")}</dt>
                  <dd className="mt-1 flex flex-wrap gap-2">
                    {model.snapshot.byApp.map((a) => (
                      <span key={a.appId} className="rounded bg-slate-100 px-2 py-0.5 tabular-nums">
                        {a.appId || "—"}: {n(a.sessions)}
                      </span>
                    ))}
                  </dd>
                </div>
              </dl>
              <DataTable
                testId="sessions-table"
                caption={t("snapshot.caption")}
                csvName="seatledger-snapshot-sessions"
                columns={[
                  { key: "user", label: t("snapshot.user") },
                  { key: "host", label: t("snapshot.host"), nowrap: true },
                  { key: "infobase", label: t("snapshot.infobase") },
                  { key: "app", label: t("snapshot.app") },
                  { key: "started", label: t("snapshot.started"), nowrap: true },
                  { key: "license", label: t("snapshot.license") },
                  { key: "issuedBy", label: t("snapshot.issuedBy") },
                ]}
                rows={sessionRows}
                empty={t("snapshot.empty")}
              />
            </>
          )}
        </Card>
      </div>
    </>
  );
}

/** The alerts card (issue 11 §5): each alert in words, its severity in words too, and a link to the page that resolves it. */
async function Alerts({ alerts, canOpen, runwayMonths }: { alerts: readonly Alert[]; canOpen: (href: string) => boolean; runwayMonths: number }) {
  const t = await getTranslations("overview");
  return (
    <Card className="mb-6" title={t("alerts.title")} description={alerts.length ? `${t("alerts.count", { count: alerts.length })} · ${t("alerts.description")}` : undefined}>
      {alerts.length === 0 ? (
        <p className="text-sm text-slate-700" data-testid="alerts-none">
          {t("alerts.none", { months: runwayMonths })}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="alerts">
          {alerts.map((a, i) => {
            const place = typeof a.params.source === "string" ? t(`pools.source.${a.params.source as "soft-server"}`) : "";
            return (
              <li key={`${a.code}-${i}`} className="flex flex-col gap-2 py-2.5 sm:flex-row sm:items-start sm:justify-between" data-testid="alert" data-code={a.code} data-severity={a.severity}>
                <p className="flex min-w-0 items-start gap-2 text-sm text-slate-800">
                  <Badge tone={a.severity} className="mt-0.5 shrink-0">
                    {t(`alerts.severity.${a.severity}`)}
                  </Badge>
                  <span className="min-w-0 break-words">{t(`alerts.text.${a.code}`, { ...a.params, place, ...(a.at !== undefined ? { at: new Date(a.at) } : {}) })}</span>
                </p>
                {canOpen(a.href) && (
                  <Link href={a.href} className="shrink-0 text-sm font-medium text-accent-700 hover:underline sm:pl-4">
                    {t(`alerts.action.${a.code}`)}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
