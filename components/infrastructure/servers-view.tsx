"use client";

import { useTranslations } from "next-intl";

import type { ListColumn } from "@/components/ui/server-table";
import type { ServerListRow } from "@/lib/inventory/api";

import { Code, ComputerLink, StatusBadge } from "./cells";
import { RecordsView, type SectionViewProps } from "./records-view";
import { ServerForm } from "./server-form";

/** 1C servers (DOMAIN §4): where each runs, its service user (§1.5) and its server license, or the warning that none is recorded. */
export function ServersView(props: SectionViewProps<ServerListRow>) {
  const t = useTranslations("infra.servers");
  const columns: Array<ListColumn<ServerListRow>> = [
    { key: "name", label: t("columns.name"), sortable: true, nowrap: true, cell: (s) => <span className="font-medium">{s.name}</span>, csv: (s) => s.name },
    { key: "computer", label: t("columns.computer"), sortable: true, nowrap: true, cell: (s) => <ComputerLink id={s.computerId} name={s.computerName} />, csv: (s) => s.computerName },
    { key: "bitness", label: t("columns.bitness"), sortable: true, nowrap: true, cell: (s) => t(`bitness.${s.bitness}`), csv: (s) => t(`bitness.${s.bitness}`) },
    {
      key: "license",
      label: t("columns.license"),
      sortable: true,
      cell: (s) => (s.licenseRegNumber === null ? <StatusBadge tone="warning" text={t("noLicense")} /> : <Code value={s.licenseRegNumber} />),
      csv: (s) => s.licenseRegNumber ?? t("noLicense"),
    },
    { key: "infobases", label: t("columns.infobases"), sortable: true, numeric: true, cell: (s) => s.infobases, csv: (s) => s.infobases },
    { key: "serviceUser", label: t("columns.serviceUser"), nowrap: true, cell: (s) => <Code value={s.serviceUser} />, csv: (s) => s.serviceUser },
    { key: "port", label: t("columns.port"), numeric: true, cell: (s) => s.clusterPort, csv: (s) => s.clusterPort },
  ];
  return <RecordsView {...props} entity="servers" columns={columns} label={(s) => s.name} Form={ServerForm} defaultSort="name" />;
}
