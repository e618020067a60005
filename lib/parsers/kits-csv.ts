/**
 * Kits and their PINs as CSV (DOMAIN §1.1–1.2): a template to download, an import that reports every bad row
 * (line, column, why) and yields nothing to write unless every row is good, and an export of the same columns.
 *
 * One row per PIN; a kit without PINs (a hardware-key kit, or a software kit whose PINs are not typed yet) is
 * one row with the PIN columns empty. Rows of one kit share its registration number; they need not be adjacent.
 *
 * Reading (RFC 4180, as spreadsheets write it): quoted fields with doubled quotes and line breaks, CRLF / LF /
 * CR, a UTF-8 BOM, the delimiter taken from the header line (`,`, `;` as Russian Excel writes, or a tab) or
 * from an Excel `sep=;` first line; blank lines and rows of empty cells are skipped; a leading `'` that lib/csv.ts
 * put before `= + - @` (its formula-injection guard) is taken off again, so an export reads back as it was.
 *
 * Decisions:
 * - The header is required; columns are matched by their English key or Russian label (KITS_CSV_COLUMNS), in
 *   any order, ignoring case, `ё`/`е`, spaces and punctuation. An UNKNOWN column is an ERROR: a misspelt
 *   "suplier" would otherwise drop that column from every kit without a word. A column with an empty header
 *   is ignored while all its cells are empty (spreadsheets add them).
 * - Rows of one kit must agree on the kit columns; a blank kit cell in one of its rows takes the kit's value
 *   (people fill the kit columns once), two different non-blank values are an error on the later row.
 * - Every kit is validated by the API's own `newKitSchema` (lib/inventory/api.ts): the CSV adds only what is
 *   CSV-specific (price in major units → kopecks, DD.MM.YYYY dates as Excel rewrites them, Russian words for the
 *   enum values, a PIN Excel turned into 1.23E+14, a masked PIN from an export with PINs hidden) and maps each
 *   zod issue path back to its line and column (`pins.2.code` → the line of that PIN's row, column pinCode).
 * - Every error is collected, sorted by line; one error per cell. Messages name the rule, never a value — a
 *   PIN's digits never appear.
 * - Every error has its text in English and Russian (`text`); `message` is the English one, for API clients. The
 *   schema's issues are English (the API's language): their Russian is looked up by the rule (`ruIssue`), and a
 *   rule not listed there gets its column's Russian rule, so no error is ever without Russian.
 * - `kits` is empty whenever `errors` is not, so a caller cannot write half an import by mistake.
 */
import { z } from "zod";

import { toCsv } from "../csv";
import type { PinRole, PinSet } from "../domain/enums";
import type { Localised } from "../domain/localised";
import { newKitSchema, type KitWire, type NewKit } from "../inventory/api";
import { parseMajorUnits } from "../inventory/money";
import { printedPin } from "../security/mask";

// ---------------------------------------------------------------------------------------------------
// Columns

/** The columns in the order they are written; `ru` is the Russian header label, `aliases` more accepted headers. */
export const KITS_CSV_COLUMNS = [
  { key: "regNumber", ru: "Регистрационный номер", aliases: ["Registration number", "Reg number", "Рег. номер", "Регномер"] },
  { key: "product", ru: "Продукт", aliases: ["Наименование", "Наименование продукта"] },
  { key: "kind", ru: "Вид комплекта", aliases: ["Вид", "Тип"] },
  { key: "level", ru: "Уровень", aliases: [] },
  { key: "seats", ru: "Мест", aliases: ["Места", "Количество мест", "Число мест"] },
  { key: "protection", ru: "Защита", aliases: [] },
  { key: "serverBitness", ru: "Разрядность сервера", aliases: ["Server bitness", "Разрядность"] },
  { key: "owner", ru: "Владелец", aliases: ["Owner name"] },
  { key: "purchaseDate", ru: "Дата покупки", aliases: ["Purchase date"] },
  { key: "price", ru: "Цена", aliases: [] },
  { key: "currency", ru: "Валюта", aliases: [] },
  { key: "supplier", ru: "Поставщик", aliases: [] },
  { key: "invoice", ru: "Счёт", aliases: ["Номер счёта"] },
  { key: "pinSet", ru: "Набор ПИН-кодов", aliases: ["PIN set", "Набор PIN", "Набор"] },
  { key: "pinRole", ru: "Роль ПИН-кода", aliases: ["PIN role", "Роль PIN", "Роль"] },
  { key: "pinCode", ru: "ПИН-код", aliases: ["PIN code", "PIN", "PIN-код", "ПИН", "Пин-код"] },
] as const;
export type KitsCsvColumn = (typeof KITS_CSV_COLUMNS)[number]["key"];

