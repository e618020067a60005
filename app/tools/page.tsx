import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("tools") };
}

export default async function ToolsPage() {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.tools")} description={t("coming.sections.tools.description")} />
      <ComingSoon section="tools" audiences={["admin"]} />
    </>
  );
}
