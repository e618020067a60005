"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/controls";
import { buttonClass } from "@/components/ui/styles";
import { EmptyState } from "@/components/ui/empty-state";
import { RowActions, useRecordEditing } from "@/components/ui/record-editing";
import { ListFilters, ListProvider, ServerTable, type ListColumn } from "@/components/ui/server-table";
import { COMPUTER_ROLES } from "@/lib/domain/enums";
import type { ComputerListQuery, ComputerListRow } from "@/lib/inventory/api";

import { ComputerForm } from "./computer-form";

/** Computers: every machine that holds a license, a key or a 1C server, with what is on it (DOMAIN §1.4–1.5, §2). */
export function ComputersView({ data, query, canWrite }: { data: { computers: ComputerListRow[]; total: number }; query: ComputerListQuery; canWrite: boolean }) {
  const t = useTranslations("computers");
  const f = useTranslations("forms");
  const editing = useRecordEditing();

  const columns: Array<ListColumn<ComputerListRow>> = [
    {
      key: "name",
      label: t("columns.name"),
      sortable: true,
      nowrap: true,
      cell: (c) => (
        <Link href={`/computers/${c.id}`} className="font-medium text-accent-700 hover:underline">
          {c.name}
        </Link>
      ),
      csv: (c) => c.name,
    },
    { key: "role", label: t("columns.role"), sortable: true, cell: (c) => <Badge>{t(`role.${c.role}`)}</Badge>, csv: (c) => t(`role.${c.role}`) },
    { key: "os", label: t("columns.os"), sortable: true, nowrap: true, cell: (c) => [c.osName, c.osVersion].filter(Boolean).join(" ") || "—", csv: (c) => [c.osName, c.osVersion].filter(Boolean).join(" ") },
    { key: "licenses", label: t("columns.licenses"), sortable: true, numeric: true, cell: (c) => c.licenses, csv: (c) => c.licenses },
    { key: "keys", label: t("columns.keys"), sortable: true, numeric: true, cell: (c) => c.keys, csv: (c) => c.keys },
    { key: "notes", label: t("columns.notes"), cell: (c) => <span className="text-slate-600">{c.notes ?? ""}</span>, csv: (c) => c.notes },
    ...(canWrite
      ? [
          {
            key: "actions",
            label: t("columns.actions"),
            className: "text-right whitespace-nowrap",
            cell: (c: ComputerListRow) => <RowActions id={c.id} editing={editing} labels={{ edit: t("actions.edit", { name: c.name }), delete: t("actions.delete", { name: c.name }) }} />,
          } satisfies ListColumn<ComputerListRow>,
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canWrite && !editing.adding ? (
            <button type="button" className={buttonClass("primary")} onClick={() => editing.setAdding(true)}>
              {t("form.add")}
            </button>
          ) : undefined
        }
      />
      <div className="flex flex-col gap-6">
        {editing.notice && <Notice tone="success">{editing.notice}</Notice>}
        {editing.adding && (
          <Card title={t("form.addTitle")} description={t("form.addDescription")}>
            <ComputerForm onCancel={() => editing.setAdding(false)} onDone={(c) => editing.done(f("created", { what: c.name }))} />
          </Card>
        )}
        <Card>
          <ListProvider>
            <div className="flex flex-col gap-4">
              <ListFilters search={t("filters.search")} selects={[{ name: "role", label: t("columns.role"), options: COMPUTER_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })) }]} />
              <ServerTable
                caption={t("caption")}
                columns={columns}
                rows={data.computers}
                total={data.total}
                rowKey={(c) => String(c.id)}
                defaultSort={{ key: "name", dir: "asc" }}
                page={query.page}
                size={query.size}
                csv={{ url: "/api/computers", listKey: "computers", fileName: "seatledger-computers" }}
                testId="computers-table"
                empty={<EmptyState title={t("empty.title")} description={t("empty.description")} />}
                expanded={(c) =>
                  editing.expanded(c.id, {
                    edit: () => <ComputerForm initial={c} onCancel={editing.close} onDone={(saved) => editing.done(t("saved", { name: saved.name }))} />,
                    remove: { url: `/api/computers/${c.id}`, what: c.name },
                  })
                }
              />
            </div>
          </ListProvider>
        </Card>
      </div>
    </>
  );
}
