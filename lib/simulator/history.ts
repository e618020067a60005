/**
 * The company's real history as a workload for the simulator (issue 11 §3): every stored session is an
 * interval from its start to the last capture that saw it (the sessions table folds the captures, DESIGN.md
 * "Observe"), clipped to the range asked for.
 */
import { computerKey } from "../licensing/pools";
import type { WorkloadConnection } from "../licensing/simulate";

/** One stored session, as db/queries/simulate.ts reads it (epoch ms). */
export interface HistorySession {
  userName: string | null;
  host: string | null;
  terminalSession: string | null;
  appId: string | null;
  infobase: string | null;
  startedAt: number | null;
  firstSeenAt: number;
  lastSeenAt: number;
}

/**
 * The sessions overlapping `[from, to)` as connections `[start, lastSeen)` clipped to the range, where start is
 * rac's `started-at` when it is earlier than the first capture (else the first capture). A session on a host
 * recorded as a terminal server gets its user as terminal session — rac prints no terminal-session id, and
 * each terminal session is its own computer (DOMAIN §4, as `computerKey` counts it for the Overview).
 * Sessions that hold nothing inside the range are left out.
 */
export function historyWorkload(sessions: readonly HistorySession[], range: { from: number; to: number }, terminalHosts: ReadonlySet<string>): WorkloadConnection[] {
  const out: WorkloadConnection[] = [];
  for (const s of sessions) {
    const begun = s.startedAt !== null && s.startedAt < s.firstSeenAt ? s.startedAt : s.firstSeenAt;
    const start = Math.max(begun, range.from);
    const end = Math.min(s.lastSeenAt, range.to);
    if (!(end > start)) continue;
    const host = s.host ?? "";
    const key = computerKey({ host, terminalSession: s.terminalSession, userName: s.userName }, terminalHosts);
    // computerKey is `host|session`; what follows the first "|" names the terminal session (empty: none).
    const terminalSession = key.slice(key.indexOf("|") + 1) || null;
    out.push({ user: s.userName, host, terminalSession, infobase: s.infobase ?? "", app: s.appId ?? "", start, end });
  }
  return out;
}
