/**
 * `rac` output (DOMAIN §5.1): `rac session list [--licenses]`, `rac session info --licenses`,
 * `rac process list --licenses`, `rac infobase info`. Records of `key : value` lines (the key padded to a
 * column, or not), one blank line between records. Parsed by key, never by position: new platform
 * versions add keys, and unknown keys are kept.
 *
 * Value rules: a quoted value is a string with its quotes stripped (so `series` — a registration number —
 * stays text even when all digits); a doubled quote inside a quoted value is one quote (the 1C convention,
 * and what `formatRac` writes); unquoted `yes`/`no` are booleans; unquoted integers and decimals are numbers
 * (integers outside the safe range, or with leading zeros, stay text); blank, `''` and `""` are null;
 * everything else (uuids, `YYYY-MM-DDThh:mm:ss` local times, `soft`, `HASP`, `1CV8C`) stays text as printed.
 */
import { z } from "zod";

import { createRng } from "../demo/random";
import type { LicenseRecordView } from "../licensing/match";

export type RacValue = string | number | boolean | null;
export type RacRecord = Record<string, RacValue>;
/** `line` is 1-based; CRLF, LF and a lone CR each end one line. */
export interface RacWarning {
  line: number;
  message: string;
}
export interface RacParseResult {
  records: RacRecord[];
  warnings: RacWarning[];
}

/** A pasted binary file must not turn into a million warnings: the rest are counted in one last warning. */
export const MAX_RAC_WARNINGS = 100;

/** rac keys are lowercase words joined by `-`; `_` and capitals are tolerated. A leading letter also keeps `__proto__` out. */
const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const DECIMAL = /^-?(?:0|[1-9][0-9]*)\.[0-9]+$/;
const UNTERMINATED = Symbol("unterminated");

interface Key {
  /** As printed: `user-name`. */
  raw: string;
  /** camelCase: `userName`. */
  name: string;
  /** The record it was last seen in. */
  stamp: number;
}

/** `user-name` → `userName`, `max-users-all` → `maxUsersAll`; keys without `-` are returned as they are. */
export function racKeyToCamel(key: string): string {
  return key.includes("-") ? key.replace(/-+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase()) : key;
}

/**
 * Back to a rac key: `userName` → `user-name`, `bytesLast5min` → `bytes-last-5min` (a digit after a letter
 * starts a word, as in rac's `*-5min` counters). `racKeyToCamel(camelToRacKey(k)) === k` for every camelCase
 * key of Latin letters and digits that starts with a lowercase letter.
 */
export function camelToRacKey(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/([a-z])(?=[0-9])/g, "$1-");
}

/** Padding around keys and values: spaces, tabs, other control characters, no-break space, a stray BOM. */
const isPad = (c: number) => c <= 0x20 || c === 0xa0 || c === 0xfeff;

/** Types the value `text[from, to)` (padding already cut off) by the rules in the module comment. */
function typeValue(text: string, from: number, to: number): RacValue | typeof UNTERMINATED {
  if (from === to) return null;
  const c = text.charCodeAt(from);
  if (c === 0x22 || c === 0x27) {
    if (to - from < 2 || text.charCodeAt(to - 1) !== c) return UNTERMINATED;
    if (to - from === 2) return null;
    const inner = text.slice(from + 1, to - 1);
    const twice = c === 0x22 ? '""' : "''";
    return inner.includes(twice) ? inner.replaceAll(twice, twice[0]) : inner;
  }
  const len = to - from;
  if (len === 3 && c === 0x79 && text.charCodeAt(from + 1) === 0x65 && text.charCodeAt(from + 2) === 0x73) return true;
  if (len === 2 && c === 0x6e && text.charCodeAt(from + 1) === 0x6f) return false;
  if ((c >= 0x30 && c <= 0x39) || c === 0x2d) {
    // Counters are most of a plain session list: read short integers without slicing.
    const negative = c === 0x2d;
    const digits = negative ? from + 1 : from;
    if (to > digits && to - digits <= 15 && (to - digits === 1 || text.charCodeAt(digits) !== 0x30)) {
      let n = 0;
      let i = digits;
      for (; i < to; i++) {
        const d = text.charCodeAt(i) - 0x30;
        if (d < 0 || d > 9) break;
        n = n * 10 + d;
      }
      if (i === to) return negative ? 0 - n : n;
    }
    const raw = text.slice(from, to);
    if (INTEGER.test(raw)) {
      const n = Number(raw);
      // A counter past 2^53 would silently lose digits as a number: keep the digits.
      return Number.isSafeInteger(n) ? n + 0 : raw;
    }
    if (DECIMAL.test(raw)) return Number(raw);
    return raw;
  }
  return text.slice(from, to);
}

