/**
 * The `ring license activate` command for one ledger step, ready to copy (DOMAIN §5.2 [M]):
 *
 *   ring license activate --serial <regNumber> --pin <pin> [--previous-pin <old>] <owner options>
 *     --path <folder> --send-statistics false
 *
 * The owner registration data is kept as the (field, value) pairs `ring license info` printed (§5.2: field
 * names differ between ring versions and locales); each field is mapped to its ring option by its label, and
 * its value is passed VERBATIM — never trimmed or normalised — because a recovery is refused unless the owner
 * data is typed character for character as at the first activation (§1.1).
 *
 * Quoting:
 * - linux (bash/sh): a value outside `[A-Za-z0-9_@%+:,./-]` (Cyrillic included) is single-quoted, `'` written
 *   `'\''`. A `--path` starting `~/` or `~user/` keeps that prefix unquoted so the shell expands it.
 * - windows (cmd.exe running ring.cmd — not PowerShell): owner values and the path are double-quoted with the
 *   C runtime's rules (a `"` is written `\"`, backslashes before a quote are doubled). cmd.exe knows nothing of
 *   `\"`: a `"`, `%` or `!` in an owner value, or a line break, may not reach ring intact, so each is reported
 *   in `warnings`, naming the field (never quoting the value). `%` in the path is left for cmd.exe to expand
 *   (`%ProgramData%\1C\licenses`, §1.5).
 * A command longer than RING_COMMAND_MAX_LINE is printed one option per line with the shell's continuation
 * (` \` on linux, ` ^` on windows); lines end with LF in both (cmd.exe takes a pasted LF).
 *
 * A missing `--path` is left out and reported in `missing` (a placeholder such as `<folder>` would be a
 * redirection in either shell, and ring would put the license somewhere unintended). PINs and owner values
 * never appear in an error or a warning (lib/errors.ts).
 */
import type { Localised } from "../domain/localised";
import { AppError } from "../errors";
import { RegNumberSchema } from "../inventory/api";
import { normalisePin } from "./texts";

export type RingShell = "windows" | "linux";

/** The owner options `ring license activate` takes, in the order they are printed (§5.2). */
export const RING_OWNER_OPTIONS = [
  "--first-name",
  "--middle-name",
  "--last-name",
  "--email",
  "--company",
  "--country",
  "--zip-code",
  "--region",
  "--town",
  "--street",
  "--house",
  "--building",
] as const;
export type RingOwnerOption = (typeof RING_OWNER_OPTIONS)[number];

/** A single-line command longer than this is printed one option per line. */
export const RING_COMMAND_MAX_LINE = 120;

/**
 * Owner field labels as `ring license info` prints them (Russian, and English from ring 0.19, §5.2), plus the
 * close variants people type. Compared by `labelKey`: case, `ё`/`е`, spaces, hyphens, dots and trailing colons
 * do not matter ("E-mail", "e-mail", "Email"; "Регион / область:").
 */
const OWNER_LABELS: Record<RingOwnerOption, readonly string[]> = {
  "--first-name": ["Имя", "First name", "Firstname", "Given name"],
  "--middle-name": ["Отчество", "Middle name", "Patronymic"],
  "--last-name": ["Фамилия", "Last name", "Surname", "Family name"],
  "--email": ["e-mail", "Email", "Электронная почта", "Эл. почта", "Адрес электронной почты", "E-mail address"],
  "--company": ["Компания", "Организация", "Наименование организации", "Название организации", "Company", "Organization", "Organisation"],
  "--country": ["Страна", "Country"],
  "--zip-code": ["Индекс", "Почтовый индекс", "ZIP code", "ZIP", "Postal code", "Postcode"],
  "--region": ["Регион/область", "Регион", "Область", "Region", "State"],
  "--town": ["Город", "Населённый пункт", "Town", "City"],
  "--street": ["Улица", "Street"],
  "--house": ["Дом", "House"],
  "--building": ["Корпус/Строение", "Строение/Корпус", "Корпус", "Строение", "Building"],
};

/** A field label reduced for comparison: lower case, `ё` → `е`, letters, digits and `/` only. */
function labelKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}/]/gu, "");
}

