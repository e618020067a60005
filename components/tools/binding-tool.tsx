"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { z } from "zod";

import { asFingerprint } from "@/components/computers/computer-detail";
import { apiCall, send } from "@/components/ui/api";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Notice } from "@/components/ui/controls";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, SelectField, SubmitButton, TextareaField } from "@/components/ui/field";
import { FormProblemNotice, useApiForm, useBind } from "@/components/ui/form";
import { buttonClass, CONTROL } from "@/components/ui/styles";
import { HEAD_ROW, HeaderCell } from "@/components/ui/table-parts";
import type { ComputerDetailResponse, ComputerLicenseWire } from "@/lib/inventory/api";
import { BindingVerdictSchema, FingerprintSchema, normalizeMac, type BindingChange, type BindingVerdict, type Fingerprint } from "@/lib/licensing/binding";

import { fingerprintFromJson, type FingerprintJsonResult } from "./fingerprint-json";
import { StringListField } from "./list-field";
import { computerDetailQueryOptions, computerPickerQueryOptions } from "./queries";

/** The eleven bound parameters (DOMAIN §1.4), in the order the verdict lists them. */
const PARAMETERS = ["hostname", "osName", "osVersion", "osSerial", "osInstallDate", "motherboard", "bios", "ramMb", "cpus", "nics", "disks"] as const;
type Parameter = (typeof PARAMETERS)[number];

/** What the planned hardware form edits; issues of the API's `current.*` land on their fields. */
const Planned = z.object({ current: FingerprintSchema });
type PlannedInput = z.input<typeof Planned>;

interface Baseline {
  /** Changes when another fingerprint is chosen, so the planned form starts again from it. */
  key: string;
  fingerprint: Fingerprint;
  computer?: { id: number; name: string; licenses: ComputerLicenseWire[] };
}

const GB = 1e9;

/**
 * "Will this hardware change break the license?" (DOMAIN §1.4): the fingerprint the license was activated with
 * (recorded, or pasted from a collector), the planned hardware edited from it, and the verdict per parameter
 * before anyone spends a backup PIN.
 */
export function BindingTool({ canPickComputer }: { canPickComputer: boolean }) {
  const t = useTranslations("tools.binding");
  const [source, setSource] = useState<"recorded" | "pasted">(canPickComputer ? "recorded" : "pasted");
  const [pick, setPick] = useState<{ computerId: number | null; fingerprintId: number | null }>({ computerId: null, fingerprintId: null });
  const [pasted, setPasted] = useState<Baseline | null>(null);
  const detail = useQuery({ ...computerDetailQueryOptions(pick.computerId ?? 0), enabled: canPickComputer && pick.computerId !== null });
  const d = pick.computerId !== null ? detail.data : undefined;
  // Until one is chosen, the fingerprint taken when a license still on the computer was activated (else the latest).
  const fingerprintId = pick.fingerprintId ?? (d ? suggestedFingerprint(d)?.id ?? null : null);
  const fp = d?.fingerprints.find((f) => f.id === fingerprintId);
  const recorded: Baseline | null = d && fp ? { key: `recorded-${d.computer.id}-${fp.id}`, fingerprint: asFingerprint(fp), computer: { id: d.computer.id, name: d.computer.name, licenses: d.licenses } } : null;
  const baseline = source === "recorded" ? recorded : pasted;
  const radioName = useId();

  return (
    <div className="flex flex-col gap-6" data-testid="binding-tool">
      <Card title={t("baseline.title")} description={t("baseline.description")}>
        <div className="flex flex-col gap-4">
          {canPickComputer && (
            <fieldset className="flex flex-wrap gap-x-6 gap-y-2">
              <legend className="sr-only">{t("baseline.source")}</legend>
              {(["recorded", "pasted"] as const).map((s) => (
                <label key={s} className="flex items-center gap-2 text-sm">
                  <input type="radio" name={radioName} value={s} checked={source === s} onChange={() => setSource(s)} className="size-4 text-accent-700" />
                  {t(`baseline.sources.${s}`)}
                </label>
              ))}
            </fieldset>
          )}
          {source === "recorded" ? (
            <RecordedPicker
              computerId={pick.computerId}
              fingerprintId={fingerprintId}
              detail={d}
              detailState={pick.computerId === null ? "idle" : detail.isError ? "error" : detail.isPending ? "loading" : "ready"}
              onComputer={(computerId) => setPick({ computerId, fingerprintId: null })}
              onFingerprint={(id) => setPick((p) => ({ ...p, fingerprintId: id }))}
            />
          ) : (
            <PastedBaseline current={pasted} onBaseline={setPasted} />
          )}
          <Collectors />
        </div>
      </Card>
      {baseline ? (
        <PlannedForm key={baseline.key} baseline={baseline} />
      ) : (
        <EmptyState title={t("planned.waiting")} description={canPickComputer ? t("planned.waitingHelp") : t("planned.waitingPasteHelp")} />
      )}
    </div>
  );
}