/** Why a non-blank line is not a `key : value` line, or null when it is one. */
function lineProblem(key: string, hasColon: boolean): string | null {
  if (!hasColon) return 'no ":" between a key and a value';
  if (key === "") return 'no key before ":"';
  if (/\s/.test(key)) return "the key has a space inside";
  if (!KEY.test(key)) return "the key has characters a rac key never has (only Latin letters, digits, - and _)";
  return null;
}

/**
 * Parses rac output. Never throws. A malformed line drops the record it belongs to (a warning names the
 * line and the reason); the other records come through. A last record cut off without a newline is kept
 * when its lines are well-formed. Sessions printed twice (fault tolerance > 1) are de-duplicated by
 * `session`, keeping the first copy, with one warning counting the dropped copies.
 */
export function parseRac(input: string): RacParseResult {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // A CR before LF is padding like any control character; only a lone CR (old Mac style) needs rewriting.
  if (text.includes("\r") && /\r(?!\n)/.test(text)) text = text.replace(/\r\n?/g, "\n");

  const found: RacRecord[] = [];
  const foundAt: number[] = [];
  const problems: RacWarning[] = [];
  // Every distinct key once: its camelCase name, and the record it was last seen in (to catch a repeated key).
  const keys = new Map<string, Key>();
  // The current record: its keys in order and their values.
  const order: Key[] = [];
  const values: RacValue[] = [];
  let at = 0;
  let stamp = 0;
  // Records of one command share their keys: copying a ready-made object of that shape is much cheaper
  // than adding the properties one by one.
  let shapeKeys: Key[] = [];
  let shape: RacRecord = {};

  let open = false;
  let startLine = 0;
  let bad: { line: number; reason: string } | null = null;

  // Ends the record that started at `first`: kept, or reported when a line of it was bad. Takes its state as
  // arguments so the loop's own variables stay out of a closure (they are the hot ones).
  const emit = (first: number, last: number, count: number, broken: { line: number; reason: string } | null) => {
    if (broken) {
      const span = last > first ? `lines ${first}–${last}` : `line ${first}`;
      problems.push({ line: broken.line, message: `line ${broken.line}: ${broken.reason}; the record at ${span} was dropped.` });
      return;
    }
    let same = count === shapeKeys.length;
    for (let i = 0; same && i < count; i++) same = order[i] === shapeKeys[i];
    if (!same) {
      shapeKeys = order.slice(0, count);
      shape = {};
      for (const key of shapeKeys) shape[key.name] = null;
    }
    const record: RacRecord = { ...shape };
    for (let i = 0; i < count; i++) record[order[i].name] = values[i];
    found.push(record);
    foundAt.push(first);
  };

  let lineNo = 0;
  let pos = 0;
  const n = text.length;
  // Next ":" at or after the current line; found again only once passed, so lines without one cost no rescans.
  let nextColon = -2;
  while (pos < n) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = n;
    lineNo++;
    let a = pos;
    pos = end + 1;
    while (a < end && isPad(text.charCodeAt(a))) a++;
    if (a === end) {
      if (open) emit(startLine, lineNo - 1, at, bad);
      open = false;
      bad = null;
      continue;
    }
    if (bad) continue;
    if (!open) {
      open = true;
      startLine = lineNo;
      stamp++;
      at = 0;
    }
    if (nextColon !== -1 && nextColon < a) nextColon = text.indexOf(":", a);
    const colon = nextColon >= 0 && nextColon < end ? nextColon : -1;
    let b = colon < 0 ? end : colon;
    while (b > a && isPad(text.charCodeAt(b - 1))) b--;

    // rac prints the keys of every record in the same order: try the key seen at this place last time
    // before slicing and hashing. A key in the cache is known to be well-formed.
    let key: Key | undefined = order[at];
    if (!(key && colon >= 0 && b - a === key.raw.length && text.startsWith(key.raw, a))) {
      const raw = text.slice(a, b);
      key = colon < 0 ? undefined : keys.get(raw);
      if (!key) {
        const reason = lineProblem(raw, colon >= 0);
        if (reason) {
          bad = { line: lineNo, reason };
          continue;
        }
        key = { raw, name: racKeyToCamel(raw), stamp: 0 };
        keys.set(raw, key);
      }
    }
    if (key.stamp === stamp) {
      if (key === order[0]) {
        // The blank line between two records was lost: the record's first key starting over opens the next one.
        problems.push({ line: lineNo, message: `line ${lineNo}: "${key.raw}" starts a new record without a blank line before it.` });
        emit(startLine, lineNo - 1, at, null);
        startLine = lineNo;
        stamp++;
        at = 0;
      } else {
        bad = { line: lineNo, reason: `the key "${key.raw}" appears twice in one record` };
        continue;
      }
    }
    let v = colon + 1;
    while (v < end && isPad(text.charCodeAt(v))) v++;
    let w = end;
    while (w > v && isPad(text.charCodeAt(w - 1))) w--;
    const value = typeValue(text, v, w);
    if (value === UNTERMINATED) {
      bad = { line: lineNo, reason: "a quoted value has no closing quote" };
      continue;
    }
    key.stamp = stamp;
    order[at] = key;
    values[at] = value;
    at++;
  }
  if (open) emit(startLine, lineNo, at, bad);

  dropCutRecord(found, foundAt, problems, lineNo);

  const records: RacRecord[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  let firstDuplicateLine = 0;
  for (let i = 0; i < found.length; i++) {
    const r = found[i];
    const session = typeof r.session === "string" || typeof r.session === "number" ? String(r.session) : "";
    if (session !== "") {
      if (seen.has(session)) {
        if (duplicates++ === 0) firstDuplicateLine = foundAt[i];
        continue;
      }
      seen.add(session);
    }
    records.push(r);
  }
  if (duplicates > 0) {
    problems.push({
      line: firstDuplicateLine,
      message: `${duplicates} duplicate session record${duplicates === 1 ? " was" : "s were"} dropped (the same session printed again, as rac does with fault tolerance > 1); the first copy of each was kept. The first duplicate starts at line ${firstDuplicateLine}.`,
    });
  }

  problems.sort((a, b) => a.line - b.line);
  const warnings = problems.slice(0, MAX_RAC_WARNINGS);
  if (problems.length > MAX_RAC_WARNINGS) {
    const rest = problems.length - MAX_RAC_WARNINGS;
    warnings.push({ line: problems[MAX_RAC_WARNINGS].line, message: `${rest} more warning${rest === 1 ? "" : "s"} from line ${problems[MAX_RAC_WARNINGS].line} on were left out; is this rac output?` });
  }
  return { records, warnings };
}

