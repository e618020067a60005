import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("seats") };
}

export default async function SeatsPage() {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.seats")} description={t("coming.sections.seats.description")} />
      <ComingSoon section="seats" audiences={["finance", "lead"]} />
    </>
  );
}
