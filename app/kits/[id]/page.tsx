import { getTranslations } from "next-intl/server";
import { cache } from "react";

import { loadRecord } from "@/app/_lib/record";
import { requirePage } from "@/app/_lib/session";
import { KitPage } from "@/components/kits/kit-page";
import { getDb } from "@/db/client";
import { kitPageData } from "@/db/queries/kits";
import { can } from "@/lib/security/access";

// Keyed by the id: the metadata and the page of one request load the record once.
const load = cache((id: string) => loadRecord({ id }, (id) => kitPageData(getDb(), id)));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("ledger");
  return { title: t("title", { regNumber: load((await params).id).detail.kit.regNumber }) };
}

export default async function KitRecordPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("inventory");
  const data = load((await params).id);
  const sp = await searchParams;
  const one = (key: string) => (typeof sp[key] === "string" ? (sp[key] as string) : undefined);
  return (
    <KitPage
      data={data}
      canWrite={can(principal, "inventory.write")}
      canReveal={can(principal, "secrets.reveal")}
      request={{ record: one("record"), pinId: one("pinId"), licFileName: one("licFileName"), addPin: one("addPin") === "1", created: one("created") === "1" }}
    />
  );
}
