import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { DEFAULT_SETTINGS } from "@/lib/licensing/settings";
import { comparePolicies } from "@/lib/licensing/simulate";
import { parseTime } from "@/lib/licensing/timeline";
import { DEFAULT_WORKLOAD, generateWorkload, mondayOf, WEB_APP, workingDays, WorkloadDescriptionSchema, type WorkloadDescription } from "@/lib/licensing/workload";

/** Issue 11 §3: the described workload the Simulator counts both ways (DOMAIN §4). */
const ZONE = "Europe/Moscow";
const MONDAY = "2026-11-30";
const opts = { noSeatAppIds: DEFAULT_SETTINGS.noSeatAppIds, perSessionAppIds: DEFAULT_SETTINGS.perSessionAppIds };
const describe_ = (d: Partial<WorkloadDescription>): WorkloadDescription => ({ ...DEFAULT_WORKLOAD, terminalShare: 0, twoInfobasesShare: 0, webShare: 0, days: 1, ...d });
const generate = (d: Partial<WorkloadDescription>) => generateWorkload(describe_(d), { firstDay: MONDAY, timeZone: ZONE });
const at = (day: string, clock: string) => parseTime(`${day}T${clock}:00`, ZONE)!;

describe("generateWorkload — what a description turns into", () => {
  test.each([
    // [name, description, connections, terminal hosts, terminal sessions, web connections, distinct PCs]
    ["10 desktop users on 10 computers, 1 day", { users: 10, computers: 10 }, 10, [], 0, 0, 10],
    ["more users than computers share them", { users: 10, computers: 4 }, 10, [], 0, 0, 4],
    ["20 % through a terminal server: 2 users on TS-1, each in a terminal session of their own", { users: 10, computers: 10, terminalShare: 0.2 }, 10, ["TS-1"], 2, 0, 8],
    ["41 terminal users need a second terminal server", { users: 41, computers: 1, terminalShare: 1 }, 41, ["TS-1", "TS-2"], 41, 0, 0],
    ["10 % web users open WebClient connections", { users: 10, computers: 10, webShare: 0.1 }, 10, [], 0, 1, 10],
    ["a quarter with two infobases opens a second connection", { users: 8, computers: 8, twoInfobasesShare: 0.25 }, 10, [], 0, 0, 8],
    ["5 working days: one connection per user per day", { users: 3, computers: 3, days: 5 }, 15, [], 0, 0, 3],
    ["the issue's example: 40 users, 30 computers, 20 % terminal, 10 % web", { users: 40, computers: 30, terminalShare: 0.2, webShare: 0.1 }, 40, ["TS-1"], 8, 4, 30],
  ])("%s", (_name, d, connections, terminalHosts, terminalSessions, web, pcs) => {
    const w = generate(d);
    expect(w).toHaveLength(connections);
    expect([...new Set(w.filter((c) => c.host.startsWith("TS-")).map((c) => c.host))].sort()).toEqual(terminalHosts);
    expect(new Set(w.filter((c) => c.terminalSession).map((c) => `${c.host}|${c.terminalSession}`)).size).toBe(terminalSessions);
    expect(w.filter((c) => c.app === WEB_APP)).toHaveLength(web);
    expect(new Set(w.filter((c) => c.host.startsWith("PC-")).map((c) => c.host)).size).toBe(pcs);
  });

  test("a two-infobase user's second connection is from the same computer, another infobase, inside the first", () => {
    const w = generate({ users: 4, computers: 4, twoInfobasesShare: 1, terminalShare: 0.5 });
    const byUser = new Map<string, typeof w>();
    for (const c of w) byUser.set(c.user!, [...(byUser.get(c.user!) ?? []), c]);
    expect(byUser.size).toBe(4);
    for (const [, [first, second]] of byUser) {
      expect(second.host).toBe(first.host);
      expect(second.terminalSession).toBe(first.terminalSession);
      expect(second.infobase).not.toBe(first.infobase);
      expect(second.start).toBeGreaterThanOrEqual(first.start);
      expect(second.end).toBeLessThanOrEqual(first.end);
      expect(second.end).toBeGreaterThan(second.start);
    }
  });

  test("hours: arrivals within the first quarter of the working day (at most 90 min), departures within the last, in the server's zone", () => {
    const w = generate({ users: 200, computers: 200, workStart: "09:00", workEnd: "18:00" });
    for (const c of w) {
      expect(c.start).toBeGreaterThanOrEqual(at(MONDAY, "09:00"));
      expect(c.start).toBeLessThanOrEqual(at(MONDAY, "10:30"));
      expect(c.end).toBeGreaterThanOrEqual(at(MONDAY, "16:30"));
      expect(c.end).toBeLessThanOrEqual(at(MONDAY, "18:00"));
    }
    // Staggered, not all at once.
    expect(new Set(w.map((c) => c.start)).size).toBeGreaterThan(30);
  });

  test("days are weekdays: 7 working days from a Monday skip the weekend", () => {
    expect(workingDays(MONDAY, 7)).toEqual(["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-07", "2026-12-08"]);
    const days = new Set(generate({ users: 2, computers: 2, days: 7 }).map((c) => new Date(c.start + 3 * 3_600_000).toISOString().slice(0, 10)));
    expect([...days].sort()).toEqual(workingDays(MONDAY, 7));
  });

  test.each([
    ["2026-12-02", "2026-11-30"],
    ["2026-11-30", "2026-11-30"],
    ["2026-12-06", "2026-11-30"],
    ["2027-01-01", "2026-12-28"],
  ])("mondayOf(%s) = %s", (date, monday) => expect(mondayOf(date)).toBe(monday));

  test("deterministic: the same description and seed give the same connections; another seed others", () => {
    const d = { users: 30, computers: 20, terminalShare: 0.3, twoInfobasesShare: 0.3, webShare: 0.2, days: 3 };
    expect(generate(d)).toEqual(generate(d));
    expect(generate({ ...d, seed: 2 })).not.toEqual(generate(d));
  });
});

