"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DangerConfirm, Notice } from "@/components/ui/controls";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/domain/enums";
import { NewTokenSchema, type ApiTokenWire } from "@/lib/security/account-api";

import { useApiErrorTexts, useSettingsBind } from "./api-errors";
import { LoadFailed, SecretPanel, SecretValue, TableSkeleton } from "./controls";
import { tokensQueryOptions, useCreateTokenMutation, useRevokeTokenMutation } from "./queries";
import { SortableTable, type SortableColumn } from "./sortable-table";

const SCOPE_TONE: Record<TokenScope, BadgeTone> = { import: "neutral", read: "accent", admin: "warning" };

/** The example a new token is shown with: a cron job sending `rac session list` output. */
/** What a cron job on the 1C server runs: an import-capable token stores the capture, a read token only parses it. */
const curlExample = (token: string, origin: string, scope: string) =>
  `rac session list --cluster=<cluster-uuid> --licenses | curl -fsS -H "Authorization: Bearer ${token}" --data-binary @- ${origin}/api/${scope === "read" ? "parse" : "import"}/rac`;

export function TokensSection({ initialTokens }: { initialTokens: ApiTokenWire[] }) {
  const t = useTranslations("settings");
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const query = useQuery({ ...tokensQueryOptions(), initialData: initialTokens });
  const [confirming, setConfirming] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const texts = useApiErrorTexts("token");

  const closeConfirm = (id: number, message?: string) => {
    setConfirming(null);
    if (message) setNotice(message);
    requestAnimationFrame(() => document.getElementById(`token-revoke-${id}`)?.focus());
  };

  const columns: Array<SortableColumn<ApiTokenWire>> = [
    { key: "name", label: t("tokens.columns.name"), sortValue: (k) => k.name, render: (k) => <span className="font-medium text-slate-900">{k.name}</span> },
    {
      key: "scope",
      label: t("tokens.columns.scope"),
      sortValue: (k) => TOKEN_SCOPES.indexOf(k.scope),
      render: (k) => (
        <span title={t(`scopeHints.${k.scope}`)}>
          <Badge tone={SCOPE_TONE[k.scope]}>{t(`scopes.${k.scope}`)}</Badge>
        </span>
      ),
    },
    { key: "prefix", label: t("tokens.columns.prefix"), sortValue: (k) => k.prefix, render: (k) => <code>{k.prefix}…</code>, className: "whitespace-nowrap" },
    { key: "createdBy", label: t("tokens.columns.createdBy"), sortValue: (k) => k.createdBy, render: (k) => k.createdBy ?? <span className="text-slate-500">{t("common.unknown")}</span> },
    { key: "created", label: t("tokens.columns.created"), sortValue: (k) => k.createdAt, render: (k) => when(k.createdAt), className: "whitespace-nowrap" },
    {
      key: "lastUsed",
      label: t("tokens.columns.lastUsed"),
      sortValue: (k) => k.lastUsedAt,
      render: (k) => (k.lastUsedAt ? when(k.lastUsedAt) : <span className="text-slate-500">{t("common.never")}</span>),
      className: "whitespace-nowrap",
    },
    {
      key: "status",
      label: t("tokens.columns.status"),
      sortValue: (k) => (k.revokedAt ? 1 : 0),
      render: (k) =>
        k.revokedAt ? (
          <span className="inline-flex flex-col items-start gap-0.5">
            <Badge tone="neutral">{t("tokens.status.revoked")}</Badge>
            <span className="text-xs whitespace-nowrap text-slate-500">{t("tokens.revokedAt", { time: when(k.revokedAt) })}</span>
          </span>
        ) : (
          <Badge tone="success">{t("tokens.status.active")}</Badge>
        ),
    },
    {
      key: "actions",
      label: t("common.actions"),
      hiddenLabel: true,
      className: "text-right",
      render: (k) =>
        k.revokedAt ? null : (
          <button
            id={`token-revoke-${k.id}`}
            type="button"
            className={buttonClass("secondary", "sm")}
            aria-expanded={confirming === k.id}
            onClick={() => setConfirming(confirming === k.id ? null : k.id)}
          >
            {t("tokens.revoke.open")}
          </button>
        ),
    },
  ];

  const tokens = query.data;

  return (
    <Card title={t("tokens.title")} description={t("tokens.description")}>
      <div className="flex flex-col gap-4" data-testid="tokens-section">
        {notice && <Notice tone="success">{notice}</Notice>}
        {query.isError && <LoadFailed message={texts.of(query.error)} onRetry={() => query.refetch()} />}
        {query.isPending ? (
          <TableSkeleton />
        ) : !tokens || tokens.length === 0 ? (
          <EmptyState title={t("tokens.empty")} description={t("tokens.emptyDescription")} titleAs="h3" />
        ) : (
          <SortableTable
            caption={t("tokens.caption")}
            columns={columns}
            rows={tokens}
            rowKey={(k) => String(k.id)}
            initialSort={{ key: "created", dir: "desc" }}
            testId="tokens-table"
            expanded={(k) => (confirming === k.id && !k.revokedAt ? <RevokeConfirm token={k} onClose={(message) => closeConfirm(k.id, message)} /> : null)}
          />
        )}
        <CreateTokenForm />
      </div>
    </Card>
  );
}

