import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { HEAD_ROW, HeaderCell } from "@/components/ui/table-parts";
import type { KitPageData } from "@/db/queries/kits";
import { formatMoney } from "@/lib/licensing/forecast";

import { purchaseDay } from "./format";
import { CreatedNotice } from "./created-notice";
import { HEALTH_TONE, STATUS_TONE } from "./health";
import { KitActions } from "./kit-actions";
import { LedgerPanel, type LedgerRequest } from "./ledger-panel";
import { OwnerRegistration } from "./owner-registration";
import { RevealPin } from "./reveal-pin";
import { RingCheck } from "./ring-check";

const Td = ({ children, className }: { children: ReactNode; className?: string }) => <td className={`px-2 py-1.5 align-top ${className ?? ""}`}>{children}</td>;

/**
 * One kit (issue #9): purchase data, owner, PINs (masked, Reveal for administrators), the PIN summary and
 * runway, the activation timeline, and the ledger's actions — record an activation or recovery, add an
 * additional PIN, the letter to the Licensing Center, ring output checked against the ledger.
 */
export async function KitPage({ data, canWrite, canReveal, request }: { data: KitPageData; canWrite: boolean; canReveal: boolean; request: LedgerRequest & { created: boolean } }) {
  const t = await getTranslations("ledger");
  const k = await getTranslations("kits");
  const format = await getFormatter();
  const locale = (await getLocale()) === "ru" ? "ru" : "en";
  const { detail, owner } = data;
  const { kit, summary, runway, activations } = detail;
  const software = kit.protection === "software";
  const pinById = new Map(kit.pins.map((p) => [p.id, p]));
  const masked = (id: number | null) => (id === null ? "—" : (pinById.get(id)?.maskedCode ?? k("pins.unreadable")));
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const day = purchaseDay(kit.purchaseDate);
  const percent = (p: number | null) => (p === null ? "—" : format.number(p, { style: "percent", maximumFractionDigits: 0 }));

  const detailRow = (label: string, value: ReactNode, testId?: string) => (
    <div className="min-w-0" key={label}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="font-mono tabular-nums">{kit.regNumber}</span>
            <span className="flex flex-wrap gap-1.5 text-base">
              <Badge>{k(`kind.${kit.kind}`)}</Badge>
              <Badge>{kit.level}</Badge>
              <Badge tone={software ? "accent" : "neutral"}>{k(`protection.${kit.protection}`)}</Badge>
              {kit.usageMode && <Badge>{k(`mode.${kit.usageMode}`)}</Badge>}
            </span>
          </span>
        }
        description={kit.product}
        actions={canWrite ? <KitActions kit={kit} extra={data.extra} owners={data.owners} /> : undefined}
      />
      <div className="flex flex-col gap-6" data-testid={`kit-${kit.regNumber}`}>
        <p className="text-sm">
          <Link href="/kits" className="text-accent-700 hover:underline">
            ← {t("back")}
          </Link>
        </p>
        {request.created && <CreatedNotice text={t("created")} />}

        <div className="grid gap-6 xl:grid-cols-3">
          <Card title={t("kit.title")} className="xl:col-span-2">
            <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
              {detailRow(
                k("kit.seats"),
                kit.kind === "server" ? k("kit.serverSeats") + (kit.serverBitness ? ` · ${k("kit.bitness", { bitness: kit.serverBitness })}` : "") : format.number(kit.seats),
              )}
              {detailRow(k("kit.owner"), kit.ownerName ?? k("kit.notRecorded"))}
              {detailRow(k("kit.purchased"), day ? format.dateTime(day, { dateStyle: "medium", timeZone: "UTC" }) : (kit.purchaseDate ?? k("kit.notRecorded")))}
              {detailRow(k("kit.price"), kit.priceMinor === null ? k("kit.notRecorded") : formatMoney(kit.priceMinor, kit.currency, locale), "kit-price")}
              {detailRow(k("kit.supplier"), kit.supplier ?? k("kit.notRecorded"))}
              {software &&
                Object.entries(data.ledger.activeBySet).map(([set, n]) => detailRow(t("kit.activated", { set }), t("kit.activatedValue", { active: n!.active, limit: n!.limit }), `activated-${set}`))}
            </dl>
          </Card>

          {summary && (
            <Card title={t("summary.title")} description={t("summary.description")}>
              <div className="flex flex-col gap-3 text-sm" data-testid="pin-summary">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={HEALTH_TONE[summary.health]}>{k(`health.${summary.health}`)}</Badge>
                  <span className="font-medium" data-testid="backups-left">
                    {summary.backupsLeft === null ? k("kit.modeOpen") : k("kit.backupsLeft", { count: summary.backupsLeft })}
                  </span>
                </div>
                <p className="text-slate-600">{t("summary.counts", { total: summary.total, active: summary.active, spent: summary.spent })}</p>
                {runway && (
                  <div className="border-t border-slate-100 pt-3" data-testid="runway">
                    <p className="font-medium text-slate-900">{t("runway.title")}</p>
                    {runway.rateSource === "none" ? (
                      <p className="text-slate-600">{t(`runway.none.${(runway.reason ?? "not-activated") as "not-activated"}`)}</p>
                    ) : (
                      <ul className="mt-1 flex flex-col gap-0.5 text-slate-700">
                        <li>{runway.expectedExhaustion ? t("runway.exhaustion", { date: format.dateTime(new Date(runway.expectedExhaustion), { dateStyle: "medium" }) }) : t("runway.never")}</li>
                        <li>{t("runway.probability", { six: percent(runway.probabilityWithin6Months), twelve: percent(runway.probabilityWithin12Months) })}</li>
                        <li className="text-xs text-slate-500">{t(`runway.source.${runway.rateSource}`, { rate: format.number(runway.ratePerYear, { maximumFractionDigits: 2 }) })}</li>
                      </ul>
                    )}
                    <details className="mt-1 text-xs text-slate-500">
                      <summary className="cursor-pointer">{t("runway.method")}</summary>
                      <p className="mt-1">{runway.method[locale]}</p>
                    </details>
                  </div>
                )}
              </div>
            </Card>
          )}
        </div>

        <Card title={t("pins.title")} description={software ? t("pins.description") : k("pins.hardware")}>
          {kit.pins.length === 0 ? (
            <p className="text-sm text-slate-600">{software ? k("pins.none") : k("pins.hardware")}</p>
          ) : (
            <div className="flex flex-col gap-2">
              {data.ledger.lockedSet && data.ledger.sets.length > 1 && <p className="text-sm text-slate-600">{k("pins.locked", { mode: data.ledger.lockedSet })}</p>}
              <div className="relative overflow-x-auto">
                <table className="w-full border-collapse text-sm" data-testid="pins-table">
                  <caption className="sr-only">{k("pins.caption", { regNumber: kit.regNumber })}</caption>
                  <thead>
                    <tr className={HEAD_ROW}>
                      <HeaderCell>{k("pins.set")}</HeaderCell>
                      <HeaderCell>{k("pins.role")}</HeaderCell>
                      <HeaderCell>{k("pins.code")}</HeaderCell>
                      <HeaderCell>{k("pins.status")}</HeaderCell>
                      <HeaderCell>{k("pins.source")}</HeaderCell>
                    </tr>
                  </thead>
                  <tbody>
                    {kit.pins.map((pin) => (
                      <tr key={pin.id} className={`border-b border-slate-100 last:border-0 ${data.ledger.lockedSet && pin.set !== data.ledger.lockedSet ? "text-slate-400" : ""}`} data-pin={pin.id}>
                        <Td className="whitespace-nowrap">{k(`set.${pin.set}`)}</Td>
                        <Td className="whitespace-nowrap">
                          {k(`role.${pin.role}`)}
                          {data.ledger.reserveIds.includes(pin.id) && (
                            <span className="ml-1.5">
                              <Badge tone="accent">{t("pins.reserve")}</Badge>
                            </span>
                          )}
                        </Td>
                        <Td>
                          {pin.maskedCode === null ? (
                            <Badge tone="danger">{k("pins.unreadable")}</Badge>
                          ) : canReveal ? (
                            <RevealPin pinId={pin.id} maskedCode={pin.maskedCode} />
                          ) : (
                            <code className="font-mono text-slate-700 tabular-nums" data-testid="pin-masked">
                              {pin.maskedCode}
                            </code>
                          )}
                        </Td>
                        <Td>
                          <Badge tone={STATUS_TONE[pin.status]}>{k(`status.${pin.status}`)}</Badge>
                        </Td>
                        <Td className="whitespace-nowrap">
                          {k(`source.${pin.source}`)}
                          {pin.receivedAt && <div className="text-xs text-slate-500">{t("pins.receivedOn", { date: pin.receivedAt })}</div>}
                        </Td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {data.ledger.reserveIds.length > 0 && <p className="text-xs text-slate-500">{t("pins.reserveHelp")}</p>}
            </div>
          )}
        </Card>

        {software && canWrite && <LedgerPanel data={data} request={request} />}

        <Card title={t("timeline.title")} description={t("timeline.description")}>
          {activations.length === 0 ? (
            <p className="text-sm text-slate-600">{t("timeline.none")}</p>
          ) : (
            <div className="relative overflow-x-auto">
              <table className="w-full border-collapse text-sm" data-testid="timeline">
                <caption className="sr-only">{t("timeline.title")}</caption>
                <thead>
                  <tr className={HEAD_ROW}>
                    <HeaderCell>{t("timeline.when")}</HeaderCell>
                    <HeaderCell>{t("timeline.step")}</HeaderCell>
                    <HeaderCell>{t("timeline.pin")}</HeaderCell>
                    <HeaderCell>{t("timeline.computer")}</HeaderCell>
                    <HeaderCell>{t("timeline.file")}</HeaderCell>
                    <HeaderCell>{t("timeline.reason")}</HeaderCell>
                  </tr>
                </thead>
                <tbody>
                  {[...activations].reverse().map((a) => (
                    <tr key={a.id} className="border-b border-slate-100 last:border-0">
                      <Td className="whitespace-nowrap">
                        {when(a.at)}
                        {a.recordedBy && <div className="text-xs text-slate-500">{t("timeline.recordedBy", { who: a.recordedBy })}</div>}
                      </Td>
                      <Td className="min-w-40">
                        <span className="font-medium">{t(`timeline.op.${a.operation === "first" ? "first" : a.previousPinId ? "changed" : "unchanged"}`)}</span>
                        <div className="text-xs text-slate-500">
                          {t(`method.${a.method}`)} · {t(`visibility.${a.visibility}`)}
                        </div>
                      </Td>
                      <Td className="font-mono whitespace-nowrap">
                        {masked(a.pinId)}
                        {a.previousPinId !== null && <div className="text-xs text-slate-500">{t("timeline.replaces", { pin: masked(a.previousPinId) })}</div>}
                      </Td>
                      <Td className="whitespace-nowrap">
                        <Link href={`/computers/${a.computerId}`} className="text-accent-700 hover:underline">
                          {a.computerName}
                        </Link>
                      </Td>
                      <Td>
                        <span className="font-mono">{a.licFileName ?? "—"}</span>
                        {a.licFolder && <div className="font-mono text-xs break-all text-slate-500">{a.licFolder}</div>}
                      </Td>
                      <Td>{a.reason ?? "—"}</Td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>

        {owner && (
          <Card title={k("owner.title", { name: owner.name })} description={k("owner.description")}>
            {owner.fields === null ? (
              <p className="text-sm text-red-800">{k("owner.unreadable")}</p>
            ) : owner.fields.length === 0 ? (
              <p className="text-sm text-slate-600">{k("owner.none")}</p>
            ) : (
              <OwnerRegistration ownerId={owner.id} ownerName={owner.name} maskedFields={owner.fields} canReveal={canReveal} />
            )}
          </Card>
        )}

        {software && <RingCheck kitId={kit.id} />}
      </div>
    </>
  );
}