describe("WorkloadDescriptionSchema — each field's rule is named", () => {
  test.each([
    [{ users: 0 }, "users", "at least 1 user"],
    [{ users: 2.5 }, "users", "whole number"],
    [{ computers: 0 }, "computers", "at least 1 computer"],
    [{ terminalShare: 1.2 }, "terminalShare", "at most 1"],
    [{ twoInfobasesShare: -0.1 }, "twoInfobasesShare", "0 or more"],
    [{ terminalShare: 0.7, webShare: 0.5 }, "webShare", "at most 1"],
    [{ workStart: "9am" }, "workStart", "HH:MM"],
    [{ workEnd: "24:00" }, "workEnd", "HH:MM"],
    [{ workStart: "18:00", workEnd: "09:00" }, "workEnd", "after workStart"],
    [{ days: 32 }, "days", "at most 31"],
    [{ days: 0 }, "days", "at least 1"],
  ])("%j is refused on %s", (patch, field, rule) => {
    const r = WorkloadDescriptionSchema.safeParse({ ...DEFAULT_WORKLOAD, ...patch });
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.join(".") === field);
    expect(issue?.message).toContain(rule);
  });

  test("the defaults are valid", () => expect(WorkloadDescriptionSchema.parse(DEFAULT_WORKLOAD)).toEqual(DEFAULT_WORKLOAD));
});

const arbDescription = fc
  .record({
    users: fc.integer({ min: 1, max: 60 }),
    computers: fc.integer({ min: 1, max: 60 }),
    terminalShare: fc.double({ min: 0, max: 1, noNaN: true }),
    twoInfobasesShare: fc.double({ min: 0, max: 1, noNaN: true }),
    webShare: fc.double({ min: 0, max: 1, noNaN: true }),
    start: fc.integer({ min: 0, max: 20 }),
    hours: fc.integer({ min: 1, max: 23 }),
    days: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ start, hours, terminalShare, webShare, ...d }): WorkloadDescription => ({
    ...d,
    terminalShare,
    webShare: Math.min(webShare, 1 - terminalShare),
    workStart: `${String(start).padStart(2, "0")}:00`,
    workEnd: `${String(Math.min(23, start + hours)).padStart(2, "0")}:${start + hours > 23 ? "59" : "00"}`,
  }));

describe("the simulation of any valid description (DOMAIN §4)", () => {
  fcTest.prop([arbDescription], { numRuns: 150 })("per session needs at least as many seats as per computer, at the peak and at p95", (d) => {
    const r = comparePolicies(generateWorkload(d, { firstDay: MONDAY, timeZone: ZONE }), opts);
    expect(r.perSession.peak).toBeGreaterThanOrEqual(r.perDevice.peak);
    expect(r.perSession.percentiles.p95).toBeGreaterThanOrEqual(r.perDevice.percentiles.p95);
  });

  fcTest.prop([arbDescription], { numRuns: 150 })("no terminal server, no second infobase, no web client and a computer per user: both policies count the same", (d) => {
    const plain = { ...d, terminalShare: 0, twoInfobasesShare: 0, webShare: 0, computers: Math.max(d.users, d.computers) };
    const r = comparePolicies(generateWorkload(plain, { firstDay: MONDAY, timeZone: ZONE }), opts);
    expect(r.perSession.peak).toBe(r.perDevice.peak);
    expect(r.perSession.percentiles).toEqual(r.perDevice.percentiles);
    expect(r.perSession.peak).toBeGreaterThan(0);
  });
});
