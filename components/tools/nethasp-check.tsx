"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Fragment, useId, useMemo, useState, type ReactNode } from "react";
import { z } from "zod";

import { apiCall, apiText, send, textBody } from "@/components/ui/api";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Notice } from "@/components/ui/controls";
import { downloadText } from "@/components/ui/download";
import { SubmitButton, TextareaField } from "@/components/ui/field";
import { FormProblemNotice, useApiForm } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";
import { correctedNethaspForm, NethaspLintSchema, type NethaspFormInput } from "@/lib/parsers/nethasp";

import { readTextFile } from "./read-file";

/** Not trimmed: the line numbers of the findings count from the first line as pasted. */
const Paste = z.object({ text: z.string().refine((s) => s.trim() !== "", { error: "Paste the file or open it." }) });

/** The lint answer; `fixed` is read when the route sends a corrected file of its own (issue 10), else the generator writes one. */
const LintAnswer = NethaspLintSchema.extend({ fixed: z.string().optional() });
type LintAnswer = z.infer<typeof LintAnswer>;
type Finding = LintAnswer["findings"][number];

const SEVERITY_TONE: Record<string, BadgeTone> = { error: "danger", warning: "warning", info: "accent" };
const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };
const ROW_TONE: Record<string, string> = {
  error: "bg-red-50 shadow-[inset_3px_0_0_var(--color-red-500)]",
  warning: "bg-amber-50 shadow-[inset_3px_0_0_var(--color-amber-500)]",
  info: "bg-accent-50 shadow-[inset_3px_0_0_var(--color-accent-500)]",
};

/** A file with the classic mistakes of DOMAIN §3, to see what the checker says before pasting a real one. */
const EXAMPLE = [
  "[NH_COMMON]",
  "NH_IPX = Disabled",
  "NH_NETBIOS = Disabled",
  "NH_SERVER_ADDR = 10.0.0.5",
  "",
  "[NH_TCPIP]",
  "NH_SERVER_ADDR = 10.0.0.5, fe80::20c:29ff:fe3a:1b2c",
  "NH_PORT_NUMBER = 1947",
  "NH_USE_BROADCAST = Enabled",
  "NH_SERVER_NAME = LICENSE-SRV",
  "NHS_SERVERNAMES = LM1",
  "",
].join("\n");

/** The lines as the parser numbers them (CRLF, LF or CR; a BOM dropped); the empty line after the last newline is not shown. */
function linesOf(text: string): string[] {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
  return lines.length > 1 && lines.at(-1) === "" ? lines.slice(0, -1) : lines;
}

const worst = (findings: Finding[]) => findings.reduce<string | undefined>((w, f) => (w === undefined || (SEVERITY_RANK[f.severity] ?? 3) < (SEVERITY_RANK[w] ?? 3) ? f.severity : w), undefined);

/**
 * The nethasp.ini checker (DOMAIN §3): a pasted or opened file, linted by the API, shown with line numbers and
 * each finding under its line; the settings clients will really use; a corrected file to download.
 */
export function NethaspCheck({ onOpenInGenerator }: { onOpenInGenerator: (form: NethaspFormInput) => void }) {
  const t = useTranslations("tools.nethasp");
  const fileId = useId();
  const [fileEol, setFileEol] = useState<"CRLF" | "LF" | null>(null);
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const [result, setResult] = useState<{ text: string; lint: LintAnswer; eol: "CRLF" | "LF" } | null>(null);
  const { form, onSubmit, problem, pending } = useApiForm(Paste, {
    defaultValues: { text: "" },
    submit: async ({ text }) => ({ text, lint: await apiCall(LintAnswer, "/api/tools/nethasp/lint", textBody(text)) }),
    // A file opened from disk keeps its line ending; a pasted one gets Windows' (the platform's main home).
    onDone: ({ text, lint }) => setResult({ text, lint, eol: text.includes("\r\n") ? "CRLF" : (fileEol ?? "CRLF") }),
  });
  const textError = form.formState.errors.text;

  const open = async (file: File | undefined) => {
    setUnreadable(null);
    if (!file) return;
    try {
      const { text, crlf } = await readTextFile(file);
      setFileEol(crlf ? "CRLF" : "LF");
      form.setValue("text", text, { shouldValidate: false });
      await onSubmit();
    } catch {
      setUnreadable(file.name);
    }
  };

  return (
    <Card title={t("title")} description={t("description")}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t("title")} data-testid="nethasp-check">
        <TextareaField
          label={t("paste")}
          help={t.rich("pasteHelp", { code: (chunks) => <code className="font-mono">{chunks}</code> })}
          rows={10}
          spellCheck={false}
          wrap="off"
          {...form.register("text")}
          error={textError ? t("required") : undefined}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor={fileId} className="text-sm font-medium text-slate-800">
            {t("open")}
          </label>
          <input id={fileId} type="file" accept=".ini,.txt,text/plain" className="text-sm text-slate-600 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-700 hover:file:bg-slate-50" onChange={(e) => void open(e.target.files?.[0] ?? undefined)} />
          <p className="text-xs text-slate-500">{t("openHelp")}</p>
        </div>
        {unreadable && <Notice tone="error">{t("unreadable", { name: unreadable })}</Notice>}
        <FormProblemNotice problem={problem} />
        <div className="flex flex-wrap gap-2">
          <SubmitButton pending={pending}>{pending ? t("checking") : t("check")}</SubmitButton>
          <button
            type="button"
            className={buttonClass("secondary")}
            onClick={() => {
              form.setValue("text", EXAMPLE, { shouldValidate: false });
              setFileEol(null);
              void onSubmit();
            }}
          >
            {t("example")}
          </button>
        </div>
      </form>
      {result && <LintResult key={result.text} text={result.text} lint={result.lint} eol={result.eol} onOpenInGenerator={onOpenInGenerator} />}
    </Card>
  );
}

