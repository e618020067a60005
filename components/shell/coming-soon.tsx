import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { PageHeader } from "@/components/shell/page-header";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

export type ComingSection = "kits" | "keys" | "planning";
export type Audience = "finance" | "admin" | "lead";

export type ComingSoonProps = {
  section: ComingSection;
  audiences: readonly Audience[];
};

/** The honest state of a section not built yet: what it will answer and for whom, and no figures. */
export async function ComingSoon({ section, audiences }: ComingSoonProps) {
  const t = await getTranslations("coming");
  return (
    <Card className="max-w-3xl">
      <div className="flex flex-col gap-4">
        <div>
          <Badge tone="accent">{t("badge")}</Badge>
        </div>
        <div>
          <h2 className="text-base font-semibold">{t("heading")}</h2>
          <p className="mt-1 text-slate-700">
            {t.rich(`sections.${section}.answers`, { code: (chunks) => <code>{chunks}</code> })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-500">{t("audience")}</span>
          <ul className="flex flex-wrap gap-2">
            {audiences.map((audience) => (
              <li key={audience}>
                <Badge>{t(`audiences.${audience}`)}</Badge>
              </li>
            ))}
          </ul>
        </div>
        <p className="border-t border-slate-100 pt-3 text-sm text-slate-500">{t("notice")}</p>
      </div>
    </Card>
  );
}

/** Title metadata of a coming section: its navigation label. */
export function comingSoonMetadata(section: ComingSection) {
  return async function generateMetadata(): Promise<Metadata> {
    const t = await getTranslations("nav");
    return { title: t(section) };
  };
}

/** The whole page of a section whose issue has not landed: header plus the honest "coming" card. */
export function comingSoonPage(section: ComingSection, audiences: readonly Audience[]) {
  return async function ComingSoonPage() {
    const t = await getTranslations();
    return (
      <>
        <PageHeader title={t(`nav.${section}`)} description={t(`coming.sections.${section}.description`)} />
        <ComingSoon section={section} audiences={audiences} />
      </>
    );
  };
}
