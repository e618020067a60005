"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { DefaultValues } from "react-hook-form";

import { apiText, send } from "@/components/ui/api";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { downloadText } from "@/components/ui/download";
import { CheckboxField, Field, SelectField, SubmitButton } from "@/components/ui/field";
import { FormProblemNotice, useApiForm, useBind } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";
import { checkAddress, LM_DEFAULT_PORT, MAX_SERVER_NAME_LENGTH, MAX_SERVER_NAMES, NethaspFormSchema, SENTINEL_ADMIN_PORT, type NethaspFormInput } from "@/lib/parsers/nethasp";

import { StringListField } from "./list-field";

const DEFAULTS: DefaultValues<NethaspFormInput> = { addresses: [""], port: LM_DEFAULT_PORT, method: "UDP", broadcast: false, serverNames: [], lineEnding: "CRLF" };

/** Server names typed as one line: `LM1, LM2` or `LM1 LM2`. */
const splitNames = (v: unknown) =>
  typeof v === "string"
    ? v
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean)
    : v;

/**
 * The nethasp.ini generator (DOMAIN §3 "usual good config"): the one form pattern over the route's own
 * NethaspFormSchema → POST /api/tools/nethasp/generate → the file, to read, copy or download. `initial` fills the
 * form (the checker's "adjust it in the generator"); the page remounts the form for each such request.
 */
export function NethaspGenerator({ initial }: { initial?: NethaspFormInput }) {
  const t = useTranslations("tools.generator");
  const locale = useLocale() === "ru" ? "ru" : "en";
  const preId = useId();
  const [file, setFile] = useState<string | null>(null);
  const { form, onSubmit, problem, pending } = useApiForm(NethaspFormSchema, {
    defaultValues: initial ? { ...DEFAULTS, ...initial, addresses: initial.addresses.length ? initial.addresses : [""] } : DEFAULTS,
    submit: (values) => apiText("/api/tools/nethasp/generate", send("POST", values)),
    onDone: (text) => setFile(text),
  });
  const bind = useBind(form);

  const failed = (name: Parameters<typeof form.getFieldState>[0]) => !!form.getFieldState(name, form.formState).error;
  const port = form.watch("port");
  const addressError = (i: number, value: string) => {
    const check = checkAddress(value);
    if (!check.ok) return check.text[locale];
    if (check.warning) return check.warning.text[locale];
    const twice = (form.getValues("addresses") ?? []).findIndex((a) => a?.trim().toLowerCase().replace(/\.$/, "") === value.trim().toLowerCase().replace(/\.$/, ""));
    return twice >= 0 && twice < i ? t("rules.duplicate", { address: value.trim() }) : t("rules.address");
  };

  return (
    <Card title={t("title")} description={t("description")}>
      <form
        onSubmit={(e) => {
          // A file shown under a form it no longer matches would be copied by mistake.
          setFile(null);
          return onSubmit(e);
        }}
        noValidate
        className="flex flex-col gap-5"
        aria-label={t("title")}
        data-testid="nethasp-generator"
      >
        <StringListField
          form={form}
          name="addresses"
          legend={t("fields.addresses")}
          help={t("help.addresses")}
          itemLabel={(i) => t("fields.address", { n: i + 1 })}
          addLabel={t("addAddress")}
          removeLabel={(i) => t("removeAddress", { n: i + 1 })}
          errorText={addressError}
          min={1}
          max={64}
          inputClassName="font-mono"
          placeholder="10.0.0.5"
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t("fields.port")}
            help={t("help.port", { port: LM_DEFAULT_PORT, admin: SENTINEL_ADMIN_PORT })}
            type="number"
            inputMode="numeric"
            min={1}
            max={65535}
            {...bind("port", { as: "number" })}
            error={failed("port") ? (Number(port) === SENTINEL_ADMIN_PORT ? t("rules.adminPort", { port: SENTINEL_ADMIN_PORT, default: LM_DEFAULT_PORT }) : t("rules.port")) : undefined}
          />
          <SelectField
            label={t("fields.method")}
            help={t("help.method")}
            options={[
              { value: "UDP", label: t("method.UDP") },
              { value: "TCP", label: t("method.TCP") },
            ]}
            {...bind("method")}
          />
        </div>
        <CheckboxField label={t("fields.broadcast")} help={t("help.broadcast")} {...bind("broadcast")} />

        <details className="rounded-md border border-slate-200 px-3 py-2">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("more")}</summary>
          <div className="mt-3 grid gap-4 sm:grid-cols-2">
            <Field
              label={t("fields.serverNames")}
              help={t("help.serverNames", { max: MAX_SERVER_NAMES, length: MAX_SERVER_NAME_LENGTH })}
              autoComplete="off"
              spellCheck={false}
              inputClassName="font-mono"
              {...form.register("serverNames", { setValueAs: splitNames })}
              error={form.formState.errors.serverNames ? t("rules.serverNames", { max: MAX_SERVER_NAMES, length: MAX_SERVER_NAME_LENGTH }) : undefined}
            />
            <SelectField
              label={t("fields.lineEnding")}
              help={t("help.lineEnding")}
              options={[
                { value: "CRLF", label: t("lineEnding.CRLF") },
                { value: "LF", label: t("lineEnding.LF") },
              ]}
              {...bind("lineEnding")}
            />
            <Field
              label={t("fields.sessionTimeout")}
              help={t("help.sessionTimeout")}
              type="number"
              inputMode="numeric"
              min={1}
              max={3600}
              {...bind("sessionTimeout", { as: "number" })}
              error={failed("sessionTimeout") ? t("rules.seconds") : undefined}
            />
            <Field
              label={t("fields.sendReceiveTimeout")}
              help={t("help.sendReceiveTimeout")}
              type="number"
              inputMode="numeric"
              min={1}
              max={3600}
              {...bind("sendReceiveTimeout", { as: "number" })}
              error={failed("sendReceiveTimeout") ? t("rules.seconds") : undefined}
            />
          </div>
        </details>

        <FormProblemNotice problem={problem} />
        <div>
          <SubmitButton pending={pending}>{pending ? t("writing") : t("write")}</SubmitButton>
        </div>
      </form>

      {file !== null && (
        <section aria-labelledby="generated-title" className="mt-6 flex flex-col gap-3 border-t border-slate-100 pt-5" data-testid="nethasp-generated">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id="generated-title" className="text-base font-semibold">
              {t("result.title")}
            </h3>
            <div className="flex flex-wrap items-center gap-2">
              <button type="button" className={buttonClass("primary", "sm")} onClick={() => downloadText("nethasp.ini", file)}>
                {t("result.download")}
              </button>
              <CopyButton value={file} what="nethasp.ini" selectId={preId} />
            </div>
          </div>
          <p className="text-sm text-slate-600">{t.rich("result.where", { code: (chunks) => <code className="font-mono">{chunks}</code> })}</p>
          <pre id={preId} className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-900">
            {file}
          </pre>
        </section>
      )}
    </Card>
  );
}
