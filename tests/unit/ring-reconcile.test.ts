import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { PIN_ROLES, PIN_SETS, PIN_STATUSES, type PinSet } from "@/lib/domain/enums";
import { reconcileRingLicenses, RingReconcileRowSchema, type LedgerPinByCode, type RingLedgerView } from "@/lib/licensing/ring-reconcile";
import { parseRing } from "@/lib/parsers/ring";

const KITS: RingLedgerView["kits"] = [
  { id: 1, regNumber: "8101234567", kind: "client", seats: 1 },
  { id: 2, regNumber: "801234567" },
  { id: 3, regNumber: "500001234567", kind: "client", seats: 5 },
];

const PINS: Record<string, LedgerPinByCode> = {
  "209384756102938": { id: 11, kitId: 1, status: "active", set: "single", role: "main" },
  "318475620193847": { id: 12, kitId: 1, status: "unused", set: "single", role: "backup" },
  "427561029384756": { id: 13, kitId: 1, status: "spent", set: "single", role: "backup" },
  "645372819203948": { id: 14, kitId: 1, status: "void", set: "single", role: "additional" },
  "536471829304152": { id: 21, kitId: 2, status: "unused", set: "single", role: "main" },
  "111222333444555": { id: 22, kitId: 2, status: "active", set: "single", role: "main" },
  "777888999000111": { id: 31, kitId: 3, status: "unused", set: "single", role: "main" },
  "777888999000222": { id: 32, kitId: 3, status: "unused", set: "single", role: "main" },
};

const view = (counts?: Record<string, number>): RingLedgerView => ({
  kits: KITS,
  pinByCode: (code) => PINS[code] ?? null,
  ...(counts ? { activeCountBySet: (kitId: number, set: PinSet) => counts[`${kitId}:${set}`] ?? 0 } : {}),
});

const FILE = "20240115093012.lic";

