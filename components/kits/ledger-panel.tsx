"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { z } from "zod";

import { apiCall, send } from "@/components/ui/api";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/controls";
import { buttonClass } from "@/components/ui/styles";
import { CopyButton } from "@/components/ui/copy-button";
import { downloadText } from "@/components/ui/download";
import { Field, SelectField, SubmitButton, TextareaField } from "@/components/ui/field";
import { FormProblemNotice, useApiForm, useBind } from "@/components/ui/form";
import type { KitPageData } from "@/db/queries/kits";
import { ACTIVATION_METHODS, ACTIVATION_VISIBILITIES, type ActivationOperation } from "@/lib/domain/enums";
import { ActivationCreatedResponseSchema, MaskedPinWireSchema, NewActivationSchema, NewAdditionalPinSchema } from "@/lib/inventory/api";
import { licPlacementAdvice } from "@/lib/licensing/texts";
import { parseTime } from "@/lib/licensing/timeline";

export interface LedgerRequest {
  /** `?record=first|recovery&pinId=…&licFileName=…`: a ring check's "record this activation". */
  record?: string;
  pinId?: string;
  licFileName?: string;
  /** `?addPin=1`: a ring check found a PIN the kit does not have. */
  addPin?: boolean;
}

type Tab = "first" | "recovery" | "additional" | "letter";

/** `2026-12-07T10:30` in `timeZone` at instant `ms` (what a datetime-local field shows). */
function localInput(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false }).format(ms).replace(" ", "T");
}

/** §1.5: the `.lic` file is named after the activation time, `YYYYMMDDhhmmss.lic`. */
const licNameOf = (local: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local) ? `${local.replace(/[-:T]/g, "").slice(0, 12)}00.lic` : "");

/**
 * The PIN ledger's actions on a kit page (issue #9 part 2): record a first activation or a recovery (the
 * engine decides; a refusal shows its message and remedy), the `ring license activate` command for the step,
 * an additional PIN from the Licensing Center, and the letter asking for one.
 */
export function LedgerPanel({ data, request }: { data: KitPageData; request: LedgerRequest }) {
  const t = useTranslations("ledger");
  const router = useRouter();
  const { summary } = data.detail;
  const [tab, setTab] = useState<Tab>(request.record === "recovery" ? "recovery" : request.record === "first" ? "first" : request.addPin ? "additional" : summary?.health === "exhausted" ? "letter" : summary && summary.active > 0 ? "recovery" : "first");
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setNotice(message);
    router.refresh();
  };
  const tabs: Tab[] = ["first", "recovery", "additional", "letter"];
  return (
    <section id="ledger" aria-labelledby="ledger-title" className="scroll-mt-6">
      <Card title={<span id="ledger-title">{t("panel.title")}</span>} description={t("panel.description")}>
        <div className="flex flex-col gap-4">
          <div role="tablist" aria-label={t("panel.title")} className="flex flex-wrap gap-1 border-b border-slate-200">
            {tabs.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                aria-selected={tab === id}
                onClick={() => {
                  setTab(id);
                  setNotice(null);
                }}
                className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === id ? "border-accent-600 text-accent-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
              >
                {t(`panel.tabs.${id}`)}
              </button>
            ))}
          </div>
          {notice && (
            <Notice tone="success">
              <span data-testid="ledger-notice">{notice}</span>
            </Notice>
          )}
          <div role="tabpanel">
            {(tab === "first" || tab === "recovery") && (
              <ActivationForm key={tab} data={data} operation={tab} preset={request.record === tab ? request : {}} onDone={done} />
            )}
            {tab === "additional" && <AdditionalPinForm data={data} onDone={done} />}
            {tab === "letter" && <RequestLetter data={data} />}
          </div>
        </div>
      </Card>
    </section>
  );
}

interface ActivationValues {
  pinId: number | null;
  computerId: number | null;
  hardwareChanged: "" | "no" | "yes";
  previousPinId: number | null;
  method: string;
  visibility: string;
  atLocal: string;
  licFileName: string;
  licFolder: string;
  reason: string;
  fingerprint: string;
}