const COLUMN_ORDER = KITS_CSV_COLUMNS.map((c) => c.key) as KitsCsvColumn[];
/** The kit columns: every row of a kit must agree on them. */
const KIT_COLUMNS = COLUMN_ORDER.filter((c) => c !== "pinSet" && c !== "pinRole" && c !== "pinCode");
/** Without these `newKitSchema` refuses every kit (level and currency have defaults, the rest may be empty). */
const REQUIRED_COLUMNS: KitsCsvColumn[] = ["regNumber", "product", "kind", "seats", "protection"];
const PIN_COLUMNS = ["pinSet", "pinRole", "pinCode"] as const satisfies readonly KitsCsvColumn[];
/** The `newKitSchema` PIN field each PIN column feeds. */
const PIN_FIELD = { pinSet: "set", pinRole: "role", pinCode: "code" } as const;

/** A header label or an enum word reduced for comparison: lower case, `ё` → `е`, letters and digits only. */
const wordKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}]/gu, "");

const COLUMN_BY_LABEL = new Map<string, KitsCsvColumn>(KITS_CSV_COLUMNS.flatMap((c) => [c.key, c.ru, ...c.aliases].map((label) => [wordKey(label), c.key] as const)));

/** Words accepted for the enum values (the export writes the English value). */
const VALUE_WORDS: Partial<Record<KitsCsvColumn, Record<string, readonly string[]>>> = {
  kind: { basic: ["базовая", "базовая поставка", "основная поставка"], client: ["клиентская", "клиентская лицензия"], server: ["серверная", "сервер", "лицензия на сервер"] },
  level: { PROF: ["проф"], KORP: ["корп", "corp"], MINI: ["мини"] },
  protection: { software: ["программная", "soft"], hardware: ["аппаратная", "ключ", "hasp"] },
  pinSet: { single: ["single-user", "однопользовательский", "однопользовательская"], multi: ["multi-user", "многопользовательский", "многопользовательская"] },
  pinRole: { main: ["основной"], backup: ["резервный"], additional: ["дополнительный"] },
};
const VALUE_BY_WORD = new Map<KitsCsvColumn, Map<string, string>>(
  Object.entries(VALUE_WORDS).map(([column, values]) => [
    column as KitsCsvColumn,
    new Map(Object.entries(values!).flatMap(([value, words]) => [value, ...words].map((w) => [wordKey(w), value] as const))),
  ]),
);

// ---------------------------------------------------------------------------------------------------
// Export

/** A kit as the export prints it: the kit columns and its PINs, each with the code to print (clear or masked: the caller decides). */
export type KitsCsvKit = Pick<
  KitWire,
  "regNumber" | "product" | "kind" | "level" | "seats" | "protection" | "serverBitness" | "ownerName" | "purchaseDate" | "priceMinor" | "currency" | "supplier"
> & {
  invoice?: string | null;
  pins: ReadonlyArray<{ set: PinSet; role: PinRole; code: string }>;
};

