import { and, eq, gt, lt } from "drizzle-orm";

import type { Db } from "../client";
import { infobases, sessions } from "../schema";
import { loadInventory } from "./inventory";
import { getLatestSnapshot } from "./sessions";
import { getLicensingSettings } from "./settings";
import { derivePools } from "@/lib/licensing/pools";
import { simulation, type HistoryQuery, type SimulationResponse } from "@/lib/simulator/api";
import { historyWorkload, type HistorySession } from "@/lib/simulator/history";

/**
 * The sessions that may hold something in `[from, to)`: seen (or started) before `to` and last seen after
 * `from`. rac's `started-at` may precede the first capture, so the start bound is on the earlier of the two.
 */
export function listHistorySessions(db: Db, range: { from: number; to: number }): HistorySession[] {
  return db
    .select({
      userName: sessions.userName,
      host: sessions.host,
      terminalSession: sessions.terminalSession,
      appId: sessions.appId,
      infobase: infobases.name,
      startedAt: sessions.startedAt,
      firstSeenAt: sessions.firstSeenAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .leftJoin(infobases, eq(infobases.id, sessions.infobaseId))
    .where(and(gt(sessions.lastSeenAt, new Date(range.from)), lt(sessions.firstSeenAt, new Date(range.to))))
    .all()
    .map((s) => ({ ...s, startedAt: s.startedAt?.getTime() ?? null, firstSeenAt: s.firstSeenAt.getTime(), lastSeenAt: s.lastSeenAt.getTime() }));
}

/** What the simulator reads besides the sessions: the newest capture, the terminal servers, the seats owned now. */
export function loadSimulatorContext(db: Db): { newestCapture: number | null; terminalHosts: ReadonlySet<string>; owned: number } {
  const { pools, terminalHosts } = derivePools(loadInventory(db));
  return {
    newestCapture: getLatestSnapshot(db)?.takenAt.getTime() ?? null,
    terminalHosts,
    // Usable seats of every pool: the Overview's total (what the company could use today).
    owned: pools.reduce((sum, p) => sum + p.seats, 0),
  };
}

export type SimulatorContext = ReturnType<typeof loadSimulatorContext>;

/** `GET /api/simulate/history`'s answer for a resolved query: the range's sessions through both policies, with the cost. */
export function simulateHistory(db: Db, query: HistoryQuery, context: SimulatorContext): SimulationResponse {
  const workload = historyWorkload(listHistorySessions(db, query), query, context.terminalHosts);
  return simulation({ ...query, workload, newestCapture: context.newestCapture, owned: context.owned, settings: getLicensingSettings(db) });
}
