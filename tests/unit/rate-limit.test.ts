import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { clearFailures, forgetAttempt, MAX_KEYS, recordFailure, retryAfterMs, SIGN_IN_LIMITS, type FailureLog } from "@/lib/security/rate-limit";

const policy = { max: 3, windowMs: 60_000 };

describe("sign-in failure limiter (issue #5: per account and per address)", () => {
  test("the limit is reached at max failures inside the window, and lifts when the oldest leaves it", () => {
    const log: FailureLog = new Map();
    recordFailure(log, "a", policy, 0);
    recordFailure(log, "a", policy, 10_000);
    expect(retryAfterMs(log, "a", policy, 10_000)).toBe(0);
    recordFailure(log, "a", policy, 20_000);
    expect(retryAfterMs(log, "a", policy, 20_000)).toBe(40_000); // the first failure leaves the window at 60 s
    expect(retryAfterMs(log, "a", policy, 59_999)).toBe(1);
    expect(retryAfterMs(log, "a", policy, 60_000)).toBe(0);
  });

  test("keys are independent; clearing one (a successful sign-in) leaves the others", () => {
    const log: FailureLog = new Map();
    for (let i = 0; i < 3; i++) {
      recordFailure(log, "account:anna@example.ru", policy, i);
      recordFailure(log, "address:10.0.0.5", policy, i);
    }
    expect(retryAfterMs(log, "account:oleg@example.ru", policy, 5)).toBe(0);
    clearFailures(log, "account:anna@example.ru");
    expect(retryAfterMs(log, "account:anna@example.ru", policy, 5)).toBe(0);
    expect(retryAfterMs(log, "address:10.0.0.5", policy, 5)).toBeGreaterThan(0);
  });

  test("attempts are counted before the password check: the sixth of six parallel attempts is refused; a success is taken back", () => {
    const log: FailureLog = new Map();
    const p = SIGN_IN_LIMITS.account;
    const admitted = Array.from({ length: 6 }, () => {
      if (retryAfterMs(log, "account:a", p, 1000) > 0) return false;
      recordFailure(log, "account:a", p, 1000);
      return true;
    });
    expect(admitted).toEqual([true, true, true, true, true, false]);
    forgetAttempt(log, "account:a", 1000);
    expect(retryAfterMs(log, "account:a", p, 1000)).toBe(0);
    forgetAttempt(log, "account:none", 1000); // nothing to take back: no error
  });

  test("the shipped limits: 5 per account and 20 per address in 15 minutes", () => {
    expect(SIGN_IN_LIMITS).toEqual({ account: { max: 5, windowMs: 900_000 }, address: { max: 20, windowMs: 900_000 } });
  });

  test("guessing random account names cannot grow the log without end: stale keys are swept", () => {
    const log: FailureLog = new Map();
    for (let i = 0; i < MAX_KEYS; i++) recordFailure(log, `k${i}`, policy, 0);
    recordFailure(log, "late", policy, policy.windowMs + 1);
    expect(log.size).toBe(1);
  });

  fcTest.prop([fc.array(fc.integer({ min: 0, max: 300_000 }), { maxLength: 40 }), fc.integer({ min: 0, max: 400_000 })])(
    "refused exactly when max failures fall inside the window before now",
    (times, now) => {
      const sorted = [...times].sort((a, b) => a - b).filter((t) => t <= now);
      const log: FailureLog = new Map();
      for (const t of sorted) recordFailure(log, "k", policy, t);
      const inside = sorted.filter((t) => t > now - policy.windowMs).length;
      expect(retryAfterMs(log, "k", policy, now) > 0).toBe(inside >= policy.max);
    },
  );
});
