"use client";

import { useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import type { ListColumn } from "@/components/ui/server-table";
import { KEY_KINDS } from "@/lib/domain/enums";
import type { KeyListRow } from "@/lib/inventory/api";

import { Code, ComputerLink, Muted, StatusBadge } from "./cells";
import { KeyForm, useKeyLabel } from "./key-form";
import { RecordsView, type SectionViewProps } from "./records-view";

/** HASP keys (DOMAIN §2): where each is plugged in, and whether the platform counts it — same series on one host counts once. */
export function KeysView(props: SectionViewProps<KeyListRow>) {
  const t = useTranslations("infra.keys");
  const label = useKeyLabel();
  const counted = (k: KeyListRow) =>
    k.counted ? { tone: "success" as const, text: t("counted.yes") } : k.computerId === null ? { tone: "neutral" as const, text: t("counted.unplugged"), help: t("counted.unpluggedHelp") } : { tone: "warning" as const, text: t("counted.duplicate"), help: t("counted.duplicateHelp") };
  const columns: Array<ListColumn<KeyListRow>> = [
    { key: "series", label: t("columns.series"), sortable: true, nowrap: true, cell: (k) => <span className="font-mono font-medium">{k.series}</span>, csv: (k) => k.series },
    { key: "kind", label: t("columns.kind"), sortable: true, cell: (k) => <Badge>{t(`kind.${k.kind}`)}</Badge>, csv: (k) => t(`kind.${k.kind}`) },
    { key: "seats", label: t("columns.seats"), sortable: true, numeric: true, cell: (k) => k.seats, csv: (k) => k.seats },
    { key: "keyNumber", label: t("columns.keyNumber"), nowrap: true, cell: (k) => <Code value={k.keyNumber} />, csv: (k) => k.keyNumber },
    { key: "computer", label: t("columns.computer"), sortable: true, className: "whitespace-nowrap", cell: (k) => <ComputerLink id={k.computerId} name={k.computerName} />, csv: (k) => k.computerName },
    { key: "kit", label: t("columns.kit"), sortable: true, nowrap: true, cell: (k) => <Code value={k.kitRegNumber} />, csv: (k) => k.kitRegNumber },
    { key: "counted", label: t("columns.counted"), cell: (k) => <StatusBadge {...counted(k)} />, csv: (k) => [counted(k).text, counted(k).help].filter(Boolean).join(": ") },
    { key: "notes", label: t("columns.notes"), cell: (k) => <Muted text={k.notes} />, csv: (k) => k.notes },
  ];
  return (
    <RecordsView
      {...props}
      entity="keys"
      columns={columns}
      label={label}
      Form={KeyForm}
      selects={[{ name: "kind", label: t("columns.kind"), options: KEY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })) }]}
      defaultSort="series"
    />
  );
}