function ActivationForm({ data, operation, preset, onDone }: { data: KitPageData; operation: ActivationOperation; preset: LedgerRequest; onDone: (message: string) => void }) {
  const t = useTranslations("ledger.activation");
  const l = useTranslations("ledger");
  const roles = useTranslations("computers.role");
  const k = useTranslations("kits");
  const f = useTranslations("forms");
  const locale = useLocale() === "ru" ? "ru" : "en";
  const timeZone = useTimeZone() ?? "Europe/Moscow";
  const { kit } = data.detail;
  const pins = kit.pins;
  const usable = data.ledger.lockedSet ? [data.ledger.lockedSet] : data.ledger.sets;
  const computerName = (id: number | undefined) => data.computers.find((c) => c.id === id)?.name;
  const pinLabel = (p: (typeof pins)[number]) => {
    const where = computerName(data.ledger.lastComputer[p.id]);
    return `${k(`role.${p.role}`)} · ${k(`set.${p.set}`)} · ${p.maskedCode ?? "?"}${p.status === "active" && where ? ` · ${where}` : ""}`;
  };
  const unused = pins.filter((p) => p.status === "unused" && usable.includes(p.set));
  const active = pins.filter((p) => p.status === "active");
  const reserves = pins.filter((p) => data.ledger.reserveIds.includes(p.id));

  const schema = useMemo(
    () =>
      z.preprocess((raw) => {
        const v = raw as ActivationValues;
        const changed = v.hardwareChanged === "yes";
        const at = v.atLocal ? parseTime(v.atLocal, timeZone) : null;
        let fingerprint: unknown;
        try {
          fingerprint = v.fingerprint.trim() ? JSON.parse(v.fingerprint) : undefined;
        } catch {
          fingerprint = v.fingerprint;
        }
        return {
          pinId: v.pinId,
          operation,
          computerId: v.computerId,
          hardwareChanged: operation === "recovery" ? (v.hardwareChanged === "" ? undefined : changed) : undefined,
          previousPinId: operation === "recovery" && changed ? v.previousPinId : undefined,
          method: v.method,
          visibility: v.visibility,
          at: at === null ? (v.atLocal ? "invalid" : undefined) : new Date(at).toISOString(),
          licFileName: v.licFileName.trim() || licNameOf(v.atLocal) || null,
          licFolder: v.licFolder,
          reason: v.reason,
          fingerprint,
        };
      }, NewActivationSchema),
    [operation, timeZone],
  );

  const initialPin = preset.pinId ? Number(preset.pinId) : null;
  const [now] = useState(() => localInput(Date.now(), timeZone));
  const { form, onSubmit, problem, pending } = useApiForm(schema as unknown as z.ZodType<z.output<typeof NewActivationSchema>, ActivationValues>, {
    defaultValues: {
      pinId: initialPin,
      computerId: initialPin ? (data.ledger.lastComputer[initialPin] ?? null) : null,
      hardwareChanged: operation === "recovery" && initialPin && reserves.some((p) => p.id === initialPin) ? "yes" : "",
      previousPinId: null,
      method: "automatic",
      visibility: "all-users",
      atLocal: now,
      licFileName: preset.licFileName ?? "",
      licFolder: "",
      reason: "",
      fingerprint: "",
    },
    submit: (body) => apiCall(ActivationCreatedResponseSchema, `/api/kits/${kit.id}/activations`, send("POST", body)),
    onDone: (result) => {
      form.reset({ ...form.getValues(), pinId: null, previousPinId: null, reason: "", fingerprint: "", licFileName: "" });
      onDone([t(operation === "first" ? "recordedFirst" : "recordedRecovery"), ...result.warnings.map((w) => w.message[locale])].join(" "));
    },
  });
  const bind = useBind(form);
  const values = form.watch();
  const changed = values.hardwareChanged === "yes";
  const computer = data.computers.find((c) => c.id === values.computerId);
  const advice = computer
    ? licPlacementAdvice({ os: /linux/i.test(computer.osName ?? "") ? "linux" : "windows", platform: "8.3", mode: computer.role === "1c-server" ? "client-server" : "file", visibility: values.visibility === "current-user" ? "current-user" : "all-users" })
    : null;
  const folders = advice?.folders.filter((fo) => fo.who === (computer?.role === "1c-server" ? "server" : "client")) ?? [];
  const pinOptions = (list: typeof pins) => [{ value: "", label: f("choose") }, ...list.map((p) => ({ value: String(p.id), label: pinLabel(p) }))];
  const computerOptions = [{ value: "", label: f("choose") }, ...data.computers.map((c) => ({ value: String(c.id), label: `${c.name} · ${roles(c.role)}` }))];
  const bindPin = bind("pinId", { rule: "pin", as: "id" });
  const bindPrevious = bind("previousPinId", { rule: "previousPin", as: "id" });

  // Recovery on unchanged hardware happens on the PIN's own computer; on changed hardware, on the previous PIN's.
  const follow = (pinId: string) => {
    const where = data.ledger.lastComputer[Number(pinId)];
    if (where) form.setValue("computerId", where);
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid={`activation-form-${operation}`} aria-label={t(`title.${operation}`)}>
        <p className="text-sm text-slate-600">{t(`intro.${operation}`)}</p>
        {operation === "recovery" && (
          <fieldset className="flex flex-col gap-2">
            <legend className="text-sm font-medium text-slate-800">{t("changed.question")}</legend>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" value="no" className="mt-1" {...form.register("hardwareChanged")} />
              <span>{t("changed.no")}</span>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" value="yes" className="mt-1" {...form.register("hardwareChanged")} />
              <span>{t("changed.yes")}</span>
            </label>
            <p className="text-xs text-slate-500">
              {t("changed.planned")}{" "}
              {computer ? (
                <Link href={`/computers/${computer.id}#binding`} className="text-accent-700 hover:underline">
                  {t("changed.bindingCheck", { computer: computer.name })}
                </Link>
              ) : (
                <Link href="/computers" className="text-accent-700 hover:underline">
                  {t("changed.bindingCheckAny")}
                </Link>
              )}
            </p>
            {changed && (
              <div className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="changed-rule">
                <p>{t("changed.rule")}</p>
                <p className="mt-1 text-xs">{t("changed.source")}</p>
              </div>
            )}
          </fieldset>
        )}

        {(operation === "first" || values.hardwareChanged !== "") && (
          <>
            <div className="grid gap-4 sm:grid-cols-2">
              {operation === "recovery" && changed && (
                <SelectField
                  label={t("fields.previousPin")}
                  help={t("help.previousPin")}
                  options={pinOptions(active)}
                  {...bindPrevious}
                  onChange={(e) => {
                    void bindPrevious.onChange(e);
                    follow(e.target.value);
                  }}
                />
              )}
              <SelectField
                label={operation === "first" ? t("fields.pinFirst") : changed ? t("fields.pinBackup") : t("fields.pinSame")}
                help={operation === "first" ? t("help.pinFirst", { count: unused.length }) : changed ? t("help.pinBackup", { count: reserves.length }) : t("help.pinSame")}
                options={pinOptions(operation === "first" ? unused : changed ? reserves : active)}
                {...bindPin}
                onChange={(e) => {
                  void bindPin.onChange(e);
                  if (operation === "recovery" && !changed) follow(e.target.value);
                }}
              />
              <SelectField label={t("fields.computer")} help={t("help.computer")} options={computerOptions} {...bind("computerId", { rule: "computer", as: "id" })} />
              <Field label={t("fields.at")} type="datetime-local" help={t("help.at", { zone: timeZone })} {...bind("atLocal", { rule: "at" })} />
              <SelectField label={t("fields.method")} options={ACTIVATION_METHODS.map((m) => ({ value: m, label: l(`method.${m}`) }))} {...bind("method")} />
              <SelectField label={t("fields.visibility")} help={t("help.visibility")} options={ACTIVATION_VISIBILITIES.map((v) => ({ value: v, label: l(`visibility.${v}`) }))} {...bind("visibility")} />
              <Field label={t("fields.licFileName")} help={t("help.licFileName", { name: licNameOf(values.atLocal) || "YYYYMMDDhhmmss.lic" })} inputClassName="font-mono" placeholder={licNameOf(values.atLocal)} {...bind("licFileName", { rule: "licFileName" })} />
              <Field label={t("fields.licFolder")} help={t("help.licFolder")} inputClassName="font-mono" list="lic-folders" {...bind("licFolder", { rule: "text" })} />
              <datalist id="lic-folders">
                {folders.map((fo) => (
                  <option key={fo.path} value={fo.path} />
                ))}
              </datalist>
            </div>
            <TextareaField label={t("fields.reason")} rows={2} inputClassName="font-sans" placeholder={operation === "recovery" ? t("help.reasonExample") : undefined} {...bind("reason", { rule: "text" })} />
            <details className="text-sm">
              <summary className="cursor-pointer text-slate-700">{t("fields.fingerprint")}</summary>
              <TextareaField label={t("fields.fingerprintJson")} help={t("help.fingerprint")} rows={5} className="mt-2" {...bind("fingerprint")} />
            </details>
            <FormProblemNotice problem={problem} />
            <div>
              <SubmitButton pending={pending}>{pending ? f("saving") : t(`submit.${operation}`)}</SubmitButton>
            </div>
          </>
        )}
      </form>

      <aside className="flex flex-col gap-4" aria-label={t("aside")}>
        {advice && (
          <section className="rounded-md border border-slate-200 p-3 text-sm" data-testid="placement-advice">
            <h3 className="font-semibold">{t("placement.title", { computer: computer!.name })}</h3>
            <ol className="mt-2 flex list-decimal flex-col gap-1 pl-5">
              {folders.map((fo) => (
                <li key={fo.path}>
                  <button type="button" className="text-left font-mono text-xs break-all text-accent-700 hover:underline" onClick={() => form.setValue("licFolder", fo.path, { shouldValidate: true })}>
                    {fo.path}
                  </button>
                </li>
              ))}
            </ol>
            {advice.warnings.length > 0 && (
              <ul className="mt-2 flex list-disc flex-col gap-1 pl-5 text-xs text-amber-800">
                {advice.warnings.map((a) => (
                  <li key={a.en}>{a[locale]}</li>
                ))}
              </ul>
            )}
            <details className="mt-2 text-xs text-slate-600">
              <summary className="cursor-pointer">{t("placement.rules", { count: advice.advice.length })}</summary>
              <ul className="mt-1 flex list-disc flex-col gap-1 pl-5">
                {advice.advice.map((a) => (
                  <li key={a.en}>{a[locale]}</li>
                ))}
              </ul>
            </details>
            <p className="mt-2 text-xs text-slate-500">{t("placement.source")}</p>
          </section>
        )}
        <RingCommand kitId={kit.id} pinId={values.pinId} previousPinId={changed ? values.previousPinId : null} licFolder={values.licFolder} />
      </aside>
    </div>
  );
}

