import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { signOut } from "@/app/actions/auth";
import type { UserRole } from "@/lib/domain/enums";

/** Who is signed in, a link to their account, and sign-out (a form: works without JavaScript). */
export async function UserMenu({ name, email, role }: { name: string; email: string; role: UserRole }) {
  const [t, roles] = await Promise.all([getTranslations("auth.user"), getTranslations("auth.roles")]);
  return (
    <div className="flex items-center gap-3 text-sm" aria-label={t("menu")} role="group">
      <Link href="/account" className="text-right leading-tight no-underline hover:no-underline" title={t("account")}>
        <span className="block font-medium text-slate-900">{name}</span>
        <span className="block text-xs text-slate-500" data-testid="current-role">
          {roles(role)} · {email}
        </span>
      </Link>
      <form action={signOut}>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:bg-slate-100">
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
