import fs from "node:fs";
import path from "node:path";

import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { KIT_LEVELS, PIN_ROLES, type PinSet } from "@/lib/domain/enums";
import { newKitSchema, type NewKit, type NewKitInput } from "@/lib/inventory/api";
import { kitPinSets } from "@/lib/licensing/kit-shape";
import {
  formatKitsCsv,
  KITS_CSV_COLUMNS,
  KITS_CSV_TEMPLATE,
  KitsCsvErrorSchema,
  MAX_KITS_CSV_ERRORS,
  parseKitsCsv,
  type ImportedKit,
  type KitsCsvError,
  type KitsCsvKit,
} from "@/lib/parsers/kits-csv";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "..", "fixtures", "kits-csv", name), "utf8");

const HEADER = "regNumber,product,kind,level,seats,protection,serverBitness,owner,purchaseDate,price,currency,supplier,invoice,pinSet,pinRole,pinCode";
const csv = (...rows: string[]) => [HEADER, ...rows].join("\r\n") + "\r\n";

/** A valid 1-seat kit's three rows (§1.2: one main and two backup PINs). */
const ONE_SEAT = [
  "8101234567,Клиентская лицензия на 1 р.м.,client,PROF,1,software,,ООО Ромашка,2025-01-15,7800.00,RUB,,,single,main,209384756102938",
  "8101234567,Клиентская лицензия на 1 р.м.,client,PROF,1,software,,ООО Ромашка,2025-01-15,7800.00,RUB,,,single,backup,318475620193847",
  "8101234567,Клиентская лицензия на 1 р.м.,client,PROF,1,software,,ООО Ромашка,2025-01-15,7800.00,RUB,,,single,backup,427561029384756",
];

/** What a kit is, without the file positions. */
const bare = (kit: ImportedKit) => {
  const copy: Partial<ImportedKit> = { ...kit };
  delete copy.line;
  delete copy.pinLines;
  return copy;
};

/** No message may carry a run of digits long enough to be (part of) a PIN. */
const expectNoDigitRuns = (messages: string[]) => {
  for (const m of messages) expect(m).not.toMatch(/\d{5,}/);
};

const CYRILLIC = /[а-яё]/i;

/** Every error in both languages: `message` is the English text, the Russian is there and is Russian; neither carries a PIN's digits. */
const expectBilingual = (errors: KitsCsvError[]) => {
  for (const e of errors) {
    expect(e.text.en).toBe(e.message);
    expect(e.text.en.trim()).not.toBe("");
    expect(e.text.ru.trim()).not.toBe("");
    expect(e.text.ru).toMatch(CYRILLIC);
    expect(KitsCsvErrorSchema.parse(e)).toEqual(e);
  }
  expectNoDigitRuns(errors.flatMap((e) => [e.message, e.text.en, e.text.ru]));
};

describe("the template — DOMAIN §1.1–1.2", () => {
  test("§1.2 the template parses clean: a 1-seat kit with its main and two backup PINs, and a hardware-key kit (§1.1) as one row", () => {
    const r = parseKitsCsv(KITS_CSV_TEMPLATE);
    expect(r.errors).toEqual([]);
    expect(r.kits).toHaveLength(2);
    expect(r.kits[0]).toMatchObject({ regNumber: "8100000001", kind: "client", seats: 1, protection: "software", ownerName: "ООО «Пример»", priceMinor: 760000, line: 2, pinLines: [2, 3, 4] });
    expect(r.kits[0].pins).toEqual([
      { code: "000000000000001", set: "single", role: "main" },
      { code: "000000000000002", set: "single", role: "backup" },
      { code: "000000000000003", set: "single", role: "backup" },
    ]);
    expect(r.kits[1]).toMatchObject({ regNumber: "8100000002", protection: "hardware", seats: 5, pins: [], priceMinor: 3960000, line: 5, pinLines: [] });
    expect(KITS_CSV_TEMPLATE.split("\r\n")[0]).toBe(HEADER);
    // §1.2: the PINs are grouped by 3, so a spreadsheet keeps them as text.
    expect(KITS_CSV_TEMPLATE).toContain("000-000-000-000-001");
  });
});

