import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { AppError } from "@/lib/errors";
import { quotePosix, quoteWindows, ringActivateCommand, ringOptionForField, type RingActivateInput } from "@/lib/licensing/ring-command";

/**
 * A tiny POSIX shell word splitter: blanks separate words, `'…'` is literal, `\x` outside quotes is x and
 * `\`+newline is a line continuation. Enough for what ringActivateCommand prints (no $, no double quotes).
 */
function posixWords(command: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i];
    if (ch === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw new Error("unterminated single quote");
      word = (word ?? "") + command.slice(i + 1, end);
      i = end;
    } else if (ch === "\\") {
      const next = command[i + 1];
      if (next === undefined) throw new Error("dangling backslash");
      i += 1;
      if (next !== "\n") word = (word ?? "") + next;
    } else if (ch === " " || ch === "\t" || ch === "\n") {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? "") + ch;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/**
 * The C runtime's (and the Java launcher's) splitting of one Windows command line, for lines without cmd.exe
 * metacharacters: 2n backslashes + `"` → n backslashes and a quote toggle, 2n+1 → n and a literal `"`.
 */
function windowsWords(command: string): string[] {
  const line = command.replace(/ \^\n/g, " ");
  const words: string[] = [];
  let word: string | null = null;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "\\") {
      let n = 0;
      while (line[i] === "\\") {
        n += 1;
        i += 1;
      }
      if (line[i] === '"') {
        word = (word ?? "") + "\\".repeat(Math.floor(n / 2));
        if (n % 2 === 1) word += '"';
        else quoted = !quoted;
      } else {
        word = (word ?? "") + "\\".repeat(n);
        i -= 1;
      }
    } else if (ch === '"') {
      word = word ?? "";
      quoted = !quoted;
    } else if (!quoted && (ch === " " || ch === "\t")) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? "") + ch;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** The value the command gives an option. */
const valueOf = (words: string[], option: string) => {
  const at = words.indexOf(option);
  return at < 0 ? undefined : words[at + 1];
};

const RU_OWNER: RingActivateInput["owner"] = [
  { field: "Имя", value: "Пётр" },
  { field: "Отчество", value: "Семёнович" },
  { field: "Фамилия", value: "Ёлкин" },
  { field: "e-mail", value: "buh@severny-veter.example" },
  { field: "Компания", value: "ООО «Северный ветер»" },
  { field: "ИНН", value: "7701234567" },
  { field: "Страна", value: "Российская Федерация" },
  { field: "Индекс", value: "123456" },
  { field: "Регион/область", value: "Московская обл." },
  { field: "Район", value: "" },
  { field: "Город", value: "г. Королёв" },
  { field: "Улица", value: "ул. Лесная" },
  { field: "Дом", value: "5" },
  { field: "Корпус/Строение", value: "2" },
  { field: "Квартира/офис", value: "оф. 12 " },
];

const FIRST: RingActivateInput = { regNumber: "8101234567", pin: "209-384-756-102-938", owner: RU_OWNER, path: "/var/1C/licenses" };