/**
 * A capture cut off mid-record (a dropped connection, `head -c`, a size limit): rac prints every record of one
 * command with the same keys in the same order, so a last record whose keys are only the first ones of the
 * record before it is the cut one. It is
 * dropped with a warning naming what is missing — kept, it would be a license with no `issued-by-server`,
 * counted as client-obtained.
 */
function dropCutRecord(found: RacRecord[], foundAt: number[], problems: RacWarning[], lastLine: number): void {
  if (found.length < 2) return;
  const have = Object.keys(found[found.length - 1]);
  const before = Object.keys(found[found.length - 2]);
  // A cut stops the record somewhere: what is left is the start of the same key sequence.
  if (have.length >= before.length || have.some((k, i) => before[i] !== k)) return;
  const missing = before.slice(have.length);
  const first = foundAt[foundAt.length - 1];
  found.pop();
  foundAt.pop();
  const keys = missing.slice(0, 5).map((k) => `"${camelToRacKey(k)}"`).join(", ") + (missing.length > 5 ? ` and ${missing.length - 5} more` : "");
  problems.push({
    line: first,
    message: `line ${first}: the last record (lines ${first}–${lastLine}) stops before ${keys}, which the other records have: the capture was cut off, so that record was dropped and the complete ones kept.`,
  });
}

