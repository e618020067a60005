/**
 * Failed sign-in limiter (issue #5 "sign-in rate limiting per account and per address"): a sliding window
 * of failure times per key. A key with `max` failures inside `windowMs` is refused until the oldest of
 * them leaves the window. Pure: the caller passes `now` and keeps the state.
 */
export interface LimitPolicy {
  max: number;
  windowMs: number;
}

export const SIGN_IN_LIMITS = {
  /** Per account: guessing one person's password. */
  account: { max: 5, windowMs: 15 * 60_000 },
  /** Per address: trying many accounts from one machine. */
  address: { max: 20, windowMs: 15 * 60_000 },
} as const satisfies Record<string, LimitPolicy>;

export type FailureLog = Map<string, number[]>;

const recent = (log: FailureLog, key: string, policy: LimitPolicy, now: number) => (log.get(key) ?? []).filter((t) => t > now - policy.windowMs);

/** Milliseconds until `key` may try again, or 0 when it may now. */
export function retryAfterMs(log: FailureLog, key: string, policy: LimitPolicy, now: number): number {
  const times = recent(log, key, policy, now);
  if (times.length < policy.max) return 0;
  return times[times.length - policy.max] + policy.windowMs - now;
}

/** Keys kept before stale ones are swept, so guessing random account names cannot grow the log without end. */
export const MAX_KEYS = 10_000;

export function recordFailure(log: FailureLog, key: string, policy: LimitPolicy, now: number): void {
  if (log.size >= MAX_KEYS) {
    for (const [k, times] of log) if ((times.at(-1) ?? 0) <= now - policy.windowMs) log.delete(k);
  }
  const times = recent(log, key, policy, now);
  times.push(now);
  // Only the newest `max` matter for the decision; older ones are dropped so the log stays small.
  log.set(key, times.slice(-policy.max));
}

export function clearFailures(log: FailureLog, key: string): void {
  log.delete(key);
}

/** Takes back one attempt recorded at `at` (it succeeded): attempts are counted before the password is checked. */
export function forgetAttempt(log: FailureLog, key: string, at: number): void {
  const times = log.get(key);
  const i = times?.lastIndexOf(at) ?? -1;
  if (times && i >= 0) times.splice(i, 1);
}
