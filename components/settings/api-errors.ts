"use client";

import { useTranslations } from "next-intl";

import { ApiError } from "@/components/ui/api";

export interface ErrorTexts {
  /** Per form field (`email`, `role`, `password`, `name`, `scope`, `id`), in the reader's language. */
  fields: Record<string, string>;
  /** Not tied to a field, or a field the form does not show. */
  form?: string;
}

/**
 * The catalog's text for an API error. Validation issues and app errors name their field (`email: …`),
 * so the text goes next to that field; codes the page knows are translated, anything else shows the API's
 * own message.
 */
export function useApiErrorTexts(context: "user" | "token", minPasswordLength = 10) {
  const t = useTranslations("settings.errors");

  const forField = (field: string, fallback: string): string => {
    switch (field) {
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

  return (error: unknown, shownFields: readonly string[]): ErrorTexts => {
    const place = (field: string | undefined, text: string): ErrorTexts =>
      field !== undefined && shownFields.includes(field) ? { fields: { [field]: text } } : { fields: {}, form: text };

    if (!(error instanceof ApiError)) return { fields: {}, form: t("generic", { message: error instanceof Error ? error.message : String(error) }) };
    const named = /^([A-Za-z]+): /.exec(error.message)?.[1];
    switch (error.code) {
      case "invalid-input": {
        const result: ErrorTexts = { fields: {} };
        const rest: string[] = [];
        for (const issue of error.issues) {
          if (shownFields.includes(issue.path)) result.fields[issue.path] ??= forField(issue.path, issue.message);
          else rest.push(issue.path === "(body)" ? issue.message : `${issue.path}: ${issue.message}`);
        }
        if (rest.length > 0 || Object.keys(result.fields).length === 0) result.form = t("generic", { message: rest.join("; ") || error.message });
        return result;
      }
      case "conflict":
        return place("email", t("emailTaken"));
      case "last-admin":
        return place(named === "role" ? "role" : undefined, t("lastAdmin"));
      case "self-delete":
        return place(undefined, t("selfDelete"));
      case "not-found":
        return place(undefined, context === "token" ? t("tokenGone") : t("userGone"));
      case "unauthenticated":
        return place(undefined, t("unauthenticated"));
      case "forbidden":
      case "cross-origin":
        return place(undefined, t("forbidden"));
      case "network":
        return place(undefined, t("network"));
      default:
        return place(named, t("generic", { message: error.message }));
    }
  };
}
