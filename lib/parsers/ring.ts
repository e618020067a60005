/**
 * `ring license list` / `validate` / `info` output (DOMAIN §5.2), Russian and English locales.
 * A license is named `<PIN>-<regnum>` (§1.5); a PIN is a secret (§1.2), so warnings name the line number and
 * the reason, never the line. The owner registration data is kept verbatim: recovery refuses any character
 * that differs from what was typed at the first activation (§1.1).
 */
import { z } from "zod";

/** One license named by ring. `valid` is set only by `license validate` sentences. */
export interface RingLicense {
  /** 15 digits (16 for some product lines, §1.2 [L]), separators stripped. */
  pin: string;
  /** 9 to 12 digits, as text (§1.1). */
  regNumber: string;
  /** The `.lic` file name from the `(имя файла: "…")` / `(file name: "…")` tail. */
  file?: string;
  valid?: boolean;
}

/** A `Key: value` line of `license info`; `value` is exactly what followed `Key: ` (§1.1). */
export interface RingField {
  field: string;
  value: string;
}

/** `line` is 1-based; CRLF, LF and a lone CR each end one line. The message never quotes the line. */
export interface RingWarning {
  line: number;
  code: string;
  message: string;
}

export interface RingParseResult {
  licenses: RingLicense[];
  owner?: { fields: RingField[] };
  product?: { fields: RingField[]; regNumber?: string };
  warnings: RingWarning[];
}

/** A pasted binary file must not turn into a million warnings: the rest are counted in one last warning. */
export const MAX_RING_WARNINGS = 100;
/** Longest line looked at (an owner value or a product name is far shorter). */
export const MAX_RING_LINE = 4096;

// A PIN as ring prints it (15–16 digits) or grouped by 3 as people copy it (§1.2), then `-<regnum>`.
const PIN = String.raw`\d{15,16}|\d{3}(?:-\d{3}){4}(?:-\d)?`;
const REGNUM = String.raw`\d{9,12}`;
const FILE_TAIL = String.raw`\(\s*(?:имя\s+файла|file\s*name)\s*:\s*["«“']?([^"»”')]*?)["»”']?\s*\)`;
const LIST_LINE = new RegExp(String.raw`^(${PIN})-(${REGNUM})(?:\s*${FILE_TAIL})?\.?$`, "iu");
const TOKEN = new RegExp(String.raw`(?<![\d-])(${PIN})-(${REGNUM})(?![\d-])`, "u");
const TAIL_ANYWHERE = new RegExp(FILE_TAIL, "iu");
/** Starts like a license (a long run of digits, or a PIN grouped by 3) but did not parse: diagnosed, never echoed. */
const LICENSE_LIKE = /^\d{9,}|^(?:\d{3}[-\s]){4}\d{3}/u;

const OWNER_SECTION = /^(?:информация|сведения|данные)\s+о\s+(?:пользователе|владельце(?:\s+лицензии)?)|^(?:user|owner|licen[cs]ee|registration)\s+(?:information|info|data)|^information\s+about\s+the\s+(?:user|owner)/iu;
const PRODUCT_SECTION = /^(?:информация|сведения|данные)\s+о\s+продукте|^product\s+(?:information|info|data)|^information\s+about\s+the\s+product/iu;
const REGNUM_FIELD = /^(?:регистрационный\s+номер|рег\.?\s*номер|registration\s+number|reg\.?\s*(?:number|no\.?)|серийный\s+номер\s+комплекта|package\s+serial\s+number)$/iu;

const VALIDATE_FAILED = /недействительн|не\s+действительн|не\s+прош|ошибк|не\s+удалось|невер|invalid|not\s+valid|fail|error|cannot|could\s+not/iu;
const VALIDATE_OK = /действительн|успешн|прошла\s+проверку|корректн|valid|success|passed|\bok\b/iu;

const digitsOf = (s: string) => s.replace(/\D/g, "");
const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].length;

function headerName(trimmed: string): "owner" | "product" | "other" | undefined {
  if (!trimmed.endsWith(":")) return undefined;
  const name = trimmed.slice(0, -1).trim();
  if (OWNER_SECTION.test(name)) return "owner";
  if (PRODUCT_SECTION.test(name)) return "product";
  return "other";
}