describe("reconcileRingLicenses — ring license list against the ledger (DOMAIN §5.2, §1.3)", () => {
  test.each([
    ["§1.3 ok: a PIN of this kit, active in the ledger", "209384756102938", "8101234567", { status: "ok", kitId: 1, pinId: 11, suggestion: null }],
    ["§1.1 unknown-kit: no kit has the registration number", "999888777666555", "8109999999", { status: "unknown-kit", kitId: null, pinId: null, suggestion: null }],
    ["§1.2 unknown-kit whose PIN is recorded with another kit: named in the message", "536471829304152", "8109999999", { status: "unknown-kit", kitId: null, pinId: 21, suggestion: null }],
    [
      "§1.2 unknown-pin: kit known, PIN not recorded → add it",
      "999888777666555",
      "8101234567",
      { status: "unknown-pin", kitId: 1, pinId: null, suggestion: { action: "add-pin", kitId: 1, licFileName: FILE } },
    ],
    ["§1.2 pin-of-other-kit: the ledger has the PIN under another kit", "111222333444555", "8101234567", { status: "pin-of-other-kit", kitId: 1, pinId: 22, suggestion: null }],
    [
      "§1.3 not-activated-in-ledger: installed, ledger says unused → record the activation",
      "536471829304152",
      "801234567",
      { status: "not-activated-in-ledger", kitId: 2, pinId: 21, suggestion: { action: "record-activation", kitId: 2, pinId: 21, operation: "first", licFileName: FILE } },
    ],
    ["§1.3 spent-in-ledger: a spent PIN's file should be gone", "427561029384756", "8101234567", { status: "spent-in-ledger", kitId: 1, pinId: 13, suggestion: null }],
    ["§1.2 spent-in-ledger: a void PIN's file should be gone", "645372819203948", "8101234567", { status: "spent-in-ledger", kitId: 1, pinId: 14, suggestion: null }],
  ] as const)("%s", (_name, pin, regNumber, expected) => {
    const [row] = reconcileRingLicenses([{ pin, regNumber, file: FILE }], view());
    expect(row).toMatchObject({ index: 0, regNumber, file: FILE, ...expected });
    expect(row.masked).toBe(`***-***-***-***-${pin.slice(-3)}`);
    for (const text of [row.message.en, row.message.ru]) {
      expect(text).not.toContain(pin);
      expect(text.length).toBeGreaterThan(20);
    }
    expect(RingReconcileRowSchema.parse(row)).toEqual(row);
  });

  test("§1.2 the other kit is named by its registration number", () => {
    const [unknownKit] = reconcileRingLicenses([{ pin: "536471829304152", regNumber: "8109999999" }], view());
    expect(unknownKit.message.en).toMatch(/recorded with kit 801234567/);
    const [other] = reconcileRingLicenses([{ pin: "111222333444555", regNumber: "8101234567" }], view());
    expect(other.message.en).toMatch(/under kit 801234567, but the license names kit 8101234567/);
    expect(other.message.ru).toMatch(/в комплекте 801234567/);
  });

  test.each([
    ["§1.3 a 1-seat kit with no active PIN: the unused PIN's activation was the first", "318475620193847", { "1:single": 0 }, "first"],
    ["§1.3 a 1-seat kit whose license is active: the backup PIN was spent by a recovery", "318475620193847", { "1:single": 1 }, "recovery"],
    ["§1.3 a 5-seat kit with 3 active single-user licenses: room for another first activation", "777888999000111", { "3:single": 3 }, "first"],
    ["§1.3 a 5-seat kit with all 5 active: a recovery", "777888999000111", { "3:single": 5 }, "recovery"],
    ["§1.3 a kit whose size is not given counts one license per set", "536471829304152", { "2:single": 1 }, "recovery"],
    ["§1.3 without active counts, a backup PIN suggests a recovery", "318475620193847", undefined, "recovery"],
    ["§1.3 without active counts, a main PIN suggests a first activation", "777888999000111", undefined, "first"],
  ] as const)("%s", (_name, pin, counts, operation) => {
    const regNumber = KITS.find((k) => k.id === PINS[pin].kitId)!.regNumber;
    const [row] = reconcileRingLicenses([{ pin, regNumber }], view(counts));
    expect(row.status).toBe("not-activated-in-ledger");
    expect(row.suggestion).toEqual({ action: "record-activation", kitId: PINS[pin].kitId, pinId: PINS[pin].id, operation, licFileName: null });
    expect(row.message.en).toMatch(operation === "first" ? /first activation is not recorded/ : /a recovery, since the single-user set has no room/);
  });

  test("§1.3 two unused PINs of one set in the same paste: the first fills the set's room, the next is a recovery", () => {
    const onePlaceKit: RingLedgerView = { ...view({}), kits: KITS.map((k) => (k.id === 3 ? { ...k, seats: 1 } : k)) };
    const rows = reconcileRingLicenses(
      [
        { pin: "777888999000111", regNumber: "500001234567" },
        { pin: "777888999000222", regNumber: "500001234567" },
      ],
      onePlaceKit,
    );
    expect(rows.map((r) => r.suggestion?.action === "record-activation" && r.suggestion.operation)).toEqual(["first", "recovery"]);
  });

  test("§5.2 straight from parseRing: Russian list output, input order kept, file names only when they are YYYYMMDDhhmmss.lic (§1.5)", () => {
    const parsed = parseRing(
      [
        'Лицензии:',
        '209384756102938-8101234567 (имя файла: "20240115093012.lic")',
        '427561029384756-8101234567 (имя файла: "license-copy.lic")',
        "999888777666555-8109999999",
      ].join("\r\n"),
    );
    const calls: string[] = [];
    const rows = reconcileRingLicenses(parsed.licenses, { ...view(), pinByCode: (code) => (calls.push(code), PINS[code] ?? null) });
    expect(rows.map((r) => [r.index, r.status, r.file])).toEqual([
      [0, "ok", "20240115093012.lic"],
      [1, "spent-in-ledger", "license-copy.lic"],
      [2, "unknown-kit", null],
    ]);
    expect(calls).toEqual(["209384756102938", "427561029384756", "999888777666555"]);
    const [unknownPin] = reconcileRingLicenses([{ pin: "999888777666555", regNumber: "8101234567", file: "license-copy.lic" }], view());
    expect(unknownPin.suggestion).toEqual({ action: "add-pin", kitId: 1, licFileName: null });
  });

  test("the response schema refuses a row whose PIN is not masked", () => {
    const [row] = reconcileRingLicenses([{ pin: "209384756102938", regNumber: "8101234567" }], view());
    expect(RingReconcileRowSchema.safeParse({ ...row, masked: "209-384-756-102-938" }).success).toBe(false);
  });

  const pinCode = fc.oneof(fc.stringMatching(/^\d{15}$/), fc.stringMatching(/^\d{16}$/));
  const ledgerPin = fc.record({ id: fc.integer({ min: 1, max: 1000 }), kitId: fc.constantFrom(1, 2, 3, 4), status: fc.constantFrom(...PIN_STATUSES), set: fc.constantFrom(...PIN_SETS), role: fc.constantFrom(...PIN_ROLES) });
  fcTest.prop([
    fc.array(fc.record({ pin: pinCode, regNumber: fc.constantFrom("8101234567", "801234567", "500001234567", "8109999999"), known: fc.option(ledgerPin, { nil: null }) }), { maxLength: 12 }),
    fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  ])("every row: input order, the PIN masked, never in a message, and the row fits its schema", (licenses, active) => {
    const byCode = new Map(licenses.map((l) => [l.pin, l.known]));
    const rows = reconcileRingLicenses(
      licenses.map(({ pin, regNumber }) => ({ pin, regNumber })),
      { kits: KITS, pinByCode: (code) => byCode.get(code) ?? null, ...(active === undefined ? {} : { activeCountBySet: () => active }) },
    );
    expect(rows.map((r) => r.index)).toEqual(licenses.map((_, i) => i));
    rows.forEach((row, i) => {
      expect(row.regNumber).toBe(licenses[i].regNumber);
      expect(RingReconcileRowSchema.parse(row)).toEqual(row);
      for (const text of [row.message.en, row.message.ru, row.masked]) {
        expect(text).not.toContain(licenses[i].pin);
        expect(text).not.toMatch(/\d{13,}/);
      }
      if (row.suggestion) expect(row.suggestion.kitId).toBe(row.kitId);
      expect(row.suggestion === null || ["unknown-pin", "not-activated-in-ledger"].includes(row.status)).toBe(true);
    });
  });
});
