import { getTranslations } from "next-intl/server";

import { Overview } from "@/components/overview/overview";
import { getDb } from "@/db/client";
import { loadOverview } from "@/db/queries/overview";

export async function generateMetadata() {
  const t = await getTranslations("overview");
  return { title: t("title") };
}

export default async function OverviewPage() {
  const data = loadOverview(getDb(), new Date());
  return <Overview data={data} />;
}
