"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";

import { NAV_ITEMS, type NavKey } from "./nav-items";



/** `/` is active only on itself; other sections also on their sub-pages (`/kits/12`). */
export function isActiveHref(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** `items`: the sections the signed-in role may open (the server decides, lib/security/access.ts). */
export function Sidebar({ items }: { items: readonly NavKey[] }) {
  const t = useTranslations();
  const pathname = usePathname() ?? "/";

  return (
    <div className="flex flex-col gap-4 px-3 py-4 md:gap-6 md:py-5">
      <Link href="/" className="flex items-center gap-3 rounded-md px-2 text-inherit no-underline hover:no-underline">
        <span aria-hidden="true" className="grid size-9 shrink-0 place-items-center rounded-md bg-accent-700 text-sm font-bold text-white">
          SL
        </span>
        <span className="min-w-0">
          <span className="block text-base leading-tight font-semibold text-slate-900">{t("common.appName")}</span>
          <span className="block text-xs leading-snug text-slate-500">{t("common.tagline")}</span>
        </span>
      </Link>

      <nav aria-label={t("nav.label")}>
        <ul className="flex gap-1 overflow-x-auto md:flex-col md:overflow-visible">
          {NAV_ITEMS.filter((item) => items.includes(item.key)).map((item) => {
            const active = [item.href, ...("also" in item ? item.also : [])].some((href) => isActiveHref(pathname, href));
            return (
              <li key={item.key} className="shrink-0">
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "relative block rounded-md px-3 py-2 text-sm no-underline transition-colors hover:no-underline",
                    active
                      ? "bg-accent-50 font-semibold text-accent-800 md:before:absolute md:before:inset-y-1.5 md:before:left-0 md:before:w-1 md:before:rounded-full md:before:bg-accent-600"
                      : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                  )}
                >
                  {t(`nav.${item.key}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}
