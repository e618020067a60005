import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { requirePage } from "@/app/_lib/session";
import { toApiTokenWire, toUserWire } from "@/lib/security/account-api";
import { AlertsSection } from "@/components/settings/alerts-section";
import { TokensSection } from "@/components/settings/tokens-section";
import { UsersSection } from "@/components/settings/users-section";
import { PageHeader } from "@/components/shell/page-header";
import { MIN_PASSWORD_LENGTH } from "@/db/auth";
import { getDb } from "@/db/client";
import { loadOverview } from "@/db/queries/overview";
import { isSharedPool } from "@/lib/licensing/alerts";
import { getLicensingSettings } from "@/db/queries/settings";
import { listApiTokens } from "@/db/queries/tokens";
import { listUsers } from "@/db/queries/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

/**
 * Users and API tokens (issue #5), and when the Overview raises its alerts (issue 11 §5). proxy.ts admits administrators only; the page checks again so it never
 * renders the lists for anyone else. The lists are read here and handed to the client sections as their
 * first data; changes go through /api/users and /api/tokens.
 */
export default async function SettingsPage() {
  const [t, principal] = await Promise.all([getTranslations("settings"), requirePage("settings.write")]);
  const db = getDb();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6">
        <UsersSection initialUsers={listUsers(db).map(toUserWire)} me={principal.kind === "user" ? principal.id : null} minPasswordLength={MIN_PASSWORD_LENGTH} />
        <TokensSection initialTokens={listApiTokens(db).map(toApiTokenWire)} />
        <AlertsSection
          settings={getLicensingSettings(db)}
          pools={loadOverview(db, new Date())
            // Only shared pools have a load to warn about.
            .model.pools.filter(({ pool }) => isSharedPool(pool))
            .map(({ pool, inUse }) => ({ id: pool.id, host: pool.host, source: pool.source, seats: pool.seats, inUse }))}
        />
      </div>
    </>
  );
}