/** Minor units as a major-unit amount with two decimals: 3960000 → `39600.00`. */
function formatMajor(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * The kits as CSV text: a header (English keys, or the Russian labels) and one row per PIN (one row for a kit
 * without PINs). A clear 15/16-digit code is printed grouped by 3 (§1.2; a spreadsheet keeps `123-456-…` as
 * text, where it would turn 15 bare digits into 1.23E+14); a masked code is printed as given. CRLF line ends;
 * no BOM (the caller adds one for Excel).
 */
export function formatKitsCsv(kits: ReadonlyArray<KitsCsvKit>, options: { header?: "keys" | "ru" } = {}): string {
  const header = KITS_CSV_COLUMNS.map((c) => (options.header === "ru" ? c.ru : c.key));
  const rows: Array<Array<string | number | null>> = [header];
  for (const kit of kits) {
    const kitCells = [
      kit.regNumber,
      kit.product,
      kit.kind,
      kit.level,
      kit.seats,
      kit.protection,
      kit.serverBitness,
      kit.ownerName,
      kit.purchaseDate,
      kit.priceMinor === null ? null : formatMajor(kit.priceMinor),
      kit.currency,
      kit.supplier,
      kit.invoice ?? null,
    ];
    if (kit.pins.length === 0) rows.push([...kitCells, null, null, null]);
    for (const pin of kit.pins) rows.push([...kitCells, pin.set, pin.role, printedPin(pin.code)]);
  }
  return toCsv(rows);
}

/**
 * The template offered for download: the header and two example rows' worth of kits — a 1-seat client kit with
 * its main and two backup PINs (§1.2; obviously fake codes) and a hardware-key kit without PINs (§1.1).
 */
export const KITS_CSV_TEMPLATE: string = formatKitsCsv([
  {
    regNumber: "8100000001",
    product: "1С:Предприятие 8. Клиентская лицензия на 1 рабочее место",
    kind: "client",
    level: "PROF",
    seats: 1,
    protection: "software",
    serverBitness: null,
    ownerName: "ООО «Пример»",
    purchaseDate: "2025-01-15",
    priceMinor: 760000,
    currency: "RUB",
    supplier: "Пример-Софт",
    invoice: "СЧ-0001",
    pins: [
      { set: "single", role: "main", code: "000000000000001" },
      { set: "single", role: "backup", code: "000000000000002" },
      { set: "single", role: "backup", code: "000000000000003" },
    ],
  },
  {
    regNumber: "8100000002",
    product: "1С:Предприятие 8. Клиентская лицензия на 5 рабочих мест (USB)",
    kind: "client",
    level: "PROF",
    seats: 5,
    protection: "hardware",
    serverBitness: null,
    ownerName: "ООО «Пример»",
    purchaseDate: "2025-01-15",
    priceMinor: 3960000,
    currency: "RUB",
    supplier: "Пример-Софт",
    invoice: "СЧ-0001",
    pins: [],
  },
]);

// ---------------------------------------------------------------------------------------------------
// RFC 4180 reading

interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  cells: string[];
  /** Cut short by an unclosed quote: its cells are not what was meant. */
  broken?: boolean;
}

/** The delimiter of the first non-blank line: the most frequent of `,` `;` tab outside quotes (`,` on a tie). */
function sniffDelimiter(text: string): string {
  const first = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== "") ?? "";
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of first) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/** Splits RFC 4180 text into records; lenient with a stray quote inside an unquoted field. */
function readCsv(source: string): { records: CsvRecord[]; problems: KitsCsvError[] } {
  let text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let line = 1;
  let delimiter: string;
  const sep = /^"?sep=([,;\t|])"?(\r\n|\n|\r|$)/i.exec(text);
  if (sep) {
    delimiter = sep[1];
    text = text.slice(sep[0].length);
    line = 2;
  } else {
    delimiter = sniffDelimiter(text);
  }

  const records: CsvRecord[] = [];
  const problems: KitsCsvError[] = [];
  const n = text.length;
  let i = 0;
  const atEol = (k: number) => text[k] === "\n" || text[k] === "\r";
  const skipEol = () => {
    if (text[i] === "\r" && text[i + 1] === "\n") i += 2;
    else i += 1;
    line += 1;
  };

  while (i < n) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let field = "";
      // Spaces before an opening quote (`a, "b"`) are not part of a quoted field.
      let k = i;
      while (text[k] === " ") k++;
      if (text[k] === '"') {
        i = k + 1;
        let closed = false;
        while (i < n) {
          const ch = text[i];
          if (ch === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          if (ch === "\r" || ch === "\n") {
            // A line break inside quotes is part of the value; it still counts as a line of the file.
            if (ch === "\r" && text[i + 1] === "\n") {
              field += "\r\n";
              i += 2;
            } else {
              field += ch;
              i += 1;
            }
            line += 1;
            continue;
          }
          field += ch;
          i += 1;
        }
        if (!closed) {
          problems.push(
            kitsCsvError(start, null, {
              en: 'a quoted field is not closed: a quote (") is missing, so the rest of the file could not be read',
              ru: "поле в кавычках не закрыто: не хватает кавычки (\"), поэтому остаток файла прочитать не удалось",
            }),
          );
          cells.push(field);
          records.push({ line: start, cells, broken: true });
          return { records, problems };
        }
      }
      // Unquoted text, or what follows a closing quote, up to the delimiter or the line end.
      while (i < n && text[i] !== delimiter && !atEol(i)) field += text[i++];
      cells.push(field);
      if (i < n && text[i] === delimiter) {
        i += 1;
        continue;
      }
      if (i < n) skipEol();
      break;
    }
    records.push({ line: start, cells });
  }
  return { records, problems };
}

