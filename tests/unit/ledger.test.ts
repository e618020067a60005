import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { demoInventory, generateDemoCompany } from "@/lib/demo/company";
import { AppError } from "@/lib/errors";
import {
  activeLimit,
  addAdditionalPin,
  applyActivation,
  LEDGER_ERROR_CODES,
  LedgerRuleError,
  lockedMode,
  reservePins,
  type KitLedger,
  type LedgerComputer,
  type LedgerErrorCode,
  type LedgerPin,
  type LedgerResult,
  type LedgerStep,
} from "@/lib/licensing/ledger";
import { summarisePins } from "@/lib/licensing/pin-summary";
import { derivePools } from "@/lib/licensing/pools";
import { DEFAULT_SETTINGS } from "@/lib/licensing/settings";
import type { InventoryActivation, InventoryKit, InventoryPin } from "@/lib/licensing/types";

const ws1: LedgerComputer = { id: 1, role: "workstation" };
const ws2: LedgerComputer = { id: 2, role: "workstation" };
const srv: LedgerComputer = { id: 3, role: "1c-server" };
const ts: LedgerComputer = { id: 4, role: "terminal-server" };
const web: LedgerComputer = { id: 5, role: "web-server" };
const lm: LedgerComputer = { id: 6, role: "license-manager" };
const COMPUTERS = [ws1, ws2, srv, ts, web, lm];

const T0 = Date.UTC(2025, 0, 15, 9, 0, 0);
const DAY = 86_400_000;

type PinSpec = [id: number, set: LedgerPin["set"], role: LedgerPin["role"], status?: LedgerPin["status"]];
const pins = (...specs: PinSpec[]): LedgerPin[] => specs.map(([id, set, role, status = "unused"]) => ({ id, set, role, status, source: "envelope" }));

function ledger(kit: Partial<KitLedger["kit"]>, pinList: LedgerPin[], activations: KitLedger["activations"] = []): KitLedger {
  return { kit: { id: 1, regNumber: "8100000001", kind: "client", seats: 1, protection: "software", usageMode: null, ...kit }, pins: pinList, activations };
}

/** §1.2 [M]: a 1-seat kit: one main and two backup PINs. */
const oneSeat = () => ledger({ seats: 1 }, pins([1, "single", "main"], [2, "single", "backup"], [3, "single", "backup"]));
/** §1.2: a combined 10-seat kit with both sets (the counts per set are unknown; these are examples). */
const combined = () =>
  ledger(
    { seats: 10 },
    pins([1, "single", "main"], [2, "single", "main"], [3, "single", "backup"], [4, "single", "backup"], [5, "multi", "main"], [6, "multi", "backup"], [7, "multi", "backup"]),
  );
/** §1.2 [M]: a 50-seat kit is multi-user only. */
const fiftySeat = () => ledger({ seats: 50 }, pins([1, "multi", "main"], [2, "multi", "backup"], [3, "multi", "backup"]));
/** §1.1: a basic delivery includes a 1-seat client license (its PINs as a 1-seat kit's). */
const basic = () => ledger({ kind: "basic", seats: 1 }, pins([1, "single", "main"], [2, "single", "backup"], [3, "single", "backup"]));
/** §4: a server license: no client seats, its PINs in the single-user set. */
const serverKit = () => ledger({ kind: "server", seats: 0 }, pins([1, "single", "main"], [2, "single", "backup"], [3, "single", "backup"]));
/** §1.2: a 2-seat single-user kit: a main and two backups per seat (example counts). */
const twoSeat = () => ledger({ seats: 2, usageMode: "single" }, pins([1, "single", "main"], [2, "single", "main"], [3, "single", "backup"], [4, "single", "backup"]));

const first = (pinId: number, computer: LedgerComputer, at = T0): LedgerStep => ({ operation: "first", pinId, computer, at });
const recover = (pinId: number, computer: LedgerComputer, hardwareChanged: boolean, previousPinId?: number, at = T0 + DAY): LedgerStep => ({
  operation: "recovery",
  pinId,
  computer,
  at,
  hardwareChanged,
  ...(previousPinId === undefined ? {} : { previousPinId }),
});

function must(result: LedgerResult): KitLedger {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.ledger;
}
const run = (start: KitLedger, ...steps: LedgerStep[]) => steps.reduce((l, s) => must(applyActivation(l, s)), start);
const status = (l: KitLedger) => Object.fromEntries(l.pins.map((p) => [p.id, p.status]));