describe("ring license activate — DOMAIN §5.2 [M]", () => {
  test("§5.2 linux: Russian owner data from ring license info, one option per line, values verbatim (§1.1)", () => {
    const r = ringActivateCommand(FIRST, "linux");
    expect(r.command).toBe(
      [
        "ring license activate \\",
        "  --serial 8101234567 \\",
        "  --pin 209384756102938 \\",
        "  --first-name 'Пётр' \\",
        "  --middle-name 'Семёнович' \\",
        "  --last-name 'Ёлкин' \\",
        "  --email buh@severny-veter.example \\",
        "  --company 'ООО «Северный ветер»' \\",
        "  --country 'Российская Федерация' \\",
        "  --zip-code 123456 \\",
        "  --region 'Московская обл.' \\",
        "  --town 'г. Королёв' \\",
        "  --street 'ул. Лесная' \\",
        "  --house 5 \\",
        "  --building 2 \\",
        "  --path /var/1C/licenses \\",
        "  --send-statistics false",
      ].join("\n"),
    );
    expect(r.unmapped).toEqual(["ИНН", "Район", "Квартира/офис"]);
    expect(r.missing).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.options.map((o) => [o.option, o.from])).toEqual([
      ["--first-name", "Имя"],
      ["--middle-name", "Отчество"],
      ["--last-name", "Фамилия"],
      ["--email", "e-mail"],
      ["--company", "Компания"],
      ["--country", "Страна"],
      ["--zip-code", "Индекс"],
      ["--region", "Регион/область"],
      ["--town", "Город"],
      ["--street", "Улица"],
      ["--house", "Дом"],
      ["--building", "Корпус/Строение"],
    ]);
  });

  test("§5.2 windows: cmd.exe, double quotes, ^ continuations, a path with %ProgramData% left for cmd to expand (§1.5)", () => {
    const r = ringActivateCommand({ ...FIRST, path: "%ProgramData%\\1C\\licenses\\" }, "windows");
    expect(r.command).toBe(
      [
        "ring license activate ^",
        "  --serial 8101234567 ^",
        "  --pin 209384756102938 ^",
        '  --first-name "Пётр" ^',
        '  --middle-name "Семёнович" ^',
        '  --last-name "Ёлкин" ^',
        '  --email "buh@severny-veter.example" ^',
        '  --company "ООО «Северный ветер»" ^',
        '  --country "Российская Федерация" ^',
        '  --zip-code "123456" ^',
        '  --region "Московская обл." ^',
        '  --town "г. Королёв" ^',
        '  --street "ул. Лесная" ^',
        '  --house "5" ^',
        '  --building "2" ^',
        // A trailing backslash is doubled, or the C runtime would read \" as a quote inside the value.
        '  --path "%ProgramData%\\1C\\licenses\\\\" ^',
        "  --send-statistics false",
      ].join("\n"),
    );
    expect(windowsWords(r.command)).toContain("%ProgramData%\\1C\\licenses\\");
    // Only the code-page note: no %, ! or " in the owner values.
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0].en).toMatch(/code page/);
  });

  test.each([
    ["linux" as const, "\\"],
    ["windows" as const, "^"],
  ])("§1.3 recovery on changed hardware (%s): --previous-pin names the PIN being replaced, both as digits", (shell, cont) => {
    const r = ringActivateCommand({ ...FIRST, pin: "318 475 620 193 847", previousPin: "209-384-756-102-938" }, shell);
    const lines = r.command.split("\n");
    expect(lines.slice(0, 4)).toEqual([`ring license activate ${cont}`, `  --serial 8101234567 ${cont}`, `  --pin 318475620193847 ${cont}`, `  --previous-pin 209384756102938 ${cont}`]);
    expect(lines.at(-1)).toBe("  --send-statistics false");
  });

  test.each([
    ["8 (495) 123-45-67", "'8 (495) 123-45-67'"],
    ["=ООО", "'=ООО'"],
    ["a=b", "'a=b'"],
    ["$HOME `id` *", "'$HOME `id` *'"],
    ["O'Brien", "'O'\\''Brien'"],
    ["", "''"],
    ["buh@example.com", "buh@example.com"],
    ["123456", "123456"],
  ])("linux quoting: %j → %s", (value, quoted) => {
    expect(quotePosix(value)).toBe(quoted);
  });

  test("§5.2 a short command stays on one line", () => {
    const r = ringActivateCommand({ regNumber: "801234567", pin: "123456789012345", owner: [{ field: "Company", value: "Acme" }] }, "linux");
    expect(r.command).toBe("ring license activate --serial 801234567 --pin 123456789012345 --company Acme --send-statistics false");
  });

  test("§5.2 ring 0.19 English field names map to the same options; Description has none", () => {
    const owner = [
      { field: "First name", value: "Peter" },
      { field: "Middle name", value: "S." },
      { field: "Last name", value: "O'Brien" },
      { field: "Email", value: "p.obrien@example.com" },
      { field: "Company", value: 'Acme "North Wind" Ltd' },
      { field: "Country", value: "Ireland" },
      { field: "ZIP code", value: "D02 X285" },
      { field: "Region", value: "Leinster" },
      { field: "Town", value: "Dublin" },
      { field: "Street", value: "O'Connell St" },
      { field: "House", value: "12" },
      { field: "Building", value: "B" },
      { field: "Description", value: "HQ" },
    ];
    const r = ringActivateCommand({ ...FIRST, owner }, "linux");
    expect(r.unmapped).toEqual(["Description"]);
    expect(r.command).toContain("--last-name 'O'\\''Brien'");
    expect(r.command).toContain(`--company 'Acme "North Wind" Ltd'`);
    const words = posixWords(r.command);
    for (const { field, value } of owner.slice(0, 12)) expect(valueOf(words, ringOptionForField(field)!)).toBe(value);
  });

  test.each([
    ["E-mail", "--email"],
    ["e-mail", "--email"],
    ["Email", "--email"],
    ["EMAIL:", "--email"],
    ["Регион / область", "--region"],
    ["Регион/область:", "--region"],
    ["  Фамилия  ", "--last-name"],
    ["ФАМИЛИЯ", "--last-name"],
    ["Организация", "--company"],
    ["Населенный пункт", "--town"],
    ["Zip Code", "--zip-code"],
    ["Корпус / строение", "--building"],
    ["ИНН", null],
    ["Район", null],
    ["Квартира/офис", null],
    ["Description", null],
    ["", null],
  ])("§5.2 the field label %j maps to %s (case, spaces, hyphens, ё and trailing colons do not matter)", (field, option) => {
    expect(ringOptionForField(field)).toBe(option);
  });

  test("§1.1 values are passed verbatim: leading, trailing and double spaces, ё, «», an empty value", () => {
    const owner = [
      { field: "Компания", value: ' ООО  "Ромашка и К°" ' },
      { field: "Дом", value: "" },
      { field: "Улица", value: "пр-т Мира,\tд. 1" },
    ];
    for (const shell of ["linux", "windows"] as const) {
      const r = ringActivateCommand({ ...FIRST, owner }, shell);
      const words = shell === "linux" ? posixWords(r.command) : windowsWords(r.command);
      expect(valueOf(words, "--company")).toBe(' ООО  "Ромашка и К°" ');
      expect(valueOf(words, "--house")).toBe("");
      expect(valueOf(words, "--street")).toBe("пр-т Мира,\tд. 1");
      expect(r.options.find((o) => o.option === "--company")?.value).toBe(' ООО  "Ромашка и К°" ');
    }
  });

  test.each([
    ["a double quote", "Компания", 'ООО "Ромашка"', /contains "/],
    ["a percent sign", "Улица", "ул. 50%-я", /contains %/],
    ["an exclamation mark", "Компания", "Ура!", /contains !/],
    ["a line break", "Улица", "ул. Лесная\nд. 5", /contains line break/],
  ])("§5.2 windows: %s in an owner value is a warning naming the field, never the value", (_name, field, value, reason) => {
    const r = ringActivateCommand({ ...FIRST, owner: [{ field, value }] }, "windows");
    const hazard = r.warnings.filter((w) => w.en.includes(`"${field}"`));
    expect(hazard).toHaveLength(1);
    expect(hazard[0].en).toMatch(reason);
    expect(hazard[0].ru).toContain(`«${field}»`);
    for (const w of r.warnings) {
      expect(w.en).not.toContain(value);
      expect(w.ru).not.toContain(value);
    }
    expect(ringActivateCommand({ ...FIRST, owner: [{ field, value }] }, "linux").warnings).toEqual([]);
  });

  test("§5.2 windows: an apostrophe needs no warning; a quote is written \\\" and survives the C runtime's splitting", () => {
    const r = ringActivateCommand({ ...FIRST, owner: [{ field: "Фамилия", value: "O'Brien" }, { field: "Компания", value: 'ООО "Ромашка"' }] }, "windows");
    expect(r.command).toContain(`--last-name "O'Brien"`);
    expect(r.command).toContain(`--company "ООО \\"Ромашка\\""`);
    expect(valueOf(windowsWords(r.command), "--company")).toBe('ООО "Ромашка"');
  });

  test.each([
    ["no path", null],
    ["a blank path", "   "],
    ["no path at all", undefined],
  ])("§1.5 %s: --path is left out and reported missing, never a placeholder", (_name, path) => {
    for (const shell of ["linux", "windows"] as const) {
      const r = ringActivateCommand({ ...FIRST, path }, shell);
      expect(r.missing).toEqual(["--path"]);
      expect(r.command).not.toContain("--path");
      expect(r.command).not.toMatch(/[<>]/);
    }
  });

  test.each([
    ["~/.1cv8/1C/1cv8/conf", "--path ~/.1cv8/1C/1cv8/conf"],
    ["~usr1cv8/.1cv8/1C/1cv8/conf", "--path ~usr1cv8/.1cv8/1C/1cv8/conf"],
    ["/home/it/Лицензии 1С", "--path '/home/it/Лицензии 1С'"],
    ["~/my licenses", "--path ~/'my licenses'"],
  ])("§1.5 linux path %j → %s (a leading ~ stays expandable)", (path, expected) => {
    expect(ringActivateCommand({ ...FIRST, owner: [], path }, "linux").command).toContain(expected);
  });

  test("§1.1 two fields for one option (Компания and Организация) that differ: the first is used and a warning names both", () => {
    const r = ringActivateCommand({ ...FIRST, owner: [{ field: "Компания", value: "ООО «Север»" }, { field: "Организация", value: "ООО Север" }] }, "linux");
    expect(r.options).toEqual([{ option: "--company", value: "ООО «Север»", from: "Компания" }]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0].en).toMatch(/"Компания" and "Организация" both go to --company/);
  });

  test("§1.1 no owner data: the command is still printed, with a warning that recovery needs it", () => {
    const r = ringActivateCommand({ ...FIRST, owner: [{ field: "ИНН", value: "7701234567" }] }, "linux");
    expect(r.options).toEqual([]);
    expect(r.unmapped).toEqual(["ИНН"]);
    expect(r.warnings[0].en).toMatch(/No owner registration data/);
  });

  test.each([
    ["§1.2 a 14-digit PIN", { pin: "12345678901234" }, "pin"],
    ["§1.2 a letter in the PIN", { pin: "123-456-789-O12-345" }, "pin"],
    ["§1.3 a bad previous PIN", { previousPin: "123" }, "previousPin"],
    ["§1.1 an 8-digit registration number", { regNumber: "81012345" }, "regNumber"],
  ])("%s is a 400 naming the field, never the value", (_name, patch, field) => {
    let error: unknown;
    try {
      ringActivateCommand({ ...FIRST, ...patch }, "linux");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid-input", status: 400, details: { field } });
    expect((error as AppError).message).not.toMatch(/\d{5,}/);
  });
});