/** What is wrong with a line that looks like a license but is not one; counts only, never digits. */
function diagnose(trimmed: string): string {
  const token = trimmed.split(/[\s(]/u)[0];
  const parts = token.split("-").filter(Boolean);
  if (parts.length < 2) return "a license is written <PIN>-<registration number>; no registration number follows the PIN";
  const regnum = parts[parts.length - 1];
  const pin = parts.slice(0, -1).join("");
  if (!/^\d+$/.test(pin) || (pin.length !== 15 && pin.length !== 16)) return `the PIN part has ${digitsOf(pin).length} digits; a PIN has 15 (or 16) digits`;
  if (!/^\d+$/.test(regnum) || regnum.length < 9 || regnum.length > 12) return `the registration number part has ${digitsOf(regnum).length} digits; a registration number has 9 to 12`;
  return "the text after the license is not a file-name note such as (имя файла: \"….lic\")";
}

function licenseFrom(match: RegExpExecArray): { pin: string; regNumber: string } {
  return { pin: digitsOf(match[1]), regNumber: match[2] };
}

/** Parses ring output (`license list`, `license validate`, `license info`, or all three pasted together). Never throws. */
export function parseRing(text: string): RingParseResult {
  const source = typeof text === "string" ? (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) : "";
  const lines = source.split(/\r\n|\n|\r/);
  const licenses: RingLicense[] = [];
  const byName = new Map<string, RingLicense>();
  const problems: RingWarning[] = [];
  let owner: { fields: RingField[] } | undefined;
  let product: { fields: RingField[]; regNumber?: string } | undefined;
  let section: { kind: "owner" | "product" | "skip"; fields: RingField[]; indented: boolean } | undefined;

  let dropped = 0;
  let firstDropped = 0;
  const warn = (line: number, code: string, message: string) => {
    if (problems.length < MAX_RING_WARNINGS) problems.push({ line, code, message: `Line ${line}: ${message}.` });
    else if (dropped++ === 0) firstDropped = line;
  };
  const add = (license: RingLicense) => {
    const name = `${license.pin}-${license.regNumber}`;
    const known = byName.get(name);
    if (!known) {
      byName.set(name, license);
      licenses.push(license);
      return;
    }
    // The same license from `list` and `validate`: one entry, the details of both.
    if (license.file && !known.file) known.file = license.file;
    if (license.valid !== undefined) known.valid = known.valid === false ? false : license.valid;
  };

  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const line = lines[i];
    const trimmed = line.trim();
    if (!trimmed) continue;
    // ring prints short lines; a longer one is not ring output, and regular expressions are kept off it.
    if (line.length > MAX_RING_LINE) {
      warn(n, "line-too-long", `longer than ${MAX_RING_LINE} characters, not ring output; skipped`);
      continue;
    }
    const indent = indentOf(line);

    const header = headerName(trimmed);
    const inSection = section !== undefined;
    // An unindented `Name:` opens a section unless it is an empty field of a flat (unindented) block.
    const opensSection = header === "owner" || header === "product" || (header === "other" && indent === 0 && (!inSection || section!.indented));
    if (header && opensSection) {
      if (header === "owner" || header === "product") {
        if ((header === "owner" && owner) || (header === "product" && product)) {
          warn(n, "second-block", `a second ${header === "owner" ? "user-information" : "product-information"} block was skipped; only the first one is kept`);
          section = { kind: "skip", fields: [], indented: false };
        } else {
          section = { kind: header, fields: [], indented: false };
          if (header === "owner") owner = { fields: section.fields };
          else product = { fields: section.fields };
        }
      } else {
        warn(n, "unknown-section", "a section SeatLedger does not know; its lines were skipped");
        section = { kind: "skip", fields: [], indented: false };
      }
      continue;
    }

    const list = LIST_LINE.exec(trimmed);
    if (list) {
      const file = list[3]?.trim();
      add({ ...licenseFrom(list), ...(file ? { file } : {}) });
      if (indent === 0) section = undefined;
      continue;
    }

    // An indented block (or a skipped one) ends at the first unindented line that is not a new header.
    if (section && indent === 0 && (section.indented || section.kind === "skip")) section = undefined;
    if (section) {
      if (indent > 0) section.indented = true;
      const colon = trimmed.indexOf(":");
      const body = line.slice(indent);
      if (colon > 0) {
        const at = body.indexOf(":");
        const field = body.slice(0, at).trim();
        // Only the `Key: ` prefix goes: one separating space or tab; everything after it is the value (§1.1).
        const rest = body.slice(at + 1);
        const value = rest.startsWith(" ") || rest.startsWith("\t") ? rest.slice(1) : rest;
        if (section.kind === "skip") continue;
        section.fields.push({ field, value });
        const token = TOKEN.exec(value);
        if (token) add(licenseFrom(token));
        if (section.kind === "product" && REGNUM_FIELD.test(field)) {
          const digits = value.replace(/[\s-]/g, "");
          if (/^\d{9,12}$/.test(digits)) product!.regNumber = digits;
          else warn(n, "bad-registration-number", "the registration number is not 9 to 12 digits; the field is kept as printed");
        }
        continue;
      }
      if (section.kind === "skip") continue;
      // Kept, not guessed: a wrapped value or a line without a key stays in its place with an empty field name.
      section.fields.push({ field: "", value: body });
      warn(n, "field-without-key", `a line without "Key:" inside the ${section.kind === "owner" ? "user" : "product"} block was kept as a value with no field name; check it by hand`);
      continue;
    }

    const token = TOKEN.exec(trimmed);
    if (token) {
      const tail = TAIL_ANYWHERE.exec(trimmed)?.[1]?.trim();
      const sentence = trimmed.replace(token[0], " ");
      const valid = VALIDATE_FAILED.test(sentence) ? false : VALIDATE_OK.test(sentence) ? true : undefined;
      add({ ...licenseFrom(token), ...(tail ? { file: tail } : {}), ...(valid === undefined ? {} : { valid }) });
      if (valid === false) warn(n, "validation-failed", "ring reports that a license did not pass validation");
      continue;
    }

    if (LICENSE_LIKE.test(trimmed)) warn(n, "malformed-license", `looks like a license line but ${diagnose(trimmed)}; skipped`);
    else warn(n, "unrecognised-line", "not ring license output; skipped");
  }

  const warnings = problems;
  if (dropped > 0)
    warnings.push({ line: firstDropped, code: "too-many-warnings", message: `${dropped} more warning${dropped === 1 ? "" : "s"} from line ${firstDropped} on were left out; is this ring output?` });
  return { licenses, ...(owner ? { owner } : {}), ...(product ? { product } : {}), warnings };
}

