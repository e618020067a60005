import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/forms";
import { MIN_PASSWORD_LENGTH } from "@/db/auth";
import { getDb } from "@/db/client";
import { countUsers } from "@/db/queries/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.setup"))("title") };
}

/** One-time: creates the first administrator while the database has no account at all. */
export default async function SetupPage() {
  const [t, common] = await Promise.all([getTranslations("auth.setup"), getTranslations("common")]);
  if (countUsers(getDb()) > 0) {
    return (
      <AuthCard appName={common("appName")} title={t("title")} intro={t("done")}>
        <Link href="/sign-in">{t("toSignIn")}</Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard appName={common("appName")} title={t("title")} intro={t("intro")}>
      <SetupForm minPassword={MIN_PASSWORD_LENGTH} />
    </AuthCard>
  );
}
