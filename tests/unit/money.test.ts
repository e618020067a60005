import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { parseMajorUnits } from "@/lib/inventory/money";

describe("parseMajorUnits — prices as people type them, to kopecks, exactly", () => {
  test.each([
    ["39600", { ok: true, minor: 3_960_000 }],
    ["39600.5", { ok: true, minor: 3_960_050 }],
    ["39600,50", { ok: true, minor: 3_960_050 }],
    ["39 600,50", { ok: true, minor: 3_960_050 }],
    ["1\u00a0234\u00a0567.89", { ok: true, minor: 123_456_789 }],
    ["  6900 ", { ok: true, minor: 690_000 }],
    ["0.1", { ok: true, minor: 10 }],
    ["12.345", { ok: false, reason: "decimals" }],
    ["1e5", { ok: false, reason: "format" }],
    ["39 60", { ok: false, reason: "format" }],
    ["руб. 100", { ok: false, reason: "format" }],
    ["", { ok: false, reason: "format" }],
  ])("%j → %j", (text, expected) => {
    expect(parseMajorUnits(text)).toEqual(expected);
  });

  fcTest.prop([fc.integer({ min: 0, max: 1e13 })])("kopecks written as roubles with two decimals read back exactly", (minor) => {
    expect(parseMajorUnits(`${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`)).toEqual({ ok: true, minor });
  });
});