/** 1-seat kit, main PIN activated on ws1. */
const oneSeatActive = () => run(oneSeat(), first(1, ws1));
/** 1-seat kit after two motherboard changes: main and first backup spent, last backup active on ws1. */
const oneSeatExhausted = () => run(oneSeat(), first(1, ws1), recover(2, ws1, true, 1, T0 + DAY), recover(3, ws1, true, 2, T0 + 2 * DAY));

describe("applyActivation — one row per rule (DOMAIN §1.1–1.3)", () => {
  const rows: [name: string, start: () => KitLedger, step: LedgerStep, code: LedgerErrorCode][] = [
    ["§1.1: a hardware-key kit has no PINs to activate", () => ledger({ protection: "hardware" }, pins([1, "single", "main"])), first(1, ws1), "kit-not-software"],
    ["§1.2: the PIN must belong to the kit", oneSeat, first(99, ws1), "pin-not-in-kit"],
    ["§1.3: steps are recorded in the order they happened", oneSeatActive, recover(1, ws1, false, undefined, T0 - 1), "activation-out-of-order"],
    ["§1.2: a PIN withdrawn at the Licensing Center cannot be activated", () => ledger({}, pins([1, "single", "main", "void"])), first(1, ws1), "pin-void"],
    ["§1.2 [M]: a combined kit locked in multi-user mode refuses a single-user PIN", () => run(combined(), first(5, srv)), first(1, ws1, T0 + DAY), "kit-mode-locked"],
    ["§1.2 [M]: a combined kit locked in single-user mode refuses a multi-user PIN", () => run(combined(), first(1, ws1)), first(5, srv, T0 + DAY), "kit-mode-locked"],
    ["§1.2: a multi-user PIN may not be activated on a workstation", combined, first(5, ws1), "multi-user-needs-server"],
    ["§1.2: a multi-user PIN may not be activated on the License Manager host", combined, first(5, lm), "multi-user-needs-server"],
    ["§1.2 [M]: a 50-seat kit may not be activated on a workstation", fiftySeat, first(1, ws1), "multi-user-needs-server"],
    ["§1.3: a first activation needs an unused PIN", oneSeatActive, first(1, ws1, T0 + DAY), "pin-already-activated"],
    ["§1.3 [M] (a kit never holds more active licenses than seats): a second first activation of a 1-seat kit", oneSeatActive, first(2, ws2, T0 + DAY), "kit-fully-activated"],
    ["§1.3 [M] (a kit never holds more active licenses than seats): a basic delivery holds one", () => run(basic(), first(1, ws1)), first(2, ws2, T0 + DAY), "kit-fully-activated"],
    ["§1.3 [M] (a kit never holds more active licenses than seats): the multi-user set holds one N-seat license", () => run(combined(), first(5, srv)), first(6, ts, T0 + DAY), "kit-fully-activated"],
    ["§1.3 [M] (a kit never holds more active licenses than seats): a server license holds one", () => run(serverKit(), first(1, srv)), first(2, ts, T0 + DAY), "kit-fully-activated"],
    ["§1.3: a spent PIN is never activated again (first)", oneSeatExhausted, first(1, ws1, T0 + 3 * DAY), "pin-spent"],
    ["§1.3: a spent PIN is never activated again (recovery, unchanged hardware)", oneSeatExhausted, recover(1, ws1, false, undefined, T0 + 3 * DAY), "pin-spent"],
    ["§1.3: a spent PIN is never activated again (recovery, changed hardware)", () => run(oneSeat(), first(1, ws1), recover(2, ws1, true, 1)), recover(1, ws1, true, 2, T0 + 2 * DAY), "pin-spent"],
    ["§1.3: there is nothing to recover with a PIN never activated", oneSeat, recover(1, ws1, false), "pin-not-activated"],
    ["§1.3: unchanged hardware names no previous PIN", oneSeatActive, recover(1, ws1, false, 2), "previous-pin-unexpected"],
    ["§1.3: unchanged hardware means the same computer: the same PIN on another computer is refused", oneSeatActive, recover(1, ws2, false), "same-pin-other-computer"],
    ["§1.2: changed hardware with every backup used: no backup PIN left", oneSeatExhausted, recover(3, ws1, true, 3, T0 + 3 * DAY), "no-backup-pin"],
    ["§1.3: changed hardware reusing the active PIN: re-activation on another computer is forbidden", oneSeatActive, recover(1, ws2, true, 1), "pin-reuse-after-hardware-change"],
    ["§1.3: changed hardware reusing the active PIN without naming a previous one is refused too", oneSeatActive, recover(1, ws1, true), "pin-reuse-after-hardware-change"],
    ["§1.2: a recovery spends a backup, not another seat's unused main PIN", () => run(combined(), first(1, ws1)), recover(2, ws1, true, 1), "recovery-needs-backup-pin"],
    ["§1.3 [M] (unused mains are reserves once every seat is activated): not while a seat is still free", () => run(twoSeat(), first(3, ws1)), recover(2, ws1, true, 3), "recovery-needs-backup-pin"],
    ["§1.3: changed hardware must name the previous PIN", oneSeatActive, recover(2, ws1, true), "previous-pin-required"],
    ["§1.3: the previous PIN must belong to the kit", oneSeatActive, recover(2, ws1, true, 99), "previous-pin-not-in-kit"],
    ["§1.3: the previous PIN must be the active one", oneSeatActive, recover(2, ws1, true, 3), "previous-pin-not-active"],
    [
      "§1.2: a backup replaces a PIN of its own set only (inconsistent imported data)",
      () =>
        ledger(
          { seats: 10 },
          pins([1, "single", "main", "active"], [2, "single", "backup"], [5, "multi", "main", "active"]),
          [{ id: 1, pinId: 1, operation: "first", previousPinId: null, computerId: 1, at: T0 }],
        ),
      recover(2, ws1, true, 5),
      "pin-set-mismatch",
    ],
  ];

  test.each(rows)("%s", (_name, start, step, code) => {
    const input = start();
    const before = structuredClone(input);
    const result = applyActivation(input, step);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.rule).toMatch(/^DOMAIN §1\.[1-3]$/);
    for (const text of [result.error.message.en, result.error.message.ru, result.error.remedy.en, result.error.remedy.ru]) expect(text.length).toBeGreaterThan(20);
    expect(input).toEqual(before);
  });

  test("every error code of applyActivation has a row above (pin-id-taken belongs to addAdditionalPin)", () => {
    const covered = new Set(rows.map((r) => r[3]));
    expect(LEDGER_ERROR_CODES.filter((c) => !covered.has(c))).toEqual(["pin-id-taken"]);
  });
});

