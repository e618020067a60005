import "@/tests/helpers/setup-env";

import { count } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";

import { POST as workloadPost } from "@/app/api/simulate/workload/route";
import { getDb } from "@/db/client";
import { noLicenseEvents, sessionSnapshots, sessions } from "@/db/schema";
import { writeDemoCompany } from "@/db/seed";
import { generateDemoCompany } from "@/lib/demo/company";
import { DEFAULT_SETTINGS } from "@/lib/licensing/settings";
import { comparePolicies } from "@/lib/licensing/simulate";
import { calendarDate } from "@/lib/licensing/timeline";
import { DEFAULT_WORKLOAD, generateWorkload, mondayOf, type WorkloadDescription } from "@/lib/licensing/workload";
import { SimulationResponseSchema } from "@/lib/simulator/api";
import { ErrorSchema } from "@/tests/helpers/api";
import { asPrincipal, tokenHeaders } from "@/tests/helpers/auth";

/** Issue 11 §3: `POST /api/simulate/workload` — a described workload counted both ways (DOMAIN §4). */
const post = (body: unknown, headers: Record<string, string> = tokenHeaders("read")) =>
  workloadPost(new Request("http://localhost/api/simulate/workload", { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) }));

async function simulate(body: unknown) {
  const res = await post(body);
  expect(res.status).toBe(200);
  return SimulationResponseSchema.parse(await res.json());
}

const ISSUE_EXAMPLE: WorkloadDescription = { users: 40, computers: 30, terminalShare: 0.2, twoInfobasesShare: 0, webShare: 0.1, workStart: "09:00", workEnd: "18:00", days: 5 };

/** What the database holds (the audit log is left out: it records every use of a token). */
const stored = () => {
  const db = getDb();
  return [sessions, sessionSnapshots, noLicenseEvents].map((t) => db.select({ n: count() }).from(t).all()[0].n);
};

beforeAll(() => writeDemoCompany(getDb(), generateDemoCompany({ anchor: "2026-10-30" })), 60_000);

describe("POST /api/simulate/workload", () => {
  test("the issue's example (40 users, 30 computers, 20 % terminal, 10 % web): the engine's figures for the generated workload, from this week's Monday", async () => {
    const r = await simulate(ISSUE_EXAMPLE);
    const firstDay = mondayOf(calendarDate(Date.now(), DEFAULT_SETTINGS.serverTimeZone));
    const expected = comparePolicies(generateWorkload(ISSUE_EXAMPLE, { firstDay, timeZone: DEFAULT_SETTINGS.serverTimeZone }), { noSeatAppIds: DEFAULT_SETTINGS.noSeatAppIds, perSessionAppIds: DEFAULT_SETTINGS.perSessionAppIds });
    expect([r.perDevice.peak, r.perDevice.percentiles.p95, r.perSession.peak, r.perSession.percentiles.p95]).toEqual([
      expected.perDevice.peak,
      expected.perDevice.percentiles.p95,
      expected.perSession.peak,
      expected.perSession.percentiles.p95,
    ]);
    expect(r.scenario.connections).toBe(40 * 5);
    // 40 users on 30 PCs + 8 terminal sessions: per computer fewer seats than users, per session one per user.
    expect(r.perSession.peak).toBe(40);
    expect(r.perDevice.peak).toBeLessThan(r.perSession.peak);
    expect(r.from.slice(0, 10) <= firstDay).toBe(true);
    expect(Date.parse(r.to) - Date.parse(r.from)).toBeGreaterThanOrEqual(5 * 86_400_000);
    expect(r.newestCapture).toBeNull();
    expect(r.cost.perSession.peak.seats).toBe(40);
  });

  test("a computer per user, no terminal server, no second infobase, no web client: both policies need the same", async () => {
    const r = await simulate({ ...DEFAULT_WORKLOAD, users: 25, computers: 25, terminalShare: 0, twoInfobasesShare: 0, webShare: 0 });
    expect(r.perSession.peak).toBe(r.perDevice.peak);
    expect(r.perSession.percentiles).toEqual(r.perDevice.percentiles);
    expect(r.cost.difference.peak).toMatchObject({ seats: 0, all: 0, buy: 0 });
  });

  test("deterministic: the same description answers the same", async () => {
    const d = { ...DEFAULT_WORKLOAD, seed: 7 };
    expect(await simulate(d)).toEqual(await simulate(d));
  });

  test.each([
    [{ users: 0 }, "users", "at least 1 user"],
    [{ computers: "thirty" }, "computers", "whole number"],
    [{ terminalShare: 20 }, "terminalShare", "at most 1"],
    [{ terminalShare: 0.8, webShare: 0.3 }, "webShare", "at most 1"],
    [{ workStart: "9" }, "workStart", "HH:MM"],
    [{ workStart: "18:00", workEnd: "17:00" }, "workEnd", "after workStart"],
    [{ days: 40 }, "days", "at most 31"],
  ])("400 for %j, naming %s; nothing is stored", async (patch, field, rule) => {
    const before = stored();
    const res = await post({ ...DEFAULT_WORKLOAD, ...patch });
    expect(res.status).toBe(400);
    const body = ErrorSchema.parse(await res.json());
    expect(body.error.code).toBe("invalid-input");
    expect(body.error.issues?.find((i) => i.path === field)?.message).toContain(rule);
    expect(stored()).toEqual(before);
  });

  test("400 for a body that is not JSON", async () => {
    const res = await post("{users: 40");
    expect(res.status).toBe(400);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("invalid-json");
  });

  test("a valid request stores nothing either", async () => {
    const before = stored();
    await simulate(DEFAULT_WORKLOAD);
    expect(stored()).toEqual(before);
  });

  test.each([
    [{ role: "lead" } as const, 200],
    [{ role: "finance" } as const, 200],
    [{ role: "viewer" } as const, 403],
    [{ scope: "import" } as const, 403],
    [null, 401],
  ])("as %j: %i", async (who, status) => {
    const res = await post(DEFAULT_WORKLOAD, await asPrincipal(who));
    expect(res.status).toBe(status);
  });
});
