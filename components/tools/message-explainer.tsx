"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { z } from "zod";

import { apiCall, textBody } from "@/components/ui/api";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SubmitButton, TextareaField } from "@/components/ui/field";
import { FormProblemNotice, useApiForm } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";
import { ParseMessageResponseSchema } from "@/lib/parsers/platform-message";


const Paste = z.object({ text: z.string().refine((s) => s.trim() !== "", { error: "Paste the message." }) });

/**
 * What a line may link to (a kit, a key, a computer it names). Declared here as an optional extension, so the
 * page reads the links whether or not `ParseMessageResponseSchema` has them yet; once it does, this is the same.
 */
const MessageLinkSchema = z.object({ kind: z.enum(["kit", "key", "computer"]), id: z.number().int(), label: z.string() });
export type MessageLink = z.infer<typeof MessageLinkSchema>;

const LineSchema = ParseMessageResponseSchema.shape.lines.element.extend({ links: z.array(MessageLinkSchema).optional() });
/** What a message with a title and no reason line says as a whole (read the same way, whether or not the schema has it yet). */
const SummarySchema = z.object({ place: z.enum(["client", "server"]), cause: z.string(), explanation: z.object({ en: z.string(), ru: z.string() }) });
const Answer = ParseMessageResponseSchema.extend({ lines: z.array(LineSchema), summary: SummarySchema.optional() });
type Answer = z.infer<typeof Answer>;
type Line = Pick<Answer["lines"][number], "text" | "place" | "explanation" | "file" | "series" | "keyKind" | "status" | "links"> & { cause: string };

/** Where a link goes: the kit's page, the keys list filtered by the key (there is no key page), the computer's page. */
export function linkHref(link: MessageLink): string {
  switch (link.kind) {
    case "kit":
      return `/kits/${link.id}`;
    case "key":
      return `/keys?${new URLSearchParams({ q: link.label })}`;
    case "computer":
      return `/computers/${link.id}`;
  }
}

/** The tone only supports the cause's name; the words say it. */
const CAUSE_TONE: Record<string, BadgeTone> = {
  "seats-exhausted": "danger",
  "binding-changed": "danger",
  "no-server-license": "danger",
  "server-license-only": "danger",
  "distribution-denied": "danger",
  "unreadable-file": "danger",
  "no-file": "warning",
  "no-license-manager": "warning",
  "file-mode-single-user-only": "warning",
  "no-local-key": "neutral",
  unknown: "neutral",
};

/** The platform's message as the article quotes it (DOMAIN §4.2): every kind of reason line once. */
const EXAMPLE = [
  "Не обнаружено свободной лицензии!",
  "по причине:",
  "Поиск лицензии на клиенте:",
  "  Файл программной лицензии не найден",
  "  локальный ключ недоступен: Status=-100, ORGL8 Локальный, не установлен",
  "  nethasp.ini: отсутствует, использованы настройки по умолчанию, ошибка соединения с менеджером лицензий: Net Status=15, ORGL8 Сетевой, не установлен",
  "Поиск лицензии на сервере:",
  "  Превышено максимальное количество пользователей, разрешенное файлом программной лицензии: C:\\ProgramData\\1C\\licenses\\20240115093012.lic",
].join("\n");

/**
 * "What does this message mean?" (DOMAIN §4.2, §1.4): the platform's licensing message pasted → every reason line
 * with where 1C looked, the cause in plain words and what to do; for a binding failure, the devices it lists.
 */
/**
 * `onCheckBinding`: opens the hardware-change check; absent where the reader may not use it (the Why page).
 * `linkRecords` false: the kits, keys and computers a line names are shown, not linked (a reader without the
 * inventory pages, e.g. a team lead).
 */
export function MessageExplainer({ onCheckBinding, linkRecords = true }: { onCheckBinding?: () => void; linkRecords?: boolean }) {
  const t = useTranslations("tools.message");
  const [answer, setAnswer] = useState<Answer | null>(null);
  const { form, onSubmit, problem, pending } = useApiForm(Paste, {
    defaultValues: { text: "" },
    submit: ({ text }) => apiCall(Answer, "/api/explain/message", textBody(text)),
    onDone: setAnswer,
  });
  return (
    <Card title={t("title")} description={t("description")}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t("title")} data-testid="message-explainer">
        <TextareaField
          label={t("paste")}
          help={t("pasteHelp")}
          rows={8}
          spellCheck={false}
          {...form.register("text")}
          error={form.formState.errors.text ? t("required") : undefined}
        />
        <FormProblemNotice problem={problem} />
        <div className="flex flex-wrap gap-2">
          <SubmitButton pending={pending}>{pending ? t("explaining") : t("explain")}</SubmitButton>
          <button
            type="button"
            className={buttonClass("secondary")}
            onClick={() => {
              form.setValue("text", EXAMPLE, { shouldValidate: false });
              void onSubmit();
            }}
          >
            {t("example")}
          </button>
        </div>
      </form>
      {answer && <Explanation answer={answer} onCheckBinding={onCheckBinding} linkRecords={linkRecords} />}
    </Card>
  );
}

