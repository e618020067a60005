"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";

import { EmptyState } from "@/components/ui/empty-state";

function digestOf(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string") {
    return error.digest;
  }
  return undefined;
}

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("common.error");
  const digest = digestOf(error);

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className="mx-auto mt-12 max-w-xl">
      <EmptyState
        title={t("title")}
        titleAs="h1"
        description={
          <>
            {t("description")}
            {digest !== undefined && (
              <span className="mt-2 block font-mono text-xs text-slate-500">{t("reference", { digest })}</span>
            )}
          </>
        }
        action={
          <button
            type="button"
            onClick={() => retry()}
            className="rounded-md bg-accent-700 px-4 py-2 text-sm font-medium text-white hover:bg-accent-800"
          >
            {t("retry")}
          </button>
        }
      />
    </div>
  );
}