/** lib/csv.ts writes `'` before a leading `= + - @` tab or CR so spreadsheets do not run it; reading takes it off. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

// ---------------------------------------------------------------------------------------------------
// Import

export interface KitsCsvError {
  /** 1-based line of the file. */
  line: number;
  /** The column's key (`pinCode`), the header text for an unknown column, or null for a whole row. */
  column: string | null;
  /** The English text (`text.en`), kept for API clients that read only it. */
  message: string;
  /** The text in both catalog languages; names the rule, never a value. */
  text: Localised;
}

/** An error whose `message` is its English text. */
export const kitsCsvError = (line: number, column: string | null, text: Localised): KitsCsvError => ({ line, column, message: text.en, text });

/** A kit ready for `createKit` once the owner is resolved by name; `line`/`pinLines` map a later refusal (`pins.2.code`) back to the file. */
export type ImportedKit = NewKit & {
  /** The owner's display name as written, or null; the caller resolves it to `ownerId`. */
  ownerName: string | null;
  /** The kit's first line. */
  line: number;
  /** The line of each PIN, in the order of `pins`. */
  pinLines: number[];
};

export interface KitsCsvParseResult {
  /** Empty unless `errors` is. */
  kits: ImportedKit[];
  errors: KitsCsvError[];
}

/** A file of thousands of bad rows gives this many errors and one that counts the rest. */
export const MAX_KITS_CSV_ERRORS = 500;

type Converted = { ok: true; value: unknown } | { ok: false; text: Localised };

const SCIENTIFIC = /^\d(?:[.,]\d+)?e\+?\d+$/i;
const EXCEL_NUMBER: Localised = {
  en: "the spreadsheet turned the number into 1.23E+14 form and lost digits: format the column as text and type it again",
  ru: "электронная таблица записала число в виде 1,23E+14 и потеряла цифры: задайте столбцу текстовый формат и введите значение заново",
};

/** Major units (`39600.00`, `39600,00`, `39 600,00`) → kopecks; more than 2 decimals are refused. */
function convertPrice(raw: string): Converted {
  const amount = parseMajorUnits(raw);
  if (amount.ok) return { ok: true, value: amount.minor };
  return amount.reason === "decimals"
    ? { ok: false, text: { en: "has more than 2 decimal places; prices are kept in kopecks", ru: "больше 2 знаков после запятой: цены хранятся с точностью до копейки" } }
    : {
        ok: false,
        text: {
          en: "must be an amount in major units such as 7800.00 or 7 800,00 (the currency goes in the currency column)",
          ru: "нужна сумма в рублях (основных единицах), например 7800.00 или 7 800,00 (валюта указывается в столбце «Валюта»)",
        },
      };
}

/** One cell as the value `newKitSchema` takes, or a CSV-level reason. Rules of the schema itself are left to it. */
function convert(column: KitsCsvColumn, raw: string): Converted {
  switch (column) {
    case "seats":
      // A non-number is passed on as text: the schema's own message ("must be a whole number of seats") answers it.
      return { ok: true, value: /^-?\d+(?:\.\d+)?$/.test(raw) ? Number(raw) : raw };
    case "price":
      return convertPrice(raw);
    case "purchaseDate": {
      const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(raw);
      return { ok: true, value: ru ? `${ru[3]}-${ru[2]}-${ru[1]}` : raw };
    }
    case "serverBitness": {
      const bits = /^(?:x86[-_ ]?)?(32|64)(?:[- ]?(?:bit|бит|разр\S*))?$/i.exec(raw);
      return { ok: true, value: bits ? bits[1] : raw };
    }
    case "regNumber":
      if (SCIENTIFIC.test(raw)) return { ok: false, text: EXCEL_NUMBER };
      return { ok: true, value: raw };
    case "pinCode":
      if (/[*•]/.test(raw))
        return {
          ok: false,
          text: {
            en: "this PIN is masked (an export with PINs hidden): export with clear PINs, or type the code",
            ru: "этот ПИН-код скрыт (выгрузка со скрытыми ПИН-кодами): выгрузите ПИН-коды в открытом виде или введите код",
          },
        };
      if (SCIENTIFIC.test(raw)) return { ok: false, text: EXCEL_NUMBER };
      return { ok: true, value: raw };
    default: {
      const words = VALUE_BY_WORD.get(column);
      return { ok: true, value: words?.get(wordKey(raw)) ?? raw };
    }
  }
}

