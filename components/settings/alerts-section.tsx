"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";

import { apiCall, send } from "@/components/ui/api";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/controls";
import { Field, SubmitButton } from "@/components/ui/field";
import { FormProblemNotice, useApiForm, useBind } from "@/components/ui/form";
import { HEAD_ROW, HeaderCell } from "@/components/ui/table-parts";
import { alertSettingsForm, alertSettingsPatch, AlertSettingsFormSchema, LicensingSettingsResponseSchema, toPercent, type LicensingSettings } from "@/lib/licensing/settings";
import type { PoolSource } from "@/lib/licensing/types";

export interface AlertPool {
  id: string;
  host: string;
  source: PoolSource;
  seats: number;
  inUse: number;
}

/**
 * When the Overview raises its alerts (issue 11 §5): the company-wide load threshold, each pool's own, the PIN
 * runway horizon and how old the newest capture may get. One form over the settings API's rules.
 */
export function AlertsSection({ settings, pools }: { settings: LicensingSettings; pools: readonly AlertPool[] }) {
  const t = useTranslations("settings.alerts");
  const f = useTranslations("forms");
  const o = useTranslations("overview.pools.source");
  const format = useFormatter();
  const router = useRouter();
  const [current, setCurrent] = useState(settings);
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, problem, pending } = useApiForm(AlertSettingsFormSchema, {
    defaultValues: alertSettingsForm(settings, pools.map((p) => p.id)),
    submit: (values) => apiCall(LicensingSettingsResponseSchema, "/api/settings/licensing", send("PATCH", alertSettingsPatch(values, current.poolThresholds))),
    onDone: ({ settings: next }) => {
      setCurrent(next);
      setSaved(true);
      form.reset(alertSettingsForm(next, pools.map((p) => p.id)));
      router.refresh();
    },
  });
  const bind = useBind(form);
  const company = form.watch("utilisationPercent");
  const percent = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 1 });

  return (
    <Card title={t("title")} description={t("description")}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="alert-settings" aria-label={t("title")} onChange={() => setSaved(false)}>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label={t("fields.utilisation")} help={t("help.utilisation")} type="number" inputMode="decimal" min={0} max={100} step="any" {...bind("utilisationPercent", { as: "number", rule: "percent" })} />
          <Field label={t("fields.runway")} help={t("help.runway")} type="number" inputMode="numeric" min={1} max={60} {...bind("runwayWarningMonths", { as: "number", rule: "runwayMonths" })} />
          <Field label={t("fields.snapshotAge")} help={t("help.snapshotAge")} type="number" inputMode="numeric" min={1} max={10080} {...bind("snapshotMaxAgeMinutes", { as: "number", rule: "snapshotAge" })} />
        </div>
        <fieldset className="min-w-0">
          <legend className="text-sm font-medium text-slate-800">{t("pools.title")}</legend>
          <p className="mt-1 text-xs text-slate-500">{t("pools.help", { company: typeof company === "number" && Number.isFinite(company) ? company : toPercent(current.utilisationWarning) })}</p>
          {pools.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("pools.empty")}</p>
          ) : (
            <div className="relative mt-2 overflow-x-auto">
              <table className="w-full text-sm" data-testid="pool-thresholds">
                <caption className="sr-only">{t("pools.caption")}</caption>
                <thead>
                  <tr className={HEAD_ROW}>
                    <HeaderCell>{t("pools.pool")}</HeaderCell>
                    <HeaderCell className="text-right">{t("pools.load")}</HeaderCell>
                    <HeaderCell className="w-40">{t("pools.threshold")}</HeaderCell>
                  </tr>
                </thead>
                <tbody>
                  {pools.map((p, i) => (
                    <tr key={p.id} className="border-b border-slate-100 align-top" data-pool={p.id}>
                      <td className="px-2 py-2">
                        <span className="font-medium">{p.host}</span>
                        <span className="block text-xs text-slate-500">{o(p.source)}</span>
                      </td>
                      <td className="px-2 py-2 text-right tabular-nums">
                        {t("pools.now", { inUse: p.inUse, seats: p.seats, load: percent(p.seats > 0 ? p.inUse / p.seats : 0) })}
                      </td>
                      <td className="px-2 py-1.5">
                        <Field label={<span className="sr-only">{t("pools.thresholdOf", { host: p.host, source: o(p.source) })}</span>} type="number" inputMode="decimal" min={0} max={100} step="any" placeholder={t("pools.placeholder")} {...bind(`pools.${i}.percent`, { as: "number", rule: "percent" })} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </fieldset>
        <FormProblemNotice problem={problem} />
        {saved && <Notice tone="success">{f("saved")}</Notice>}
        <div>
          <SubmitButton pending={pending}>{pending ? f("saving") : f("save")}</SubmitButton>
        </div>
      </form>
    </Card>
  );
}
