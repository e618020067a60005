"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { useForm, useWatch, type FieldValues, type UseFormReturn } from "react-hook-form";
import { z } from "zod";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DangerConfirm, Notice } from "@/components/ui/controls";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, SelectField } from "@/components/ui/field";
import { applyServerError, useApiForm, type FormProblem } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";
import { USER_ROLES, type UserRole } from "@/lib/domain/enums";
import { NewUserSchema, UserPatchSchema, type UserWire } from "@/lib/security/account-api";

import { useApiErrorTexts, useSettingsBind } from "./api-errors";
import { LoadFailed, SecretPanel, SecretValue, TableSkeleton } from "./controls";
import { useCreateUserMutation, useDeleteUserMutation, useUpdateUserMutation, usersQueryOptions } from "./queries";
import { SortableTable, type SortableColumn } from "./sortable-table";

type Open = { id: string; kind: "password" | "delete" } | null;

/** 96 random bits, URL-safe: what the server generates too (db/queries/users.ts `generatePassword`). */
function randomPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function useDateTime() {
  const format = useFormatter();
  return (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
}

export interface UsersSectionProps {
  initialUsers: UserWire[];
  /** The signed-in admin's own id: their row cannot be deleted and their password is changed under Your account. */
  me: string | null;
  minPasswordLength: number;
}

/** The users table (role change, new password, delete) and the add-user form. */
export function UsersSection({ initialUsers, me, minPasswordLength }: UsersSectionProps) {
  const t = useTranslations("settings");
  const when = useDateTime();
  const query = useQuery({ ...usersQueryOptions(), initialData: initialUsers });
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const texts = useApiErrorTexts("user", minPasswordLength);

  const close = (id: string, kind: "password" | "delete", message?: string) => {
    setOpen(null);
    if (message) setNotice(message);
    // Back to the button that opened it (gone when the user was deleted).
    requestAnimationFrame(() => document.getElementById(`user-${kind}-${id}`)?.focus());
  };

  const columns: Array<SortableColumn<UserWire>> = [
    {
      key: "name",
      label: t("users.columns.name"),
      sortValue: (u) => u.name,
      render: (u) => (
        <span className="inline-flex flex-wrap items-center gap-1.5">
          <span className="font-medium text-slate-900">{u.name}</span>
          {u.id === me && <Badge tone="accent">{t("common.you")}</Badge>}
        </span>
      ),
    },
    { key: "email", label: t("users.columns.email"), sortValue: (u) => u.email, render: (u) => u.email },
    {
      key: "role",
      label: t("users.columns.role"),
      sortValue: (u) => USER_ROLES.indexOf(u.role),
      render: (u) => <RoleSelect user={u} isMe={u.id === me} onSaved={setNotice} minPasswordLength={minPasswordLength} />,
    },
    { key: "created", label: t("users.columns.created"), sortValue: (u) => u.createdAt, render: (u) => when(u.createdAt), className: "whitespace-nowrap" },
    {
      key: "lastSignIn",
      label: t("users.columns.lastSignIn"),
      sortValue: (u) => u.lastSignInAt,
      render: (u) => (u.lastSignInAt ? when(u.lastSignInAt) : <span className="text-slate-500">{t("common.never")}</span>),
      className: "whitespace-nowrap",
    },
    {
      key: "actions",
      label: t("common.actions"),
      hiddenLabel: true,
      className: "text-right",
      render: (u) =>
        u.id === me ? (
          <span className="text-xs text-slate-600">
            {t("users.password.own")} <Link href="/account">{t("users.password.ownLink")}</Link>
          </span>
        ) : (
          <span className="inline-flex flex-wrap justify-end gap-2">
            <button
              id={`user-password-${u.id}`}
              type="button"
              className={buttonClass("secondary", "sm")}
              aria-expanded={open?.id === u.id && open.kind === "password"}
              onClick={() => setOpen(open?.id === u.id && open.kind === "password" ? null : { id: u.id, kind: "password" })}
            >
              {t("users.password.open")}
            </button>
            <button
              id={`user-delete-${u.id}`}
              type="button"
              className={buttonClass("secondary", "sm")}
              aria-expanded={open?.id === u.id && open.kind === "delete"}
              onClick={() => setOpen(open?.id === u.id && open.kind === "delete" ? null : { id: u.id, kind: "delete" })}
            >
              {t("users.delete.open")}
            </button>
          </span>
        ),
    },
  ];

  const users = query.data;

  return (
    <Card title={t("users.title")} description={t("users.description")} action={users ? <span className="text-sm text-slate-600">{t("users.count", { count: users.length })}</span> : undefined}>
      <div className="flex flex-col gap-4" data-testid="users-section">
        {notice && <Notice tone="success">{notice}</Notice>}
        {query.isError && <LoadFailed message={texts.of(query.error)} onRetry={() => query.refetch()} />}
        {query.isPending ? (
          <TableSkeleton />
        ) : !users || users.length === 0 ? (
          <EmptyState title={t("users.empty")} description={t("users.emptyDescription")} titleAs="h3" />
        ) : (
          <SortableTable
            caption={t("users.caption")}
            columns={columns}
            rows={users}
            rowKey={(u) => u.id}
            initialSort={{ key: "created", dir: "desc" }}
            testId="users-table"
            expanded={(u) =>
              open?.id !== u.id ? null : open.kind === "password" ? (
                <PasswordForm user={u} minPasswordLength={minPasswordLength} onClose={(message) => close(u.id, "password", message)} />
              ) : (
                <DeleteConfirm user={u} onClose={(message) => close(u.id, "delete", message)} />
              )
            }
          />
        )}
        <AddUserForm minPasswordLength={minPasswordLength} onAdded={setNotice} />
      </div>
    </Card>
  );
}

function RoleSelect({ user, isMe, onSaved, minPasswordLength }: { user: UserWire; isMe: boolean; onSaved: (message: string) => void; minPasswordLength: number }) {
  const t = useTranslations("settings");
  const roleName = useTranslations("auth.roles");
  const router = useRouter();
  const mutation = useUpdateUserMutation();
  const texts = useApiErrorTexts("user", minPasswordLength);
  // No submit button: the choice is saved at once. The form only holds where a refusal belongs, as in every form.
  const form = useForm<{ role: UserRole }>({ defaultValues: { role: user.role } });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const id = useId();
  const error = texts.field("role", form.formState.errors.role) ?? (problem ? texts.problem(problem) : undefined);
  // While saving show the choice; the list is refetched before the mutation settles, so it never flips back.
  const value = mutation.isPending && mutation.variables?.role ? mutation.variables.role : user.role;

  return (
    <div className="flex min-w-40 flex-col gap-1">
      <label htmlFor={id} className="sr-only">
        {t("users.role.label", { email: user.email })}
      </label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-busy={mutation.isPending || undefined}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-sm outline-none focus:border-accent-600 focus:ring-2 focus:ring-accent-200 aria-invalid:border-red-500"
        onChange={(e) => {
          const role = e.target.value as UserRole;
          form.clearErrors();
          setProblem(null);
          mutation.mutate(
            { id: user.id, role },
            {
              onSuccess: ({ user: saved }) => {
                onSaved(t("users.role.saved", { email: saved.email, role: roleName(saved.role) }));
                // One's own role decides what this page may show: let the server render it again.
                if (isMe) router.refresh();
              },
              onError: (refused) => setProblem(applyServerError(form as unknown as UseFormReturn<FieldValues, unknown, unknown>, refused)),
            },
          );
        }}
      >
        {USER_ROLES.map((r) => (
          <option key={r} value={r}>
            {roleName(r)}
          </option>
        ))}
      </select>
      {mutation.isPending && <span className="text-xs text-slate-500">{t("users.role.saving")}</span>}
      {error && (
        <p id={`${id}-error`} className="max-w-64 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

function PasswordForm({ user, minPasswordLength, onClose }: { user: UserWire; minPasswordLength: number; onClose: (message?: string) => void }) {
  const t = useTranslations("settings");
  const mutation = useUpdateUserMutation();
  const texts = useApiErrorTexts("user", minPasswordLength);
  const { form, onSubmit, problem, pending } = useApiForm(UserPatchSchema, {
    defaultValues: { password: "" },
    submit: (patch) => mutation.mutateAsync({ id: user.id, ...patch }),
    onDone: () => onClose(t("users.password.saved", { email: user.email })),
  });
  const bind = useSettingsBind(form, texts);
  const [show, setShow] = useState(false);
  const fieldsRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const showId = useId();
  useEffect(() => fieldsRef.current?.querySelector("input")?.focus({ preventScroll: true }), []);

  return (
    <form onSubmit={(e) => (pending ? e.preventDefault() : void onSubmit(e))} noValidate aria-labelledby={titleId} className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-3">
      <h3 id={titleId} className="text-sm font-semibold">
        {t("users.password.title", { email: user.email })}
      </h3>
      {problem && <Notice tone="error">{texts.problem(problem)}</Notice>}
      <div ref={fieldsRef} className="flex flex-wrap items-end gap-3">
        <Field
          className="min-w-64 flex-1"
          label={t("users.password.label")}
          type={show ? "text" : "password"}
          autoComplete="new-password"
          spellCheck={false}
          help={t("users.password.help", { min: minPasswordLength })}
          {...bind("password")}
        />
      </div>
      <div className="flex items-center gap-2">
        <input id={showId} type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} className="size-4 accent-accent-700" />
        <label htmlFor={showId} className="text-sm text-slate-700">
          {t("users.password.show")}
        </label>
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass("primary", "sm")} aria-disabled={pending || undefined}>
          {pending ? t("users.password.submitting") : t("users.password.submit")}
        </button>
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          onClick={() => {
            form.setValue("password", randomPassword(), { shouldDirty: true, shouldValidate: true });
            setShow(true);
          }}
        >
          {t("users.password.generate")}
        </button>
        <button type="button" className={buttonClass("secondary", "sm")} onClick={() => onClose()}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

function DeleteConfirm({ user, onClose }: { user: UserWire; onClose: (message?: string) => void }) {
  const t = useTranslations("settings");
  const mutation = useDeleteUserMutation();
  const texts = useApiErrorTexts("user");
  return (
    <DangerConfirm
      question={t("users.delete.confirm", { email: user.email })}
      error={mutation.error ? texts.of(mutation.error) : undefined}
      pending={mutation.isPending}
      submit={t("users.delete.submit")}
      submitting={t("users.delete.submitting")}
      cancel={t("common.cancel")}
      onConfirm={() => mutation.mutate(user.id, { onSuccess: () => onClose(t("users.delete.deleted", { email: user.email })) })}
      onCancel={() => onClose()}
    />
  );
}

interface AddUserValues {
  email: string;
  name: string;
  role: UserRole;
  password: string;
}

const ADD_DEFAULTS: AddUserValues = { email: "", name: "", role: "viewer", password: "" };

/** The route's own schema; an empty password box means "generate one" (the API's omitted password). */
const AddUserSchema = z.preprocess((raw) => {
  const v = raw as AddUserValues;
  return { ...v, password: v.password === "" ? undefined : v.password };
}, NewUserSchema) as unknown as z.ZodType<z.output<typeof NewUserSchema>, AddUserValues>;

function AddUserForm({ minPasswordLength, onAdded }: { minPasswordLength: number; onAdded: (message: string) => void }) {
  const t = useTranslations("settings");
  const roleName = useTranslations("auth.roles");
  const mutation = useCreateUserMutation();
  const texts = useApiErrorTexts("user", minPasswordLength);
  const titleId = useId();
  const [generated, setGenerated] = useState<{ email: string; password: string } | null>(null);
  const { form, onSubmit, problem, pending } = useApiForm(AddUserSchema, {
    defaultValues: ADD_DEFAULTS,
    submit: (input) => mutation.mutateAsync(input),
    onDone: ({ user, password: secret }) => {
      form.reset(ADD_DEFAULTS);
      if (secret) setGenerated({ email: user.email, password: secret });
      else onAdded(t("users.add.added", { email: user.email }));
    },
  });
  const bind = useSettingsBind(form, texts);
  const role = useWatch({ control: form.control, name: "role" });

  return (
    <div className="flex flex-col gap-3 border-t border-slate-100 pt-4">
      <h3 id={titleId} className="text-sm font-semibold">
        {t("users.add.title")}
      </h3>
      {generated && (
        <SecretPanel title={t("users.generated.title", { email: generated.email })} description={t("users.generated.description")} onDismiss={() => setGenerated(null)}>
          <SecretValue label={t("users.generated.label")} value={generated.password} />
        </SecretPanel>
      )}
      <form onSubmit={(e) => (pending ? e.preventDefault() : void onSubmit(e))} noValidate aria-labelledby={titleId} className="flex flex-col gap-3" data-testid="add-user-form">
        {problem && <Notice tone="error">{texts.problem(problem)}</Notice>}
        <div className="grid gap-3 md:grid-cols-2">
          <Field label={t("users.add.email")} type="email" autoComplete="off" spellCheck={false} required {...bind("email")} />
          <Field label={t("users.add.name")} autoComplete="off" help={t("users.add.nameHelp")} {...bind("name")} />
          <SelectField label={t("users.add.role")} options={USER_ROLES.map((r) => ({ value: r, label: roleName(r) }))} help={t(`roleHints.${role}`)} {...bind("role")} />
          <Field label={t("users.add.password")} type="password" autoComplete="new-password" help={t("users.add.passwordHelp")} {...bind("password")} />
        </div>
        <div>
          <button type="submit" className={buttonClass("primary")} aria-disabled={pending || undefined}>
            {pending ? t("users.add.submitting") : t("users.add.submit")}
          </button>
        </div>
      </form>
    </div>
  );
}
