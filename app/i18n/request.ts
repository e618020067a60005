import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";

import { LOCALE_COOKIE, pickLocale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";

const DEFAULT_TIME_ZONE = "Europe/Moscow";

/** The zone times are shown in: SEATLEDGER_TIME_ZONE when it names a real IANA zone, else Moscow. */
function displayTimeZone(): string {
  const zone = process.env.SEATLEDGER_TIME_ZONE;
  if (!zone) return DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    console.warn(`SEATLEDGER_TIME_ZONE="${zone}" is not an IANA time zone; showing times in ${DEFAULT_TIME_ZONE}.`);
    return DEFAULT_TIME_ZONE;
  }
}

// No locale in the URL: the cookie set by the language switch wins, then the browser's languages.
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  return { locale, messages: messagesFor(locale), timeZone: displayTimeZone() };
});