function formatValue(value: RacValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  // rac values are one line: a line break inside a string becomes a space (lossy, documented).
  return `"${value.replace(/\r\n?|\n/g, " ").replaceAll('"', '""')}"`;
}

/**
 * Prints records the way rac does: `key : value` lines with the keys (camelCase turned back into
 * kebab-case) padded to the record's longest key, every string quoted (an inner `"` doubled), `yes`/`no`,
 * an empty value for null, a blank line after each record. `parseRac(formatRac(r))` gives `r` back for
 * records with at least one key, camelCase keys made of Latin letters and digits, one-line strings other
 * than "" (which reads back as null), finite numbers that print without an exponent, and distinct `session`s.
 */
export function formatRac(records: readonly RacRecord[]): string {
  let out = "";
  for (const record of records) {
    const keys = Object.keys(record);
    if (keys.length === 0) continue;
    const names = keys.map(camelToRacKey);
    const width = names.reduce((w, k) => Math.max(w, k.length), 0);
    for (let i = 0; i < keys.length; i++) out += `${names[i].padEnd(width)} : ${formatValue(record[keys[i]])}`.trimEnd() + "\n";
    out += "\n";
  }
  return out;
}

/** A rac license record (`session list --licenses`, `session info --licenses`, `process list --licenses`) as typed fields. */
export interface RacLicense extends LicenseRecordView {
  sessionId: number | null;
  process: string | null;
  infobase: string | null;
  /** rac `license-type` as printed: `soft` or `HASP`. */
  licenseType: string | null;
  /** `series` of a `soft` license: its kit's registration number (§5.1). */
  regNumber: string | null;
  /** `series` of a `HASP` license: the key series, e.g. `ORGL8` (§2). */
  keySeries: string | null;
  /** File name of `fullName`: the activation time `YYYYMMDDhhmmss.lic` (§1.5). */
  fileName: string | null;
  maxUsersAll: number | null;
  maxUsersCur: number | null;
  /** Port and pid of the issuing server process; null when the client obtained the license itself (rac prints 0). */
  rmngrPort: number | null;
  rmngrPid: number | null;
  /** Local time of the 1C server, no zone (the zone is a setting applied later). */
  startedAt: string | null;
  shortPresentation: string | null;
  fullPresentation: string | null;
}

/** A rac value as text: trimmed, numbers written out, blank → null. */
export const racText = (v: RacValue | undefined): string | null => {
  if (typeof v === "number") return String(v);
  if (typeof v !== "string") return null;
  const t = v.trim();
  return t === "" ? null : t;
};
/** A rac yes/no value; anything else → null. */
export const racFlag = (v: RacValue | undefined): boolean | null => (typeof v === "boolean" ? v : v === "yes" ? true : v === "no" ? false : null);
const num = (v: RacValue | undefined): number | null => {
  if (typeof v === "number") return v;
  if (typeof v === "string" && INTEGER.test(v.trim())) return Number(v.trim());
  return null;
};
const positive = (v: RacValue | undefined): number | null => {
  const n = num(v);
  return n !== null && n > 0 ? n : null;
};

/**
 * The typed view of one license record, ready for matching (DOMAIN §5.1). Missing or empty fields are
 * null. When `issued-by-server` or `net` is absent, the presentation fills it in: `Сервер, …`/`Server, …`
 * is server-issued, `Клиент, …`/`Client, …` client-obtained; `Сетевой`/`Network` is via the License
 * Manager, `Локальный`/`Local` is not.
 */