describe("quoting properties", () => {
  fcTest.prop([fc.string({ unit: "binary", maxLength: 60 })])("linux: any value round-trips through a POSIX single-quote unquoter", (value) => {
    expect(posixWords(`x ${quotePosix(value)} y`)).toEqual(["x", value, "y"]);
  });

  fcTest.prop([fc.string({ unit: "binary", maxLength: 40 }).filter((s) => !s.includes("\u0000"))])("linux: an owner value round-trips through the whole multi-line command", (value) => {
    const r = ringActivateCommand({ ...FIRST, owner: [...RU_OWNER.filter((f) => f.field !== "Улица"), { field: "Улица", value }] }, "linux");
    expect(valueOf(posixWords(r.command), "--street")).toBe(value);
  });

  fcTest.prop([fc.string({ unit: fc.constantFrom(..."ab \\\"'«»ёЁ\t,;&|<>^()"), maxLength: 30 })])(
    "windows: a value round-trips through the C runtime's splitting (backslashes and quotes)",
    (value) => {
      expect(windowsWords(`x ${quoteWindows(value)} y`)).toEqual(["x", value, "y"]);
    },
  );

  // "¤" appears in no message, so finding the value means finding it quoted.
  fcTest.prop([fc.stringMatching(/^\d{15}$/), fc.stringMatching(/^[A-Za-zА-яЁё0-9]{0,12}$/).map((s) => `¤${s}`), fc.constantFrom("linux", "windows") as fc.Arbitrary<"linux" | "windows">])(
    "no warning ever carries the PIN or an owner value",
    (pin, value, shell) => {
      const r = ringActivateCommand({ regNumber: "8101234567", pin, owner: [{ field: "Компания", value: `${value}"%!` }, { field: "Компания", value: "x" }], path: null }, shell);
      for (const w of r.warnings) {
        for (const text of [w.en, w.ru]) {
          expect(text).not.toContain(pin);
          expect(text).not.toContain(value);
        }
      }
    },
  );
});
