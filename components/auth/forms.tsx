"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { changePassword, setupFirstAdmin, signIn, type FormState } from "@/app/actions/auth";
import { Field, SubmitButton } from "@/components/ui/field";

/** The catalog text for a field's error code (app/actions/auth.ts `fieldErrorsOf`). */
function useFieldError(state: FormState, minPassword: number) {
  const t = useTranslations("auth.errors");
  return (field: string, kind: "email" | "password" | "other" = "other") => {
    const code = state?.fieldErrors?.[field];
    if (!code) return undefined;
    if (code === "tooShort") return t("tooShort", { min: minPassword });
    if (code === "invalid" && kind === "email") return t("invalidEmail");
    if (code === "wrong") return t("wrongPassword");
    if (code === "required" || code === "tooLong" || code === "mismatch") return t(code);
    return t("invalid");
  };
}

function FormError({ state }: { state: FormState }) {
  const t = useTranslations("auth.errors");
  if (!state || state.ok || !state.error || state.error === "invalid") return null;
  const text =
    state.error === "rate-limited"
      ? (state.retryAfterSeconds ?? 60) >= 90
        ? t("rateLimitedMinutes", { minutes: Math.ceil((state.retryAfterSeconds ?? 60) / 60) })
        : t("rateLimited", { seconds: state.retryAfterSeconds ?? 60 })
      : state.error === "credentials"
        ? t("credentials")
        : state.error === "already-set-up"
          ? t("alreadySetUp")
          : state.error === "unauthenticated"
            ? t("unauthenticated")
            : t("forbidden");
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {text}
    </p>
  );
}

/** A new password and its repetition (the server action compares them: `confirmPassword`). */
function NewPasswordFields(props: { name: string; label: string; help: string; confirmLabel: string; minPassword: number; fieldError: ReturnType<typeof useFieldError> }) {
  return (
    <>
      <Field
        label={props.label}
        name={props.name}
        type="password"
        autoComplete="new-password"
        required
        minLength={props.minPassword}
        help={props.help}
        error={props.fieldError(props.name, "password")}
      />
      <Field label={props.confirmLabel} name="confirmPassword" type="password" autoComplete="new-password" required error={props.fieldError("confirmPassword")} />
    </>
  );
}

export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations("auth.signIn");
  const [state, action, pending] = useActionState(signIn, null);
  const fieldError = useFieldError(state, 0);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormError state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field label={t("email")} name="email" type="email" autoComplete="username" required autoFocus defaultValue={state?.values?.email} key={state?.values?.email} error={fieldError("email", "email")} />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required error={fieldError("password")} />
      <SubmitButton pending={pending}>{pending ? t("submitting") : t("submit")}</SubmitButton>
    </form>
  );
}

export function SetupForm({ minPassword }: { minPassword: number }) {
  const t = useTranslations("auth.setup");
  const [state, action, pending] = useActionState(setupFirstAdmin, null);
  const fieldError = useFieldError(state, minPassword);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormError state={state} />
      <Field label={t("name")} name="name" autoComplete="name" placeholder={t("namePlaceholder")} defaultValue={state?.values?.name} key={`n${state?.values?.name}`} error={fieldError("name")} />
      <Field label={t("email")} name="email" type="email" autoComplete="username" required defaultValue={state?.values?.email} key={`e${state?.values?.email}`} error={fieldError("email", "email")} />
      <NewPasswordFields name="password" label={t("password")} help={t("passwordHelp", { min: minPassword })} confirmLabel={t("confirmPassword")} minPassword={minPassword} fieldError={fieldError} />
      <SubmitButton pending={pending}>{pending ? t("submitting") : t("submit")}</SubmitButton>
    </form>
  );
}

export function PasswordForm({ minPassword, changed }: { minPassword: number; changed?: boolean }) {
  const t = useTranslations("auth.account");
  const [state, action, pending] = useActionState(changePassword, null);
  const fieldError = useFieldError(state, minPassword);
  return (
    <form action={action} className="flex max-w-md flex-col gap-4" noValidate>
      <FormError state={state} />
      {changed && !state ? (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("changed")}
        </p>
      ) : null}
      <Field label={t("currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required error={fieldError("currentPassword")} />
      <NewPasswordFields name="newPassword" label={t("newPassword")} help={t("newPasswordHelp", { min: minPassword })} confirmLabel={t("confirmPassword")} minPassword={minPassword} fieldError={fieldError} />
      <SubmitButton pending={pending}>{pending ? t("submitting") : t("submit")}</SubmitButton>
    </form>
  );
}