export function toHeldLicense(record: RacRecord): RacLicense {
  const series = racText(record.series);
  const licenseType = racText(record.licenseType);
  const fullName = racText(record.fullName);
  const presentation = racText(record.shortPresentation) ?? racText(record.fullPresentation) ?? "";
  const fromPresentation = /^(?:Сервер|Server)(?=[\s,]|$)/i.test(presentation) ? true : /^(?:Клиент|Client)(?=[\s,]|$)/i.test(presentation) ? false : null;
  const netFromPresentation = /(?:Сетевой|Network)/i.test(presentation) ? true : /(?:Локальный|Local)/i.test(presentation) ? false : null;
  const type = licenseType?.toLowerCase();
  return {
    session: racText(record.session),
    sessionId: num(record.sessionId),
    process: racText(record.process),
    infobase: racText(record.infobase),
    userName: racText(record.userName),
    host: racText(record.host),
    terminalSession: null,
    appId: racText(record.appId),
    series,
    licenseType,
    regNumber: type === "soft" ? series : null,
    keySeries: type === "hasp" ? series : null,
    issuedByServer: racFlag(record.issuedByServer) ?? fromPresentation,
    net: racFlag(record.net) ?? netFromPresentation,
    fullName,
    folder: licenseFolder(fullName),
    fileName: licenseFileName(fullName),
    maxUsersAll: num(record.maxUsersAll),
    maxUsersCur: num(record.maxUsersCur),
    rmngrAddress: racText(record.rmngrAddress),
    rmngrPort: positive(record.rmngrPort),
    rmngrPid: positive(record.rmngrPid),
    startedAt: racText(record.startedAt),
    shortPresentation: racText(record.shortPresentation),
    fullPresentation: racText(record.fullPresentation),
  };
}

/** Decodes `%XX` runs that form valid UTF-8 and leaves any other `%` as it is. */
const percentDecode = (s: string) =>
  s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });

