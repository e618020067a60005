import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";

import { SectionTabs } from "@/components/infrastructure/section-tabs";
import type { InfraEntity } from "@/components/infrastructure/entities";
import type { SectionViewProps } from "@/components/infrastructure/records-view";
import { getDb, type Db } from "@/db/client";
import { inventoryChoices } from "@/db/queries/infrastructure";
import { can } from "@/lib/security/access";

import { listQueryFrom } from "./list-query";
import { requirePage } from "./session";

/** The page title of a "Keys & servers" tab. */
export function sectionMetadata(entity: InfraEntity) {
  return async function generateMetadata(): Promise<Metadata> {
    const t = await getTranslations("infra.tabs");
    return { title: t(entity) };
  };
}

/**
 * Everything a "Keys & servers" page gives its view: the list page its URL asks for (read by the same zod
 * schema as the list's API route), the pickers' choices, whether the reader may write, and the tab strip.
 */
export async function loadSection<E extends InfraEntity, S extends z.ZodType<{ page: number; size: number }, Record<string, unknown>>, T>(
  entity: E,
  schema: S,
  searchParams: Promise<Record<string, string | string[] | undefined>>,
  /** The list's query function: its answer names the rows after the entity (`{ keys, total }`), like the list's API. */
  list: (db: Db, query: z.output<S>) => { total: number } & { [K in E]: T[] },
): Promise<SectionViewProps<T>> {
  const principal = await requirePage("inventory");
  const query = await listQueryFrom(schema, searchParams);
  const db = getDb();
  const found = list(db, query);
  return {
    rows: found[entity],
    total: found.total,
    page: query.page,
    size: query.size,
    choices: inventoryChoices(db),
    canWrite: can(principal, "inventory.write"),
    tabs: <SectionTabs active={entity} />,
  };
}

export type SectionPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };
