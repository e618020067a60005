import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";

import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/styles";
import { Stat } from "@/components/ui/stat";
import type { KitsSummary } from "@/db/queries/kits";
import type { KitListQuery, KitListResponse } from "@/lib/inventory/api";
import { formatMoney } from "@/lib/licensing/forecast";

import { InventoryWarnings } from "./inventory-warnings";
import { KitsCsvPanel } from "./kits-csv-panel";
import { KitsTable } from "./kits-table";
import { OwnerRegistration } from "./owner-registration";
import { RingCheck } from "./ring-check";

export interface KitsViewProps {
  list: KitListResponse;
  query: KitListQuery;
  summary: KitsSummary;
  /** `inventory.write`: Add kit, CSV import. */
  canWrite: boolean;
  /** `secrets.reveal`: Reveal buttons, the clear CSV export. */
  canReveal: boolean;
}

/** Registration numbers & PINs: every kit, what it cost, its PIN health; the owners' registration data (masked); CSV and ring checks. */
export async function KitsView({ list, query, summary, canWrite, canReveal }: KitsViewProps) {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale, { wholeUnits: true });

  return (
    <>
      <PageHeader
        title={t("nav.kits")}
        description={t("kits.description")}
        actions={
          canWrite ? (
            <Link href="/kits/new" className={buttonClass("primary")}>
              {t("kits.list.add")}
            </Link>
          ) : undefined
        }
      />
      <p className="mb-6 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="reveal-note">
        {canReveal ? t("kits.maskedNote.admin") : t("kits.maskedNote.others")}
      </p>
      <InventoryWarnings warnings={summary.warnings} />

      <section className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4" aria-label={t("kits.stats.label")}>
        <Card>
          <Stat label={t("kits.stats.kits")} value={<span data-testid="stat-kits">{format.number(summary.kits)}</span>} hint={t("kits.stats.kitsHint", { software: summary.software, hardware: summary.kits - summary.software })} />
        </Card>
        <Card>
          <Stat label={t("kits.stats.seats")} value={<span data-testid="stat-seats">{format.number(summary.seats)}</span>} hint={t("kits.stats.seatsHint")} />
        </Card>
        <Card>
          <Stat
            label={t("kits.stats.paid")}
            value={
              <span data-testid="stat-paid" className="flex flex-col">
                {summary.paid.length === 0 ? "—" : summary.paid.map((p) => <span key={p.currency}>{money(p.minor, p.currency)}</span>)}
              </span>
            }
            hint={summary.paid.length === 0 ? t("kits.stats.paidNone") : t("kits.stats.paidHint", { count: summary.priced })}
          />
        </Card>
        <Card>
          <Stat label={t("kits.stats.attention")} value={<span data-testid="stat-short">{format.number(summary.short)}</span>} hint={t("kits.stats.attentionHint")} />
        </Card>
      </section>

      <div className="flex flex-col gap-6">
        <Card>
          <KitsTable list={list} query={query} canWrite={canWrite} />
        </Card>

        {summary.owners.map((owner) => (
          <Card
            key={owner.id}
            title={t("kits.owner.title", { name: owner.name })}
            description={t("kits.owner.description")}
            action={<span className="text-sm text-slate-500">{t("kits.owner.kits", { count: owner.kits })}</span>}
          >
            {owner.fields === null ? (
              <p className="text-sm text-red-800">{t("kits.owner.unreadable")}</p>
            ) : owner.fields.length === 0 ? (
              <p className="text-sm text-slate-600">{t("kits.owner.none")}</p>
            ) : (
              <OwnerRegistration ownerId={owner.id} ownerName={owner.name} maskedFields={owner.fields} canReveal={canReveal} />
            )}
          </Card>
        ))}

        <RingCheck />
        <KitsCsvPanel canWrite={canWrite} canReveal={canReveal} />
      </div>
    </>
  );
}
