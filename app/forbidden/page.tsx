import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { currentPrincipal } from "@/app/_lib/session";
import { EmptyState } from "@/components/ui/empty-state";

/** proxy.ts renders this with status 403 in place of a page the signed-in role may not open. */
export default async function ForbiddenPage() {
  const [t, roles, principal] = await Promise.all([getTranslations("auth.forbidden"), getTranslations("auth.roles"), currentPrincipal()]);
  const role = principal?.kind === "user" ? roles(principal.role) : "—";
  return (
    <div className="mx-auto mt-12 max-w-xl">
      <EmptyState
        title={t("title")}
        titleAs="h1"
        description={t("description", { role })}
        action={
          <Link
            href="/"
            className="inline-flex rounded-md bg-accent-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-accent-800 hover:no-underline"
          >
            {t("back")}
          </Link>
        }
      />
    </div>
  );
}
