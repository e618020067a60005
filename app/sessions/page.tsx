import { getTranslations } from "next-intl/server";

import { listQueryFrom } from "@/app/_lib/list-query";
import { requirePage } from "@/app/_lib/session";
import { SessionsView, type SessionsViewData } from "@/components/sessions/sessions-view";
import { getDb } from "@/db/client";
import { listHolders, listSessionHistory, listSnapshots } from "@/db/queries/sessions";
import { can } from "@/lib/security/access";
import { HistoryQuerySchema, HolderListQuerySchema, SnapshotListQuerySchema } from "@/lib/sessions/api";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("sessions") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `?view=holders` (default) | `snapshots` | `history` (with `user=` or `host=`); each view's list state in the URL. */
export default async function SessionsPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePage("sessions");
  const params = await searchParams;
  const view = params.view === "snapshots" || params.view === "history" ? params.view : "holders";
  const db = getDb();
  let state: SessionsViewData;
  if (view === "snapshots") {
    const query = await listQueryFrom(SnapshotListQuerySchema, searchParams);
    state = { view, data: listSnapshots(db, query), query };
  } else if (view === "history") {
    const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
    const who = { user: first(params.user), host: first(params.host) };
    const parsed = HistoryQuerySchema.safeParse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
    const query = parsed.success ? parsed.data : who.user || who.host ? HistoryQuerySchema.parse(who) : null;
    state = { view, data: query ? listSessionHistory(db, query) : null, query, who };
  } else {
    const query = await listQueryFrom(HolderListQuerySchema, searchParams);
    state = { view, data: listHolders(db, query), query };
  }
  return <SessionsView state={state} canImport={can(principal, "import")} />;
}
