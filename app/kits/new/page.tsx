import { getTranslations } from "next-intl/server";

import { requirePage } from "@/app/_lib/session";
import { NewKitForm } from "@/components/kits/new-kit-form";
import { PageHeader } from "@/components/shell/page-header";
import { getDb } from "@/db/client";
import { maskedOwners } from "@/db/queries/pins";
import { getLicensingSettings } from "@/db/queries/settings";

export async function generateMetadata() {
  const t = await getTranslations("kits.new");
  return { title: t("title") };
}

export default async function NewKitPage() {
  await requirePage("inventory.write");
  const t = await getTranslations("kits.new");
  const db = getDb();
  const settings = getLicensingSettings(db);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <NewKitForm owners={maskedOwners(db)} kitSizes={settings.kitSizes} multiOnlyMinSeats={settings.multiOnlyMinSeats} currency={settings.currency} />
    </>
  );
}