// ───────────────────────────── the fingerprint at activation ─────────────────────────────

/**
 * The fingerprint an activation is bound to (§1.4): the latest one recorded at or before it (the hardware is recorded
 * when, or just before, the license is obtained). Fingerprints come newest first.
 */
function boundFingerprint(d: ComputerDetailResponse, at: string) {
  const when = Date.parse(at);
  return d.fingerprints.find((f) => Date.parse(f.takenAt) <= when);
}

/** The fingerprint the newest license still on the computer is bound to, else the latest one. */
function suggestedFingerprint(d: ComputerDetailResponse) {
  const newest = [...d.licenses].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
  return (newest && boundFingerprint(d, newest.at)) ?? d.fingerprints[0];
}

function RecordedPicker({
  computerId,
  fingerprintId,
  detail: d,
  detailState,
  onComputer,
  onFingerprint,
}: {
  computerId: number | null;
  fingerprintId: number | null;
  detail: ComputerDetailResponse | undefined;
  detailState: "idle" | "loading" | "error" | "ready";
  onComputer: (id: number | null) => void;
  onFingerprint: (id: number | null) => void;
}) {
  const t = useTranslations("tools.binding.baseline");
  const format = useFormatter();
  const [q, setQ] = useState("");
  const list = useQuery(computerPickerQueryOptions(q.trim()));
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const computers = list.data?.computers ?? [];
  const chosen = d?.fingerprints.find((f) => f.id === fingerprintId);
  // Each fingerprint names the activations bound to it, the license still on the computer first.
  const activationsOf = (id: number) => {
    if (!d) return [];
    const regNumbers = [...d.licenses.filter((l) => boundFingerprint(d, l.at)?.id === id), ...d.history.filter((h) => boundFingerprint(d, h.at)?.id === id)].map((a) => a.regNumber);
    return [...new Set(regNumbers)];
  };

  return (
    <div className="flex flex-col gap-3">
      {(q !== "" || (list.data && list.data.total > computers.length)) && (
        <Field label={t("filter")} help={t("filterHelp", { shown: computers.length, total: list.data?.total ?? 0 })} value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      )}
      {list.isError ? (
        <Notice tone="error">{t("listFailed")}</Notice>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <SelectField
            label={t("computer")}
            help={list.isPending ? t("loading") : computers.length === 0 ? t("noComputers") : t("computerHelp")}
            value={computerId === null ? "" : String(computerId)}
            disabled={list.isPending || computers.length === 0}
            onChange={(e) => onComputer(e.target.value ? Number(e.target.value) : null)}
            options={[{ value: "", label: t("chooseComputer") }, ...computers.map((c) => ({ value: String(c.id), label: c.licenses > 0 ? t("computerOption", { name: c.name, licenses: c.licenses }) : c.name }))]}
          />
          {detailState === "loading" ? (
            <p className="self-center text-sm text-slate-500">{t("loading")}</p>
          ) : detailState === "error" ? (
            <Notice tone="error">{t("detailFailed")}</Notice>
          ) : d && d.fingerprints.length === 0 ? (
            <p className="self-center text-sm text-slate-600" data-testid="no-fingerprints">
              {t("noFingerprints")}{" "}
              <Link href={`/computers/${d.computer.id}`} className="text-accent-700 hover:underline">
                {t("openComputer", { name: d.computer.name })}
              </Link>
            </p>
          ) : d ? (
            <SelectField
              label={t("fingerprint")}
              help={t("fingerprintHelp")}
              value={fingerprintId === null ? "" : String(fingerprintId)}
              onChange={(e) => onFingerprint(e.target.value ? Number(e.target.value) : null)}
              options={d.fingerprints.map((f, i) => {
                const bound = activationsOf(f.id);
                const parts = [when(f.takenAt), bound.length ? t("atActivation", { regNumber: bound.join(", ") }) : null, i === 0 ? t("latest") : null, f.notes].filter(Boolean);
                return { value: String(f.id), label: parts.join(" · ") };
              })}
            />
          ) : null}
        </div>
      )}
      {chosen && <FingerprintSummary fingerprint={asFingerprint(chosen)} />}
    </div>
  );
}