describe("formatKitsCsv — the export", () => {
  const kit: KitsCsvKit = {
    regNumber: "8101234567",
    product: 'Клиентская лицензия на 5 р.м., "ПРОФ"',
    kind: "client",
    level: "PROF",
    seats: 5,
    protection: "software",
    serverBitness: null,
    ownerName: "=ООО «Ромашка»",
    purchaseDate: "2025-01-15",
    priceMinor: 3960005,
    currency: "RUB",
    supplier: null,
    invoice: "СЧ-17",
    pins: [
      { set: "multi", role: "main", code: "209384756102938" },
      { set: "single", role: "backup", code: "***-***-***-***-847" },
    ],
  };

  test("one row per PIN, price in major units, clear PINs grouped by 3, masked PINs as given, formula guard, CRLF", () => {
    expect(formatKitsCsv([kit, { ...kit, regNumber: "801234567", kind: "server", seats: 0, serverBitness: "64", protection: "hardware", pins: [], priceMinor: null, ownerName: null, invoice: undefined }])).toBe(
      [
        HEADER,
        `8101234567,"Клиентская лицензия на 5 р.м., ""ПРОФ""",client,PROF,5,software,,'=ООО «Ромашка»,2025-01-15,39600.05,RUB,,СЧ-17,multi,main,209-384-756-102-938`,
        `8101234567,"Клиентская лицензия на 5 р.м., ""ПРОФ""",client,PROF,5,software,,'=ООО «Ромашка»,2025-01-15,39600.05,RUB,,СЧ-17,single,backup,***-***-***-***-847`,
        `801234567,"Клиентская лицензия на 5 р.м., ""ПРОФ""",server,PROF,0,hardware,64,,2025-01-15,,RUB,,,,,`,
        "",
      ].join("\r\n"),
    );
  });

  test("the Russian header uses the labels the import accepts", () => {
    const text = formatKitsCsv([kit], { header: "ru" });
    expect(text.split("\r\n")[0]).toBe(KITS_CSV_COLUMNS.map((c) => c.ru).join(","));
    const clear = parseKitsCsv(formatKitsCsv([{ ...kit, pins: [kit.pins[0]] }], { header: "ru" }));
    expect(clear.errors).toEqual([]);
    expect(clear.kits[0]).toMatchObject({ ownerName: "=ООО «Ромашка»", priceMinor: 3960005, pins: [{ code: "209384756102938", set: "multi", role: "main" }] });
  });
});

