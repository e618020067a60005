"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { USER_ROLES, type UserRole } from "@/lib/domain/enums";

import { useApiErrorTexts } from "./api-errors";
import { DangerConfirm, Notice, SelectField } from "@/components/ui/controls";
import { buttonClass } from "@/components/ui/styles";

import { LoadFailed, SecretPanel, SecretValue, TableSkeleton } from "./controls";
import { useCreateUserMutation, useDeleteUserMutation, useUpdateUserMutation, usersQueryOptions } from "./queries";
import type { UserWire } from "@/lib/security/account-api";
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
  const errorTexts = useApiErrorTexts("user", minPasswordLength);

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
        {query.isError && <LoadFailed message={errorTexts(query.error, []).form ?? ""} onRetry={() => query.refetch()} />}
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
  const errorTexts = useApiErrorTexts("user", minPasswordLength);
  const id = useId();
  const error = mutation.error ? (() => {
    const texts = errorTexts(mutation.error, ["role"]);
    return texts.fields.role ?? texts.form;
  })() : undefined;
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
          mutation.mutate(
            { id: user.id, role },
            {
              onSuccess: ({ user: saved }) => {
                onSaved(t("users.role.saved", { email: saved.email, role: roleName(saved.role) }));
                // One's own role decides what this page may show: let the server render it again.
                if (isMe) router.refresh();
              },
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
  const errorTexts = useApiErrorTexts("user", minPasswordLength);
  const [password, setPassword] = useState("");
  const [show, setShow] = useState(false);
  const fieldsRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const showId = useId();
  useEffect(() => fieldsRef.current?.querySelector("input")?.focus({ preventScroll: true }), []);

  const errors = mutation.error ? errorTexts(mutation.error, ["password"]) : { fields: {} as Record<string, string> };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate({ id: user.id, password }, { onSuccess: () => onClose(t("users.password.saved", { email: user.email })) });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={titleId} className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-3">
      <h3 id={titleId} className="text-sm font-semibold">
        {t("users.password.title", { email: user.email })}
      </h3>
      {errors.form && <Notice tone="error">{errors.form}</Notice>}
      <div ref={fieldsRef} className="flex flex-wrap items-end gap-3">
        <Field
          className="min-w-64 flex-1"
          label={t("users.password.label")}
          type={show ? "text" : "password"}
          autoComplete="new-password"
          spellCheck={false}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          help={t("users.password.help", { min: minPasswordLength })}
          error={errors.fields.password}
        />
      </div>
      <div className="flex items-center gap-2">
        <input id={showId} type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} className="size-4 accent-accent-700" />
        <label htmlFor={showId} className="text-sm text-slate-700">
          {t("users.password.show")}
        </label>
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass("primary", "sm")} aria-disabled={mutation.isPending || undefined}>
          {mutation.isPending ? t("users.password.submitting") : t("users.password.submit")}
        </button>
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          onClick={() => {
            setPassword(randomPassword());
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
  const errorTexts = useApiErrorTexts("user");
  return (
    <DangerConfirm
      question={t("users.delete.confirm", { email: user.email })}
      error={mutation.error ? errorTexts(mutation.error, []).form : undefined}
      pending={mutation.isPending}
      submit={t("users.delete.submit")}
      submitting={t("users.delete.submitting")}
      cancel={t("common.cancel")}
      onConfirm={() => mutation.mutate(user.id, { onSuccess: () => onClose(t("users.delete.deleted", { email: user.email })) })}
      onCancel={() => onClose()}
    />
  );
}

const ADD_FIELDS = ["email", "name", "role", "password"] as const;

function AddUserForm({ minPasswordLength, onAdded }: { minPasswordLength: number; onAdded: (message: string) => void }) {
  const t = useTranslations("settings");
  const roleName = useTranslations("auth.roles");
  const mutation = useCreateUserMutation();
  const errorTexts = useApiErrorTexts("user", minPasswordLength);
  const titleId = useId();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<UserRole>("viewer");
  const [password, setPassword] = useState("");
  const [generated, setGenerated] = useState<{ email: string; password: string } | null>(null);

  const errors = mutation.error ? errorTexts(mutation.error, ADD_FIELDS) : { fields: {} as Record<string, string> };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(
      { email, role, ...(name.trim() ? { name } : {}), ...(password ? { password } : {}) },
      {
        onSuccess: ({ user, password: secret }) => {
          setEmail("");
          setName("");
          setPassword("");
          setRole("viewer");
          if (secret) setGenerated({ email: user.email, password: secret });
          else onAdded(t("users.add.added", { email: user.email }));
        },
      },
    );
  };

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
      <form onSubmit={submit} noValidate aria-labelledby={titleId} className="flex flex-col gap-3" data-testid="add-user-form">
        {errors.form && <Notice tone="error">{errors.form}</Notice>}
        <div className="grid gap-3 md:grid-cols-2">
          <Field label={t("users.add.email")} type="email" name="email" autoComplete="off" spellCheck={false} required value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} />
          <Field label={t("users.add.name")} name="name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} help={t("users.add.nameHelp")} error={errors.fields.name} />
          <SelectField
            label={t("users.add.role")}
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as UserRole)}
            options={USER_ROLES.map((r) => ({ value: r, label: roleName(r) }))}
            help={t(`roleHints.${role}`)}
            error={errors.fields.role}
          />
          <Field
            label={t("users.add.password")}
            type="password"
            name="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            help={t("users.add.passwordHelp")}
            error={errors.fields.password}
          />
        </div>
        <div>
          <button type="submit" className={buttonClass("primary")} aria-disabled={mutation.isPending || undefined}>
            {mutation.isPending ? t("users.add.submitting") : t("users.add.submit")}
          </button>
        </div>
      </form>
    </div>
  );
}