function Explanation({ answer, onCheckBinding, linkRecords }: { answer: Answer; onCheckBinding?: () => void; linkRecords: boolean }) {
  const t = useTranslations("tools.message");
  const locale = useLocale() === "ru" ? "ru" : "en";
  const kind = t.has(`kind.${answer.kind}.title` as never) ? answer.kind : "unknown";
  if (answer.lines.length === 0 && !answer.summary && !answer.removed?.length && !answer.present?.length) {
    return (
      <div className="mt-6" data-testid="message-result" data-kind={answer.kind}>
        <EmptyState title={t("nothing.title")} description={t("nothing.description")} />
      </div>
    );
  }
  // A bare title ("Не обнаружено свободной лицензии!" alone) has no places to list: it is explained as a whole.
  const summary = answer.lines.length === 0 ? answer.summary : undefined;
  const places = (["client", "server"] as const).map((place) => ({ place, lines: answer.lines.filter((l) => l.place === place) })).filter((g) => g.lines.length > 0);
  return (
    <div className="mt-6 flex flex-col gap-5 border-t border-slate-100 pt-5" data-testid="message-result" data-kind={answer.kind}>
      <section className="flex flex-col gap-1" aria-labelledby="message-kind">
        <h3 id="message-kind" className="text-base font-semibold">
          {t(`kind.${kind}.title` as never)}
        </h3>
        <p className="text-sm text-slate-700">{summary ? t("summary") : t(`kind.${kind}.description` as never)}</p>
        {answer.encoding !== "utf-8" && <p className="text-xs text-slate-500">{t("encoding", { encoding: answer.encoding })}</p>}
      </section>

      {summary && (
        <ol className="flex flex-col gap-3" data-testid="message-summary">
          <LineItem line={{ text: "", ...summary }} locale={locale} linkRecords={linkRecords} />
        </ol>
      )}

      {places.map(({ place, lines }) => (
        <section key={place} className="flex flex-col gap-2" aria-labelledby={`message-${place}`}>
          <h3 id={`message-${place}`} className="text-sm font-semibold">
            {t(`place.${place}`)}
          </h3>
          <p className="text-xs text-slate-500">{t(`placeHelp.${place}`)}</p>
          <ol className="flex flex-col gap-3" data-testid={`message-lines-${place}`}>
            {lines.map((line, i) => (
              <LineItem key={i} line={line} locale={locale} linkRecords={linkRecords} />
            ))}
          </ol>
        </section>
      ))}

      {(answer.removed?.length ?? 0) + (answer.present?.length ?? 0) + (answer.bindingChanges?.length ?? 0) > 0 && (
        <section className="flex flex-col gap-3" aria-labelledby="message-devices" data-testid="message-binding">
          <h3 id="message-devices" className="text-sm font-semibold">
            {t("binding.title")}
          </h3>
          <div className="grid gap-4 md:grid-cols-2">
            <DeviceList title={t("binding.removed")} items={answer.removed ?? []} empty={t("binding.none")} />
            <DeviceList title={t("binding.present")} items={answer.present ?? []} empty={t("binding.none")} />
          </div>
          {answer.bindingChanges && answer.bindingChanges.length > 0 && (
            <ul className="flex flex-col gap-1.5 text-sm">
              {answer.bindingChanges.map((c, i) => (
                <li key={i} className="flex items-start gap-2" data-parameter={c.parameter} data-change={c.change}>
                  <Badge tone={c.breaks ? "danger" : "success"} className="mt-0.5">
                    {c.breaks ? t("binding.breaks") : t("binding.keeps")}
                  </Badge>
                  <span>
                    {c.text[locale]} <span className="text-xs whitespace-nowrap text-slate-500">{c.rule}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
          {onCheckBinding && (
            <p className="text-sm text-slate-700">
              {t("binding.next")}{" "}
              <button type="button" className={buttonClass("link")} onClick={onCheckBinding}>
                {t("binding.check")}
              </button>
            </p>
          )}
        </section>
      )}
    </div>
  );
}

function LineItem({ line, locale, linkRecords }: { line: Line; locale: "en" | "ru"; linkRecords: boolean }) {
  const t = useTranslations("tools.message");
  const details = [
    line.file && t("details.file", { file: line.file }),
    line.series && t("details.key", { series: line.series, kind: t(`details.keyKind.${line.keyKind ?? "unknown"}`) }),
    line.status && t("details.status", { status: line.status }),
  ].filter(Boolean);
  return (
    <li className="flex flex-col gap-1.5 rounded-md border border-slate-200 p-3" data-cause={line.cause} data-place={line.place}>
      {line.text && <p className="font-mono text-xs break-words text-slate-800">{line.text}</p>}
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={CAUSE_TONE[line.cause] ?? "neutral"}>{t.has(`cause.${line.cause}` as never) ? t(`cause.${line.cause}` as never) : line.cause}</Badge>
        <span className="text-xs text-slate-500">{t(`placeShort.${line.place}`)}</span>
      </div>
      <p className="text-sm text-slate-900">{line.explanation[locale]}</p>
      {details.length > 0 && <p className="text-xs text-slate-600">{details.join(" · ")}</p>}
      {line.links && line.links.length > 0 && (
        <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm" aria-label={t("links.label")}>
          {line.links.map((link) => (
            <li key={`${link.kind}-${link.id}`}>
              {linkRecords ? (
                <Link href={linkHref(link)} className="text-accent-700 hover:underline">
                  {t(`links.${link.kind}`, { label: link.label })}
                </Link>
              ) : (
                <span className="text-slate-700">{t(`links.${link.kind}`, { label: link.label })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function DeviceList({ title, items, empty }: { title: string; items: string[]; empty: string }) {
  return (
    <div className="min-w-0 rounded-md border border-slate-200 p-3">
      <h4 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h4>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-0.5 font-mono text-xs break-words text-slate-800">
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