describe("parseKitsCsv — reading what spreadsheets write", () => {
  test("Russian Excel: BOM, `;`, CRLF, Russian headers in another order, «» and `;` inside quotes, 7 800,00, DD.MM.YYYY, dashed PINs, blank rows, kit columns filled once", () => {
    const text = fixture("excel-ru.csv");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain("\r\n");
    const r = parseKitsCsv(text);
    expect(r.errors).toEqual([]);
    expect(r.kits.map((k) => [k.regNumber, k.line, k.pinLines])).toEqual([
      ["8101234567", 2, [2, 3, 4]],
      ["801234567", 7, [7]],
      ["500001234567", 8, []],
    ]);
    expect(r.kits[0]).toMatchObject({
      product: "1С:Предприятие 8. Клиентская лицензия на 1 р.м.; «ПРОФ»",
      kind: "client",
      level: "PROF",
      seats: 1,
      protection: "software",
      ownerName: "ООО «Северный ветер»",
      ownerId: null,
      purchaseDate: "2025-01-15",
      priceMinor: 780000,
      currency: "RUB",
      supplier: 'ООО "Софт-Сервис"',
      invoice: "СЧ-17",
      pins: [
        { code: "209384756102938", set: "single", role: "main" },
        { code: "318475620193847", set: "single", role: "backup" },
        { code: "427561029384756", set: "single", role: "backup" },
      ],
    });
    expect(r.kits[1]).toMatchObject({ kind: "server", seats: 0, serverBitness: "64", priceMinor: 8640000, pins: [{ code: "536471829304152", set: "single", role: "main" }] });
    expect(r.kits[2]).toMatchObject({ kind: "client", seats: 5, protection: "hardware", level: "PROF", currency: "RUB", ownerName: null, purchaseDate: null, priceMinor: 3960000, supplier: null, pins: [] });
  });

  test.each([
    ["LF line ends", (t: string) => t.replace(/\r\n/g, "\n")],
    ["CR line ends", (t: string) => t.replace(/\r\n/g, "\r")],
    ["an Excel sep=; first line", (t: string) => `sep=;\r\n${t.replace(/^\uFEFF/, "").replace(/,/g, ";")}`],
    ["tab-separated", (t: string) => t.replace(/,/g, "\t")],
    ["upper-case header keys", (t: string) => t.replace(HEADER, HEADER.toUpperCase())],
    ["a trailing empty column (Excel's extra delimiter)", (t: string) => t.replace(/\r\n/g, ",\r\n")],
    ["blank lines between and after rows", (t: string) => t.replace(/\r\n/g, "\r\n\r\n")],
  ])("RFC 4180: %s", (_name, change) => {
    const r = parseKitsCsv(change(csv(...ONE_SEAT)));
    expect(r.errors).toEqual([]);
    expect(r.kits).toHaveLength(1);
    expect(r.kits[0].pins.map((p) => p.code)).toEqual(["209384756102938", "318475620193847", "427561029384756"]);
  });

  test("a quoted value spanning lines counts its lines: the next row's line number is right", () => {
    const r = parseKitsCsv(csv(`8101234567,"Лицензия\r\nна 1 р.м.",client,PROF,1,software,,,,,,,,single,main,209384756102938`, "801234567,Сервер,server,PROF,0,software,64,,,,,,,single,main,123"));
    expect(r.errors).toEqual([{ line: 4, column: "pinCode", message: "a PIN has 15 or 16 digits, 3 found", text: { en: "a PIN has 15 or 16 digits, 3 found", ru: "в ПИН-коде 15 или 16 цифр, а найдено: 3" } }]);
  });

  test("multiOnlyMinSeats is the admin's setting (§1.2 [M]): a 50-seat kit's single-user PIN is refused at 50, accepted when the rule is off", () => {
    const text = csv("8101234567,Лицензия на 50 р.м.,client,PROF,50,software,,,,,,,,single,main,209384756102938");
    expect(parseKitsCsv(text).errors).toEqual([
      { line: 2, column: "pinSet", message: "a 50-seat kit holds multi-user PINs only", text: { en: "a 50-seat kit holds multi-user PINs only", ru: "в комплекте на 50 мест бывают только многопользовательские ПИН-коды" } },
    ]);
    expect(parseKitsCsv(text, { multiOnlyMinSeats: null }).errors).toEqual([]);
  });
});