/** The license file's path in the host's own notation: `/var/1C/licenses/x.lic`, `C:\ProgramData\1C\licenses\x.lic`, `\\host\share\x.lic`. */
export function licenseFilePath(fullName: string | null | undefined): string | null {
  let s = fullName?.trim() ?? "";
  if (s === "") return null;
  if (/^file:/i.test(s)) {
    s = s.slice(5);
    if (s.startsWith("//")) {
      const rest = s.slice(2);
      const slash = rest.search(/[\\/]/);
      const authority = slash < 0 ? rest : rest.slice(0, slash);
      const path = slash < 0 ? "" : rest.slice(slash);
      // file://server/share/x.lic is a Windows UNC path; file:///… and file://localhost/… are local; rac on
      // Windows prints file://C:/ProgramData/… (two slashes, §5.1): the "authority" is a drive letter.
      s = authority === "" || authority.toLowerCase() === "localhost" ? path : /^[A-Za-z]:$/.test(authority) ? `${authority}${path}` : `\\\\${authority}${path}`;
    }
    s = percentDecode(s);
    if (/^[\\/][A-Za-z]:(?:[\\/]|$)/.test(s)) s = s.slice(1);
  }
  if (s === "") return null;
  const windows = /^[A-Za-z]:/.test(s) || s.startsWith("\\\\");
  if (windows) return s.replace(/\//g, "\\");
  return s.startsWith("/") ? s : null;
}

/**
 * The folder a license file was read from (DOMAIN §1.5), from rac `full-name`: `file:///var/1C/licenses/x.lic`
 * → `/var/1C/licenses`, `file:///C:/ProgramData/1C/licenses/x.lic` → `C:\ProgramData\1C\licenses`;
 * percent-escapes decoded. Null for an empty value (a HASP key) or anything that is not a file path.
 */
export function licenseFolder(fullName: string | null | undefined): string | null {
  const path = licenseFilePath(fullName);
  if (!path) return null;
  const sep = path.startsWith("/") ? "/" : "\\";
  const i = path.lastIndexOf(sep);
  if (i < 0) return null;
  if (sep === "/") return i === 0 ? "/" : path.slice(0, i);
  const folder = path.slice(0, i);
  return /^[A-Za-z]:$/.test(folder) ? `${folder}\\` : folder === "\\" ? null : folder;
}

/** The file name of rac `full-name` (`20240115093012.lic`), or null. */
export function licenseFileName(fullName: string | null | undefined): string | null {
  const path = licenseFilePath(fullName);
  if (!path) return null;
  const name = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
  return name === "" ? null : name;
}

/** `POST /api/parse/rac` response. */
export const RacValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const ParseRacResponseSchema = z.object({
  records: z.array(z.record(z.string(), RacValueSchema)),
  warnings: z.array(z.object({ line: z.number().int().min(0), message: z.string() })),
  encoding: z.enum(["utf-8", "cp866", "windows-1251"]),
});
export type ParseRacResponse = z.infer<typeof ParseRacResponseSchema>;

/**
 * `count` realistic `session list --licenses` records, deterministic for a seed (bench and tests):
 * soft licenses issued by the server, soft licenses the client found itself, HASP network keys.
 */
export function generateLicenseRecords(count: number, seed: number): RacRecord[] {
  const rng = createRng(seed);
  const apps = ["1CV8C", "1CV8C", "1CV8C", "1CV8", "Designer", "WebClient", "COMConnection"];
  const regNumbers = [rng.digits(9), rng.digits(10), rng.digits(12), rng.digits(10)];
  const out: RacRecord[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const kind = rng.int(0, 9);
    const server = kind < 6;
    const hasp = kind === 9;
    const stamp = `2024${String(rng.int(1, 12)).padStart(2, "0")}${String(rng.int(10, 28))}${String(rng.int(10, 23))}${String(rng.int(10, 59))}${String(rng.int(10, 59))}`;
    const fullName = hasp ? null : server ? `file:///var/1C/licenses/${stamp}.lic` : `file:///C:/ProgramData/1C/licenses/${stamp}.lic`;
    const series = hasp ? "ORGL8" : rng.pick(regNumbers);
    const seats = hasp ? 50 : rng.pick([5, 10, 20, 50, 100]);
    const description = hasp ? `ORGL8 Сетевой ${seats}` : `программная лицензия ${series} на ${seats} пользователей`;
    const host = `buh-${String(rng.int(1, 400)).padStart(3, "0")}`;
    out[i] = {
      session: rng.uuid(),
      userName: `Пользователь ${rng.int(1, 5000)}`,
      host,
      appId: rng.pick(apps),
      fullName,
      series,
      issuedByServer: server,
      licenseType: hasp ? "HASP" : "soft",
      net: hasp,
      maxUsersAll: seats,
      maxUsersCur: seats,
      rmngrAddress: server ? "srv-1c" : null,
      rmngrPort: server ? 1541 : 0,
      rmngrPid: server ? rng.int(1000, 65000) : 0,
      shortPresentation: `${server ? "Сервер" : "Клиент"}, ${description}`,
      fullPresentation: `${server ? "Сервер" : "Клиент"}, ${server ? "srv-1c" : host}, ${description}${fullName ? `, ${fullName}` : ""}`,
    };
  }
  return out;
}

const importCount = z.number().int().nonnegative();

/** `POST /api/import/rac` response: the counts (never session data) and the parser's warnings. */
export const ImportRacResponseSchema = z.object({
  snapshotId: z.number().int().positive(),
  takenAt: z.iso.datetime(),
  sessions: importCount,
  created: importCount,
  updated: importCount,
  licensed: importCount,
  matched: importCount,
  unmatched: importCount,
  skipped: importCount,
  encoding: ParseRacResponseSchema.shape.encoding,
  warnings: ParseRacResponseSchema.shape.warnings,
});
export type ImportRacResponse = z.infer<typeof ImportRacResponseSchema>;
