import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("sessions") };
}

export default async function SessionsPage() {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.sessions")} description={t("coming.sections.sessions.description")} />
      <ComingSoon section="sessions" audiences={["admin", "lead"]} />
    </>
  );
}