const sameValue = (a: Converted, b: Converted) => JSON.stringify(a) === JSON.stringify(b);

/** The `newKitSchema` field a column feeds. */
const FIELD_OF: Partial<Record<KitsCsvColumn, string>> = { price: "priceMinor" };
const COLUMN_OF_FIELD: Record<string, KitsCsvColumn> = { priceMinor: "price", set: "pinSet", role: "pinRole", code: "pinCode" };

// ---------------------------------------------------------------------------------------------------
// Russian texts

/** A column's Russian header label in «», or the text as given (an unknown column's header). */
const ruColumn = (column: string) => `«${KITS_CSV_COLUMNS.find((c) => c.key === column)?.ru ?? column}»`;

const RU_PLURAL = new Intl.PluralRules("ru");
/** The noun form after a number: 1 место, 2 места, 5 мест. */
const ruCount = (n: number, one: string, few: string, many: string) => {
  const category = RU_PLURAL.select(n);
  return category === "one" ? one : category === "few" ? few : many;
};

/** What each column holds, in Russian: the text of a schema issue that `RU_ISSUES` does not know. */
const RU_RULE: Record<KitsCsvColumn, string> = {
  regNumber: "регистрационный номер — от 9 до 12 цифр, один комплект на номер",
  product: "наименование продукта обязательно, не длиннее 300 символов",
  kind: "вид комплекта: базовая поставка, клиентская или серверная лицензия (basic, client, server)",
  level: "уровень: ПРОФ, КОРП или МИНИ (PROF, KORP, MINI)",
  seats: "число мест — целое число от 0 до 100000: у серверной лицензии 0, у клиентского комплекта не меньше 1",
  protection: "защита: программная или аппаратная (software, hardware)",
  serverBitness: "разрядность сервера — 32 или 64, только у серверной лицензии",
  owner: "владелец — название, как оно записано в списке владельцев",
  purchaseDate: "дата покупки — в виде 28.11.2026 или 2026-11-28",
  price: "цена — неотрицательная сумма в рублях (основных единицах), не больше 2 знаков после запятой",
  currency: "валюта — трёхбуквенный код, например RUB",
  supplier: "поставщик — не длиннее 200 символов",
  invoice: "счёт — не длиннее 100 символов",
  pinSet: "набор ПИН-кодов: однопользовательский или многопользовательский (single, multi), какой допускает размер комплекта",
  pinRole: "роль ПИН-кода: основной, резервный или дополнительный (main, backup, additional)",
  pinCode: "ПИН-код — 15 или 16 цифр, каждый ПИН-код один раз в комплекте",
};

/** The Russian words accepted for a column's values (the first Russian word of each), for "must be one of". */
const ruValueWords = (column: KitsCsvColumn) =>
  Object.values(VALUE_WORDS[column] ?? {})
    .map((words) => words.find((w) => /[а-яё]/i.test(w)))
    .filter((w): w is string => w !== undefined);

const RU_SETS: Record<string, string> = {
  "single-user": "однопользовательские",
  "multi-user": "многопользовательские",
  "single-user and multi-user": "однопользовательские и многопользовательские",
};

/**
 * The Russian of `newKitSchema`'s rules (lib/inventory/api.ts), matched on the English message (after the CSV
 * rewrote `pins.N` to a line). Only what the rule itself says (a count, a line, a column) is carried over.
 */
