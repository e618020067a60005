import { isCalendarDate } from "@/lib/licensing/timeline";

/** `YYYY-MM-DD` as a calendar date at UTC midnight, so no time zone moves it a day; null when malformed. */
export function purchaseDay(iso: string | null): Date | null {
  return iso && isCalendarDate(iso) ? new Date(`${iso}T00:00:00Z`) : null;
}
