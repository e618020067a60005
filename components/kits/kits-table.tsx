"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ListFilters, ListProvider, ServerTable, type ListColumn } from "@/components/ui/server-table";
import { KIT_KINDS, KIT_PROTECTIONS } from "@/lib/domain/enums";
import { PIN_HEALTHS, type KitListQuery, type KitListResponse, type KitListRow } from "@/lib/inventory/api";
import { formatMoney } from "@/lib/licensing/forecast";

import { HEALTH_TONE } from "./health";
import { purchaseDay } from "./format";

/** The kits list, filtered, sorted and paged on the server. */
export function KitsTable({ list, query, canWrite }: { list: KitListResponse; query: KitListQuery; canWrite: boolean }) {
  const t = useTranslations("kits");
  const format = useFormatter();
  const locale = useLocale();
  const day = (iso: string | null) => {
    const d = purchaseDay(iso);
    return d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : "";
  };
  const health = (k: KitListRow) => (k.summary ? t(`health.${k.summary.health}`) : t("list.hardwareKey"));

  const columns: Array<ListColumn<KitListRow>> = [
    {
      key: "regNumber",
      label: t("list.columns.kit"),
      sortable: true,
      nowrap: true,
      className: "min-w-72",
      cell: (k) => (
        <span className="flex flex-col">
          <Link href={`/kits/${k.id}`} className="font-mono font-medium text-accent-700 tabular-nums hover:underline">
            {k.regNumber}
          </Link>
          <span className="text-xs whitespace-normal text-slate-600">{k.product}</span>
        </span>
      ),
      csv: (k) => k.regNumber,
    },
    { key: "product", label: t("list.columns.product"), exportOnly: true, cell: () => null, csv: (k) => k.product },
    { key: "kind", label: t("list.columns.kind"), sortable: true, nowrap: true, cell: (k) => t(`kind.${k.kind}`), csv: (k) => t(`kind.${k.kind}`) },
    { key: "seats", label: t("list.columns.seats"), sortable: true, numeric: true, cell: (k) => (k.kind === "server" ? "—" : format.number(k.seats)), csv: (k) => k.seats },
    {
      key: "health",
      label: t("list.columns.health"),
      sortable: true,
      nowrap: true,
      cell: (k) =>
        k.summary ? (
          <span className="flex flex-col items-start gap-0.5">
            <Badge tone={HEALTH_TONE[k.summary.health]}>{t(`health.${k.summary.health}`)}</Badge>
            <span className="text-xs text-slate-600">{k.summary.backupsLeft === null ? t("kit.modeOpen") : t("kit.backupsLeft", { count: k.summary.backupsLeft })}</span>
          </span>
        ) : (
          <Badge>{t("list.hardwareKey")}</Badge>
        ),
      csv: health,
    },
    { key: "owner", label: t("list.columns.owner"), sortable: true, cell: (k) => k.ownerName ?? <span className="text-slate-400">—</span>, csv: (k) => k.ownerName },
    { key: "purchaseDate", label: t("list.columns.purchased"), sortable: true, nowrap: true, cell: (k) => day(k.purchaseDate) || "—", csv: (k) => k.purchaseDate },
    {
      key: "priceMinor",
      label: t("list.columns.price"),
      sortable: true,
      numeric: true,
      nowrap: true,
      cell: (k) => (k.priceMinor === null ? "—" : formatMoney(k.priceMinor, k.currency, locale)),
      csv: (k) => (k.priceMinor === null ? null : (k.priceMinor / 100).toFixed(2)),
    },
  ];

  return (
    <ListProvider>
      <div className="flex flex-col gap-4">
        <ListFilters
          search={t("list.search")}
          selects={[
            { name: "kind", label: t("list.columns.kind"), options: KIT_KINDS.map((v) => ({ value: v, label: t(`kind.${v}`) })) },
            { name: "protection", label: t("list.protection"), options: KIT_PROTECTIONS.map((v) => ({ value: v, label: t(`protection.${v}`) })) },
            { name: "health", label: t("list.columns.health"), options: PIN_HEALTHS.map((v) => ({ value: v, label: t(`health.${v}`) })) },
          ]}
        />
        <ServerTable
          caption={t("list.caption")}
          columns={columns}
          rows={list.kits}
          total={list.total}
          rowKey={(k) => String(k.id)}
          defaultSort={{ key: "regNumber", dir: "asc" }}
          page={query.page}
          size={query.size}
          csv={{ url: "/api/kits", listKey: "kits", fileName: "seatledger-kits" }}
          testId="kits-table"
          empty={<EmptyState titleAs="h2" title={t("empty.title")} description={canWrite ? t("empty.descriptionAdmin") : t("empty.description")} />}
        />
      </div>
    </ListProvider>
  );
}