const RU_ISSUES: Array<[RegExp, (m: RegExpExecArray, column: KitsCsvColumn | null) => string]> = [
  [/^a registration number has 9 to 12 digits$/, () => "регистрационный номер состоит из 9–12 цифр"],
  [/^a PIN has digits only; a letter was found/, () => "в ПИН-коде только цифры, а найдена буква (O вместо 0? l вместо 1?)"],
  [/^a PIN has 15 or 16 digits, (\d+) found$/, (m) => `в ПИН-коде 15 или 16 цифр, а найдено: ${m[1]}`],
  [/^the same PIN is already on line (\d+)$/, (m) => `этот ПИН-код уже есть в строке ${m[1]}: каждый ПИН-код записывается в комплекте один раз`],
  [/^a hardware-key kit has no PINs$/, () => "у комплекта с аппаратным ключом нет ПИН-кодов: оставьте столбцы ПИН-кодов пустыми"],
  [
    /^a (?:server license|(\d+)-seat kit) holds (.+) PINs only$/,
    (m) => {
      const kit = m[1] === undefined ? "серверной лицензии" : `комплекте на ${m[1]} ${ruCount(Number(m[1]), "место", "места", "мест")}`;
      return `в ${kit} бывают только ${RU_SETS[m[2]] ?? m[2]} ПИН-коды`;
    },
  ],
  [/^at most (\d+) PINs per kit$/, (m) => `в комплекте не больше ${m[1]} ПИН-кодов`],
  [/^a server license grants no client seats/, () => "серверная лицензия не даёт клиентских мест: укажите 0"],
  [/^a client kit or basic delivery has at least 1 seat$/, () => "у клиентского комплекта и основной поставки не меньше 1 места"],
  [/^only a server license has a bitness$/, () => "разрядность указывают только у серверной лицензии: оставьте ячейку пустой"],
  [/^is required/, (_m, column) => (column ? `не заполнено обязательное поле ${ruColumn(column)}` : "не заполнено обязательное поле")],
  [/^must be at most (\d+) characters$/, (m) => `значение должно быть не длиннее ${m[1]} ${ruCount(Number(m[1]), "символа", "символов", "символов")}`],
  [
    /^must be one of (.+)$/,
    (m, column) => {
      const words = column ? ruValueWords(column) : [];
      return `допустимые значения: ${m[1]}${words.length ? ` (по-русски: ${words.join(", ")})` : ""}`;
    },
  ],
  [/^must be a whole number of seats$/, () => "число мест должно быть целым числом"],
  [/^must be 0 or more$/, () => "значение не может быть отрицательным"],
  [/^must be at most (\d+)$/, (m) => `значение должно быть не больше ${m[1]}`],
  [/^is too large$/, () => "слишком большое значение"],
  [/^must be a three-letter currency code/, () => "нужен трёхбуквенный код валюты, например RUB"],
  [/^must be a date like/, () => "нужна дата вида 28.11.2026 или 2026-11-28 (ГГГГ-ММ-ДД)"],
];

/** A schema issue's text in both languages: the English as the schema wrote it, the Russian by its rule or its column. */
function issueText(en: string, column: KitsCsvColumn | null): Localised {
  for (const [pattern, ru] of RU_ISSUES) {
    const m = pattern.exec(en);
    if (m) return { en, ru: ru(m, column) };
  }
  return { en, ru: column ? RU_RULE[column] : "данные комплекта не прошли проверку" };
}

interface Row {
  line: number;
  cells: Partial<Record<KitsCsvColumn, string>>;
}

/**
 * Reads a kits CSV (DOMAIN §1.1–1.2): groups rows by registration number, validates each kit with the API's
 * `newKitSchema(multiOnlyMinSeats)`, and reports every bad cell by line and column. Never throws; never puts a
 * value in a message.
 */
