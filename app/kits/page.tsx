import { getTranslations } from "next-intl/server";

import { requirePage } from "@/app/_lib/session";
import { KitsView } from "@/components/kits/kits-view";
import { getDb } from "@/db/client";
import { loadInventory } from "@/db/queries/inventory";
import { listKitsWithPins } from "@/db/queries/pins";
import { summarisePins } from "@/lib/licensing/pin-summary";
import { can } from "@/lib/security/access";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("kits") };
}

export default async function KitsPage() {
  const principal = await requirePage("inventory");

  const db = getDb();
  const data = listKitsWithPins(db);
  const inventory = loadInventory(db);
  const summaries = new Map(inventory.kits.filter((k) => k.protection === "software").map((k) => [k.id, summarisePins(k, inventory.pins, inventory.activations)]));

  return <KitsView data={data} summaries={summaries} canReveal={can(principal, "secrets.reveal")} />;
}
