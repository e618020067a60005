/**
 * A described workload for the simulator (issue 11 §3): "so many users on so many computers, this share
 * through a terminal server, this share with a second infobase open, this share in the web client, these
 * working hours" turned into connections the simulation counts both ways (DOMAIN §4). Pure and
 * deterministic: the same description (seed included) and first day always give the same connections.
 */
import { z } from "zod";

import { createRng, type Rng } from "../demo/random";
import type { WorkloadConnection } from "./simulate";
import { isCalendarDate, parseTime } from "./timeline";

/** Most users a description may have: 2,000 users × 2 infobases × 31 days stays near 124k connections. */
export const MAX_WORKLOAD_USERS = 2000;
/** Terminal users per terminal server ("TS-1", "TS-2" …). */
export const USERS_PER_TERMINAL_SERVER = 40;
/** The app-id of a desktop or terminal user: the thin client (rac `1CV8C`). */
export const DESKTOP_APP = "1CV8C";
/** The web client counts per session under both policies (DOMAIN §4, a setting). */
export const WEB_APP = "WebClient";
export const WORKLOAD_INFOBASES = ["Accounting", "Trade"] as const;

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minutesOf = (clock: string) => {
  const m = CLOCK.exec(clock);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

const share = (what: string) => z.number({ error: `must be a share from 0 to 1 (0.2 = 20 % of users ${what})` }).min(0, "must be 0 or more").max(1, "must be at most 1 (1 = every user)");
const clock = z.string().trim().regex(CLOCK, "must be a time of day written HH:MM, e.g. 09:00");

/** `POST /api/simulate/workload`: what the form on the Simulator page sends. */
export const WorkloadDescriptionSchema = z
  .object({
    users: z.number({ error: "must be a whole number of users" }).int("must be a whole number of users").min(1, "must be at least 1 user").max(MAX_WORKLOAD_USERS, `must be at most ${MAX_WORKLOAD_USERS} users`),
    computers: z.number({ error: "must be a whole number of computers" }).int("must be a whole number of computers").min(1, "must be at least 1 computer").max(MAX_WORKLOAD_USERS, `must be at most ${MAX_WORKLOAD_USERS} computers`),
    terminalShare: share("working through a terminal server"),
    twoInfobasesShare: share("with a second infobase open"),
    webShare: share("using the web client"),
    workStart: clock,
    workEnd: clock,
    days: z.number({ error: "must be a whole number of working days" }).int("must be a whole number of working days").min(1, "must be at least 1 working day").max(31, "must be at most 31 working days"),
    seed: z.number({ error: "must be a whole number" }).int("must be a whole number").min(0, "must be 0 or more").max(2 ** 31 - 1, "must be below 2147483648").optional(),
  })
  .superRefine((d, ctx) => {
    if (CLOCK.test(d.workStart) && CLOCK.test(d.workEnd) && minutesOf(d.workEnd) - minutesOf(d.workStart) < 60) {
      ctx.addIssue({ code: "custom", path: ["workEnd"], message: "must be at least an hour after workStart (the same day)" });
    }
    if (d.terminalShare + d.webShare > 1 + 1e-9) {
      ctx.addIssue({ code: "custom", path: ["webShare"], message: "with terminalShare must add up to at most 1: a user works either through a terminal server or in the web client" });
    }
  });

export type WorkloadDescription = z.infer<typeof WorkloadDescriptionSchema>;

export const DEFAULT_WORKLOAD: WorkloadDescription = {
  users: 40,
  computers: 30,
  terminalShare: 0.2,
  twoInfobasesShare: 0.25,
  webShare: 0.1,
  workStart: "09:00",
  workEnd: "18:00",
  days: 5,
  seed: 1,
};

export interface WorkloadOptions {
  /** The first day (YYYY-MM-DD); working days are this one and the following weekdays. */
  firstDay: string;
  /** The zone of the working hours (the 1C server's, a setting). */
  timeZone: string;
}

/** The numbers behind a generated workload, for the page's explanation and the tests. */
export interface WorkloadShape {
  terminalUsers: number;
  webUsers: number;
  desktopUsers: number;
  twoInfobaseUsers: number;
  terminalServers: number;
  /** The working days used (YYYY-MM-DD). */
  days: string[];
}

/** A seeded Fisher–Yates shuffle of 0..n-1. */
function shuffled(n: number, rng: Rng): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** `date` plus `n` calendar days (UTC arithmetic on a YYYY-MM-DD date: no zone involved). */
function addDays(date: string, n: number): { date: string; weekday: number } {
  const [y, m, d] = date.split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d + n));
  return { date: day.toISOString().slice(0, 10), weekday: day.getUTCDay() };
}

