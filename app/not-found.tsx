import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { EmptyState } from "@/components/ui/empty-state";

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <div className="mx-auto mt-12 max-w-xl">
      <EmptyState
        title={t("title")}
        titleAs="h1"
        description={t("description")}
        action={
          <Link
            href="/"
            className="inline-flex rounded-md bg-accent-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-accent-800 hover:no-underline"
          >
            {t("backToOverview")}
          </Link>
        }
      />
    </div>
  );
}
