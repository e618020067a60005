import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { currentPrincipal } from "@/app/_lib/session";
import { PasswordForm } from "@/components/auth/forms";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { MIN_PASSWORD_LENGTH } from "@/db/auth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.account"))("title") };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const [t, roles, principal, params] = await Promise.all([getTranslations("auth.account"), getTranslations("auth.roles"), currentPrincipal(), searchParams]);
  if (principal?.kind !== "user") return null;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid max-w-3xl gap-6">
        <Card>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-slate-500">{t("signedInAs")}</dt>
            <dd>
              {principal.name} · {principal.email}
            </dd>
            <dt className="text-slate-500">{t("role")}</dt>
            <dd>
              {roles(principal.role)} <span className="block text-xs text-slate-500">{t("roleHelp")}</span>
            </dd>
          </dl>
        </Card>
        <Card title={t("changePassword")}>
          <PasswordForm minPassword={MIN_PASSWORD_LENGTH} changed={params.changed === "1"} />
        </Card>
      </div>
    </>
  );
}