const Command = z.object({ command: z.string(), unmapped: z.array(z.string()), missing: z.array(z.string()), warnings: z.array(z.object({ en: z.string(), ru: z.string() })) });

/** The exact `ring license activate` command for the step being recorded: PINs in clear, so only on request (audited). */
function RingCommand({ kitId, pinId, previousPinId, licFolder }: { kitId: number; pinId: number | null; previousPinId: number | null; licFolder: string }) {
  const t = useTranslations("ledger.command");
  const locale = useLocale() === "ru" ? "ru" : "en";
  const id = useId();
  const [shell, setShell] = useState<"windows" | "linux">("windows");
  const [state, setState] = useState<{ status: "idle" | "loading" } | { status: "shown"; for: string; result: { linux: z.infer<typeof Command>; windows: z.infer<typeof Command> } } | { status: "error"; message: string }>({ status: "idle" });
  const key = `${pinId}|${previousPinId}|${licFolder}`;
  const show = async () => {
    if (!pinId) return;
    setState({ status: "loading" });
    try {
      const result = await apiCall(z.object({ linux: Command, windows: Command }), `/api/kits/${kitId}/ring-command`, send("POST", { pinId, previousPinId, licFolder }));
      setState({ status: "shown", for: key, result });
    } catch (error) {
      setState({ status: "error", message: error instanceof Error ? error.message : String(error) });
    }
  };
  const shown = state.status === "shown" && state.for === key ? state.result[shell] : null;
  return (
    <section className="rounded-md border border-slate-200 p-3 text-sm" data-testid="ring-command">
      <h3 className="font-semibold">{t("title")}</h3>
      <p className="mt-1 text-xs text-slate-600">{t("description")}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <div role="radiogroup" aria-label={t("shell")} className="flex gap-1">
          {(["windows", "linux"] as const).map((s) => (
            <button key={s} type="button" role="radio" aria-checked={shell === s} onClick={() => setShell(s)} className={buttonClass(shell === s ? "primary" : "secondary", "sm")}>
              {t(`shells.${s}`)}
            </button>
          ))}
        </div>
        <button type="button" className={buttonClass("secondary", "sm")} disabled={!pinId} aria-disabled={state.status === "loading" || undefined} onClick={show}>
          {state.status === "loading" ? t("working") : t("show")}
        </button>
      </div>
      {!pinId && <p className="mt-2 text-xs text-slate-500">{t("choosePin")}</p>}
      {state.status === "error" && <p className="mt-2 text-xs text-red-700">{state.message}</p>}
      {shown && (
        <div className="mt-2 flex flex-col gap-2">
          <pre id={id} className="overflow-x-auto rounded bg-slate-900 p-2 font-mono text-xs whitespace-pre text-slate-100">
            {shown.command}
          </pre>
          <CopyButton value={shown.command} what={t("title")} selectId={id} />
          <p className="text-xs text-amber-800">{t("audited")}</p>
          {shown.missing.length > 0 && <p className="text-xs text-slate-600">{t("missing", { options: shown.missing.join(", ") })}</p>}
          {shown.unmapped.length > 0 && <p className="text-xs text-slate-600">{t("unmapped", { fields: shown.unmapped.join(", ") })}</p>}
          {shown.warnings.map((w) => (
            <p key={w.en} className="text-xs text-amber-800">
              {w[locale]}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}

function AdditionalPinForm({ data, onDone }: { data: KitPageData; onDone: (message: string) => void }) {
  const t = useTranslations("ledger.additional");
  const k = useTranslations("kits");
  const f = useTranslations("forms");
  const sets = data.ledger.lockedSet ? [data.ledger.lockedSet] : data.ledger.sets.length ? data.ledger.sets : (["single"] as const);
  const { form, onSubmit, problem, pending } = useApiForm(NewAdditionalPinSchema, {
    defaultValues: { code: "", set: sets[0], role: "additional", receivedAt: new Date().toISOString().slice(0, 10) },
    submit: (body) => apiCall(z.object({ pin: MaskedPinWireSchema }), `/api/kits/${data.detail.kit.id}/pins`, send("POST", body)),
    onDone: ({ pin }) => {
      form.reset({ code: "", set: sets[0], role: "additional", receivedAt: new Date().toISOString().slice(0, 10) });
      onDone(t("added", { pin: pin.maskedCode ?? "" }));
    },
  });
  const bind = useBind(form);
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-4" data-testid="additional-pin-form" aria-label={t("title")}>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("code")} autoComplete="off" spellCheck={false} className="sm:col-span-3" inputClassName="font-mono" placeholder="000-000-000-000-000" {...bind("code", { rule: "pinCode" })} />
        <SelectField label={t("set")} help={t("setHelp")} options={sets.map((s) => ({ value: s, label: k(`set.${s}`) }))} {...bind("set", { rule: "pinSet" })} />
        <Field label={t("receivedAt")} type="date" {...bind("receivedAt", { rule: "date", as: "nullable" })} />
      </div>
      <FormProblemNotice problem={problem} />
      <div>
        <SubmitButton pending={pending}>{pending ? f("saving") : t("submit")}</SubmitButton>
      </div>
    </form>
  );
}

/** The letter to the 1C Licensing Center (§1.2): made on request (it holds a PIN in clear: audited), to copy or download. */
function RequestLetter({ data }: { data: KitPageData }) {
  const t = useTranslations("ledger.letter");
  const id = useId();
  const [lang, setLang] = useState<"ru" | "en">("ru");
  const [reason, setReason] = useState("");
  const [state, setState] = useState<{ status: "idle" | "loading" } | { status: "shown"; text: string } | { status: "error"; message: string }>({ status: "idle" });
  const { summary, kit } = data.detail;
  const make = async () => {
    setState({ status: "loading" });
    try {
      const res = await fetch(`/api/kits/${kit.id}/request-letter?lang=${lang}${reason.trim() ? `&reason=${encodeURIComponent(reason.trim())}` : ""}`, { cache: "no-store" });
      if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${res.status}`);
      setState({ status: "shown", text: await res.text() });
    } catch (error) {
      setState({ status: "error", message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className="flex max-w-3xl flex-col gap-4" data-testid="request-letter">
      <p className="text-sm text-slate-600">{summary && (summary.health === "low" || summary.health === "exhausted") ? t("introShort") : t("intro")}</p>
      <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
        <SelectField
          label={t("lang")}
          value={lang}
          onChange={(e) => setLang(e.target.value as "ru" | "en")}
          options={[
            { value: "ru", label: t("langs.ru") },
            { value: "en", label: t("langs.en") },
          ]}
        />
        <TextareaField label={t("reason")} help={t("reasonHelp")} rows={2} inputClassName="font-sans" value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div>
        <button type="button" className={buttonClass("primary")} aria-disabled={state.status === "loading" || undefined} onClick={make}>
          {state.status === "loading" ? t("working") : t("make")}
        </button>
      </div>
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
      {state.status === "shown" && (
        <div className="flex flex-col gap-2">
          <textarea id={id} readOnly value={state.text} rows={16} className="w-full rounded-md border border-slate-300 p-3 font-mono text-xs" aria-label={t("letter")} />
          <div className="flex flex-wrap items-center gap-2">
            <CopyButton value={state.text} what={t("letter")} selectId={id} />
            <button type="button" className={buttonClass("secondary", "sm")} onClick={() => downloadText(`additional-pin-request-${kit.regNumber}-${lang}.txt`, state.text)}>
              {t("download")}
            </button>
          </div>
          <p className="text-xs text-amber-800">{t("audited")}</p>
        </div>
      )}
    </div>
  );
}
