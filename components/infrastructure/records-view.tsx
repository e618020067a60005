"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ComponentType, ReactNode } from "react";

import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/controls";
import { EmptyState } from "@/components/ui/empty-state";
import { RowActions, useRecordEditing } from "@/components/ui/record-editing";
import { ListFilters, ListProvider, ServerTable, type ListColumn } from "@/components/ui/server-table";
import { buttonClass } from "@/components/ui/styles";

import type { InfraEntity, InventoryChoices } from "./entities";
import type { RecordFormProps } from "./record-form";

/** What has to be recorded before the first record of a page: a key or a server needs its computer, a client-server infobase its server. */
const FIRST_RECORD: Record<InfraEntity, string> = { keys: "/computers", servers: "/computers", infobases: "/servers" };

/** What a section page hands its view: one page of the list, the pickers' choices, who may write, and the tab strip. */
export interface SectionViewProps<T> {
  rows: readonly T[];
  total: number;
  page: number;
  size: number;
  canWrite: boolean;
  choices: InventoryChoices;
  /** The section's tab strip (a server component). */
  tabs: ReactNode;
}

export interface RecordsViewProps<W extends { id: number }, T extends W> extends SectionViewProps<T> {
  entity: InfraEntity;
  /** The list's columns; the view adds Edit and Delete for those who may write. */
  columns: ReadonlyArray<ListColumn<T>>;
  /** How notices and buttons name a record ("ORG8A (no. 123)", "srv-1c"). */
  label: (record: W) => string;
  Form: ComponentType<RecordFormProps<W>>;
  selects?: ReadonlyArray<{ name: string; label: string; options: ReadonlyArray<{ value: string; label: string }> }>;
  defaultSort: string;
}

/**
 * One page of "Keys & servers" (DOMAIN §2, §4): the section's header and tabs, the server-paged list with its
 * filters and CSV, and for administrators the add form above the list, edit and delete under a row. Every
 * change ends in a notice and a fresh render of the page on the server.
 */
export function RecordsView<W extends { id: number }, T extends W>({ entity, tabs, rows, total, page, size, canWrite, columns, label, Form, choices, selects, defaultSort }: RecordsViewProps<W, T>) {
  const t = useTranslations("infra");
  const f = useTranslations("forms");
  const nav = useTranslations("nav");
  const editing = useRecordEditing();

  const actions: ListColumn<T> = {
    key: "actions",
    label: t("actions.column"),
    className: "text-right whitespace-nowrap",
    cell: (r) => <RowActions id={r.id} editing={editing} labels={{ edit: t("actions.edit", { what: label(r) }), delete: t("actions.delete", { what: label(r) }) }} />,
  };

  return (
    <>
      <PageHeader
        title={nav("keys")}
        description={t(`${entity}.description`)}
        actions={
          canWrite && !editing.adding ? (
            <button type="button" className={buttonClass("primary")} onClick={() => editing.setAdding(true)}>
              {t(`${entity}.form.add`)}
            </button>
          ) : undefined
        }
      />
      {tabs}
      <div className="flex flex-col gap-6">
        {editing.notice && <Notice tone="success">{editing.notice}</Notice>}
        {editing.adding && (
          <Card title={t(`${entity}.form.addTitle`)} description={t(`${entity}.form.addDescription`)}>
            <Form choices={choices} onCancel={() => editing.setAdding(false)} onDone={(saved) => editing.done(f("created", { what: label(saved) }))} />
          </Card>
        )}
        <Card>
          <ListProvider>
            <div className="flex flex-col gap-4">
              <ListFilters search={t(`${entity}.filters.search`)} selects={selects} />
              <ServerTable
                caption={t(`${entity}.caption`)}
                columns={canWrite ? [...columns, actions] : columns}
                rows={rows}
                total={total}
                rowKey={(r) => String(r.id)}
                defaultSort={{ key: defaultSort, dir: "asc" }}
                page={page}
                size={size}
                csv={{ url: `/api/${entity}`, listKey: entity, fileName: `seatledger-${entity}` }}
                testId={`${entity}-table`}
                empty={
                  <EmptyState
                    title={t(`${entity}.empty.title`)}
                    description={t(`${entity}.empty.description`)}
                    action={
                      <Link href={FIRST_RECORD[entity]} className={buttonClass("secondary")}>
                        {t(`${entity}.empty.link`)}
                      </Link>
                    }
                  />
                }
                expanded={(r) =>
                  editing.expanded(r.id, {
                    edit: () => <Form initial={r} choices={choices} onCancel={editing.close} onDone={(saved) => editing.done(t("saved", { what: label(saved) }))} />,
                    remove: { url: `/api/${entity}/${r.id}`, what: label(r) },
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
