import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { currentPrincipal } from "@/app/_lib/session";
import { Providers } from "@/components/providers";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { Sidebar } from "@/components/shell/sidebar";
import { UserMenu } from "@/components/shell/user-menu";
import { pageAllowed } from "@/lib/security/access";

import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: t("appName"), template: `%s · ${t("appName")}` },
    description: t("tagline"),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  const principal = await currentPrincipal();
  const navItems = NAV_ITEMS.filter((item) => pageAllowed(item.href, principal)).map((item) => item.key);

  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <Providers>
            <a
              href="#main"
              className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:px-3 focus:py-2 focus:top-2 focus:left-2 focus:z-50"
            >
              {t("skipToContent")}
            </a>
            {principal ? (
              <div className="flex min-h-screen flex-col md:flex-row">
                <aside className="shrink-0 border-b border-slate-200 bg-white md:sticky md:top-0 md:h-screen md:w-64 md:overflow-y-auto md:border-r md:border-b-0 print:hidden">
                  <Sidebar items={navItems} />
                </aside>
                <div className="flex min-w-0 flex-1 flex-col">
                  <div className="flex min-h-14 shrink-0 flex-wrap items-center justify-end gap-x-6 gap-y-2 border-b border-slate-200 bg-white px-4 py-2 sm:px-6 print:hidden">
                    <LanguageSwitch />
                    {principal.kind === "user" ? <UserMenu name={principal.name} email={principal.email} role={principal.role} /> : null}
                  </div>
                  <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8 print:p-0">
                    {children}
                  </main>
                </div>
              </div>
            ) : (
              // Signed out: only the sign-in and setup pages render here (proxy.ts redirects everything else).
              <div className="min-h-screen px-6 py-6">
                <div className="flex justify-end print:hidden">
                  <LanguageSwitch />
                </div>
                <main id="main" tabIndex={-1} className="outline-none">
                  {children}
                </main>
              </div>
            )}
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