describe("applyActivation — happy paths (DOMAIN §1.2–1.3)", () => {
  test("§1.3: first activation of a 1-seat kit: the main PIN becomes active, the mode is set, the input is untouched", () => {
    const input = oneSeat();
    const before = structuredClone(input);
    const result = applyActivation(input, first(1, ws1));
    expect(result).toEqual({
      ok: true,
      warnings: [],
      ledger: {
        kit: { ...input.kit, usageMode: "single" },
        pins: [expect.objectContaining({ id: 1, status: "active" }), expect.objectContaining({ id: 2, status: "unused" }), expect.objectContaining({ id: 3, status: "unused" })],
        activations: [{ id: 1, pinId: 1, operation: "first", previousPinId: null, computerId: 1, at: T0 }],
      },
    });
    expect(input).toEqual(before);
  });

  test("§1.3: recovery on unchanged hardware reuses the same PIN and spends nothing", () => {
    const result = applyActivation(oneSeatActive(), recover(1, ws1, false));
    const next = must(result);
    expect(status(next)).toEqual({ 1: "active", 2: "unused", 3: "unused" });
    expect(next.activations.at(-1)).toEqual({ id: 2, pinId: 1, operation: "recovery", previousPinId: null, computerId: 1, at: T0 + DAY });
    expect(result.ok && result.warnings).toEqual([]);
  });

  test("§1.3: motherboard replaced → a backup PIN is spent naming the previous PIN, which becomes spent", () => {
    const result = applyActivation(oneSeatActive(), recover(2, ws1, true, 1));
    const next = must(result);
    expect(status(next)).toEqual({ 1: "spent", 2: "active", 3: "unused" });
    expect(next.activations.at(-1)).toMatchObject({ pinId: 2, operation: "recovery", previousPinId: 1, computerId: 1 });
    expect(result.ok && result.warnings).toEqual([expect.objectContaining({ code: "backup-runway", backupsLeft: 1, confidence: "M" })]);
  });

  test("§1.3: a replaced computer takes the license with a backup PIN too", () => {
    const next = must(applyActivation(oneSeatActive(), recover(3, ws2, true, 1)));
    expect(status(next)).toEqual({ 1: "spent", 2: "unused", 3: "active" });
    expect(next.activations.at(-1)).toMatchObject({ computerId: 2, previousPinId: 1 });
  });

  test("§1.2 [M]: a combined kit locks into the mode of its first activation and refuses the other set with a message naming it", () => {
    const multi = must(applyActivation(combined(), first(5, srv)));
    expect(multi.kit.usageMode).toBe("multi");
    const single = must(applyActivation(combined(), first(1, ws1)));
    expect(single.kit.usageMode).toBe("single");
    const refused = applyActivation(single, first(6, srv, T0 + DAY));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ code: "kit-mode-locked", rule: "DOMAIN §1.2", confidence: "M" });
    expect(refused.error.message.en).toContain("locked in single-user mode");
    expect(refused.error.message.ru).toContain("однопользовательском режиме");
    // Further single-user seats of the same kit are still welcome.
    expect(must(applyActivation(single, first(2, ws2, T0 + DAY))).kit.usageMode).toBe("single");
  });

  test("§1.2: runway counts only the set the kit is locked in", () => {
    // Locked multi: two multi backups left → no warning, although the single set's backups are unused too.
    const result = applyActivation(combined(), first(5, ts));
    expect(result.ok && result.warnings).toEqual([]);
    const after = must(applyActivation(must(result), recover(6, ts, true, 5)));
    expect(status(after)).toMatchObject({ 5: "spent", 6: "active", 7: "unused", 3: "unused", 4: "unused" });
  });

  test.each([
    ["§1.2 [M]: 50-seat kit on a workstation is refused", ws1, false],
    ["§1.2: 50-seat kit on the 1C server", srv, true],
    ["§1.2: 50-seat kit on a terminal server", ts, true],
    ["§1.2: 50-seat kit on a web server", web, true],
  ])("%s", (_name, computer, ok) => {
    expect(applyActivation(fiftySeat(), first(1, computer)).ok).toBe(ok);
  });

  test("§1.2 [M]: the 50+ multi-only threshold is a setting, not a hard-coded truth", () => {
    // A 50-seat kit whose PINs an admin recorded as single-user.
    const odd = ledger({ seats: 50 }, pins([1, "single", "main"], [2, "single", "backup"], [3, "single", "backup"]));
    expect(applyActivation(odd, first(1, ws1)).ok).toBe(false);
    expect(applyActivation(odd, first(1, ws1), { ...DEFAULT_SETTINGS, multiOnlyMinSeats: null }).ok).toBe(true);
    expect(applyActivation(odd, first(1, ws1), { ...DEFAULT_SETTINGS, multiOnlyMinSeats: 100 }).ok).toBe(true);
    expect(applyActivation(combined(), first(1, ws1), { ...DEFAULT_SETTINGS, multiOnlyMinSeats: 10 }).ok).toBe(false);
  });

  test("§1.2: exhausted kit → no-backup-pin; an additional PIN from the Licensing Center makes the recovery legal", () => {
    const exhausted = oneSeatExhausted();
    const refused = applyActivation(exhausted, recover(3, ws1, true, 3, T0 + 3 * DAY));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ code: "no-backup-pin", rule: "DOMAIN §1.2", candidatePinIds: [] });
    expect(refused.error.message.en).toContain("No backup PIN left");
    expect(refused.error.remedy.en).toContain("Request an additional PIN from the 1C Licensing Center");

    const extended = addAdditionalPin(exhausted, { id: 4, set: "single", at: T0 + 5 * DAY });
    expect(extended.pins.at(-1)).toEqual({ id: 4, set: "single", role: "additional", status: "unused", source: "licensing-center", receivedAt: T0 + 5 * DAY });
    expect(exhausted.pins).toHaveLength(3);

    const result = applyActivation(extended, recover(4, ws1, true, 3, T0 + 6 * DAY));
    const next = must(result);
    expect(status(next)).toEqual({ 1: "spent", 2: "spent", 3: "spent", 4: "active" });
    expect(result.ok && result.warnings).toEqual([expect.objectContaining({ code: "backup-runway", backupsLeft: 0 })]);
  });

  test("§1.3 [L]: reaching the configurable activation limit is a warning that calls itself an estimate", () => {
    const settings = { ...DEFAULT_SETTINGS, pinActivationLimit: 3 };
    let l = must(applyActivation(oneSeat(), first(1, ws1), settings));
    const second = applyActivation(l, recover(1, ws1, false, undefined, T0 + DAY), settings);
    expect(second.ok && second.warnings).toEqual([]);
    l = must(second);
    const third = applyActivation(l, recover(1, ws1, false, undefined, T0 + 2 * DAY), settings);
    expect(third.ok).toBe(true);
    if (!third.ok) return;
    expect(third.warnings).toEqual([expect.objectContaining({ code: "pin-activation-limit", pinId: 1, activationCount: 3, confidence: "L", rule: "DOMAIN §1.3" })]);
    expect(third.warnings[0].message.en).toMatch(/estimate/);
    expect(third.warnings[0].message.en).toMatch(/Settings/);
    // The default (6) does not warn after three.
    expect(applyActivation(l, recover(1, ws1, false, undefined, T0 + 2 * DAY))).toMatchObject({ ok: true, warnings: [] });
  });

  test("§1.2: a kit with no recorded mode but recorded activations is locked by its earliest activation", () => {
    const imported = ledger({ seats: 10 }, pins([1, "single", "main", "active"], [5, "multi", "main"]), [{ id: 7, pinId: 1, operation: "first", previousPinId: null, computerId: 1, at: T0 }]);
    expect(lockedMode(imported)).toBe("single");
    const result = applyActivation(imported, first(5, srv, T0 + DAY));
    expect(!result.ok && result.error.code).toBe("kit-mode-locked");
    const next = must(applyActivation(imported, recover(1, ws1, false)));
    expect(next.kit.usageMode).toBe("single");
    expect(next.activations.at(-1)?.id).toBe(8);
  });
});

