"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { z } from "zod";

import { PageHeader } from "@/components/shell/page-header";
import { apiCall, send } from "@/components/ui/api";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, SelectField, SubmitButton } from "@/components/ui/field";
import { FormProblemNotice, useApiForm, useBind } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";
import { HEAD_ROW, HeaderCell } from "@/components/ui/table-parts";
import { MessageExplainer } from "@/components/tools/message-explainer";
import { CAUSE_TEXT } from "@/lib/licensing/causes";
import { EventCreatedSchema, WhyRequestSchema, WhyResponseSchema, type WhyResponse } from "@/lib/why/api";

/** The route's schema, with the time typed in the browser's local time (empty: the newest capture). */
const AskSchema = WhyRequestSchema.omit({ at: true }).extend({ when: z.string().trim().optional() });
type Ask = z.input<typeof AskSchema>;

export interface WhyEvent {
  id: number;
  at: string;
  user: string | null;
  computer: string | null;
  infobase: string | null;
  app: string | null;
  cause: string | null;
}

const APPS = ["1CV8C", "1CV8", "WebClient", "Designer", "COMConnection"] as const;

/** Local `YYYY-MM-DDThh:mm` of an instant, for a datetime-local box. */
const localInput = (iso: string) => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
};

/** "Why no free license?" (issue 11 §2): ask for a user, computer and infobase at a time, or pick a recorded event. */
export function WhyView({
  infobases,
  computers,
  events,
  newestCapture,
  canOpenInventory,
  canSave,
}: {
  infobases: string[];
  computers: string[];
  events: WhyEvent[];
  newestCapture: string | null;
  /** Whether the reader may open kits, keys and computers (the message explainer links them then). */
  canOpenInventory: boolean;
  /** Whether the reader may save a refusal as an event. */
  canSave: boolean;
}) {
  const t = useTranslations("why");
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const [answer, setAnswer] = useState<{ response: WhyResponse; asked: { user: string | null; computer: string; infobase: string }; question: Record<string, unknown> } | null>(null);
  // A recorded event's exact instant (milliseconds included): the box shows it to the second only.
  const [exactAt, setExactAt] = useState<string | null>(null);
  const { form, onSubmit, problem, pending } = useApiForm(AskSchema, {
    defaultValues: { user: "", computer: "", infobase: infobases[0] ?? "", app: "1CV8C", terminalSession: "", when: "" },
    submit: async ({ when: local, ...values }) => {
      const at = local ? (exactAt && localInput(exactAt) === local ? exactAt : new Date(local).toISOString()) : undefined;
      const question = { ...values, ...(at ? { at } : {}) };
      return { question, response: await apiCall(WhyResponseSchema, "/api/why", send("POST", question)) };
    },
    onDone: ({ question, response }, values) => setAnswer({ response, question, asked: { user: values.user, computer: values.computer, infobase: values.infobase } }),
  });
  const bind = useBind(form);

  const askAgain = (e: WhyEvent) => {
    setExactAt(e.at);
    form.reset({ user: e.user ?? "", computer: e.computer ?? "", infobase: e.infobase ?? infobases[0] ?? "", app: e.app ?? "1CV8C", terminalSession: "", when: localInput(e.at) } satisfies Ask);
    void onSubmit();
  };

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6">
        <Card title={t("ask.title")} description={newestCapture ? t("ask.description", { when: when(newestCapture) }) : t("ask.noCapture")}>
          <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t("ask.title")} data-testid="why-form">
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              <Field label={t("fields.user")} help={t("help.user")} autoComplete="off" {...bind("user")} />
              <Field label={t("fields.computer")} help={t("help.computer")} autoComplete="off" list="why-computers" {...bind("computer", { rule: "name" })} />
              <SelectField label={t("fields.infobase")} options={infobases.map((v) => ({ value: v, label: v }))} {...bind("infobase")} />
              <SelectField label={t("fields.app")} help={t("help.app")} options={APPS.map((v) => ({ value: v, label: t(`apps.${v}`) }))} {...bind("app")} />
              <Field label={t("fields.when")} help={t("help.when")} type="datetime-local" step={1} {...bind("when")} />
            </div>
            <datalist id="why-computers">
              {computers.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
            <FormProblemNotice problem={problem} />
            <div className="flex flex-wrap items-center gap-3">
              <SubmitButton pending={pending}>{pending ? t("ask.asking") : t("ask.submit")}</SubmitButton>
              <span className="text-sm text-slate-600">{t("ask.message")}</span>
            </div>
          </form>
        </Card>

        {answer && <Answer key={JSON.stringify(answer.question)} response={answer.response} asked={answer.asked} question={answer.question} canSave={canSave} />}

        <MessageExplainer linkRecords={canOpenInventory} />

        <Card title={t("events.title")} description={t("events.description")}>
          {events.length === 0 ? (
            <EmptyState title={t("events.empty")} />
          ) : (
            <div className="relative overflow-x-auto">
              <table className="w-full border-collapse text-sm" data-testid="why-events">
                <caption className="sr-only">{t("events.title")}</caption>
                <thead>
                  <tr className={HEAD_ROW}>
                    <HeaderCell>{t("events.at")}</HeaderCell>
                    <HeaderCell>{t("fields.user")}</HeaderCell>
                    <HeaderCell>{t("fields.computer")}</HeaderCell>
                    <HeaderCell>{t("fields.infobase")}</HeaderCell>
                    <HeaderCell>{t("events.cause")}</HeaderCell>
                    <HeaderCell className="text-right">{t("events.action")}</HeaderCell>
                  </tr>
                </thead>
                <tbody>
                  {events.map((e) => (
                    <tr key={e.id} className="border-b border-slate-100">
                      <td className="whitespace-nowrap px-2 py-2">{when(e.at)}</td>
                      <td className="px-2 py-2">{e.user ?? "—"}</td>
                      <td className="px-2 py-2">{e.computer ?? "—"}</td>
                      <td className="px-2 py-2">{e.infobase ?? "—"}</td>
                      <td className="px-2 py-2">{e.cause ? <Badge tone="danger">{t(`causes.${e.cause}` as never)}</Badge> : "—"}</td>
                      <td className="px-2 py-2 text-right">
                        <button type="button" className={buttonClass("secondary", "sm")} onClick={() => askAgain(e)}>
                          {t("events.ask")}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}

function Answer({ response, asked, question, canSave }: { response: WhyResponse; asked: { user: string | null; computer: string; infobase: string }; question: Record<string, unknown>; canSave: boolean }) {
  const t = useTranslations("why");
  const router = useRouter();
  const [saved, setSaved] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  const save = async () => {
    setSaved("saving");
    try {
      await apiCall(EventCreatedSchema, "/api/events", send("POST", question));
      setSaved("saved");
      router.refresh();
    } catch {
      setSaved("failed");
    }
  };
  const locale = useLocale() === "ru" ? "ru" : "en";
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const who = { user: asked.user ?? t("answer.someone"), computer: asked.computer, infobase: asked.infobase };
  return (
    <Card
      title={response.granted ? t("answer.granted", who) : t("answer.denied", who)}
      description={response.snapshotTakenAt ? t("answer.basis", { at: when(response.at), capture: when(response.snapshotTakenAt) }) : t("answer.noBasis", { at: when(response.at) })}
    >
      <div className="flex flex-col gap-5" data-testid="why-answer" data-granted={response.granted} data-cause={response.cause ?? ""}>
        {!response.granted && response.cause && (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
            <p className="font-semibold">{t(`causes.${response.cause}` as never)}</p>
            <p>{CAUSE_TEXT[response.cause][locale]}</p>
          </div>
        )}
        {response.places.length > 0 && (
          <section aria-labelledby="why-places">
            <h3 id="why-places" className="mb-2 text-sm font-semibold">
              {t("answer.places")}
            </h3>
            <ol className="flex flex-col gap-2" data-testid="why-places">
              {response.places.map((p, i) => (
                <li key={i} className="flex flex-col gap-0.5 rounded-md border border-slate-200 px-3 py-2 text-sm">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">
                      {i + 1}. {t(`place.${p.place}`)} · {p.host}
                    </span>
                    {p.result === "seat" ? <Badge tone="success">{t("answer.seat")}</Badge> : <Badge tone={p.result === "seats-exhausted" ? "danger" : "neutral"}>{t(`causes.${p.result}` as never)}</Badge>}
                    {p.seats !== undefined && <span className="text-slate-600">{t("answer.load", { inUse: p.inUse ?? 0, seats: p.seats })}</span>}
                  </span>
                  <span className="text-slate-700">{p.text[locale]}</span>
                </li>
              ))}
            </ol>
          </section>
        )}
        {response.holders.length > 0 && (
          <section aria-labelledby="why-holders">
            <h3 id="why-holders" className="mb-2 text-sm font-semibold">
              {t("answer.holders", { count: response.holders.length })}
            </h3>
            <div className="relative overflow-x-auto">
              <table className="w-full border-collapse text-sm" data-testid="why-holders">
                <thead>
                  <tr className={HEAD_ROW}>
                    <HeaderCell>{t("fields.user")}</HeaderCell>
                    <HeaderCell>{t("fields.computer")}</HeaderCell>
                    <HeaderCell>{t("fields.infobase")}</HeaderCell>
                    <HeaderCell>{t("fields.app")}</HeaderCell>
                    <HeaderCell>{t("answer.since")}</HeaderCell>
                    <HeaderCell className="text-right">{t("answer.idle")}</HeaderCell>
                  </tr>
                </thead>
                <tbody>
                  {response.holders.map((h, i) => (
                    <tr key={i} className="border-b border-slate-100">
                      <td className="px-2 py-2">{h.user ? <Link href={`/sessions?view=history&user=${encodeURIComponent(h.user)}`} className="text-accent-700 hover:underline">{h.user}</Link> : "—"}</td>
                      <td className="px-2 py-2">{h.computer ?? "—"}</td>
                      <td className="px-2 py-2">{h.infobase ?? "—"}</td>
                      <td className="px-2 py-2 font-mono text-xs">{h.app ?? "—"}</td>
                      <td className="whitespace-nowrap px-2 py-2">{h.since ? when(h.since) : "—"}</td>
                      <td className="px-2 py-2 text-right tabular-nums">{h.idleMinutes === undefined ? "—" : t("answer.minutes", { m: h.idleMinutes })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
        {!response.granted && canSave && (
          <div className="flex flex-wrap items-center gap-3">
            <button type="button" className={buttonClass("secondary", "sm")} onClick={save} aria-disabled={saved === "saving" || saved === "saved" || undefined}>
              {saved === "saved" ? t("answer.saved") : t("answer.save")}
            </button>
            <span className="text-sm text-slate-600" role="status">
              {saved === "failed" ? t("answer.saveFailed") : t("answer.saveHelp")}
            </span>
          </div>
        )}
        {response.remedies.length > 0 && (
          <section aria-labelledby="why-remedies">
            <h3 id="why-remedies" className="mb-2 text-sm font-semibold">
              {t("answer.remedies")}
            </h3>
            <ul className="list-disc pl-5 text-sm text-slate-800" data-testid="why-remedies">
              {response.remedies.map((r) => (
                <li key={r.code}>{r.text[locale]}</li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Card>
  );
}
