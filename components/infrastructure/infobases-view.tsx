"use client";

import { useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import type { ListColumn } from "@/components/ui/server-table";
import { INFOBASE_MODES } from "@/lib/domain/enums";
import type { InfobaseListRow } from "@/lib/inventory/api";

import { PathCode, StatusBadge } from "./cells";
import { InfobaseForm } from "./infobase-form";
import { RecordsView, type SectionViewProps } from "./records-view";

/** Infobases (DOMAIN §4): mode, server or folder, and the two settings that decide where a client may get a license. */
export function InfobasesView(props: SectionViewProps<InfobaseListRow>) {
  const t = useTranslations("infra.infobases");
  const yesNo = useTranslations("infra");
  const columns: Array<ListColumn<InfobaseListRow>> = [
    // The uuid rac prints (36 characters) sits under the name: a column of its own would not fit at 1280 px.
    {
      key: "name",
      label: t("columns.name"),
      sortable: true,
      cell: (ib) => (
        <span className="flex flex-col gap-0.5">
          <span className="font-medium">{ib.name}</span>
          {ib.racUuid && (
            <span className="font-mono text-xs whitespace-nowrap text-slate-500" data-testid="rac-uuid">
              <span className="sr-only">{t("columns.racUuid")}: </span>
              {ib.racUuid}
            </span>
          )}
        </span>
      ),
      csv: (ib) => ib.name,
    },
    { key: "mode", label: t("columns.mode"), sortable: true, cell: (ib) => <Badge tone={ib.mode === "file" ? "neutral" : "accent"}>{t(`mode.${ib.mode}`)}</Badge>, csv: (ib) => t(`mode.${ib.mode}`) },
    // §4: a client-server infobase is found through its server, a file-mode one by its folder: one column for both.
    {
      key: "server",
      label: t("columns.location"),
      sortable: true,
      cell: (ib) => (ib.serverName !== null ? <span className="whitespace-nowrap">{ib.serverName}</span> : <PathCode path={ib.path} />),
      csv: (ib) => ib.serverName ?? ib.path,
    },
    {
      key: "licenseDistribution",
      label: t("columns.licenseDistribution"),
      sortable: true,
      cell: (ib) => (ib.licenseDistribution === "deny" ? <StatusBadge tone="warning" text={t("distribution.deny")} help={t("distribution.denyHelp")} /> : t("distribution.allow")),
      csv: (ib) => t(`distribution.${ib.licenseDistribution}`),
    },
    { key: "useHardwareLicense", label: t("columns.useHardwareLicense"), cell: (ib) => yesNo(ib.useHardwareLicense ? "yes" : "no"), csv: (ib) => yesNo(ib.useHardwareLicense ? "yes" : "no") },
    { key: "racUuid", label: t("columns.racUuid"), exportOnly: true, cell: () => null, csv: (ib) => ib.racUuid },
  ];
  return (
    <RecordsView
      {...props}
      entity="infobases"
      columns={columns}
      label={(ib) => ib.name}
      Form={InfobaseForm}
      selects={[{ name: "mode", label: t("columns.mode"), options: INFOBASE_MODES.map((m) => ({ value: m, label: t(`mode.${m}`) })) }]}
      defaultSort="name"
    />
  );
}