describe("addAdditionalPin — DOMAIN §1.2", () => {
  test.each([
    ["§1.2: the id is already a PIN of the kit", () => addAdditionalPin(oneSeat(), { id: 2, set: "single", at: T0 }), "pin-id-taken"],
    ["§1.2 [M]: a kit locked in single-user mode cannot use a multi-user additional PIN", () => addAdditionalPin(oneSeatActive(), { id: 9, set: "multi", at: T0 }), "kit-mode-locked"],
    ["§1.1: a hardware-key kit takes no PINs", () => addAdditionalPin(ledger({ protection: "hardware" }, []), { id: 9, set: "single", at: T0 }), "kit-not-software"],
  ])("%s", (_name, call, code) => {
    expect(call).toThrow(LedgerRuleError);
    try {
      call();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code, status: 422 });
      expect((error as LedgerRuleError).ledgerError.code).toBe(code);
    }
  });

  test("LedgerRuleError carries the typed error for routes: 422, English message with remedy and rule", () => {
    const result = applyActivation(oneSeatActive(), recover(1, ws2, true, 1));
    if (result.ok) throw new Error("expected a refusal");
    const error = new LedgerRuleError(result.error);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ name: "LedgerRuleError", code: "pin-reuse-after-hardware-change", status: 422, details: result.error });
    expect(error.message).toContain("re-activation on another computer is forbidden");
    expect(error.message).toContain("(DOMAIN §1.3)");
  });
});

