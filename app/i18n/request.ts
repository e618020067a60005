import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";

import { LOCALE_COOKIE, pickLocale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { displayTimeZone } from "@/app/_lib/time-zone";

// No locale in the URL: the cookie set by the language switch wins, then the browser's languages.
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  return { locale, messages: messagesFor(locale), timeZone: displayTimeZone() };
});
