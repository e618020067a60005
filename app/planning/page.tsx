import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("planning") };
}

export default async function PlanningPage() {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.planning")} description={t("coming.sections.planning.description")} />
      <ComingSoon section="planning" audiences={["finance"]} />
    </>
  );
}
