/** The Simulator page's history range (`?days=7|30|90` or `?from=&to=` calendar days), shared by the server page and the browser. */
import { isCalendarDate, startOfDay } from "../licensing/timeline";
import { DEFAULT_HISTORY_DAYS } from "./api";

export const HISTORY_PRESETS = [7, 30, 90] as const;
export type HistoryPreset = (typeof HISTORY_PRESETS)[number];
export const DEFAULT_HISTORY_PRESET: HistoryPreset = DEFAULT_HISTORY_DAYS;

const DAY_MS = 86_400_000;

export interface HistoryRangeParams {
  days: HistoryPreset;
  /** Calendar days (YYYY-MM-DD) in the 1C server's zone; both given = a custom range, `to` included. */
  from: string | null;
  to: string | null;
}

/** True when the URL asks for a custom range (two calendar days) rather than a preset. */
export const isCustomRange = (p: HistoryRangeParams) => p.from !== null && p.to !== null && isCalendarDate(p.from) && isCalendarDate(p.to);

/**
 * The instants the history is asked for: a preset counts back from the newest capture (or `now` without one);
 * a custom range runs from the start of `from` to the end of `to` in `timeZone`. A custom `from` after `to` is
 * passed on as it is: the API refuses it, naming the field.
 */
export function historyRange(p: HistoryRangeParams, newestCapture: number | null, now: number, timeZone: string): { from: number; to: number } {
  if (isCustomRange(p)) return { from: startOfDay(p.from!, timeZone), to: startOfDay(p.to!, timeZone, 1) };
  const to = newestCapture ?? now;
  return { from: to - p.days * DAY_MS, to };
}
