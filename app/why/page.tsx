import { getTranslations } from "next-intl/server";

import { requirePage } from "@/app/_lib/session";
import { WhyView } from "@/components/why/why-view";
import { getDb } from "@/db/client";
import { inventoryChoices } from "@/db/queries/infrastructure";
import { getLatestSnapshot } from "@/db/queries/sessions";
import { listNoLicenseEvents } from "@/db/queries/why";
import { can } from "@/lib/security/access";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("why") };
}

/** The newest recorded events first, as many as a lead scans. */
const RECENT_EVENTS = 20;

export default async function WhyPage() {
  const principal = await requirePage("why");
  const db = getDb();
  const events = listNoLicenseEvents(db, {}).events.slice(-RECENT_EVENTS).reverse();
  const choices = inventoryChoices(db);
  return <WhyView infobases={choices.infobases.map((i) => i.name)} computers={choices.computers.map((c) => c.name)} events={events} newestCapture={getLatestSnapshot(db)?.takenAt.toISOString() ?? null} canOpenInventory={can(principal, "inventory")} canSave={can(principal, "events.write")} />;
}