export function parseKitsCsv(text: string, options: { multiOnlyMinSeats?: number | null } = {}): KitsCsvParseResult {
  const errors: KitsCsvError[] = [];
  const reported = new Set<string>();
  const fail = (line: number, column: string | null, text: Localised) => {
    const key = `${line}\u0000${column}`;
    if (reported.has(key)) return;
    reported.add(key);
    errors.push(kitsCsvError(line, column, text));
  };

  const { records, problems } = readCsv(typeof text === "string" ? text : "");
  for (const p of problems) fail(p.line, p.column, p.text);
  const nonBlank = records.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const header = nonBlank[0];
  if (!header) {
    fail(1, null, {
      en: `the file is empty: the first line must be the header (${COLUMN_ORDER.join(", ")})`,
      ru: `файл пуст: первой строкой должен идти заголовок (${KITS_CSV_COLUMNS.map((c) => c.ru).join(", ")})`,
    });
    return done(errors, []);
  }

  // Header → column index.
  const indexOf = new Map<KitsCsvColumn, number>();
  const blankHeader: number[] = [];
  header.cells.forEach((cell, i) => {
    const label = cell.trim();
    if (label === "") {
      blankHeader.push(i);
      return;
    }
    const column = COLUMN_BY_LABEL.get(wordKey(label));
    if (!column)
      fail(header.line, label, {
        en: `unknown column; the columns are ${COLUMN_ORDER.join(", ")} (or their Russian labels)`,
        ru: `неизвестный столбец; допустимые столбцы: ${KITS_CSV_COLUMNS.map((c) => c.ru).join(", ")} (или их английские ключи)`,
      });
    else if (indexOf.has(column))
      fail(header.line, label, {
        en: `a second ${column} column; the first is column ${indexOf.get(column)! + 1}`,
        ru: `столбец ${ruColumn(column)} указан второй раз; первый — столбец ${indexOf.get(column)! + 1}`,
      });
    else indexOf.set(column, i);
  });
  const missing: KitsCsvColumn[] = REQUIRED_COLUMNS.filter((c) => !indexOf.has(c));
  if (PIN_COLUMNS.some((c) => indexOf.has(c))) missing.push(...PIN_COLUMNS.filter((c) => !indexOf.has(c)));
  for (const c of missing) fail(header.line, c, { en: "required column is missing from the header", ru: `в заголовке нет обязательного столбца ${ruColumn(c)}` });

  // Rows, grouped by registration number in the order they first appear.
  const groups = new Map<string, Row[]>();
  for (const record of nonBlank.slice(1)) {
    if (record.broken) continue;
    // A row with more cells than the header is shifted: every cell after the stray delimiter is in the wrong
    // column, so it gets this one error rather than one per shifted cell.
    if (record.cells.slice(header.cells.length).some((c) => c.trim() !== "")) {
      fail(record.line, null, {
        en: "more cells than the header has columns (a delimiter inside an unquoted value? quote it)",
        ru: "в строке больше ячеек, чем столбцов в заголовке (разделитель внутри значения без кавычек? заключите значение в кавычки)",
      });
      continue;
    }
    const cells: Row["cells"] = {};
    for (const [column, i] of indexOf) cells[column] = unguard((record.cells[i] ?? "").trim());
    for (const i of blankHeader) {
      if ((record.cells[i] ?? "").trim() !== "") fail(record.line, null, { en: `a value in column ${i + 1}, which has no header`, ru: `значение в столбце ${i + 1}, у которого нет заголовка` });
    }
    const reg = (cells.regNumber ?? "").replace(/\s/g, "");
    const key = reg === "" ? `#${record.line}` : reg;
    const group = groups.get(key);
    if (group) group.push({ line: record.line, cells });
    else groups.set(key, [{ line: record.line, cells }]);
  }

  // undefined → the schema's default (the settings' default, 50); null switches the multi-only rule off (§1.2 [M]).
  const schema = newKitSchema(options.multiOnlyMinSeats);
  const kits: ImportedKit[] = [];
  /** PIN digits → where they were first seen, for duplicates across kits (the schema checks within a kit). */
  const pinSeen = new Map<string, { line: number; group: string }>();

  for (const [groupKey, rows] of groups) {
    const kitLine = rows[0].line;
    const input: Record<string, unknown> = {};
    const lineOf = new Map<KitsCsvColumn, number>();
    let ownerName: string | null = null;

    for (const column of KIT_COLUMNS) {
      if (!indexOf.has(column)) continue;
      const entries = rows.filter((r) => (r.cells[column] ?? "") !== "").map((r) => ({ line: r.line, value: convert(column, r.cells[column]!) }));
      if (entries.length === 0) continue;
      const first = entries[0];
      for (const e of entries.slice(1)) {
        if (!sameValue(e.value, first.value)) {
          fail(e.line, column, {
            en: `differs from line ${first.line}: every row of a kit (same registration number) must agree on ${column}`,
            ru: `отличается от строки ${first.line}: у всех строк комплекта (с одним регистрационным номером) столбец ${ruColumn(column)} должен совпадать`,
          });
        }
      }
      lineOf.set(column, first.line);
      if (!first.value.ok) {
        fail(first.line, column, first.value.text);
        continue;
      }
      if (column === "owner") ownerName = first.value.value as string;
      else input[FIELD_OF[column] ?? column] = first.value.value;
    }

    const pins: Array<Record<string, unknown>> = [];
    const pinLines: number[] = [];
    for (const row of rows) {
      if (PIN_COLUMNS.every((c) => (row.cells[c] ?? "") === "")) continue;
      const pin: Record<string, unknown> = {};
      for (const column of PIN_COLUMNS) {
        const raw = row.cells[column] ?? "";
        if (raw === "") continue;
        const value = convert(column, raw);
        if (!value.ok) fail(row.line, column, value.text);
        else pin[PIN_FIELD[column]] = value.value;
      }
      pins.push(pin);
      pinLines.push(row.line);

      const code = row.cells.pinCode ?? "";
      const digits = code.replace(/\D/g, "");
      if (!/\p{L}/u.test(code) && (digits.length === 15 || digits.length === 16)) {
        const earlier = pinSeen.get(digits);
        if (!earlier) pinSeen.set(digits, { line: row.line, group: groupKey });
        else if (earlier.group !== groupKey) {
          fail(row.line, "pinCode", {
            en: `the same PIN is already on line ${earlier.line}, with another registration number; a PIN belongs to one kit`,
            ru: `этот ПИН-код уже есть в строке ${earlier.line}, с другим регистрационным номером; ПИН-код принадлежит одному комплекту`,
          });
        }
      }
    }
    input.pins = pins;

    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [head, index, leaf] = issue.path;
        if (head === "pins") {
          const at = typeof index === "number" ? pinLines[index] : pinLines[0];
          const column = typeof leaf === "string" ? (COLUMN_OF_FIELD[leaf] ?? "pinCode") : "pinCode";
          if (!indexOf.has(column)) continue;
          const message = issue.message.replace(/already at pins\.(\d+)/, (_m, j: string) => `already on line ${pinLines[Number(j)] ?? kitLine}`);
          fail(at ?? kitLine, column, issueText(message, column));
          continue;
        }
        if (typeof head !== "string") {
          fail(kitLine, null, issueText(issue.message, null));
          continue;
        }
        const column = COLUMN_OF_FIELD[head] ?? (head as KitsCsvColumn);
        // A required column missing from the header was reported once, at the header.
        if (COLUMN_ORDER.includes(column) && !indexOf.has(column)) continue;
        const known = COLUMN_ORDER.includes(column) ? column : null;
        fail(lineOf.get(column) ?? kitLine, known, issueText(issue.message, known));
      }
      continue;
    }
    kits.push({ ...parsed.data, ownerName, line: kitLine, pinLines });
  }

  return done(errors, kits);
}