function RevokeConfirm({ token, onClose }: { token: ApiTokenWire; onClose: (message?: string) => void }) {
  const t = useTranslations("settings");
  const mutation = useRevokeTokenMutation();
  const texts = useApiErrorTexts("token");
  return (
    <DangerConfirm
      question={t("tokens.revoke.confirm", { name: token.name })}
      error={mutation.error ? texts.of(mutation.error) : undefined}
      pending={mutation.isPending}
      submit={t("tokens.revoke.submit")}
      submitting={t("tokens.revoke.submitting")}
      cancel={t("common.cancel")}
      onConfirm={() => mutation.mutate(token.id, { onSuccess: () => onClose(t("tokens.revoke.revoked", { name: token.name })) })}
      onCancel={() => onClose()}
    />
  );
}

/** The route's own schema: who creates a token is the acting principal, never the form. */
const CreateTokenSchema = NewTokenSchema.pick({ name: true, scope: true });
const CREATE_DEFAULTS = { name: "", scope: "import" } as const;

function CreateTokenForm() {
  const t = useTranslations("settings");
  const mutation = useCreateTokenMutation();
  const texts = useApiErrorTexts("token");
  const titleId = useId();
  const scopeId = useId();
  const [created, setCreated] = useState<{ name: string; token: string; origin: string; scope: string } | null>(null);
  const { form, onSubmit, problem, pending } = useApiForm(CreateTokenSchema, {
    defaultValues: CREATE_DEFAULTS,
    submit: (input) => mutation.mutateAsync(input),
    onDone: ({ token, apiToken }) => {
      form.reset(CREATE_DEFAULTS);
      setCreated({ name: apiToken.name, token, origin: window.location.origin, scope: apiToken.scope });
    },
  });
  const bind = useSettingsBind(form, texts);
  const { error: scopeError, ...scope } = bind("scope");

  return (
    <div className="flex flex-col gap-3 border-t border-slate-100 pt-4">
      <h3 id={titleId} className="text-sm font-semibold">
        {t("tokens.create.title")}
      </h3>
      {created && (
        <SecretPanel title={t("tokens.created.title", { name: created.name })} description={t("tokens.created.description")} onDismiss={() => setCreated(null)}>
          <SecretValue label={t("tokens.created.label")} value={created.token} />
          <div className="flex flex-col gap-1">
            <p className="text-sm text-slate-700">{t("tokens.created.example")}</p>
            <SecretValue label={t("tokens.created.exampleLabel")} value={curlExample(created.token, created.origin, created.scope)} multiline />
          </div>
        </SecretPanel>
      )}
      <form onSubmit={(e) => (pending ? e.preventDefault() : void onSubmit(e))} noValidate aria-labelledby={titleId} className="flex flex-col gap-3" data-testid="create-token-form">
        {problem && <Notice tone="error">{texts.problem(problem)}</Notice>}
        <Field className="max-w-xl" label={t("tokens.create.name")} autoComplete="off" required help={t("tokens.create.nameHelp")} {...bind("name")} />
        <fieldset className="flex flex-col gap-2" aria-describedby={scopeError ? `${scopeId}-error` : undefined}>
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("tokens.create.scope")}</legend>
          {scopeError && (
            <p id={`${scopeId}-error`} className="text-sm text-red-700">
              {scopeError}
            </p>
          )}
          {TOKEN_SCOPES.map((s) => (
            <div key={s} className="flex items-start gap-2">
              <input
                id={`${scopeId}-${s}`}
                type="radio"
                value={s}
                {...scope}
                aria-describedby={[`${scopeId}-${s}-hint`, scopeError ? `${scopeId}-error` : null].filter(Boolean).join(" ")}
                className="mt-0.5 size-4 accent-accent-700"
              />
              <div className="flex flex-col">
                <label htmlFor={`${scopeId}-${s}`} className="text-sm font-medium text-slate-800">
                  {t(`scopes.${s}`)}
                </label>
                <p id={`${scopeId}-${s}-hint`} className="text-xs text-slate-600">
                  {t(`scopeHints.${s}`)}
                </p>
              </div>
            </div>
          ))}
        </fieldset>
        <div>
          <button type="submit" className={buttonClass("primary")} aria-disabled={pending || undefined}>
            {pending ? t("tokens.create.submitting") : t("tokens.create.submit")}
          </button>
        </div>
      </form>
    </div>
  );
}
