/** Who holds seats now on the Seats page (issue 11 §1): the newest capture's licensed sessions per infobase and per pool. */
import { describe, expect, test } from "vitest";

import type { PoolUsage } from "@/lib/licensing/pools";
import { groupHolders } from "@/lib/seats/holders";
import type { HolderWire } from "@/lib/sessions/api";

const holder = (over: Partial<HolderWire>): HolderWire =>
  ({ id: 1, userName: "Иванова", host: "buh-01", infobase: "Бухгалтерия", appId: "1CV8C", series: "8100", matched: true, poolId: "soft-server:srv-1c", ...over }) as HolderWire;
const pool = (id: string, host: string, seats: number, inUse: number): PoolUsage => ({
  pool: { id, source: "soft-server", host, seats, counting: "per-session", members: [], ignoredKeyIds: [] },
  inUse,
  free: seats - inUse,
  sessions: inUse,
});

describe("groupHolders", () => {
  test("licensed sessions per infobase (distinct users, case-insensitive) and per pool; server-issued and unmatched last", () => {
    const groups = groupHolders(
      [
        holder({ id: 1 }),
        holder({ id: 2, userName: "ИВАНОВА", infobase: "бухгалтерия" }),
        holder({ id: 3, userName: "Петров" }),
        holder({ id: 4, userName: "Сидоров", infobase: "ЗУП", poolId: "hasp-network:srv-lm" }),
        holder({ id: 5, userName: "Орлов", matched: false, poolId: null }),
        holder({ id: 6, userName: "Фон", matched: true, poolId: null }),
        // No license held: not a seat holder.
        holder({ id: 7, userName: "Фонов", series: null, matched: null, poolId: null }),
      ],
      [pool("soft-server:srv-1c", "srv-1c", 10, 3), pool("hasp-network:srv-lm", "srv-lm", 20, 1), pool("soft-local:idle", "idle", 1, 0)],
    );
    expect(groups.total).toBe(6);
    expect(groups.byInfobase).toEqual([
      { infobase: "Бухгалтерия", sessions: 5, users: 4 },
      { infobase: "ЗУП", sessions: 1, users: 1 },
    ]);
    expect(groups.byPool).toEqual([
      { kind: "pool", id: "soft-server:srv-1c", host: "srv-1c", source: "soft-server", counting: "per-session", sessions: 3, inUse: 3, seats: 10 },
      { kind: "pool", id: "hasp-network:srv-lm", host: "srv-lm", source: "soft-server", counting: "per-session", sessions: 1, inUse: 1, seats: 20 },
      { kind: "server", sessions: 1 },
      { kind: "unmatched", sessions: 1 },
    ]);
  });

  test("no holders: nothing to group, pools holding nothing left out", () => {
    expect(groupHolders([], [pool("p", "h", 5, 0)])).toEqual({ total: 0, byInfobase: [], byPool: [] });
  });
});
