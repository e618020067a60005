import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("kits") };
}

export default async function KitsPage() {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.kits")} description={t("coming.sections.kits.description")} />
      <ComingSoon section="kits" audiences={["admin", "finance"]} />
    </>
  );
}
