import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("why") };
}

export default async function WhyPage() {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.why")} description={t("coming.sections.why.description")} />
      <ComingSoon section="why" audiences={["lead"]} />
    </>
  );
}
