import { getTranslations } from "next-intl/server";

import { requirePage } from "@/app/_lib/session";
import { PageHeader } from "@/components/shell/page-header";
import { ToolsView } from "@/components/tools/tools-view";
import { can } from "@/lib/security/access";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("tools") };
}

/** Tools (DESIGN.md: admin; finance reads): nethasp.ini checker and generator, the message explainer, the binding check. */
export default async function ToolsPage() {
  const principal = await requirePage("tools");
  const t = await getTranslations("tools");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ToolsView canPickComputer={can(principal, "inventory")} />
    </>
  );
}