function done(errors: KitsCsvError[], kits: ImportedKit[]): KitsCsvParseResult {
  if (errors.length === 0) return { kits, errors };
  const rank = (c: string | null) => (c === null ? -1 : COLUMN_ORDER.indexOf(c as KitsCsvColumn));
  const sorted = errors.map((e, i) => ({ e, i })).sort((a, b) => a.e.line - b.e.line || rank(a.e.column) - rank(b.e.column) || a.i - b.i).map((x) => x.e);
  if (sorted.length <= MAX_KITS_CSV_ERRORS) return { kits: [], errors: sorted };
  const kept = sorted.slice(0, MAX_KITS_CSV_ERRORS);
  const rest = sorted.length - MAX_KITS_CSV_ERRORS;
  const more = kitsCsvError(sorted[MAX_KITS_CSV_ERRORS].line, null, {
    en: `${rest} more error${rest === 1 ? "" : "s"} from this line on were left out`,
    ru: `ещё ${rest} ${ruCount(rest, "ошибка", "ошибки", "ошибок")}, начиная с этой строки, не ${RU_PLURAL.select(rest) === "one" ? "показана" : "показаны"}`,
  });
  return { kits: [], errors: [...kept, more] };
}

/** Response schema of an import's errors (the import answers 400 `invalid-csv` with them in `details.errors`): `message` is `text.en`. */
export const KitsCsvErrorSchema = z.object({
  line: z.number().int().min(1),
  column: z.string().nullable(),
  message: z.string(),
  text: z.object({ en: z.string(), ru: z.string() }),
});
