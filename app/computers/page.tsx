import { getTranslations } from "next-intl/server";

import { listQueryFrom } from "@/app/_lib/list-query";
import { requirePage } from "@/app/_lib/session";
import { ComputersView } from "@/components/computers/computers-view";
import { getDb } from "@/db/client";
import { listComputers } from "@/db/queries/computers";
import { ComputerListQuerySchema } from "@/lib/inventory/api";
import { can } from "@/lib/security/access";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("computers") };
}

export default async function ComputersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("inventory");
  const query = await listQueryFrom(ComputerListQuerySchema, searchParams);
  return <ComputersView data={listComputers(getDb(), query)} query={query} canWrite={can(principal, "inventory.write")} />;
}
