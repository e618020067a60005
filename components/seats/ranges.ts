/** The ranges the Seats page offers (`?range=`), shared by the server page and the client filters. */
export const SEAT_RANGES = ["day", "week", "90d", "year"] as const;
export type SeatRange = (typeof SEAT_RANGES)[number];
export const DEFAULT_SEAT_RANGE: SeatRange = "week";
/** Days back from the newest capture (or now). */
export const SEAT_RANGE_DAYS: Record<SeatRange, number> = { day: 1, week: 7, "90d": 90, year: 365 };
