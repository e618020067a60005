import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { HEAD_ROW, HeaderCell } from "@/components/ui/table-parts";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { KitWithPins } from "@/db/queries/pins";
import type { PinStatus } from "@/lib/domain/enums";
import type { PinHealth, PinSummary } from "@/lib/licensing/pin-summary";

import { formatMoney } from "@/lib/licensing/forecast";

import { purchaseDay } from "./format";
import { RevealPin } from "./reveal-pin";

export const HEALTH_TONE: Record<PinHealth, BadgeTone> = { "not-activated": "neutral", ok: "success", low: "warning", exhausted: "danger" };
const STATUS_TONE: Record<PinStatus, BadgeTone> = { unused: "accent", active: "success", spent: "neutral", void: "neutral" };

/**
 * One kit: what it is and cost (for finance), its PIN health and its PIN codes, masked (DOMAIN §1.1–1.3).
 * `summary` is null for kits without PIN codes (hardware-protected).
 */
export async function KitCard({ kit, summary, canReveal }: { kit: KitWithPins; summary: PinSummary | null; canReveal: boolean }) {
  const t = await getTranslations("kits");
  const format = await getFormatter();

  const purchased = purchaseDay(kit.purchaseDate);
  const price = kit.priceMinor === null ? null : formatMoney(kit.priceMinor, kit.currency, await getLocale());
  const hasBothSets = new Set(kit.pins.map((p) => p.set)).size > 1;
  const lockedSet = hasBothSets && kit.usageMode ? kit.usageMode : null;

  const detail = (label: string, value: ReactNode, testId?: string) => (
    <div className="min-w-0">
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );

  return (
    <Card
      title={<span className="font-mono tabular-nums">{kit.regNumber}</span>}
      description={kit.product}
      action={
        <div className="flex flex-wrap justify-end gap-1.5">
          <Badge>{t(`kind.${kit.kind}`)}</Badge>
          <Badge>{kit.level}</Badge>
          <Badge tone={kit.protection === "hardware" ? "neutral" : "accent"}>{t(`protection.${kit.protection}`)}</Badge>
        </div>
      }
    >
      <div className="flex flex-col gap-4" data-testid={`kit-${kit.regNumber}`}>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
          {detail(
            t("kit.seats"),
            kit.kind === "server" ? t("kit.serverSeats") + (kit.serverBitness ? ` · ${t("kit.bitness", { bitness: kit.serverBitness })}` : "") : format.number(kit.seats),
          )}
          {detail(t("kit.owner"), kit.ownerName ?? t("kit.notRecorded"))}
          {detail(t("kit.purchased"), purchased ? format.dateTime(purchased, { dateStyle: "medium", timeZone: "UTC" }) : (kit.purchaseDate ?? t("kit.notRecorded")))}
          {detail(t("kit.price"), price ?? t("kit.notRecorded"), "kit-price")}
          {detail(t("kit.supplier"), kit.supplier ?? t("kit.notRecorded"))}
          {summary &&
            detail(
              t("kit.pinHealth"),
              <span className="flex flex-col items-start gap-1">
                <Badge tone={HEALTH_TONE[summary.health]}>{t(`health.${summary.health}`)}</Badge>
                <span className="text-xs font-normal text-slate-600">
                  {summary.backupsLeft === null ? t("kit.modeOpen") : t("kit.backupsLeft", { count: summary.backupsLeft })}
                </span>
              </span>,
            )}
        </dl>

        {kit.protection === "hardware" && kit.pins.length === 0 ? (
          <p className="text-sm text-slate-600">{t("pins.hardware")}</p>
        ) : kit.pins.length === 0 ? (
          <p className="text-sm text-slate-600">{t("pins.none")}</p>
        ) : (
          <div className="flex flex-col gap-2">
            {lockedSet && <p className="text-sm text-slate-600">{t("pins.locked", { mode: lockedSet })}</p>}
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-sm" data-testid="pins-table">
                <caption className="sr-only">{t("pins.caption", { regNumber: kit.regNumber })}</caption>
                <thead>
                  <tr className={HEAD_ROW}>
                    <HeaderCell>{t("pins.set")}</HeaderCell>
                    <HeaderCell>{t("pins.role")}</HeaderCell>
                    <HeaderCell>{t("pins.code")}</HeaderCell>
                    <HeaderCell>{t("pins.status")}</HeaderCell>
                    <HeaderCell>{t("pins.source")}</HeaderCell>
                  </tr>
                </thead>
                <tbody>
                  {kit.pins.map((pin) => (
                    <tr key={pin.id} className={`border-b border-slate-100 last:border-0 ${lockedSet && pin.set !== lockedSet ? "text-slate-400" : ""}`}>
                      <td className="px-2 py-1.5 whitespace-nowrap">{t(`set.${pin.set}`)}</td>
                      <td className="px-2 py-1.5 whitespace-nowrap">{t(`role.${pin.role}`)}</td>
                      <td className="px-2 py-1.5">
                        {pin.maskedCode === null ? (
                          <Badge tone="danger">{t("pins.unreadable")}</Badge>
                        ) : canReveal ? (
                          <RevealPin pinId={pin.id} maskedCode={pin.maskedCode} />
                        ) : (
                          <code className="font-mono text-slate-700 tabular-nums" data-testid="pin-masked">
                            {pin.maskedCode}
                          </code>
                        )}
                      </td>
                      <td className="px-2 py-1.5">
                        <Badge tone={STATUS_TONE[pin.status]}>{t(`status.${pin.status}`)}</Badge>
                      </td>
                      <td className="px-2 py-1.5 whitespace-nowrap">{t(`source.${pin.source}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </div>
    </Card>
  );
}