const OPTION_BY_LABEL = new Map<string, RingOwnerOption>(
  (Object.entries(OWNER_LABELS) as Array<[RingOwnerOption, readonly string[]]>).flatMap(([option, labels]) => labels.map((label) => [labelKey(label), option] as const)),
);

/** The ring option an owner field is typed into, or null (ИНН, Район, Квартира/офис, Description … have none). */
export function ringOptionForField(field: string): RingOwnerOption | null {
  return OPTION_BY_LABEL.get(labelKey(field)) ?? null;
}

export interface RingActivateInput {
  regNumber: string;
  /** The PIN this step activates; separators are stripped (§1.2), it is printed as digits. */
  pin: string;
  /** Recovery on changed hardware: the PIN whose license this one replaces (§1.3). */
  previousPin?: string | null;
  /** The owner registration data as stored: (field, value) pairs exactly as typed (§1.1). */
  owner: ReadonlyArray<{ field: string; value: string }>;
  /** The folder the `.lic` file goes to (§1.5); null or blank → left out and reported in `missing`. */
  path?: string | null;
}

export interface RingActivateCommand {
  /** The whole command, ready to paste into the shell it was made for. */
  command: string;
  /** The owner options the command carries, in command order, each with the field it came from. */
  options: Array<{ option: RingOwnerOption; value: string; from: string }>;
  /** Owner field labels with no ring option (e.g. ИНН): ring cannot be given them. */
  unmapped: string[];
  /** Options the command needs but lacks, e.g. "--path". */
  missing: string[];
  /** Things to check before running it; they name fields and options, never values. */
  warnings: Localised[];
}

// `=` is left out: zsh expands a word starting with it (=cmd → the path of cmd).
const LINUX_SAFE = /^[A-Za-z0-9_@%+:,./-]+$/;

