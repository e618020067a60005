import "@/tests/helpers/setup-env";

import { afterEach, describe, expect, test, vi } from "vitest";

import { getAuth } from "@/db/auth";
import { getDb } from "@/db/client";
import { loadOverview } from "@/db/queries/overview";
import { register } from "@/instrumentation";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";

const count = (table: string) => (getDb().$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe("server start (instrumentation.ts): migrate, then seed the demo into an empty database", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  test("SEATLEDGER_DEMO=0 leaves the database empty, and the Overview says so", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("SEATLEDGER_DEMO", "0");
    await register();
    expect(count("kits")).toBe(0);
    expect(count("__drizzle_migrations")).toBeGreaterThan(0);
    const overview = loadOverview(getDb(), new Date());
    expect(overview.empty).toBe(true);
    expect(overview.model.totals).toEqual({ seats: 0, inUse: 0, free: 0 });
    // No demo, no demo accounts: the first administrator comes from the setup page or user:create.
    expect(count("auth_user")).toBe(0);
  });

  test("otherwise the demo company is seeded once; a second start changes nothing", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("SEATLEDGER_DEMO", "");
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await register();
    const kits = count("kits");
    const sessions = count("sessions");
    expect(kits).toBe(10);
    expect(sessions).toBeGreaterThan(5000);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("seeded the demo company"));
    // One demo account per role (README "Demo accounts"), each able to sign in with the listed password.
    const users = getDb().$client.prepare("select email, role from auth_user order by email").all();
    expect(users).toEqual(DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })).sort((a, b) => a.email.localeCompare(b.email)));
    for (const { email, password } of DEMO_ACCOUNTS) {
      const signedIn = await getAuth().api.signInEmail({ body: { email, password } });
      expect(signedIn.user.email).toBe(email);
    }
    await register();
    expect([count("kits"), count("sessions"), count("auth_user")]).toEqual([kits, sessions, DEMO_ACCOUNTS.length]);
    const overview = loadOverview(getDb(), new Date());
    expect(overview.empty).toBe(false);
    expect(overview.model.totals.seats).toBe(88);
  }, 30_000);

  test("outside the Node.js runtime (edge) it does nothing", async () => {
    vi.stubEnv("NEXT_RUNTIME", "edge");
    await expect(register()).resolves.toBeUndefined();
  });
});
