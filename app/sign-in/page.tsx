import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/forms";
import { getDb } from "@/db/client";
import { countUsers } from "@/db/queries/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const [t, common, params] = await Promise.all([getTranslations("auth.signIn"), getTranslations("common"), searchParams]);
  const next = typeof params.next === "string" ? params.next : undefined;
  const noUsers = countUsers(getDb()) === 0;
  return (
    <AuthCard appName={common("appName")} title={t("title")} intro={t("intro")}>
      {noUsers ? (
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("noUsers")} <Link href="/setup">{t("setupLink")}</Link>
        </p>
      ) : null}
      <SignInForm next={next} />
      <p className="mt-4 text-xs text-slate-500">{t("forgot")}</p>
    </AuthCard>
  );
}