describe("parseKitsCsv — every bad row named by line, column and rule", () => {
  const K = "Клиентская лицензия на 1 р.м.";
  test.each<[string, string, Array<{ line: number; column: string | null; message: RegExp }>]>([
    ["§1.2 a PIN of 14 digits", csv(`8101234567,${K},client,PROF,1,software,,,,,,,,single,main,209-384-756-102-93`), [{ line: 2, column: "pinCode", message: /^a PIN has 15 or 16 digits, 14 found$/ }]],
    ["§1.2 a letter in a PIN (O for 0)", csv(`8101234567,${K},client,PROF,1,software,,,,,,,,single,main,2O9384756102938`), [{ line: 2, column: "pinCode", message: /a letter was found/ }]],
    [
      "§1.2 a multi-user PIN on a 1-seat kit",
      csv(ONE_SEAT[0], `8101234567,${K},client,PROF,1,software,,,,,,,,multi,additional,536471829304152`),
      [{ line: 3, column: "pinSet", message: /^a 1-seat kit holds single-user PINs only$/ }],
    ],
    [
      "rows of one kit disagreeing on the product and the seats",
      csv(ONE_SEAT[0], ONE_SEAT[1].replace("на 1 р.м.", "на 5 р.м."), ONE_SEAT[2].replace(",1,software", ",5,software")),
      [
        { line: 3, column: "product", message: /^differs from line 2: every row of a kit \(same registration number\) must agree on product$/ },
        { line: 4, column: "seats", message: /^differs from line 2/ },
      ],
    ],
    ["§1.2 the same PIN twice in one kit", csv(ONE_SEAT[0], ONE_SEAT[1], ONE_SEAT[2].replace("427561029384756", "209-384-756-102-938")), [{ line: 4, column: "pinCode", message: /^the same PIN is already on line 2$/ }]],
    [
      "§1.2 the same PIN in two kits",
      csv(ONE_SEAT[0], `801234567,${K},client,PROF,1,software,,,,,,,,single,main,209 384 756 102 938`),
      [{ line: 3, column: "pinCode", message: /^the same PIN is already on line 2, with another registration number/ }],
    ],
    ["§1.1 a hardware-key kit with a PIN", csv(`8101234567,USB-ключ на 5 р.м.,client,PROF,5,hardware,,,,,,,,single,main,209384756102938`), [{ line: 2, column: "pinCode", message: /^a hardware-key kit has no PINs$/ }]],
    ["§1.1 a registration number of 8 digits", csv(`81012345,${K},client,PROF,1,software,,,,,,,,,,`), [{ line: 2, column: "regNumber", message: /9 to 12 digits/ }]],
    ["§1.1 a server license with client seats", csv(`801234567,Лицензия на сервер,server,PROF,5,software,64,,,,,,,,,`), [{ line: 2, column: "seats", message: /server license grants no client seats/ }]],
    ["§1.1 a client kit with a bitness", csv(`801234567,${K},client,PROF,1,software,64,,,,,,,,,`), [{ line: 2, column: "serverBitness", message: /only a server license has a bitness/ }]],
    ["an unknown kind", csv(`8101234567,${K},desktop,PROF,1,software,,,,,,,,,,`), [{ line: 2, column: "kind", message: /^must be one of basic, client, server$/ }]],
    ["seats not a number", csv(`8101234567,${K},client,PROF,пять,software,,,,,,,,,,`), [{ line: 2, column: "seats", message: /whole number of seats/ }]],
    ["a product left empty", csv(`8101234567,,client,PROF,1,software,,,,,,,,,,`), [{ line: 2, column: "product", message: /is required/ }]],
    ["an impossible date", csv(`8101234567,${K},client,PROF,1,software,,,2025-02-30,,,,,,,`), [{ line: 2, column: "purchaseDate", message: /YYYY-MM-DD/ }]],
    ["a price with 3 decimals", csv(`8101234567,${K},client,PROF,1,software,,,,7800.001,,,,,,`), [{ line: 2, column: "price", message: /more than 2 decimal places/ }]],
    ["a price with the currency in it", csv(`8101234567,${K},client,PROF,1,software,,,,7 800 руб.,,,,,,`), [{ line: 2, column: "price", message: /major units/ }]],
    ["a negative price (the API's money rule)", csv(`8101234567,${K},client,PROF,1,software,,,,-1.00,,,,,,`), [{ line: 2, column: "price", message: /^must be 0 or more$/ }]],
    ["a currency that is not a code", csv(`8101234567,${K},client,PROF,1,software,,,,1.00,рубли,,,,,`), [{ line: 2, column: "currency", message: /three-letter currency code/ }]],
    ["a PIN without its role", csv(`8101234567,${K},client,PROF,1,software,,,,,,,,single,,209384756102938`), [{ line: 2, column: "pinRole", message: /^must be one of main, backup, additional$/ }]],
    ["a PIN the spreadsheet turned into 2.09E+14", csv(`8101234567,${K},client,PROF,1,software,,,,,,,,single,main,2.09385E+14`), [{ line: 2, column: "pinCode", message: /1\.23E\+14/ }]],
    ["a masked PIN from an export with PINs hidden", csv(`8101234567,${K},client,PROF,1,software,,,,,,,,single,main,***-***-***-***-938`), [{ line: 2, column: "pinCode", message: /masked/ }]],
    [
      "an unknown column (an error: a misspelt supplier would be lost silently)",
      `${HEADER},suplier\r\n8101234567,${K},client,PROF,1,software,,,,,,,,,,,Софт\r\n`,
      [{ line: 1, column: "suplier", message: /^unknown column; the columns are regNumber, product/ }],
    ],
    [
      "required columns missing from the header: reported once, on line 1, not on every row",
      `regNumber,product,kind\r\n8101234567,${K},client\r\n801234567,${K},client\r\n`,
      [
        { line: 1, column: "seats", message: /^required column is missing from the header$/ },
        { line: 1, column: "protection", message: /^required column is missing/ },
      ],
    ],
    ["a PIN column without the other two", `regNumber,product,kind,seats,protection,pinCode\r\n8101234567,${K},client,1,software,209384756102938\r\n`, [
      { line: 1, column: "pinSet", message: /missing/ },
      { line: 1, column: "pinRole", message: /missing/ },
    ]],
    ["a column named twice", `regNumber,product,kind,seats,protection,Продукт\r\n8101234567,${K},client,1,software,x\r\n`, [{ line: 1, column: "Продукт", message: /^a second product column; the first is column 2$/ }]],
    [
      "more cells than the header (a comma in an unquoted product): one error for the row, not one per shifted cell",
      csv(`8101234567,Лицензия на 1 р.м., ПРОФ,client,PROF,1,software,,,,,,,,single,main,209384756102938`),
      [{ line: 2, column: null, message: /more cells than the header/ }],
    ],
    ["a value under an empty header", `regNumber,product,kind,seats,protection,\r\n8101234567,${K},client,1,software,x\r\n`, [{ line: 2, column: null, message: /column 6, which has no header/ }]],
    ["an unclosed quote", csv(`8101234567,"${K},client,PROF,1,software,,,,,,,,,,`), [{ line: 2, column: null, message: /quoted field is not closed/ }]],
    ["an empty file", "\uFEFF\r\n\r\n", [{ line: 1, column: null, message: /the file is empty/ }]],
  ])("%s", (_name, text, expected) => {
    const r = parseKitsCsv(text);
    expect(r.kits).toEqual([]);
    expect(r.errors).toEqual(expected.map((e) => ({ line: e.line, column: e.column, message: expect.stringMatching(e.message), text: { en: expect.stringMatching(e.message), ru: expect.stringMatching(CYRILLIC) } })));
    expectBilingual(r.errors);
  });

  test.each<[string, string, string]>([
    ["a PIN of 14 digits", csv(`8101234567,${K},client,PROF,1,software,,,,,,,,single,main,209-384-756-102-93`), "в ПИН-коде 15 или 16 цифр, а найдено: 14"],
    ["a letter in a PIN", csv(`8101234567,${K},client,PROF,1,software,,,,,,,,single,main,2O9384756102938`), "в ПИН-коде только цифры, а найдена буква (O вместо 0? l вместо 1?)"],
    ["a multi-user PIN on a 1-seat kit", csv(ONE_SEAT[0], `8101234567,${K},client,PROF,1,software,,,,,,,,multi,additional,536471829304152`), "в комплекте на 1 место бывают только однопользовательские ПИН-коды"],
    ["a multi-user PIN on a server license", csv(`801234567,Сервер,server,PROF,0,software,64,,,,,,,multi,main,209384756102938`), "в серверной лицензии бывают только однопользовательские ПИН-коды"],
    ["the same PIN twice in one kit", csv(ONE_SEAT[0], ONE_SEAT[1], ONE_SEAT[2].replace("427561029384756", "209-384-756-102-938")), "этот ПИН-код уже есть в строке 2: каждый ПИН-код записывается в комплекте один раз"],
    ["a hardware-key kit with a PIN", csv(`8101234567,USB-ключ на 5 р.м.,client,PROF,5,hardware,,,,,,,,single,main,209384756102938`), "у комплекта с аппаратным ключом нет ПИН-кодов: оставьте столбцы ПИН-кодов пустыми"],
    ["a registration number of 8 digits", csv(`81012345,${K},client,PROF,1,software,,,,,,,,,,`), "регистрационный номер состоит из 9–12 цифр"],
    ["an unknown kind", csv(`8101234567,${K},desktop,PROF,1,software,,,,,,,,,,`), "допустимые значения: basic, client, server (по-русски: базовая, клиентская, серверная)"],
    ["a set word not known", csv(`8101234567,${K},client,PROF,1,software,,,,,,,,один,main,209384756102938`), "допустимые значения: single, multi (по-русски: однопользовательский, многопользовательский)"],
    ["a product left empty", csv(`8101234567,,client,PROF,1,software,,,,,,,,,,`), "не заполнено обязательное поле «Продукт»"],
    ["a required column missing", `regNumber,product,kind,protection\r\n8101234567,${K},client,software\r\n`, "в заголовке нет обязательного столбца «Мест»"],
    ["rows of one kit disagreeing", csv(ONE_SEAT[0], ONE_SEAT[1].replace("на 1 р.м.", "на 5 р.м."), ONE_SEAT[2]), "отличается от строки 2: у всех строк комплекта (с одним регистрационным номером) столбец «Продукт» должен совпадать"],
  ])("the Russian text of %s reads as Russian, not as a column's generic rule", (_name, text, ru) => {
    const r = parseKitsCsv(text);
    expect(r.errors.map((e) => e.text.ru)).toEqual([ru]);
    expectBilingual(r.errors);
  });

  test("every error of the file is reported, sorted by line — nothing stops at the first", () => {
    const r = parseKitsCsv(
      csv(
        `8101234567,${"Лицензия"},client,PROF,1,software,,,,7800.001,,,,single,main,209384756102938`,
        `8101234567,${"Лицензия"},client,PROF,1,software,,,,,,,,multi,main,1234`,
        `81012345,Лицензия,client,PROF,1,software,,,,,,,,,,`,
        `801234567,Сервер,server,PROF,5,software,64,,,,,,,,,`,
        `500001234567,Лицензия,client,PROF,1,software,,,1.02.2025,,,,,,,`,
      ),
    );
    expect(r.kits).toEqual([]);
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "price"],
      [3, "pinSet"],
      [3, "pinCode"],
      [4, "regNumber"],
      [5, "seats"],
      [6, "purchaseDate"],
    ]);
    expectBilingual(r.errors);
  });

  test(`a file of thousands of bad rows gives ${MAX_KITS_CSV_ERRORS} errors and one that counts the rest`, () => {
    const rows = Array.from({ length: MAX_KITS_CSV_ERRORS + 20 }, (_, i) => `${800000000 + i},Лицензия,client,PROF,1,software,,,,,,,,single,main,1`);
    const r = parseKitsCsv(csv(...rows));
    expect(r.errors).toHaveLength(MAX_KITS_CSV_ERRORS + 1);
    expect(r.errors.at(-1)).toEqual({
      line: MAX_KITS_CSV_ERRORS + 2,
      column: null,
      message: "20 more errors from this line on were left out",
      text: { en: "20 more errors from this line on were left out", ru: "ещё 20 ошибок, начиная с этой строки, не показаны" },
    });
    expectBilingual(r.errors);
  });

  const pinCell = fc.string({ unit: fc.constantFrom(..."0123456789- Oo*•E+.,;\""), maxLength: 24 });
  fcTest.prop([fc.array(pinCell, { minLength: 1, maxLength: 6 })])("no error message ever carries a PIN's digits, whatever the PIN cells hold", (cells) => {
    const rows = cells.map((c) => `8101234567,Лицензия,client,PROF,1,software,,,,,,,,single,backup,"${c.replace(/"/g, '""')}"`);
    const r = parseKitsCsv(csv(...rows));
    expectNoDigitRuns(r.errors.map((e) => e.message));
    expectNoDigitRuns(r.errors.map((e) => e.text.ru));
    expectBilingual(r.errors);
    for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(2);
  });
});

