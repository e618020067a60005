import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { clearCharacters, maskPin, maskText, printedPin } from "@/lib/security/mask";

/** The digits and letters of a string: what a masked PIN must not give away. */
const alphanumerics = (s: string) => Array.from(s).filter((ch) => /[\p{L}\p{N}]/u.test(ch)).length;
const isSeparator = (ch: string) => ch === "-" || /^\s$/u.test(ch);

/** A PIN as it may be typed or stored: 15–16 digits, optionally grouped with dashes or spaces (§1.2). */
const typedPin = fc
  .tuple(fc.stringMatching(/^[0-9]{15,16}$/), fc.constantFrom("", "-", " "), fc.integer({ min: 1, max: 5 }))
  .map(([digits, sep, group]) => (sep === "" ? digits : digits.match(new RegExp(`.{1,${group}}`, "g"))!.join(sep)));

/** Anything at all: odd input must not make the mask leak. */
const anyText = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), typedPin);

describe("maskPin — PINs are masked everywhere (issue #5, DOMAIN §1.2)", () => {
  test.each([
    ["grouped by 3, as displayed", "123-456-789-012-345", "***-***-***-***-345"],
    ["15 digits as stored", "123456789012345", "************345"],
    ["16 digits grouped by 4 [L]", "1234-5678-9012-3456", "****-****-****-*456"],
    ["spaces instead of dashes", "123 456 789 012 345", "*** *** *** *** 345"],
    ["a separator among the last digits stays in place", "1234567890123-45", "************3-45"],
    ["already masked", "***-***-***-***-345", "***-***-***-***-345"],
    ["empty", "", ""],
    ["only separators", "- -", "- -"],
    ["too short to keep any tail: nothing in clear", "12345", "*****"],
    ["six characters: still nothing in clear", "123-456", "***-***"],
    ["seven characters: the last three", "1234567", "****567"],
    ["letters are hidden like digits", "ABCDEFGHIJ", "*******HIJ"],
  ])("%s: %j → %j", (_name, input, masked) => {
    expect(maskPin(input)).toBe(masked);
  });

  fcTest.prop([anyText], { numRuns: 500 })("never more than 3 clear characters", (input) => {
    const masked = maskPin(input);
    expect(alphanumerics(masked)).toBeLessThanOrEqual(3);
    expect(clearCharacters(masked)).toBeLessThanOrEqual(3);
  });

  fcTest.prop([anyText], { numRuns: 500 })("masking is idempotent", (input) => {
    expect(maskPin(maskPin(input))).toBe(maskPin(input));
  });

  fcTest.prop([anyText], { numRuns: 500 })("the length and the separators' positions are kept", (input) => {
    const before = Array.from(input);
    const after = Array.from(maskPin(input));
    expect(after).toHaveLength(before.length);
    before.forEach((ch, i) => {
      if (isSeparator(ch)) expect(after[i]).toBe(ch);
      else expect(after[i] === "*" || after[i] === ch).toBe(true);
    });
  });

  fcTest.prop([typedPin])("a real PIN keeps exactly its last 3 digits, everything before them hidden", (pin) => {
    const masked = maskPin(pin);
    const digits = pin.replace(/\D/g, "");
    expect(masked.replace(/[^0-9]/g, "")).toBe(digits.slice(-3));
    expect(masked.endsWith(pin.slice(-1))).toBe(true);
    expect(masked).not.toContain(digits.slice(-4));
  });
});

describe("printedPin — a PIN as the envelope prints it (DOMAIN §1.2)", () => {
  test.each([
    ["15 digits as stored", "123456789012345", "123-456-789-012-345"],
    ["16 digits: a last group of one", "1234567890123456", "123-456-789-012-345-6"],
    ["grouped by 4 with spaces", "1234 5678 9012 345", "123-456-789-012-345"],
    ["already printed", "123-456-789-012-345", "123-456-789-012-345"],
    ["too short: as stored", "12345", "12345"],
    ["a letter: as stored, not guessed at", "12345678901234O", "12345678901234O"],
    ["empty", "", ""],
  ])("%s: %j → %j", (_name, input, printed) => {
    expect(printedPin(input)).toBe(printed);
  });

  fcTest.prop([typedPin])("any typing of a PIN prints the same digits grouped by 3, and printing is idempotent", (pin) => {
    const printed = printedPin(pin);
    expect(printed).toMatch(/^\d{3}(-\d{3}){4}(-\d)?$/);
    expect(printed.replace(/-/g, "")).toBe(pin.replace(/\D/g, ""));
    expect(printedPin(printed)).toBe(printed);
  });

  fcTest.prop([anyText], { numRuns: 300 })("never throws; masking the printed form keeps at most 3 characters in clear", (input) => {
    expect(clearCharacters(maskPin(printedPin(input)))).toBeLessThanOrEqual(3);
  });
});

describe("maskText — owner registration data (DOMAIN §1.1)", () => {
  test.each([
    ["a company name", "ООО «Северный ветер»", "О•••"],
    ["a tax id", "7714021937", "7•••"],
    ["leading blanks are skipped", "  Москва", "М•••"],
    ["one character", "д", "д•••"],
    ["empty stays empty", "", ""],
    ["blank stays blank", "   ", "   "],
    ["already masked", "О•••", "О•••"],
  ])("%s: %j → %j", (_name, input, masked) => {
    expect(maskText(input)).toBe(masked);
  });

  fcTest.prop([fc.string({ unit: "grapheme", maxLength: 80 })], { numRuns: 300 })("one clear character at most, the length not told, idempotent", (value) => {
    const masked = maskText(value);
    expect(maskText(masked)).toBe(masked);
    if (value.trim() === "") expect(masked).toBe(value);
    else expect(Array.from(masked)).toHaveLength(4);
  });
});
