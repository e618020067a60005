import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("keys") };
}

export default async function KeysPage() {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.keys")} description={t("coming.sections.keys.description")} />
      <ComingSoon section="keys" audiences={["admin"]} />
    </>
  );
}
