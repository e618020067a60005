import fs from "node:fs";
import path from "node:path";

import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { formatRingInfo, formatRingListLine, MAX_RING_WARNINGS, parseRing, RingParseResultSchema, type RingField } from "@/lib/parsers/ring";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "..", "fixtures", "ring", name), "utf8");

/** No warning may carry a run of digits long enough to be (part of) a PIN or a registration number. */
const expectNoDigitRuns = (messages: string[]) => {
  for (const m of messages) expect(m).not.toMatch(/\d{5,}/);
};

describe("ring license list (DOMAIN §5.2)", () => {
  test("Russian locale, CRLF, a JVM notice and blank lines; registration numbers of 9, 10 and 12 digits; a 16-digit PIN", () => {
    const text = fixture("list-ru.txt");
    expect(text).toContain("\r\n");
    const r = parseRing(text);
    expect(r.licenses).toEqual([
      { pin: "209384756102938", regNumber: "8101234567", file: "20240115093012.lic" },
      { pin: "318475620193847", regNumber: "801234567", file: "20230301120000.lic" },
      { pin: "427561029384756", regNumber: "500001234567", file: "20250620081545.lic" },
      { pin: "5364718293041526", regNumber: "8109876543", file: "20240910170405.lic" },
      { pin: "645372819203948", regNumber: "8105550001" },
    ]);
    expect(r.warnings).toEqual([expect.objectContaining({ line: 1, code: "unrecognised-line" })]);
    expect(r.owner).toBeUndefined();
    expect(RingParseResultSchema.parse(r)).toEqual(r);
  });

  test("English locale: the (file name: …) tail, and a line without a tail", () => {
    const r = parseRing(fixture("list-en.txt"));
    expect(r.licenses).toEqual([
      { pin: "209384756102938", regNumber: "8101234567", file: "20240115093012.lic" },
      { pin: "318475620193847", regNumber: "801234567", file: "20230301120000.lic" },
      { pin: "427561029384756", regNumber: "500001234567" },
    ]);
    expect(r.warnings).toEqual([]);
  });

  test.each([
    ["9-digit registration number", "123456789012345-801234567", "801234567"],
    ["10-digit registration number", "123456789012345-8101234567", "8101234567"],
    ["11-digit registration number", "123456789012345-81012345678", "81012345678"],
    ["12-digit registration number", "123456789012345-500001234567", "500001234567"],
    ["a PIN grouped by 3 as people copy it", "123-456-789-012-345-8101234567", "8101234567"],
    ["leading spaces and a trailing dot", "   123456789012345-8101234567 (имя файла: \"20240115093012.lic\").", "8101234567"],
    ["upper-case tail keyword and guillemets", "123456789012345-8101234567 (Имя Файла: «20240115093012.lic»)", "8101234567"],
  ])("%s", (_name, line, regNumber) => {
    const r = parseRing(line);
    expect(r.licenses).toHaveLength(1);
    expect(r.licenses[0]).toMatchObject({ pin: "123456789012345", regNumber });
    expect(r.warnings).toEqual([]);
  });

  test.each([
    ["a 14-digit PIN", "12345678901234-8101234567", "malformed-license", /PIN part has 14 digits/],
    ["a 13-digit registration number", "123456789012345-8101234567890", "malformed-license", /registration number part has 13 digits/],
    ["an 8-digit registration number", "123456789012345-81012345 (имя файла: \"x.lic\")", "malformed-license", /registration number part has 8 digits/],
    ["no registration number", "123456789012345- (имя файла: \"x.lic\")", "malformed-license", /no registration number/],
    ["a PIN alone", "123456789012345", "malformed-license", /no registration number/],
    ["a grouped PIN with a 2-digit registration number", "123-456-789-012-345-81", "malformed-license", /registration number part has 2 digits/],
  ])("%s is a warning naming the line and the reason, never the digits", (_name, line, code, reason) => {
    const r = parseRing(`209384756102938-8101234567\r\n${line}\r\n`);
    expect(r.licenses).toEqual([{ pin: "209384756102938", regNumber: "8101234567" }]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ line: 2, code });
    expect(r.warnings[0].message).toMatch(reason);
    expect(r.warnings[0].message).toMatch(/^Line 2: /);
    expectNoDigitRuns(r.warnings.map((w) => w.message));
  });

  test("list, then info of the same license, broken lines and an exception: licenses de-duplicated, warnings without digits", () => {
    const r = parseRing(fixture("mixed-junk.txt"));
    expect(r.licenses).toEqual([{ pin: "209384756102938", regNumber: "8101234567", file: "20240115093012.lic" }]);
    expect(r.owner?.fields).toEqual([
      { field: "Компания", value: "ИП Иванов" },
      { field: "Город", value: "Тверь" },
    ]);
    expect(r.product).toEqual({ fields: [{ field: "Регистрационный номер", value: "8101234567" }], regNumber: "8101234567" });
    expect(r.warnings.map((w) => [w.line, w.code])).toEqual([
      [1, "unrecognised-line"],
      [3, "malformed-license"],
      [4, "malformed-license"],
      [12, "unrecognised-line"],
    ]);
    expectNoDigitRuns(r.warnings.map((w) => w.message));
  });
});