describe("round trip — parsing what the export printed gives the kits back", () => {
  const digits = (n: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });
  // Commas, semicolons, quotes, line breaks, «», ё, leading = + - @ (the formula guard); no leading apostrophe (see the module comment).
  const text = (max: number) =>
    fc.string({ unit: fc.constantFrom(..."aZ Яё1,;\"«»\r\n\t=+-@#"), minLength: 1, maxLength: max }).filter((s) => s.trim() !== "");
  const optional = (max: number) => fc.option(text(max), { nil: null });
  const date = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  const kitShape = fc.oneof(
    fc.record({ kind: fc.constant("server" as const), seats: fc.constant(0), serverBitness: fc.constantFrom("32" as const, "64" as const) }),
    fc.record({ kind: fc.constantFrom("basic" as const, "client" as const), seats: fc.constantFrom(1, 5, 10, 20, 50, 100, 500), serverBitness: fc.constant(null) }),
  );
  const kitInput = fc
    .record({
      shape: kitShape,
      protection: fc.constantFrom("software" as const, "hardware" as const),
      product: text(40),
      level: fc.constantFrom(...KIT_LEVELS),
      ownerName: optional(20),
      purchaseDate: fc.option(date, { nil: null }),
      priceMinor: fc.option(fc.integer({ min: 0, max: 10_000_000_000 }), { nil: null }),
      currency: fc.constantFrom("RUB", "usd", "EUR"),
      supplier: optional(20),
      invoice: optional(20),
      pins: fc.array(fc.record({ set: fc.nat(), role: fc.constantFrom(...PIN_ROLES), code: fc.oneof(digits(15), digits(16)) }), { maxLength: 4 }),
    })
    .map(({ shape, pins, ...rest }) => {
      const sets: PinSet[] = kitPinSets({ ...shape, protection: rest.protection }, 50);
      return { ...rest, ...shape, pins: sets.length === 0 ? [] : pins.map((p) => ({ ...p, set: sets[p.set % sets.length] })) };
    });
  const kits = fc
    .uniqueArray(fc.record({ regNumber: fc.integer({ min: 9, max: 12 }).chain(digits), kit: kitInput }), { selector: (k) => k.regNumber, maxLength: 6 })
    // §1.2: a PIN belongs to one kit — codes unique across the file.
    .filter((ks) => {
      const codes = ks.flatMap((k) => k.kit.pins.map((p) => p.code));
      return new Set(codes).size === codes.length;
    });

  fcTest.prop([kits, fc.constantFrom("keys" as const, "ru" as const)])("formatKitsCsv → parseKitsCsv is the identity on valid kits", (generated, header) => {
    const schema = newKitSchema(50);
    const expected = generated.map(({ regNumber, kit }) => {
      const { ownerName, ...input } = kit;
      return { kit: schema.parse({ ...input, regNumber } satisfies NewKitInput) as NewKit, ownerName: ownerName === null ? null : ownerName.trim() };
    });
    const printed = formatKitsCsv(
      expected.map(({ kit, ownerName }) => ({ ...kit, ownerName, pins: kit.pins })),
      { header },
    );
    const r = parseKitsCsv(printed);
    expect(r.errors).toEqual([]);
    expect(r.kits.map(bare)).toEqual(expected.map(({ kit, ownerName }) => ({ ...kit, ownerName })));
  });
});