/** One `license list` line as ring prints it in the given locale (the inverse of the list-line parser). */
export function formatRingListLine(license: Pick<RingLicense, "pin" | "regNumber" | "file">, locale: "ru" | "en" = "ru"): string {
  const name = `${license.pin}-${license.regNumber}`;
  if (!license.file) return name;
  return locale === "ru" ? `${name} (имя файла: "${license.file}")` : `${name} (file name: "${license.file}")`;
}

/** `license info` output: the user block then the product block, each field on an indented `Key: value` line. */
export function formatRingInfo(info: { owner?: { fields: RingField[] }; product?: { fields: RingField[] } }, locale: "ru" | "en" = "ru", eol = "\n"): string {
  const out: string[] = [];
  const block = (title: string, fields: RingField[]) => out.push(title, ...fields.map((f) => `    ${f.field}: ${f.value}`));
  if (info.owner) block(locale === "ru" ? "Информация о пользователе:" : "User information:", info.owner.fields);
  if (info.product) block(locale === "ru" ? "Информация о продукте:" : "Product information:", info.product.fields);
  return out.join(eol) + eol;
}

const Field = z.object({ field: z.string(), value: z.string() });

/** Response schema of `POST /api/parse/ring`. */
export const RingParseResultSchema = z.object({
  licenses: z.array(
    z.object({
      pin: z.string().regex(/^\d{15,16}$/),
      regNumber: z.string().regex(/^\d{9,12}$/),
      file: z.string().optional(),
      valid: z.boolean().optional(),
    }),
  ),
  owner: z.object({ fields: z.array(Field) }).optional(),
  product: z.object({ fields: z.array(Field), regNumber: z.string().regex(/^\d{9,12}$/).optional() }).optional(),
  warnings: z.array(z.object({ line: z.number().int().min(1), code: z.string(), message: z.string() })),
}) satisfies z.ZodType<RingParseResult>;

/** `POST /api/parse/ring`: the parse result plus the decoding the body was read with (as `/api/parse/rac`). */
export const ParseRingResponseSchema = RingParseResultSchema.extend({ encoding: z.enum(["utf-8", "cp866", "windows-1251"]) });
export type ParseRingResponse = z.infer<typeof ParseRingResponseSchema>;