describe("ring license validate", () => {
  test("Russian success sentences: the license is extracted and marked valid, the file tail kept", () => {
    const r = parseRing(fixture("validate-ru.txt"));
    expect(r.licenses).toEqual([
      { pin: "209384756102938", regNumber: "8101234567", valid: true },
      { pin: "427561029384756", regNumber: "500001234567", file: "20250620081545.lic", valid: true },
    ]);
    expect(r.warnings).toEqual([]);
  });

  test("English success sentences, the license in quotes", () => {
    const r = parseRing(fixture("validate-en.txt"));
    expect(r.licenses).toEqual([
      { pin: "209384756102938", regNumber: "8101234567", valid: true },
      { pin: "318475620193847", regNumber: "801234567", valid: true },
    ]);
  });

  test("a failed validation is kept as valid: false with a warning that does not quote the license", () => {
    const r = parseRing("Лицензия 209384756102938-8101234567 недействительна: изменилась конфигурация компьютера\n");
    expect(r.licenses).toEqual([{ pin: "209384756102938", regNumber: "8101234567", valid: false }]);
    expect(r.warnings).toEqual([expect.objectContaining({ line: 1, code: "validation-failed" })]);
    expectNoDigitRuns(r.warnings.map((w) => w.message));
  });

  test("list + validate of the same license merge into one entry", () => {
    const r = parseRing(`${fixture("list-en.txt")}${fixture("validate-en.txt")}`);
    expect(r.licenses[0]).toEqual({ pin: "209384756102938", regNumber: "8101234567", file: "20240115093012.lic", valid: true });
    expect(r.licenses).toHaveLength(3);
  });
});