function PastedBaseline({ current, onBaseline }: { current: Baseline | null; onBaseline: (b: Baseline | null) => void }) {
  const t = useTranslations("tools.binding.baseline");
  const [count, setCount] = useState(0);
  const [result, setResult] = useState<FingerprintJsonResult | null>(null);
  const { form, onSubmit, pending } = useApiForm(z.object({ json: z.string().trim().min(1) }), {
    defaultValues: { json: "" },
    submit: async ({ json }) => fingerprintFromJson(json),
    onDone: (r) => {
      setResult(r);
      if (r.ok) {
        setCount((n) => n + 1);
        onBaseline({ key: `pasted-${count + 1}`, fingerprint: r.fingerprint });
      }
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t("pasteTitle")} data-testid="binding-paste">
      <TextareaField label={t("json")} help={t("jsonHelp")} rows={8} spellCheck={false} {...form.register("json")} error={form.formState.errors.json ? t("jsonRequired") : undefined} />
      {result && !result.ok && <JsonProblem result={result} />}
      <div>
        <SubmitButton pending={pending}>{t("use")}</SubmitButton>
      </div>
      {current && result?.ok && <FingerprintSummary fingerprint={current.fingerprint} />}
    </form>
  );
}

/** Why a pasted fingerprint was not taken: not JSON, or which field breaks which rule. */
function JsonProblem({ result }: { result: Exclude<FingerprintJsonResult, { ok: true }> }) {
  const t = useTranslations("tools.binding");
  if (result.reason !== "invalid") return <Notice tone="error">{t(`json.${result.reason}`)}</Notice>;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      <p>{t("json.invalid")}</p>
      <ul className="mt-1 list-disc pl-5">
        {result.issues.slice(0, 10).map((i, n) => (
          <li key={n}>
            <span className="font-mono">{i.path || "—"}</span>: {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A fingerprint in a few lines, as the computer page shows one. */
function FingerprintSummary({ fingerprint: fp }: { fingerprint: Fingerprint }) {
  const t = useTranslations("tools.binding");
  const values = describe(fp, useUnits());
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid="baseline-summary">
      {PARAMETERS.filter((p) => values[p] !== "").map((p) => (
        <div key={p} className="min-w-0">
          <dt className="text-xs text-slate-500">{t(`parameters.${p}`)}</dt>
          <dd className="break-words text-slate-900">{values[p]}</dd>
        </div>
      ))}
    </dl>
  );
}

function Collectors() {
  const t = useTranslations("tools.binding.collectors");
  const code = (chunks: ReactNode) => <code className="font-mono text-xs">{chunks}</code>;
  return (
    <section aria-labelledby="collectors-title" className="flex flex-col gap-2 border-t border-slate-100 pt-3 text-sm">
      <h3 id="collectors-title" className="font-semibold">
        {t("title")}
      </h3>
      <p className="text-slate-600">{t("description")}</p>
      <ul className="flex flex-col gap-1.5">
        <li>
          <a href="/collectors/collect-fingerprint.ps1" download className="font-medium text-accent-700 hover:underline">
            collect-fingerprint.ps1
          </a>{" "}
          <span className="text-slate-600">— {t.rich("windows", { code })}</span>
        </li>
        <li>
          <a href="/collectors/collect-fingerprint.sh" download className="font-medium text-accent-700 hover:underline">
            collect-fingerprint.sh
          </a>{" "}
          <span className="text-slate-600">— {t.rich("linux", { code })}</span>
        </li>
      </ul>
    </section>
  );
}

// ───────────────────────────── the planned hardware and the verdict ─────────────────────────────

function PlannedForm({ baseline }: { baseline: Baseline }) {
  const t = useTranslations("tools.binding");
  const [verdict, setVerdict] = useState<{ verdict: BindingVerdict; current: Fingerprint } | null>(null);
  const defaults: PlannedInput = { current: { ...baseline.fingerprint, osSerial: baseline.fingerprint.osSerial ?? "", osInstallDate: baseline.fingerprint.osInstallDate ?? "" } };
  const { form, onSubmit, problem, pending } = useApiForm(Planned, {
    defaultValues: defaults,
    submit: async ({ current }) => ({ verdict: await apiCall(BindingVerdictSchema, "/api/tools/binding/compare", send("POST", { activated: baseline.fingerprint, current })), current }),
    onDone: setVerdict,
  });
  const [fill, setFill] = useState<FingerprintJsonResult | null>(null);

  return (
    <>
      <Card title={t("planned.title")} description={t("planned.description")}>
        <form
          onSubmit={(e) => {
            // A verdict shown under a plan it no longer matches would mislead.
            setVerdict(null);
            return onSubmit(e);
          }}
          noValidate
          className="flex flex-col gap-5"
          aria-label={t("planned.title")}
          data-testid="binding-planned"
        >
          <PlannedFields form={form} baseline={baseline.fingerprint} />
          <details className="rounded-md border border-slate-200 px-3 py-2">
            <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("planned.fromJson")}</summary>
            <FillFromJson
              onFill={(r) => {
                setFill(r);
                if (r.ok) form.reset({ current: { ...r.fingerprint, osSerial: r.fingerprint.osSerial ?? "", osInstallDate: r.fingerprint.osInstallDate ?? "" } }, { keepDefaultValues: true });
              }}
            />
            {fill && !fill.ok && <JsonProblem result={fill} />}
            {fill?.ok && <p className="mt-2 text-sm text-emerald-800">{t("planned.filled")}</p>}
          </details>
          <FormProblemNotice problem={problem} />
          <div className="flex flex-wrap gap-2">
            <SubmitButton pending={pending}>{pending ? t("planned.checking") : t("planned.check")}</SubmitButton>
            <button
              type="button"
              className={buttonClass("secondary")}
              onClick={() => {
                form.reset(defaults);
                setVerdict(null);
                setFill(null);
              }}
            >
              {t("planned.reset")}
            </button>
          </div>
        </form>
      </Card>
      {verdict && <Verdict verdict={verdict.verdict} activated={baseline.fingerprint} current={verdict.current} computer={baseline.computer} />}
    </>
  );
}

function FillFromJson({ onFill }: { onFill: (r: FingerprintJsonResult) => void }) {
  const t = useTranslations("tools.binding.planned");
  const id = useId();
  const [text, setText] = useState("");
  return (
    <div className="mt-3 flex flex-col gap-2">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {t("json")}
      </label>
      <textarea id={id} rows={6} spellCheck={false} className={cn(CONTROL, "font-mono")} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-help`} />
      <p id={`${id}-help`} className="text-xs text-slate-500">
        {t("jsonHelp")}
      </p>
      <div>
        <button type="button" className={buttonClass("secondary", "sm")} disabled={text.trim() === ""} onClick={() => onFill(fingerprintFromJson(text))}>
          {t("fill")}
        </button>
      </div>
    </div>
  );
}

type PlannedFormApi = UseFormReturn<PlannedInput, unknown, unknown>;

/** The fields of the planned hardware; each one that differs from the activation says what it was. */
function PlannedFields({ form, baseline }: { form: PlannedFormApi; baseline: Fingerprint }) {
  const t = useTranslations("tools.binding");
  const bind = useBind(form);
  const current = useWatch({ control: form.control, name: "current" }) as PlannedInput["current"];
  const failed = (name: Parameters<typeof form.getFieldState>[0]) => !!form.getFieldState(name, form.formState).error;
  const units = useUnits();
  const was = describe(baseline, units);
  const text = (p: "osName" | "osVersion" | "osSerial" | "osInstallDate" | "hostname" | "motherboard" | "bios", mono = false) => {
    const changed = (current?.[p] ?? "").trim() !== (baseline[p] ?? "").trim();
    return (
      <Field
        label={t(`parameters.${p}`)}
        help={changed ? t("planned.was", { value: was[p] || t("planned.empty") }) : t(`help.${p}`)}
        autoComplete="off"
        spellCheck={false}
        inputClassName={cn(mono && "font-mono", changed && "ring-2 ring-accent-300")}
        {...bind(`current.${p}`)}
        error={failed(`current.${p}`) ? t("rules.text") : undefined}
      />
    );
  };
  const ramChanged = Number(current?.ramMb) !== baseline.ramMb;
  return (
    <div className="flex flex-col gap-5">
      <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("planned.system")}</legend>
        {text("hostname", true)}
        {text("osName")}
        {text("osVersion", true)}
        {text("osSerial", true)}
        {text("osInstallDate", true)}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("planned.board")}</legend>
        {text("motherboard")}
        {text("bios")}
        <Field
          label={t("fields.ramMb")}
          help={ramChanged ? t("planned.was", { value: units.mb(baseline.ramMb) }) : t("help.ramMb")}
          type="number"
          inputMode="numeric"
          min={0}
          inputClassName={cn(ramChanged && "ring-2 ring-accent-300")}
          {...bind("current.ramMb", { as: "number" })}
          error={failed("current.ramMb") ? t("rules.ramMb") : undefined}
        />
      </fieldset>
      <StringListField
        form={form}
        name="current.cpus"
        legend={t("parameters.cpus")}
        help={t("help.cpus")}
        itemLabel={(i) => t("fields.cpu", { n: i + 1 })}
        addLabel={t("planned.addCpu")}
        removeLabel={(i) => t("planned.removeCpu", { n: i + 1 })}
        errorText={() => t("rules.text")}
        min={baseline.cpus.length > 0 ? 1 : 0}
        max={1024}
      />
      <NicList form={form} keepOne={baseline.nics.length > 0} />
      <DiskList form={form} keepOne={baseline.disks.length > 0} />
      {(baseline.cpus.length > 0 || baseline.nics.length > 0 || baseline.disks.length > 0) && <p className="text-xs text-slate-500">{t("planned.keepOne")}</p>}
    </div>
  );
}

/** `keepOne`: the recorded list is not empty, and an empty planned list would read as "not recorded" (never compared). */
function NicList({ form, keepOne }: { form: PlannedFormApi; keepOne: boolean }) {
  const t = useTranslations("tools.binding");
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "current.nics" });
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">{t("parameters.nics")}</legend>
      {fields.length > 0 && (
        <div className="hidden grid-cols-[1fr_14rem_auto] gap-2 text-xs text-slate-500 sm:grid" aria-hidden>
          <span>{t("fields.nicName")}</span>
          <span>{t("fields.mac")}</span>
          <span className="w-8" />
        </div>
      )}
      {fields.map((field, i) => {
        const macError = form.getFieldState(`current.nics.${i}.mac`, form.formState).error;
        const nameError = form.getFieldState(`current.nics.${i}.name`, form.formState).error;
        return (
          <div key={field.id} className="flex flex-col gap-1">
            <div className="grid gap-2 sm:grid-cols-[1fr_14rem_auto]">
              <input {...form.register(`current.nics.${i}.name`)} aria-label={t("fields.nicNameN", { n: i + 1 })} aria-invalid={nameError ? true : undefined} className={CONTROL} autoComplete="off" />
              <input {...form.register(`current.nics.${i}.mac`)} aria-label={t("fields.macN", { n: i + 1 })} aria-invalid={macError ? true : undefined} className={cn(CONTROL, "font-mono")} autoComplete="off" spellCheck={false} placeholder="00:1A:2B:3C:4D:5E" />
              {fields.length > 1 || !keepOne ? (
                <button type="button" className={buttonClass("secondary", "sm")} aria-label={t("planned.removeNic", { n: i + 1 })} title={t("planned.removeNic", { n: i + 1 })} onClick={() => remove(i)}>
                  ✕
                </button>
              ) : (
                <span className="w-8" />
              )}
            </div>
            {(macError || nameError) && <p className="text-sm text-red-700">{macError ? t("rules.mac") : t("rules.text")}</p>}
          </div>
        );
      })}
      <div>
        <button type="button" className={buttonClass("secondary", "sm")} onClick={() => append({ name: "", mac: "" })}>
          + {t("planned.addNic")}
        </button>
      </div>
      <p className="text-xs text-slate-500">{t("help.nics")}</p>
    </fieldset>
  );
}

function DiskList({ form, keepOne }: { form: PlannedFormApi; keepOne: boolean }) {
  const t = useTranslations("tools.binding");
  const units = useUnits();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "current.disks" });
  const disks = useWatch({ control: form.control, name: "current.disks" }) as PlannedInput["current"]["disks"] | undefined;
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">{t("parameters.disks")}</legend>
      {fields.length > 0 && (
        <div className="hidden grid-cols-[1fr_12rem_12rem_auto] gap-2 text-xs text-slate-500 sm:grid" aria-hidden>
          <span>{t("fields.diskModel")}</span>
          <span>{t("fields.diskSerial")}</span>
          <span>{t("fields.diskSize")}</span>
          <span className="w-8" />
        </div>
      )}
      {fields.map((field, i) => {
        const sizeError = form.getFieldState(`current.disks.${i}.sizeBytes`, form.formState).error;
        const textError = form.getFieldState(`current.disks.${i}.model`, form.formState).error ?? form.getFieldState(`current.disks.${i}.serial`, form.formState).error;
        const size = Number(disks?.[i]?.sizeBytes);
        return (
          <div key={field.id} className="flex flex-col gap-1">
            <div className="grid gap-2 sm:grid-cols-[1fr_12rem_12rem_auto]">
              <input {...form.register(`current.disks.${i}.model`)} aria-label={t("fields.diskModelN", { n: i + 1 })} aria-invalid={textError ? true : undefined} className={CONTROL} autoComplete="off" />
              <input {...form.register(`current.disks.${i}.serial`)} aria-label={t("fields.diskSerialN", { n: i + 1 })} className={cn(CONTROL, "font-mono")} autoComplete="off" spellCheck={false} />
              <input
                {...form.register(`current.disks.${i}.sizeBytes`, { setValueAs: (v) => (v === "" || v === null || v === undefined ? undefined : Number(v)) })}
                type="number"
                inputMode="numeric"
                min={0}
                aria-label={t("fields.diskSizeN", { n: i + 1 })}
                aria-invalid={sizeError ? true : undefined}
                className={cn(CONTROL, "font-mono")}
              />
              {fields.length > 1 || !keepOne ? (
                <button type="button" className={buttonClass("secondary", "sm")} aria-label={t("planned.removeDisk", { n: i + 1 })} title={t("planned.removeDisk", { n: i + 1 })} onClick={() => remove(i)}>
                  ✕
                </button>
              ) : (
                <span className="w-8" />
              )}
            </div>
            {Number.isFinite(size) && size > 0 && <p className="text-xs text-slate-500 sm:text-right">≈ {units.gb(size / GB)}</p>}
            {(sizeError || textError) && <p className="text-sm text-red-700">{sizeError ? t("rules.sizeBytes") : t("rules.text")}</p>}
          </div>
        );
      })}
      <div>
        <button type="button" className={buttonClass("secondary", "sm")} onClick={() => append({ model: "", serial: "", sizeBytes: 0 })}>
          + {t("planned.addDisk")}
        </button>
      </div>
      <p className="text-xs text-slate-500">{t("help.disks")}</p>
    </fieldset>
  );
}

/** Sizes in the reader's language ("16,384 MB", "16 384 МБ"). */
function useUnits() {
  const t = useTranslations("tools.binding.units");
  const format = useFormatter();
  return { mb: (n: number) => t("mb", { n: format.number(n) }), gb: (n: number) => t("gb", { n: format.number(n, { maximumFractionDigits: 1 }) }) };
}
type Units = ReturnType<typeof useUnits>;

/** Each parameter in a line of text, as the verdict and the summary show it. */
function describe(fp: Fingerprint, units: Units): Record<Parameter, string> {
  return {
    hostname: fp.hostname,
    osName: fp.osName,
    osVersion: fp.osVersion,
    osSerial: fp.osSerial ?? "",
    osInstallDate: fp.osInstallDate ?? "",
    motherboard: fp.motherboard,
    bios: fp.bios,
    ramMb: fp.ramMb > 0 ? units.mb(fp.ramMb) : "",
    cpus: fp.cpus.join("; "),
    nics: fp.nics.map((n) => (n.name ? `${n.name} (${normalizeMac(n.mac)})` : normalizeMac(n.mac))).join("; "),
    disks: fp.disks.map((d) => [d.model, d.serial, d.sizeBytes > 0 ? units.gb(d.sizeBytes / GB) : ""].filter(Boolean).join(", ")).join("; "),
  };
}

const isEmpty = (fp: Fingerprint, p: Parameter) => {
  const v = fp[p];
  return v === undefined || v === null || v === "" || v === 0 || (Array.isArray(v) && v.length === 0) || (typeof v === "string" && v.trim() === "");
};

type RowStatus = "breaks" | "keeps" | "unchanged" | "not-compared" | "ignored";
const STATUS_TONE: Record<RowStatus, BadgeTone> = { breaks: "danger", keeps: "success", unchanged: "neutral", "not-compared": "neutral", ignored: "success" };

function Verdict({ verdict, activated, current, computer }: { verdict: BindingVerdict; activated: Fingerprint; current: Fingerprint; computer?: Baseline["computer"] }) {
  const t = useTranslations("tools.binding.verdict");
  const p = useTranslations("tools.binding.parameters");
  const locale = useLocale() === "ru" ? "ru" : "en";
  const units = useUnits();
  const before = describe(activated, units);
  const after = describe(current, units);
  const byParameter = new Map<string, BindingChange[]>();
  for (const c of verdict.changes) byParameter.set(c.parameter, [...(byParameter.get(c.parameter) ?? []), c]);
  // A parameter the engine reports that this page does not list (a future one) still gets its row.
  const parameters: string[] = [...PARAMETERS, ...[...byParameter.keys()].filter((k) => !(PARAMETERS as readonly string[]).includes(k))];
  const rows = parameters.map((parameter) => {
    const changes = byParameter.get(parameter) ?? [];
    const known = (PARAMETERS as readonly string[]).includes(parameter) ? (parameter as Parameter) : null;
    let status: RowStatus;
    if (changes.length > 0) status = changes.some((c) => c.breaks) ? "breaks" : "keeps";
    else if (known && (isEmpty(activated, known) || isEmpty(current, known))) status = "not-compared";
    else if (known && before[known] !== after[known]) status = "ignored";
    else status = "unchanged";
    return { parameter, known, changes, status };
  });
  const breaking = verdict.changes.filter((c) => c.breaks).length;
  // The verdict appears under a long form: bring it into view once it is there.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Newer browsers return a promise from scrollIntoView; an effect must return nothing but a clean-up.
    void ref.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [verdict]);

  return (
    <Card title={t("title")}>
      <div ref={ref} className="flex scroll-mt-6 flex-col gap-5" data-testid="binding-verdict" data-survives={verdict.survives}>
        <div className={cn("rounded-md border px-4 py-3", verdict.survives ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-200 bg-red-50 text-red-900")} role="status">
          <p className="text-base font-semibold">{verdict.survives ? t("survives") : t("breaks", { count: breaking })}</p>
          <p className="mt-1 text-sm">{verdict.survives ? (verdict.changes.length === 0 ? t("noChange") : t("survivesNote")) : t("breaksNote")}</p>
          {!verdict.survives && computer && computer.licenses.length > 0 && (
            <div className="mt-2 text-sm">
              <p>{t("licensesOn", { name: computer.name })}</p>
              <ul className="mt-1 flex flex-col gap-0.5">
                {computer.licenses.map((l) => (
                  <li key={l.pinId}>
                    <Link href={`/kits/${l.kitId}`} className="font-mono text-accent-800 underline-offset-2 hover:underline">
                      {l.regNumber}
                    </Link>{" "}
                    <span>— {l.product}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div className="relative overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="binding-parameters">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className={HEAD_ROW}>
                <HeaderCell>{t("parameter")}</HeaderCell>
                <HeaderCell>{t("result")}</HeaderCell>
                <HeaderCell>{t("why")}</HeaderCell>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ parameter, known, changes, status }) => (
                <tr key={parameter} className={cn("align-top", status === "breaks" && "bg-red-50")} data-parameter={parameter} data-status={status}>
                  <th scope="row" className="px-2 py-2 text-sm font-medium tracking-normal whitespace-nowrap text-slate-800 normal-case">
                    {known ? p(known) : parameter}
                  </th>
                  <td className="px-2 py-2 whitespace-nowrap">
                    <Badge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Badge>
                  </td>
                  <td className="px-2 py-2">
                    {changes.length > 0 ? (
                      <ul className="flex flex-col gap-1">
                        {changes.map((c, i) => (
                          <li key={i}>
                            {changes.length > 1 && <Badge tone={c.breaks ? "danger" : "success"} className="mr-1.5">{c.breaks ? t("status.breaks") : t("status.keeps")}</Badge>}
                            {c.text[locale]} <span className="text-xs whitespace-nowrap text-slate-500">{c.rule}</span>
                          </li>
                        ))}
                      </ul>
                    ) : known ? (
                      <span className="text-slate-600">
                        {status === "not-compared" ? t("notCompared") : status === "ignored" ? t("ignored", { before: before[known], after: after[known] }) : before[known]}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Card>
  );
}
