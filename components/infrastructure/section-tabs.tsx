import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { cn } from "@/components/ui/cn";

import { INFRA_ENTITIES, type InfraEntity } from "./entities";

/** One strip for the three pages of "Keys & servers" (the sidebar marks the section; this marks the page). */
export async function SectionTabs({ active }: { active: InfraEntity }) {
  const t = await getTranslations("infra.tabs");
  return (
    <nav aria-label={t("label")} className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {INFRA_ENTITIES.map((entity) => (
          <li key={entity} className="shrink-0">
            <Link
              href={`/${entity}`}
              aria-current={entity === active ? "page" : undefined}
              className={cn(
                "block border-b-2 px-3 py-2 text-sm no-underline hover:no-underline",
                entity === active ? "border-accent-600 font-semibold text-accent-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              {t(entity)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