describe("ring license info — owner data verbatim (DOMAIN §1.1)", () => {
  test("Russian: every owner field in order, character for character (ё, quotes, double spaces, empty and trailing-space values)", () => {
    const text = fixture("info-ru.txt");
    expect(text).toContain("\r\n");
    const r = parseRing(text);
    expect(r.owner?.fields).toEqual([
      { field: "Имя", value: "Пётр" },
      { field: "Отчество", value: "Семёнович" },
      { field: "Фамилия", value: "Ёлкин" },
      { field: "e-mail", value: "buh@romashka.example" },
      { field: "Компания", value: 'ООО  "Ромашка и К°"' },
      { field: "ИНН", value: "7701234567" },
      { field: "Страна", value: "Российская Федерация" },
      { field: "Индекс", value: "123456" },
      { field: "Регион/область", value: "Московская обл." },
      { field: "Район", value: "" },
      { field: "Город", value: "г. Королёв" },
      { field: "Улица", value: "ул. Лесная" },
      { field: "Дом", value: "5, корп. 2" },
      { field: "Квартира/офис", value: "оф. 12 " },
    ]);
    expect(r.product).toEqual({
      fields: [
        { field: "Дата комплектации", value: "15.01.2024" },
        { field: "Регистрационный номер", value: "8101234567" },
        { field: "Код продукта", value: "4601546041234" },
        { field: "Наименование продукта", value: "1С:Предприятие 8 ПРОФ. Клиентская лицензия на 5 рабочих мест" },
      ],
      regNumber: "8101234567",
    });
    expect(r.licenses).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  test("English, tab-indented: the same shape", () => {
    const r = parseRing(fixture("info-en.txt"));
    expect(r.owner?.fields.map((f) => f.field)).toEqual(["First name", "Middle name", "Last name", "E-mail", "Company", "Country", "Postal code", "Region", "City", "Street", "House"]);
    expect(r.owner?.fields.find((f) => f.field === "Company")?.value).toBe("Contoso, Ltd.  (HQ)");
    expect(r.owner?.fields.find((f) => f.field === "Middle name")?.value).toBe("");
    expect(r.owner?.fields.find((f) => f.field === "Street")?.value).toBe('"Old" Harbour Rd');
    expect(r.product?.regNumber).toBe("500001234567");
    expect(r.warnings).toEqual([]);
  });

  test("only `Key: ` goes: a value that starts with spaces or holds a colon keeps them", () => {
    const r = parseRing("Информация о пользователе:\n  Компания:   ООО \"Альфа: Бета\"\n  Улица:ул. Мира\n");
    expect(r.owner?.fields).toEqual([
      { field: "Компания", value: '  ООО "Альфа: Бета"' },
      { field: "Улица", value: "ул. Мира" },
    ]);
  });

  test("a line without a key inside the owner block is kept with an empty field name, with a warning", () => {
    const r = parseRing("Информация о пользователе:\n    Компания: ООО \"Очень длинное\n    название\"\n    Город: Омск\n");
    expect(r.owner?.fields).toEqual([
      { field: "Компания", value: 'ООО "Очень длинное' },
      { field: "", value: 'название"' },
      { field: "Город", value: "Омск" },
    ]);
    expect(r.warnings).toEqual([expect.objectContaining({ line: 3, code: "field-without-key" })]);
  });

  test("an unindented (flat) block: an empty field is a field, not a new section", () => {
    const r = parseRing("Информация о пользователе:\nИмя: Анна\nОтчество:\nФамилия: Ли\n");
    expect(r.owner?.fields).toEqual([
      { field: "Имя", value: "Анна" },
      { field: "Отчество", value: "" },
      { field: "Фамилия", value: "Ли" },
    ]);
    expect(r.warnings).toEqual([]);
  });

  test("an unknown section is skipped with one warning; a second owner block is not merged into the first", () => {
    const r = parseRing("Информация о пользователе:\n  Имя: А\nИнформация о ключе:\n  Серия: X\nИнформация о пользователе:\n  Имя: Б\n");
    expect(r.owner?.fields).toEqual([{ field: "Имя", value: "А" }]);
    expect(r.warnings.map((w) => [w.line, w.code])).toEqual([
      [3, "unknown-section"],
      [5, "second-block"],
    ]);
  });

  test("a registration number that is not 9–12 digits stays in the fields, with a warning", () => {
    const r = parseRing("Информация о продукте:\n  Регистрационный номер: 81-0123\n");
    expect(r.product).toEqual({ fields: [{ field: "Регистрационный номер", value: "81-0123" }] });
    expect(r.warnings).toEqual([expect.objectContaining({ line: 2, code: "bad-registration-number" })]);
  });
});

describe("parseRing — robustness", () => {
  test("empty, whitespace and a BOM", () => {
    expect(parseRing("")).toEqual({ licenses: [], warnings: [] });
    expect(parseRing(" \r\n\t\n")).toEqual({ licenses: [], warnings: [] });
    expect(parseRing("\ufeff123456789012345-8101234567").licenses).toHaveLength(1);
  });

  test("a pasted binary does not produce a flood of warnings", () => {
    const r = parseRing(Array.from({ length: 500 }, (_, i) => `junk ${i}`).join("\n"));
    expect(r.warnings).toHaveLength(MAX_RING_WARNINGS + 1);
    expect(r.warnings.at(-1)).toMatchObject({ code: "too-many-warnings", line: MAX_RING_WARNINGS + 1 });
  });

  test("a multi-megabyte line (a pasted binary, a run of digits) is one warning, not a regular-expression stack overflow", () => {
    for (const line of ["1".repeat(8 * 1024 * 1024), `${"1".repeat(4 * 1024 * 1024)}-${"2".repeat(1024)}`, "Информация о пользователе:\n  Имя: " + "я".repeat(1024 * 1024)]) {
      const r = parseRing(line);
      expect(r.licenses).toEqual([]);
      expect(r.warnings.at(-1)).toMatchObject({ code: "line-too-long" });
    }
  });

  fcTest.prop([fc.string({ unit: "binary", maxLength: 400 })])("never throws on arbitrary text, and the result fits its schema", (text) => {
    const r = parseRing(text);
    expect(RingParseResultSchema.safeParse(r).success).toBe(true);
  });

  const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });
  fcTest.prop([fc.string({ unit: fc.constantFrom(..."0123456789-() :\"абв\r\n"), maxLength: 200 })])("warnings never contain a run of five digits, whatever the line", (text) => {
    expectNoDigitRuns(parseRing(text).warnings.map((w) => w.message));
  });

  const license = fc.record(
    {
      pin: fc.oneof(digits(15, 15), digits(16, 16)),
      regNumber: digits(9, 12),
      file: fc.option(digits(14, 14).map((ts) => `${ts}.lic`), { nil: undefined }),
    },
    { requiredKeys: ["pin", "regNumber"] },
  );
  fcTest.prop([fc.uniqueArray(license, { selector: (l) => `${l.pin}-${l.regNumber}`, maxLength: 20 }), fc.constantFrom("ru", "en") as fc.Arbitrary<"ru" | "en">, fc.constantFrom("\n", "\r\n")])(
    "format → parse gives the list back (both locales, LF and CRLF)",
    (licenses, locale, eol) => {
      const text = licenses.map((l) => formatRingListLine(l, locale)).join(eol);
      const r = parseRing(text);
      expect(r.licenses).toEqual(licenses.map((l) => (l.file ? l : { pin: l.pin, regNumber: l.regNumber })));
      expect(r.warnings).toEqual([]);
    },
  );

  // Field names: no colon, no line break, no surrounding blanks, not a section title; values: anything on one line.
  const fieldName = fc
    .string({ minLength: 1, maxLength: 20 })
    .map((s) => s.replace(/[:\r\n\u2028\u2029]/g, "").trim())
    .filter((s) => s.length > 0 && !/^\s|\s$/.test(s));
  const value = fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ""));
  const fields = fc.array(fc.record({ field: fieldName, value }), { maxLength: 12 }) as fc.Arbitrary<RingField[]>;
  fcTest.prop([fields, fields, fc.constantFrom("ru", "en") as fc.Arbitrary<"ru" | "en">, fc.constantFrom("\n", "\r\n")])(
    "format → parse gives owner and product fields back verbatim",
    (ownerFields, productFields, locale, eol) => {
      const r = parseRing(formatRingInfo({ owner: { fields: ownerFields }, product: { fields: productFields } }, locale, eol));
      expect(r.owner?.fields).toEqual(ownerFields);
      expect(r.product?.fields).toEqual(productFields);
    },
  );
});
