"use client";

import { useLocale, useTranslations } from "next-intl";
import type { FieldError, FieldValues, Path, UseFormReturn } from "react-hook-form";

import { ApiError } from "@/components/ui/api";
import { useBind, type FormProblem } from "@/components/ui/form";
import { MIN_PASSWORD_LENGTH } from "@/lib/security/account-api";

/**
 * The Settings page's texts (`settings.errors`) for the one form pattern (components/ui/form.tsx). The
 * forms check with the API's own schemas and `applyServerError` puts what the server refuses on its field
 * (a 400 issue, a 409 naming it: `conflict` on `email`, `last-admin` on `role`); this says it in the
 * reader's language. What belongs to no field, and a refused list or delete, gets its text here too.
 */
export function useApiErrorTexts(context: "user" | "token", minPasswordLength = MIN_PASSWORD_LENGTH) {
  const t = useTranslations("settings.errors");
  const locale = useLocale() === "ru" ? "ru" : "en";

  /** A field's rule (`email`, `role`, `password`, `name`, `scope`): whatever refused it, client or server. */
  const rule = (name: string, fallback: string): string => {
    switch (name) {
      case "email":
        return t("email");
      case "password":
        return t("password", { min: minPasswordLength });
      case "role":
        return t("role");
      case "scope":
        return t("scope");
      case "name":
        return context === "token" ? t("tokenName") : t("name");
      default:
        return fallback;
    }
  };

  /** A refused field's text: a 409 by its code, anything else by the field's rule. */
  const field = (name: string, error: FieldError | undefined): string | undefined => {
    if (!error) return undefined;
    if (error.type === "conflict") return t("emailTaken");
    if (error.type === "last-admin") return t("lastAdmin");
    return rule(name, error.message ?? "");
  };

  /** What belongs to no field: a form's problem (`applyServerError`), or a refused request's. */
  const problem = (p: FormProblem): string => {
    if (p.kind === "refusal") return t("generic", { message: p.refusal.message[locale] });
    switch (p.code) {
      case "conflict":
        return t("emailTaken");
      case "last-admin":
        return t("lastAdmin");
      case "self-delete":
        return t("selfDelete");
      case "not-found":
        return context === "token" ? t("tokenGone") : t("userGone");
      case "unauthenticated":
        return t("unauthenticated");
      case "forbidden":
      case "cross-origin":
        return t("forbidden");
      case "network":
        return t("network");
      default:
        return t("generic", { message: p.message });
    }
  };

  /** A refused request no form shows (a list, a delete, a revoke). */
  const of = (error: unknown): string => problem(problemOf(error));

  return { field, problem, of };
}

export type ApiErrorTexts = ReturnType<typeof useApiErrorTexts>;

/** A refused request as a problem of no field, the way `applyServerError` words one. */
function problemOf(error: unknown): FormProblem {
  if (!(error instanceof ApiError)) return { kind: "error", code: "failed", message: error instanceof Error ? error.message : String(error) };
  const issues = error.issues.map((i) => (i.path === "(body)" ? i.message : `${i.path}: ${i.message}`)).join("; ");
  return { kind: "error", code: error.code, message: (error.code === "invalid-input" && issues) || error.message };
}

/** `useBind` with the Settings page's texts: `register` for the field, and its refusal in `settings.errors` words. */
export function useSettingsBind<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>, texts: ApiErrorTexts) {
  const bind = useBind(form);
  return (name: Path<T>) => ({ ...bind(name), error: texts.field(name, form.getFieldState(name, form.formState).error) });
}