function LintResult({ text, lint, eol, onOpenInGenerator }: { text: string; lint: LintAnswer; eol: "CRLF" | "LF"; onOpenInGenerator: (form: NethaspFormInput) => void }) {
  const t = useTranslations("tools.nethasp");
  const locale = useLocale() === "ru" ? "ru" : "en";
  const lines = useMemo(() => linesOf(text), [text]);
  const onLine = useMemo(() => {
    const map = new Map<number, Finding[]>();
    for (const f of lint.findings) if (f.line >= 1 && f.line <= lines.length) map.set(f.line, [...(map.get(f.line) ?? []), f]);
    return map;
  }, [lint.findings, lines.length]);
  const wholeFile = lint.findings.filter((f) => f.line < 1 || f.line > lines.length);
  const summaries = wholeFile.filter((f) => f.severity === "info");
  const fileProblems = wholeFile.filter((f) => f.severity !== "info");
  const errors = lint.findings.filter((f) => f.severity === "error").length;
  const warnings = lint.findings.filter((f) => f.severity === "warning").length;
  const corrected = useMemo(() => (lint.fixed === undefined ? correctedNethaspForm(text, lint.effective, eol) : null), [lint.fixed, lint.effective, text, eol]);
  const fix = useMutation({
    mutationFn: () => (lint.fixed !== undefined ? Promise.resolve(lint.fixed) : apiText("/api/tools/nethasp/generate", send("POST", corrected))),
    onSuccess: (fixed) => downloadText("nethasp.ini", fixed),
  });

  return (
    <div className="mt-6 flex flex-col gap-5 border-t border-slate-100 pt-5" data-testid="nethasp-result" data-errors={errors} data-warnings={warnings}>
      <section aria-labelledby="nethasp-verdict" className="flex flex-col gap-2">
        <h3 id="nethasp-verdict" className="flex flex-wrap items-center gap-2 text-base font-semibold">
          {errors + warnings === 0 ? t("verdict.clean") : t("verdict.problems", { errors, warnings })}
        </h3>
        {summaries.map((f, i) => (
          <p key={i} className="text-sm text-slate-700" data-code={f.code}>
            {f.text[locale]}
          </p>
        ))}
        {fileProblems.length > 0 && (
          <ul className="flex flex-col gap-1.5" data-testid="nethasp-file-findings">
            {fileProblems.map((f, i) => (
              <FindingItem key={i} finding={f} />
            ))}
          </ul>
        )}
      </section>

      {errors + warnings > 0 && (
        <section aria-labelledby="nethasp-fix" className="flex flex-col gap-2 rounded-md border border-slate-200 bg-slate-50 p-3">
          <h3 id="nethasp-fix" className="text-sm font-semibold">
            {t("fix.title")}
          </h3>
          {lint.fixed !== undefined || corrected ? (
            <>
              <p className="text-sm text-slate-700">{lint.fixed !== undefined ? t("fix.fromLint") : t("fix.description")}</p>
              <div className="flex flex-wrap gap-2">
                <button type="button" className={buttonClass("primary", "sm")} aria-disabled={fix.isPending || undefined} onClick={() => !fix.isPending && fix.mutate()}>
                  {fix.isPending ? t("fix.writing") : t("fix.download")}
                </button>
                {corrected && (
                  <button type="button" className={buttonClass("secondary", "sm")} onClick={() => onOpenInGenerator(corrected)}>
                    {t("fix.edit")}
                  </button>
                )}
              </div>
              {fix.isError && <Notice tone="error">{t("fix.failed", { message: fix.error instanceof Error ? fix.error.message : String(fix.error) })}</Notice>}
            </>
          ) : (
            <div className="flex flex-col items-start gap-2">
              <p className="text-sm text-slate-700">{t("fix.noAddress")}</p>
              <button type="button" className={buttonClass("secondary", "sm")} onClick={() => onOpenInGenerator({ addresses: [""] })}>
                {t("fix.openGenerator")}
              </button>
            </div>
          )}
        </section>
      )}

      <section aria-labelledby="nethasp-lines" className="flex flex-col gap-2">
        <h3 id="nethasp-lines" className="text-sm font-semibold">
          {t("lines.title")}
        </h3>
        <div className="relative overflow-x-auto rounded-md border border-slate-200">
          <table className="w-full border-collapse" data-testid="nethasp-lines">
            <caption className="sr-only">{t("lines.caption")}</caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">{t("lines.number")}</th>
                <th scope="col">{t("lines.text")}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line, i) => {
                const n = i + 1;
                const findings = onLine.get(n) ?? [];
                const severity = worst(findings);
                return (
                  <Fragment key={n}>
                    <tr data-line={n} data-severity={severity} className={cn("align-top", severity && ROW_TONE[severity])}>
                      <th scope="row" className="w-12 border-0 px-2 py-0.5 text-right font-mono text-xs font-normal text-slate-400 tabular-nums select-none">
                        {n}
                      </th>
                      <td className="border-0 px-2 py-0.5 font-mono text-xs whitespace-pre-wrap text-slate-900 [overflow-wrap:anywhere]">{line === "" ? "\u00a0" : line}</td>
                    </tr>
                    {findings.length > 0 && (
                      <tr data-findings-for={n} className={cn(severity && ROW_TONE[severity])}>
                        <td className="border-0 p-0" />
                        <td className="border-0 px-2 pt-0.5 pb-2">
                          <ul className="flex flex-col gap-1.5">
                            {findings.map((f, j) => (
                              <FindingItem key={j} finding={f} />
                            ))}
                          </ul>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <Effective effective={lint.effective} />
    </div>
  );
}

/** One finding, whatever its kind: severity, the sentence in the reader's language (it names the fix), its code and rule. */
function FindingItem({ finding }: { finding: Finding }) {
  const t = useTranslations("tools.nethasp");
  const locale = useLocale() === "ru" ? "ru" : "en";
  return (
    <li className="flex items-start gap-2 text-sm" data-code={finding.code} data-severity={finding.severity}>
      <Badge tone={SEVERITY_TONE[finding.severity] ?? "neutral"} className="mt-0.5">
        {t.has(`severity.${finding.severity}` as never) ? t(`severity.${finding.severity}` as never) : finding.severity}
      </Badge>
      <span className="min-w-0">
        <span className="text-slate-900">{finding.text[locale] || finding.message}</span>{" "}
        <span className="text-xs whitespace-nowrap text-slate-500">
          {finding.code} · {finding.rule}
        </span>
      </span>
    </li>
  );
}

/** The settings clients will really use, defaults included (DOMAIN §3). */
function Effective({ effective: e }: { effective: LintAnswer["effective"] }) {
  const t = useTranslations("tools.nethasp.effective");
  const onOff = (on: boolean) => (on ? t("on") : t("off"));
  const protocols = [e.tcpip && "TCP/IP", e.ipx && "IPX", e.netbios && "NetBIOS"].filter(Boolean).join(", ");
  const rows: Array<[string, ReactNode]> = [
    [t("protocols"), protocols || t("noProtocol")],
    [t("addresses"), e.serverAddr.length ? <span className="font-mono">{e.serverAddr.join(", ")}</span> : t("noAddress")],
    [t("port"), e.port === 475 ? t("portDefault", { port: e.port }) : String(e.port)],
    [t("method"), e.method],
    [t("broadcast"), onOff(e.broadcast)],
    [t("serverNames"), e.serverNames.length ? <span className="font-mono">{e.serverNames.join(", ")}</span> : t("anyName")],
    [t("session"), e.sessionTimeout === undefined ? t("clientDefault") : t("seconds", { seconds: e.sessionTimeout })],
    [t("sendReceive"), e.sendReceiveTimeout === undefined ? t("clientDefault") : t("seconds", { seconds: e.sendReceiveTimeout })],
  ];
  return (
    <section aria-labelledby="nethasp-effective" className="flex flex-col gap-2">
      <h3 id="nethasp-effective" className="text-sm font-semibold">
        {t("title")}
      </h3>
      <p className="text-xs text-slate-500">{t("description")}</p>
      <table className="w-full max-w-2xl border-collapse text-sm" data-testid="nethasp-effective">
        <caption className="sr-only">{t("title")}</caption>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="w-1/3 px-2 py-1.5 align-top text-sm font-medium tracking-normal text-slate-600 normal-case">
                {label}
              </th>
              <td className="px-2 py-1.5 align-top">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
