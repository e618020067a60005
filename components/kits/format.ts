/** Digits after the decimal point of a currency (2 for RUB and USD, 0 for JPY); 2 when the code is unknown. */
function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Prices are stored in integer minor units (kopecks, cents): the amount in the currency's major unit. */
export const fromMinor = (minor: number, currency: string): number => minor / 10 ** minorDigits(currency);

/** `YYYY-MM-DD` as a calendar date at UTC midnight, so no time zone moves it a day; null when malformed. */
export function calendarDate(iso: string | null): Date | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}