/** The first `count` weekdays from `firstDay` on. */
export function workingDays(firstDay: string, count: number): string[] {
  const days: string[] = [];
  for (let n = 0; days.length < count; n++) {
    const { date, weekday } = addDays(firstDay, n);
    if (weekday !== 0 && weekday !== 6) days.push(date);
  }
  return days;
}

/** Counts of each kind of user: rounded shares, terminal and web users never the same person. */
export function workloadShape(d: WorkloadDescription, firstDay: string): WorkloadShape {
  const terminalUsers = Math.round(d.users * d.terminalShare);
  const webUsers = Math.min(d.users - terminalUsers, Math.round(d.users * d.webShare));
  return {
    terminalUsers,
    webUsers,
    desktopUsers: d.users - terminalUsers - webUsers,
    twoInfobaseUsers: Math.round(d.users * d.twoInfobasesShare),
    terminalServers: Math.ceil(terminalUsers / USERS_PER_TERMINAL_SERVER),
    days: workingDays(firstDay, d.days),
  };
}

/**
 * The connections of a described workload. Users (`user-001` …) are shuffled with the seed and split into
 * terminal users (host `TS-k`, each with a terminal session of their own: its own computer, DOMAIN §4), web
 * users (app `WebClient`, counted per session) and desktop users; desktop and web users sit at `PC-001` …
 * in turn, so more users than computers share computers. A user with two infobases opens the second from the
 * same computer (or terminal session) later and closes it earlier. Every working day each user arrives within
 * the first quarter of the working hours (at most 90 minutes late) and leaves within the last quarter.
 */
export function generateWorkload(description: WorkloadDescription, options: WorkloadOptions): WorkloadConnection[] {
  const d = WorkloadDescriptionSchema.parse(description);
  if (!isCalendarDate(options.firstDay)) throw new RangeError(`firstDay must be a YYYY-MM-DD date, got ${JSON.stringify(options.firstDay)}`);
  const rng = createRng(d.seed ?? DEFAULT_WORKLOAD.seed!);
  const shape = workloadShape(d, options.firstDay);
  const kinds = new Array<"terminal" | "web" | "desktop">(d.users).fill("desktop");
  const order = shuffled(d.users, rng);
  order.forEach((user, i) => {
    if (i < shape.terminalUsers) kinds[user] = "terminal";
    else if (i < shape.terminalUsers + shape.webUsers) kinds[user] = "web";
  });
  const twoInfobases = new Set(shuffled(d.users, rng).slice(0, shape.twoInfobaseUsers));
  const pad = (n: number) => String(n).padStart(3, "0");

  // Where each user works, fixed for every day.
  let terminal = 0;
  let seat = 0;
  const places = kinds.map((kind) => {
    if (kind === "terminal") {
      const k = terminal++;
      return { host: `TS-${(k % shape.terminalServers) + 1}`, terminalSession: `RDP-Tcp#${k + 1}`, app: DESKTOP_APP };
    }
    return { host: `PC-${pad((seat++ % d.computers) + 1)}`, terminalSession: null, app: kind === "web" ? WEB_APP : DESKTOP_APP };
  });

  const startMin = minutesOf(d.workStart);
  const endMin = minutesOf(d.workEnd);
  const slack = Math.min(90, Math.floor((endMin - startMin) / 4));
  const connections: WorkloadConnection[] = [];
  for (const day of shape.days) {
    const at = (minutes: number) => parseTime(`${day}T${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00`, options.timeZone)!;
    for (let u = 0; u < d.users; u++) {
      const place = places[u];
      const user = `user-${pad(u + 1)}`;
      const arrive = startMin + rng.int(0, slack);
      const leave = endMin - rng.int(0, slack);
      connections.push({ user, ...place, infobase: WORKLOAD_INFOBASES[u % 2], start: at(arrive), end: at(leave) });
      if (twoInfobases.has(u)) {
        // Opened after the first, closed before it: the second connection lies within the first.
        const open = arrive + rng.int(0, Math.floor((leave - arrive) / 2));
        const close = leave - rng.int(0, Math.floor((leave - open) / 2) - 1);
        connections.push({ user, ...place, infobase: WORKLOAD_INFOBASES[(u + 1) % 2], start: at(open), end: at(close) });
      }
    }
  }
  return connections;
}

/** The Monday of the week of `date` (YYYY-MM-DD): where a described workload's working days begin by default. */
export function mondayOf(date: string): string {
  const { weekday } = addDays(date, 0);
  return addDays(date, -((weekday + 6) % 7)).date;
}