describe("applyActivation — invariants (DOMAIN §1.2–1.3)", () => {
  const templates = { oneSeat, combined, fiftySeat, basic, serverKit, twoSeat };
  // PINs and previous PINs are mostly picked from the ledger itself (often an active or unused one), so that
  // legal recoveries happen often; sometimes an id the kit does not have.
  const arbitraryStep = fc.record({
    kind: fc.constantFrom("first", "recovery-same", "recovery-changed", "recovery-changed", "add"),
    pin: fc.constantFrom("any", "active", "active", "unused", "backup", "backup", "bogus"),
    pinIndex: fc.nat(),
    previous: fc.constantFrom("none", "active", "active", "any"),
    previousIndex: fc.nat(),
    computer: fc.oneof(fc.constant("last" as const), fc.constantFrom(ws1, srv, ts, ...COMPUTERS)),
    dt: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 30 * DAY }), weight: 9 }, { arbitrary: fc.constant(-DAY), weight: 1 }),
    set: fc.constantFrom("single" as const, "multi" as const),
  });

  fcTest.prop([fc.constantFrom(...(Object.keys(templates) as (keyof typeof templates)[])), fc.array(arbitraryStep, { minLength: 5, maxLength: 40 })], { numRuns: 300 })(
    "spent never decreases, a spent PIN never comes back, the mode never changes once set, a refused step leaves the ledger as it was",
    (template, steps) => {
      let current = templates[template]();
      let at = T0;
      let nextAdditionalId = 100;
      for (const s of steps) {
        const before = structuredClone(current);
        if (s.kind === "add") {
          try {
            current = addAdditionalPin(current, { id: nextAdditionalId++, set: s.set, at });
          } catch (error) {
            expect(error).toBeInstanceOf(LedgerRuleError);
            expect(current).toEqual(before);
          }
          continue;
        }
        at += s.dt;
        const result = applyActivation(current, stepFrom(current, s, at));
        expect(current).toEqual(before);
        if (!result.ok) {
          expect(LEDGER_ERROR_CODES).toContain(result.error.code);
          continue;
        }
        const next = result.ledger;
        const spent = (l: KitLedger) => l.pins.filter((p) => p.status === "spent").length;
        expect(spent(next)).toBeGreaterThanOrEqual(spent(before));
        for (const p of before.pins.filter((p) => p.status === "spent")) expect(next.pins.find((q) => q.id === p.id)?.status).toBe("spent");
        if (before.kit.usageMode) expect(next.kit.usageMode).toBe(before.kit.usageMode);
        expect(next.activations).toHaveLength(before.activations.length + 1);
        current = next;
      }
    },
  );

  type ArbitraryStep = typeof arbitraryStep extends fc.Arbitrary<infer T> ? T : never;
  function stepFrom(current: KitLedger, s: ArbitraryStep, at: number): LedgerStep {
    const pick = (list: LedgerPin[], index: number) => (list.length > 0 ? list[index % list.length].id : 99);
    const active = current.pins.filter((p) => p.status === "active");
    const unused = current.pins.filter((p) => p.status === "unused");
    const pinId =
      s.pin === "bogus" ? 99 : pick(s.pin === "active" ? active : s.pin === "unused" ? unused : s.pin === "backup" ? unused.filter((p) => p.role !== "main") : current.pins, s.pinIndex);
    const previousPinId = s.previous === "none" ? undefined : pick(s.previous === "active" && active.length > 0 ? active : current.pins, s.previousIndex);
    const last = current.activations.at(-1);
    const computer = s.computer !== "last" ? s.computer : (COMPUTERS.find((c) => c.id === last?.computerId) ?? srv);
    return s.kind === "first" || s.kind === "add"
      ? { operation: "first", pinId, computer, at }
      : { operation: "recovery", pinId, computer, at, hardwareChanged: s.kind === "recovery-changed", previousPinId };
  }

  /** Every ledger an arbitrary run of steps accepts, from the template on. */
  function visited(template: keyof typeof templates, steps: ArbitraryStep[]): KitLedger[] {
    let current = templates[template]();
    const seen = [current];
    let at = T0;
    let nextAdditionalId = 100;
    for (const s of steps) {
      if (s.kind === "add") {
        try {
          current = addAdditionalPin(current, { id: nextAdditionalId++, set: s.set, at });
          seen.push(current);
        } catch {
          // refused: the ledger stays as it was
        }
        continue;
      }
      at = Math.max(at, at + s.dt);
      const result = applyActivation(current, stepFrom(current, s, at));
      if (result.ok) seen.push((current = result.ledger));
    }
    return seen;
  }
  const arbitraryRun = fc.tuple(fc.constantFrom(...(Object.keys(templates) as (keyof typeof templates)[])), fc.array(arbitraryStep, { minLength: 5, maxLength: 40 }));

  fcTest.prop([arbitraryRun], { numRuns: 300 })("§1.3 [M] (a kit never holds more active licenses than seats): active PINs of a set never exceed activeLimit", ([template, steps]) => {
    for (const l of visited(template, steps)) {
      for (const set of ["single", "multi"] as const) expect(l.pins.filter((p) => p.set === set && p.status === "active").length).toBeLessThanOrEqual(activeLimit(l.kit, set));
    }
  });

  fcTest.prop([arbitraryRun], { numRuns: 300 })(
    "§1.3 [M] (reserve PINs): summarisePins' backupsLeft is what a recovery on changed hardware can spend — 0 ⇒ no-backup-pin, otherwise each reserve PIN is accepted",
    ([template, steps]) => {
      for (const l of visited(template, steps)) {
        const { kit, pins: own, activations } = asInventory(l);
        const summary = summarisePins(kit, own, activations);
        const set = summary.usableSet;
        const previous = l.pins.find((p) => p.status === "active" && p.set === set);
        if (!set || !previous) continue;
        const at = Math.max(T0, ...l.activations.map((a) => a.at)) + DAY;
        const reserves = reservePins(l, set);
        expect(summary.backupsLeft).toBe(reserves.length);
        if (reserves.length === 0) {
          const refused = applyActivation(l, recover(previous.id, srv, true, previous.id, at));
          expect(!refused.ok && refused.error.code).toBe("no-backup-pin");
        }
        for (const r of reserves) {
          const result = applyActivation(l, recover(r.id, srv, true, previous.id, at));
          expect(result.ok).toBe(true);
          // The runway warning counts the same reserves, one fewer after the recovery.
          const runway = result.ok ? result.warnings.find((w) => w.code === "backup-runway") : undefined;
          if (reserves.length - 1 <= 1) expect(runway?.backupsLeft).toBe(reserves.length - 1);
          else expect(runway).toBeUndefined();
        }
      }
    },
  );
});

