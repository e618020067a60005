import { getFormatter, getLocale, getTranslations } from "next-intl/server";

import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Stat } from "@/components/ui/stat";
import type { KitsWithPins } from "@/db/queries/pins";
import { formatMoney } from "@/lib/licensing/forecast";
import type { PinSummary } from "@/lib/licensing/pin-summary";

import { KitCard } from "./kit-card";
import { OwnerRegistration } from "./owner-registration";

export interface KitsViewProps {
  data: KitsWithPins;
  /** PIN health per software kit id (lib/licensing/pin-summary.ts). */
  summaries: ReadonlyMap<number, PinSummary>;
  /** Whether the viewer may reveal PINs and owner data (`secrets.reveal`): shows the Reveal buttons. */
  canReveal: boolean;
}

/** Registration numbers & PINs: every kit, what it cost, its PIN codes (masked) and the owner's data (masked). */
export async function KitsView({ data, summaries, canReveal }: KitsViewProps) {
  const t = await getTranslations();
  const format = await getFormatter();
  const title = t("nav.kits");
  const note = (
    <p className="mb-6 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="reveal-note">
      {canReveal ? t("kits.maskedNote.admin") : t("kits.maskedNote.others")}
    </p>
  );

  if (data.kits.length === 0) {
    return (
      <>
        <PageHeader title={title} description={t("kits.description")} />
        <EmptyState titleAs="h2" title={t("kits.empty.title")} description={t("kits.empty.description")} />
      </>
    );
  }

  const software = data.kits.filter((k) => k.protection === "software").length;
  const seats = data.kits.filter((k) => k.kind !== "server").reduce((sum, k) => sum + k.seats, 0);
  const priced = data.kits.filter((k) => k.priceMinor !== null);
  const paidByCurrency = new Map<string, number>();
  for (const k of priced) paidByCurrency.set(k.currency, (paidByCurrency.get(k.currency) ?? 0) + k.priceMinor!);
  const locale = await getLocale();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale, { wholeUnits: true });
  const short = [...summaries.values()].filter((s) => s.health === "low" || s.health === "exhausted").length;
  const kitsOf = (ownerId: number) => data.kits.filter((k) => k.ownerId === ownerId).length;

  return (
    <>
      <PageHeader title={title} description={t("kits.description")} />
      {note}

      <section className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4" aria-label={title}>
        <Card>
          <Stat label={t("kits.stats.kits")} value={<span data-testid="stat-kits">{format.number(data.kits.length)}</span>} hint={t("kits.stats.kitsHint", { software, hardware: data.kits.length - software })} />
        </Card>
        <Card>
          <Stat label={t("kits.stats.seats")} value={<span data-testid="stat-seats">{format.number(seats)}</span>} hint={t("kits.stats.seatsHint")} />
        </Card>
        <Card>
          <Stat
            label={t("kits.stats.paid")}
            value={
              <span data-testid="stat-paid" className="flex flex-col">
                {paidByCurrency.size === 0 ? "—" : [...paidByCurrency].map(([currency, minor]) => <span key={currency}>{money(minor, currency)}</span>)}
              </span>
            }
            hint={paidByCurrency.size === 0 ? t("kits.stats.paidNone") : t("kits.stats.paidHint", { count: priced.length })}
          />
        </Card>
        <Card>
          <Stat label={t("kits.stats.attention")} value={<span data-testid="stat-short">{format.number(short)}</span>} hint={t("kits.stats.attentionHint")} />
        </Card>
      </section>

      <div className="flex flex-col gap-6">
        {data.owners.map((owner) => (
          <Card
            key={owner.id}
            title={t("kits.owner.title", { name: owner.name })}
            description={t("kits.owner.description")}
            action={<span className="text-sm text-slate-500">{t("kits.owner.kits", { count: kitsOf(owner.id) })}</span>}
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

        {data.kits.map((kit) => (
          <KitCard key={kit.id} kit={kit} summary={summaries.get(kit.id) ?? null} canReveal={canReveal} />
        ))}
      </div>
    </>
  );
}