/** POSIX shell: the value as one word, single-quoted unless every character is safe bare. */
export function quotePosix(value: string): string {
  if (LINUX_SAFE.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A linux path: a leading `~/` or `~user/` stays bare (the shell expands it), the rest is quoted. */
function quotePosixPath(path: string): string {
  const home = /^~[A-Za-z0-9._-]*(?:\/|$)/.exec(path);
  if (!home) return quotePosix(path);
  const rest = path.slice(home[0].length);
  return rest === "" ? home[0] : `${home[0]}${quotePosix(rest)}`;
}

/**
 * Windows: the value double-quoted the way the C runtime (and the Java launcher) split a command line — a `"`
 * becomes `\"`, and backslashes are doubled only where they precede a quote (a path ending in `\`).
 */
export function quoteWindows(value: string): string {
  let out = '"';
  let backslashes = 0;
  for (const ch of value) {
    if (ch === "\\") {
      backslashes += 1;
      continue;
    }
    if (ch === '"') out += "\\".repeat(backslashes * 2 + 1) + '"';
    else out += "\\".repeat(backslashes) + ch;
    backslashes = 0;
  }
  return out + "\\".repeat(backslashes * 2) + '"';
}

/** What in a value cmd.exe may not pass to ring.cmd intact, even inside quotes. */
function windowsHazards(value: string, checkPercent: boolean): string[] {
  const found: string[] = [];
  if (value.includes('"')) found.push('"');
  if (checkPercent && value.includes("%")) found.push("%");
  if (value.includes("!")) found.push("!");
  if (/[\r\n]/.test(value)) found.push("line break");
  return found;
}

function invalid(field: string, rule: string): never {
  throw new AppError("invalid-input", `${field}: ${rule}`, 400, { field });
}

/**
 * The `ring license activate` command for one first activation or recovery (DOMAIN §5.2 [M], §1.3), for bash/sh
 * or cmd.exe. Throws a 400 naming the field (never the value) when the registration number or a PIN is invalid.
 */
export function ringActivateCommand(input: RingActivateInput, shell: RingShell): RingActivateCommand {
  const reg = RegNumberSchema.safeParse(input.regNumber);
  if (!reg.success) invalid("regNumber", "a registration number has 9 to 12 digits");
  const pin = normalisePin(input.pin, "pin");
  const previousPin = input.previousPin === undefined || input.previousPin === null || input.previousPin === "" ? null : normalisePin(input.previousPin, "previousPin");

  const warnings: Localised[] = [];
  const unmapped: string[] = [];
  const chosen = new Map<RingOwnerOption, { value: string; from: string }>();
  for (const { field, value } of input.owner) {
    const option = ringOptionForField(field);
    if (!option) {
      unmapped.push(field);
      continue;
    }
    const earlier = chosen.get(option);
    if (!earlier) {
      chosen.set(option, { value, from: field });
    } else if (earlier.value !== value) {
      warnings.push({
        en: `The owner fields "${earlier.from}" and "${field}" both go to ${option} and differ; the command uses "${earlier.from}". Check which one was typed at the first activation (DOMAIN §1.1).`,
        ru: `Поля владельца «${earlier.from}» и «${field}» оба соответствуют ${option} и различаются; в команде использовано «${earlier.from}». Проверьте, какое из них вводилось при первой активации (DOMAIN §1.1).`,
      });
    }
  }
  const options = RING_OWNER_OPTIONS.filter((o) => chosen.has(o)).map((option) => ({ option, ...chosen.get(option)! }));

  if (options.length === 0) {
    warnings.push({
      en: "No owner registration data maps to a ring option: a recovery is refused unless the owner data is typed exactly as at the first activation (DOMAIN §1.1). Record the kit owner's data first.",
      ru: "Ни одно поле регистрационных данных владельца не соответствует параметру ring: восстановление отклоняется, если данные владельца не совпадают с введёнными при первой активации (DOMAIN §1.1). Сначала запишите данные владельца комплекта.",
    });
  }

  const path = typeof input.path === "string" && input.path.trim() !== "" ? input.path : null;
  const missing = path === null ? ["--path"] : [];

  if (shell === "windows") {
    for (const o of options) {
      const hazards = windowsHazards(o.value, true);
      if (hazards.length === 0) continue;
      const list = hazards.join(", ");
      warnings.push({
        en: `The owner field "${o.from}" (${o.option}) contains ${list}: cmd.exe may not pass it to ring intact. Run the command from a Linux shell, or type this value in ring's own prompt, and compare with ring license info.`,
        ru: `Поле владельца «${o.from}» (${o.option}) содержит ${hazards.map((h) => (h === "line break" ? "перевод строки" : h)).join(", ")}: cmd.exe может передать его в ring искажённым. Выполните команду в оболочке Linux или введите это значение вручную и сверьте с выводом ring license info.`,
      });
    }
    if (path !== null && windowsHazards(path, false).length > 0) {
      warnings.push({
        en: 'The --path folder contains ", ! or a line break: cmd.exe may not pass it to ring intact. Choose a folder without them.',
        ru: 'Папка --path содержит ", ! или перевод строки: cmd.exe может передать её в ring искажённой. Выберите папку без этих символов.',
      });
    }
    if (options.some((o) => /[^\x00-\x7f]/.test(o.value))) {
      warnings.push({
        en: "Cyrillic (non-ASCII) owner values reach ring through Windows' code page for non-Unicode programs: run it where that is Russian (Windows-1251), and check the values in ring license info afterwards.",
        ru: "Значения владельца на кириллице передаются в ring через кодовую страницу Windows для программ, не поддерживающих Юникод: выполняйте команду там, где она русская (Windows-1251), и затем сверьте значения с выводом ring license info.",
      });
    }
  }

  const q = shell === "linux" ? quotePosix : quoteWindows;
  const words: string[] = [`--serial ${reg.data}`, `--pin ${pin}`];
  if (previousPin !== null) words.push(`--previous-pin ${previousPin}`);
  for (const o of options) words.push(`${o.option} ${q(o.value)}`);
  if (path !== null) words.push(`--path ${shell === "linux" ? quotePosixPath(path) : quoteWindows(path)}`);
  words.push("--send-statistics false");

  const head = "ring license activate";
  const oneLine = [head, ...words].join(" ");
  const continuation = shell === "linux" ? " \\" : " ^";
  // A value with a line break is quoted across lines already; splitting options around it stays correct.
  const command = oneLine.length <= RING_COMMAND_MAX_LINE && !oneLine.includes("\n") ? oneLine : [head, ...words.map((w) => `  ${w}`)].join(`${continuation}\n`);

  return { command, options, unmapped, missing, warnings };
}
