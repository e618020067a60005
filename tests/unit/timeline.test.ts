import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { calendarDate, isCalendarDate, isTimeZone, parseTime, startOfDay } from "@/lib/licensing/timeline";

// orderEndpoints and parseTime's table are in simulate.test.ts; the audit filter's DST days in audit.test.ts.

/**
 * Zones with summer time at 02:00 or 03:00, with none, with half and quarter hours. Not Pacific/Kiritimati
 * (it skipped 1994-12-31 entirely), nor zones whose summer time starts at midnight (see the last test).
 */
const ZONES = ["UTC", "Europe/Moscow", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham"];

const day = fc.date({ min: new Date("1970-01-02T00:00:00Z"), max: new Date("2999-12-30T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const instant = fc.integer({ min: Date.UTC(1970, 0, 2), max: Date.UTC(2999, 11, 30) });

describe("isCalendarDate", () => {
  test.each([
    ["2026-11-28", true],
    ["2028-02-29", true],
    ["0100-01-01", true],
    ["9999-12-31", true],
    ["2026-02-29", false],
    ["2026-11-31", false],
    ["2026-13-01", false],
    ["0050-01-01", false], // Date.UTC would read it as 1950
    ["2026-1-5", false],
    ["28/11/2026", false],
    [" 2026-11-28", false],
    ["2026-11-28T00:00", false],
    ["", false],
  ])("%j → %s", (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe("isTimeZone", () => {
  test.each([
    ["UTC", true],
    ["Europe/Moscow", true],
    ["America/Argentina/Buenos_Aires", true],
    ["Moscow", false],
    ["", false],
    ["Europe/Nowhere", false],
  ])("%j → %s", (zone, expected) => {
    expect(isTimeZone(zone)).toBe(expected);
  });
});

describe("calendarDate: the day an instant falls on in a zone", () => {
  test.each([
    ["2026-11-27T20:59:59.999Z", "Europe/Moscow", "2026-11-27"],
    ["2026-11-27T21:00:00.000Z", "Europe/Moscow", "2026-11-28"],
    ["2026-11-27T21:00:00.000Z", "UTC", "2026-11-27"],
    ["2026-12-31T23:30:00.000Z", "Asia/Kolkata", "2027-01-01"],
    ["2026-01-01T04:59:59.999Z", "America/New_York", "2025-12-31"],
    ["2026-07-01T03:59:59.999Z", "America/New_York", "2026-06-30"], // EDT, UTC−4
    ["2026-03-29T00:59:59.999Z", "Europe/Berlin", "2026-03-29"], // 01:59:59 CET, a second before summer time
    ["2026-06-15T10:00:00.000Z", "Pacific/Kiritimati", "2026-06-16"], // UTC+14
  ])("%s in %s → %s", (iso, zone, expected) => {
    expect(calendarDate(Date.parse(iso), zone)).toBe(expected);
  });
});

describe("startOfDay: where a calendar day begins in a zone", () => {
  fcTest.prop([day, fc.constantFrom(...ZONES)])("is parseTime of the day's 00:00", (date, zone) => {
    expect(startOfDay(date, zone)).toBe(parseTime(`${date}T00:00`, zone));
  });

  fcTest.prop([day, fc.constantFrom(...ZONES), fc.integer({ min: -400, max: 400 })])("plusDays counts calendar days, not 24 h", (date, zone, plus) => {
    const later = new Date(Date.parse(`${date}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);
    expect(startOfDay(date, zone, plus)).toBe(startOfDay(later, zone));
  });

  fcTest.prop([day, fc.constantFrom(...ZONES)])("[startOfDay(d), startOfDay(d, +1)) is exactly day d: its first and last millisecond are d", (date, zone) => {
    const start = startOfDay(date, zone);
    const end = startOfDay(date, zone, 1);
    expect(calendarDate(start, zone)).toBe(date);
    expect(calendarDate(end - 1, zone)).toBe(date);
    expect(calendarDate(start - 1, zone)).not.toBe(date);
    expect(calendarDate(end, zone)).not.toBe(date);
  });

  fcTest.prop([instant, fc.constantFrom(...ZONES)])("every instant lies in the day calendarDate names", (ms, zone) => {
    const date = calendarDate(ms, zone);
    expect(startOfDay(date, zone)).toBeLessThanOrEqual(ms);
    expect(startOfDay(date, zone, 1)).toBeGreaterThan(ms);
  });

  test.each(["2026-02-30", "28/11/2026", "0050-01-01", ""])("%j is not a day: RangeError", (date) => {
    expect(() => startOfDay(date, "UTC")).toThrow(RangeError);
  });

  // Known gap: where summer time starts at midnight (America/Havana 2026-03-08, 00:00 → 01:00) 00:00 does not
  // exist and the day is read from 23:00 the day before; the audit filter's "from" takes in that hour.
  test("summer time starting at midnight: the day begins at 01:00, when it does begin", () => {
    expect(new Date(startOfDay("2026-03-08", "America/Havana")).toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(calendarDate(startOfDay("2026-03-08", "America/Havana"), "America/Havana")).toBe("2026-03-08");
    // A rac time in the hour Europe's clocks skip reads as the hour after it.
    expect(new Date(parseTime("2026-03-29T02:30:00", "Europe/Berlin")!).toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });
});

describe("zone offsets remembered per hour give what Intl gives, at any instant", () => {
  // What a wall clock in `zone` shows at `ms`, straight from Intl: the reference the per-hour cache must match.
  const wallClock = (ms: number, zone: string) =>
    new Intl.DateTimeFormat("sv-SE", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .format(new Date(ms))
      .replace(" ", "T");
  // Instants near the 2026 changes (New York, Berlin, and Lord Howe's, at half past a UTC hour) and anywhere else.
  const nearChanges = fc.oneof(
    instant,
    fc.integer({ min: Date.UTC(2026, 2, 8, 5), max: Date.UTC(2026, 2, 8, 9) }),
    fc.integer({ min: Date.UTC(2026, 9, 25, 0), max: Date.UTC(2026, 9, 25, 2) }),
    fc.integer({ min: Date.UTC(2026, 9, 3, 14), max: Date.UTC(2026, 9, 3, 17) }),
  );

  fcTest.prop([nearChanges, fc.constantFrom(...ZONES)], { numRuns: 500 })("parseTime(the wall clock at ms) is ms, except in the hour a change repeats", (ms, zone) => {
    const second = Math.floor(ms / 1000) * 1000;
    const shown = wallClock(second, zone);
    const back = parseTime(shown, zone)!;
    // Turning clocks back shows one hour twice: either reading is right; every other time reads back exactly.
    expect(back === second || wallClock(back, zone) === shown).toBe(true);
    expect(calendarDate(second, zone)).toBe(shown.slice(0, 10));
  });
});
