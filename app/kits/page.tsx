import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";

import { currentPrincipal } from "@/app/_lib/session";
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
  // proxy.ts already refused anyone without `inventory`; checked again so the page never relies on it alone.
  const principal = await currentPrincipal();
  if (!principal) redirect("/sign-in?next=%2Fkits");
  if (!can(principal, "inventory")) notFound();

  const db = getDb();
  const data = listKitsWithPins(db);
  const inventory = loadInventory(db);
  const summaries = new Map(inventory.kits.filter((k) => k.protection === "software").map((k) => [k.id, summarisePins(k, inventory.pins, inventory.activations)]));

  return <KitsView data={data} summaries={summaries} canReveal={can(principal, "secrets.reveal")} />;
}
