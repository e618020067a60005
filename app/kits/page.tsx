import { getTranslations } from "next-intl/server";

import { listQueryFrom } from "@/app/_lib/list-query";
import { requirePage } from "@/app/_lib/session";
import { KitsView } from "@/components/kits/kits-view";
import { getDb } from "@/db/client";
import { kitsSummary, listKits } from "@/db/queries/kits";
import { KitListQuerySchema } from "@/lib/inventory/api";
import { can } from "@/lib/security/access";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("kits") };
}

export default async function KitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("inventory");
  const query = await listQueryFrom(KitListQuerySchema, searchParams);
  const db = getDb();
  return <KitsView list={listKits(db, query)} query={query} summary={kitsSummary(db)} canWrite={can(principal, "inventory.write")} canReveal={can(principal, "secrets.reveal")} />;
}