/** The same kit as the engine's inventory sees it (pin-summary.ts). */
function asInventory(l: KitLedger): { kit: InventoryKit; pins: InventoryPin[]; activations: InventoryActivation[] } {
  return {
    kit: { ...l.kit, product: "kit" },
    pins: l.pins.map((p) => ({ id: p.id, kitId: l.kit.id, set: p.set, role: p.role, status: p.status })),
    activations: l.activations.map((a) => ({ id: a.id, pinId: a.pinId, computerId: a.computerId, operation: a.operation, activatedAt: a.at })),
  };
}

describe("kit-fully-activated — a kit never holds more active licenses than it has seats (DOMAIN §1.3)", () => {
  test("§1.3 [M]: three first activations of a 1-seat kit — only the first is accepted, so the kit counts one seat, not three", () => {
    let l = oneSeat();
    const results = ([[1, ws1], [2, ws2], [3, ts]] as const).map(([pinId, computer], i) => {
      const result = applyActivation(l, first(pinId, computer, T0 + i * DAY));
      if (result.ok) l = result.ledger;
      return result;
    });
    expect(results.map((r) => r.ok)).toEqual([true, false, false]);
    for (const [i, result] of results.slice(1).entries()) {
      if (result.ok) continue;
      expect(result.error).toMatchObject({ code: "kit-fully-activated", rule: "DOMAIN §1.3", confidence: "M", pinId: i + 2, candidatePinIds: [2, 3] });
      expect(result.error.message.en).toContain("1 of 1");
      expect(result.error.message.ru).toContain("1 из 1");
      expect(result.error.remedy.en).toMatch(/record a recovery instead.*another kit/);
      expect(result.error.remedy.ru).toMatch(/запишите восстановление.*другой комплект/);
    }
    const { kit, pins: own, activations } = asInventory(l);
    const computers = COMPUTERS.map((c) => ({ id: c.id, name: `pc-${c.id}`, role: c.role }));
    const { pools } = derivePools({ kits: [kit], pins: own, activations, computers, keys: [], servers: [] });
    expect(pools.reduce((n, p) => n + p.seats, 0)).toBe(1);
  });

  test.each([
    ["§1.3: a 1-seat client kit, single-user set", { kind: "client", seats: 1 }, "single", 1],
    ["§1.3: a 5-seat client kit, single-user set: one per seat", { kind: "client", seats: 5 }, "single", 5],
    ["§1.3: a 10-seat client kit, multi-user set: one 10-seat license", { kind: "client", seats: 10 }, "multi", 1],
    ["§1.3: a 50-seat kit (multi-user only)", { kind: "client", seats: 50 }, "multi", 1],
    ["§1.1: a basic delivery: its 1-seat license", { kind: "basic", seats: 1 }, "single", 1],
    ["§4: a server license (0 seats, PINs in the single-user set): one", { kind: "server", seats: 0 }, "single", 1],
  ] as const)("activeLimit — %s", (_name, kit, set, limit) => {
    expect(activeLimit(kit, set)).toBe(limit);
  });

  test("§1.3: a 5-seat single-user kit takes five first activations and refuses the sixth", () => {
    const five = ledger({ seats: 5, usageMode: "single" }, pins([1, "single", "main"], [2, "single", "main"], [3, "single", "main"], [4, "single", "main"], [5, "single", "main"], [6, "single", "backup"], [7, "single", "backup"]));
    const full = run(five, ...[1, 2, 3, 4, 5].map((id, i) => first(id, i % 2 ? ws1 : ws2, T0 + i)));
    expect(full.pins.filter((p) => p.status === "active")).toHaveLength(5);
    const result = applyActivation(full, first(6, ws1, T0 + DAY));
    expect(!result.ok && result.error).toMatchObject({ code: "kit-fully-activated", pinId: 6, candidatePinIds: [6, 7] });
  });
});

