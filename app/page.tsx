import { getTranslations } from "next-intl/server";

import { requirePage } from "@/app/_lib/session";
import { Overview } from "@/components/overview/overview";
import { getDb } from "@/db/client";
import { loadOverview } from "@/db/queries/overview";
import { pageAllowed } from "@/lib/security/access";

export async function generateMetadata() {
  const t = await getTranslations("overview");
  return { title: t("title") };
}

export default async function OverviewPage() {
  const principal = await requirePage("overview");
  const data = loadOverview(getDb(), new Date());
  // An alert links to its page only for those who may open it (the path without its query decides).
  return <Overview data={data} canOpen={(href) => pageAllowed(href.split("?")[0], principal)} />;
}
