import { getTranslations } from "next-intl/server";
import { cache } from "react";

import { loadRecord } from "@/app/_lib/record";
import { requirePage } from "@/app/_lib/session";
import { ComputerDetail } from "@/components/computers/computer-detail";
import { getDb } from "@/db/client";
import { computerDetail } from "@/db/queries/computers";
import { can } from "@/lib/security/access";

// Keyed by the id: the metadata and the page of one request load the record once.
const load = cache((id: string) => loadRecord({ id }, (id) => computerDetail(getDb(), id)));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("computers");
  return { title: t("detail.title", { name: load((await params).id).computer.name }) };
}

export default async function ComputerPage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePage("inventory");
  return <ComputerDetail detail={load((await params).id)} canWrite={can(principal, "inventory.write")} />;
}