describe("reserve PINs — unused mains count once every seat is activated (DOMAIN §1.3 [M])", () => {
  test("§1.3 [M]: a 1-seat kit first activated with backup #2 has 2 left (main + backup #3), health ok; a recovery with the main PIN is accepted", () => {
    const viaBackup = run(oneSeat(), first(2, ws1));
    const { kit, pins: own, activations } = asInventory(viaBackup);
    expect(summarisePins(kit, own, activations)).toMatchObject({ usableSet: "single", active: 1, spent: 0, backupsLeft: 2, health: "ok" });

    const result = applyActivation(viaBackup, recover(1, ws2, true, 2));
    const next = must(result);
    expect(status(next)).toEqual({ 1: "active", 2: "spent", 3: "unused" });
    expect(next.activations.at(-1)).toMatchObject({ pinId: 1, operation: "recovery", previousPinId: 2, computerId: 2 });
    expect(result.ok && result.warnings).toEqual([expect.objectContaining({ code: "backup-runway", backupsLeft: 1 })]);
  });

  test("§1.3 [M]: a server license kit (limit 1) too: its unused main pays for a recovery", () => {
    const viaBackup = run(serverKit(), first(3, srv));
    expect(reservePins(viaBackup, "single").map((p) => p.id)).toEqual([1, 2]);
    expect(status(must(applyActivation(viaBackup, recover(1, srv, true, 3))))).toEqual({ 1: "active", 2: "unused", 3: "spent" });
  });

  test.each([
    ["§1.3: a fresh 1-seat kit: backups only", oneSeat, "single", [2, 3]],
    ["§1.3 [M]: a 1-seat kit activated with a backup: the unused main joins", () => run(oneSeat(), first(3, ws1)), "single", [1, 2]],
    ["§1.3 [M]: a 2-seat kit with one seat activated: the other main is for a first activation", () => run(twoSeat(), first(1, ws1)), "single", [3, 4]],
    ["§1.3 [M]: a 2-seat kit with both seats activated, one with a backup: the unused main joins", () => run(twoSeat(), first(1, ws1), first(3, ws2)), "single", [2, 4]],
    ["§1.2: a combined kit locked in multi-user mode: only the multi-user set's reserves", () => run(combined(), first(5, srv)), "multi", [6, 7]],
  ] as const)("reservePins — %s", (_name, start, set, ids) => {
    expect(reservePins(start(), set).map((p) => p.id)).toEqual(ids);
  });
});

describe("the demo company under the ledger rules (DOMAIN §1.2–1.3)", () => {
  const company = generateDemoCompany({ anchor: "2026-11-27" });
  const inventory = demoInventory(company);
  const software = company.kits.filter((k) => k.protection === "software");

  test.each(software.map((k) => [k.product, k.regNumber, k.id] as const))("%s (%s): every recorded activation replays, and the PINs end as recorded", (_product, _reg, kitId) => {
    const kit = company.kits.find((k) => k.id === kitId)!;
    const own = company.pins.filter((p) => p.kitId === kitId);
    let l: KitLedger = {
      kit: { id: kit.id, regNumber: kit.regNumber, kind: kit.kind, seats: kit.seats, protection: kit.protection, usageMode: kit.usageMode },
      pins: own.map((p) => ({ id: p.id, set: p.set, role: p.role, status: "unused", source: p.source })),
      activations: [],
    };
    const history = company.activations.filter((a) => own.some((p) => p.id === a.pinId)).sort((a, b) => a.activatedAt - b.activatedAt || a.id - b.id);
    for (const a of history) {
      const computer = { id: a.computerId, role: inventory.computers.find((c) => c.id === a.computerId)!.role };
      const step: LedgerStep =
        a.operation === "first"
          ? { operation: "first", pinId: a.pinId, computer, at: a.activatedAt }
          : { operation: "recovery", pinId: a.pinId, computer, at: a.activatedAt, hardwareChanged: a.previousPinId !== null, ...(a.previousPinId === null ? {} : { previousPinId: a.previousPinId }) };
      l = must(applyActivation(l, step));
    }
    expect(status(l)).toEqual(Object.fromEntries(own.map((p) => [p.id, p.status])));
  });
});
