/**
 * `nethasp.ini` — the client-side file that tells a 1C:Enterprise client where to look for the HASP
 * License Manager (DOMAIN §3; ports and IPv4-only from §2): a parser that keeps line numbers, the
 * effective settings with the defaults, a linter and a generator. Pure: text in, data out.
 *
 * Decisions where the sources are silent (each is the linter's assumption, stated in its message):
 * - A key outside its own section (or before any section) is ignored by the client, so it does not
 *   count towards the effective settings; neither does anything under an unknown section.
 * - A scalar key given twice: the last one wins. The last occurrence decides even when its value is
 *   invalid, and then the default applies.
 * - `effective.serverAddr` holds the usable addresses of `[NH_TCPIP]` (IPv4 or host names, in file
 *   order); addresses the linter rejects (IPv6, a port glued on, a bad name) are left out. It is filled
 *   even when TCP/IP is off — `tcpip` says whether it is used.
 * - Findings about the whole file (no address at all, the summary) have line 0.
 * - IPX or NetBIOS still on while usable addresses are set is a warning (`other-protocols-with-addresses`,
 *   [M]): the client also searches over them and waits. The fix is carried in the text as the
 *   `[NH_COMMON]` lines to write; there is no machine-readable fix field.
 * - A warning (never an error) is silenced by `; seatledger-allow: <code>[, <code>]` on its line or in
 *   the comment lines right above it: the generator writes one when the admin chose a non-default port
 *   or broadcast on purpose, so a generated file lints with nothing but the summary.
 * - The generator writes ASCII only (English comments) with CRLF by default: the HASP client's INI
 *   reader predates Unicode, and the same file is opened in Notepad (CP1251 or UTF-8), on consoles
 *   (CP866) and on Linux, where any Cyrillic byte would turn into mojibake on at least one of them.
 *   The Russian explanations live in the findings (`text.ru`) and the UI instead.
 */
import { z } from "zod";

import type { Localised } from "../domain/localised";

export const NETHASP_SECTIONS = ["NH_COMMON", "NH_IPX", "NH_NETBIOS", "NH_TCPIP"] as const;
export type NethaspSection = (typeof NETHASP_SECTIONS)[number];

/** The HASP License Manager's port, UDP (default) or TCP (DOMAIN §2 [H]). */
export const LM_DEFAULT_PORT = 475;
/** The Sentinel runtime's admin page (DOMAIN §2 [H]): often mistaken for the License Manager's port. */
export const SENTINEL_ADMIN_PORT = 1947;
/** §3: NH_SERVER_NAME takes at most 6 names of at most 7 characters; NH_NBNAME one name of at most 8. */
export const MAX_SERVER_NAMES = 6;
export const MAX_SERVER_NAME_LENGTH = 7;
export const MAX_NBNAME_LENGTH = 8;
/** The generator takes at most this many License Manager addresses. */
export const MAX_ADDRESSES = 64;
/** A pasted file with more problems than this is not a nethasp.ini; the rest are cut off. */
export const MAX_FINDINGS = 500;

const RULE = "DOMAIN §3";
const RULE_LM = "DOMAIN §2";
const RULE_SERVER_SIDE = "DOMAIN §3 [L]";
const RULE_INFERRED = "DOMAIN §3 [M]";

type ValueKind = "switch" | "method" | "search-method" | "port" | "seconds" | "number" | "socket" | "addresses" | "server-names" | "nbname" | "path";

interface KeySpec {
  kind: ValueKind;
  sections: readonly NethaspSection[];
  /** Repeated lines add up instead of replacing each other (§3: NH_SERVER_ADDR only). */
  accumulates?: true;
}

const ALL = NETHASP_SECTIONS;

/** Every client key the HASP client reads, and the sections it reads it in (DOMAIN §3). */
const KEYS: Record<string, KeySpec> = {
  NH_IPX: { kind: "switch", sections: ["NH_COMMON"] },
  NH_NETBIOS: { kind: "switch", sections: ["NH_COMMON"] },
  NH_TCPIP: { kind: "switch", sections: ["NH_COMMON"] },
  NH_SESSION: { kind: "seconds", sections: ALL },
  NH_SEND_RCV: { kind: "seconds", sections: ALL },
  NH_USE_SAP: { kind: "switch", sections: ["NH_IPX"] },
  NH_USE_BINDERY: { kind: "switch", sections: ["NH_IPX"] },
  NH_SEARCH_METHOD: { kind: "search-method", sections: ["NH_IPX"] },
  NH_BC_SOCKET_NUM: { kind: "socket", sections: ["NH_IPX"] },
  NH_DATFILE_PATH: { kind: "path", sections: ["NH_IPX"] },
  NH_USE_BROADCAST: { kind: "switch", sections: ["NH_IPX", "NH_TCPIP"] },
  NH_SERVER_NAME: { kind: "server-names", sections: ["NH_IPX", "NH_TCPIP"] },
  NH_NBNAME: { kind: "nbname", sections: ["NH_NETBIOS"] },
  NH_USELANANUM: { kind: "number", sections: ["NH_NETBIOS"] },
  NH_SERVER_ADDR: { kind: "addresses", sections: ["NH_TCPIP"], accumulates: true },
  NH_PORT_NUMBER: { kind: "port", sections: ["NH_TCPIP"] },
  NH_TCPIP_METHOD: { kind: "method", sections: ["NH_TCPIP"] },
};

export const NETHASP_KEYS: readonly string[] = Object.keys(KEYS);

// ───────────────────────────────────────── parse ─────────────────────────────────────────

export interface NethaspEntry {
  /** 1-based line number. */
  line: number;
  /** The section it sits in, upper-cased as written (known or not); null before the first header. */
  section: string | null;
  /** The key upper-cased (keys are case-insensitive); `rawKey` as written. */
  key: string;
  rawKey: string;
  /** The value without its comment, trimmed. */
  value: string;
  /** The value split at commas, trimmed, empty items dropped. */
  items: string[];
  /** True when the list had an empty item (`a,,b`, a trailing comma). */
  emptyItem: boolean;
  /** Text after `;`, if any. */
  comment?: string;
}

export interface NethaspHeader {
  line: number;
  /** Upper-cased, trimmed. */
  name: string;
}

export type NethaspGarbageKind = "no-equals" | "empty-key" | "unclosed-section" | "hash-comment";

export interface NethaspGarbage {
  line: number;
  text: string;
  kind: NethaspGarbageKind;
}

export interface ParsedNethasp {
  headers: NethaspHeader[];
  entries: NethaspEntry[];
  /** Lines that are neither a header, a `KEY = VALUE`, a `;` comment nor blank. */
  garbage: NethaspGarbage[];
  /** Whole-line `;` comments, by line. */
  comments: Array<{ line: number; text: string }>;
  lineCount: number;
}

const splitComment = (line: string): [string, string | undefined] => {
  const at = line.indexOf(";");
  return at < 0 ? [line, undefined] : [line.slice(0, at), line.slice(at + 1).trim()];
};

/** Parses nethasp.ini text (CRLF, LF or CR; a BOM; any spacing and case); never throws. */
export function parseNethasp(text: string): ParsedNethasp {
  const source = typeof text === "string" ? text : "";
  const lines = (source.charCodeAt(0) === 0xfeff ? source.slice(1) : source).split(/\r\n|\r|\n/);
  const parsed: ParsedNethasp = { headers: [], entries: [], garbage: [], comments: [], lineCount: lines.length };
  let section: string | null = null;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "") return;
    if (trimmed.startsWith(";")) {
      parsed.comments.push({ line, text: trimmed.slice(1).trim() });
      return;
    }
    if (trimmed.startsWith("#") || trimmed.startsWith("//")) {
      parsed.garbage.push({ line, text: trimmed, kind: "hash-comment" });
      return;
    }
    const [body, comment] = splitComment(trimmed);
    const content = body.trim();
    if (content.startsWith("[")) {
      const close = content.indexOf("]");
      if (close < 0 || content.slice(close + 1).trim() !== "") {
        parsed.garbage.push({ line, text: trimmed, kind: "unclosed-section" });
        return;
      }
      section = content.slice(1, close).trim().toUpperCase();
      parsed.headers.push({ line, name: section });
      return;
    }
    const eq = content.indexOf("=");
    if (eq < 0) {
      parsed.garbage.push({ line, text: trimmed, kind: "no-equals" });
      return;
    }
    const rawKey = content.slice(0, eq).trim();
    if (rawKey === "") {
      parsed.garbage.push({ line, text: trimmed, kind: "empty-key" });
      return;
    }
    const value = content.slice(eq + 1).trim();
    const parts = value.split(",").map((p) => p.trim());
    const items = parts.filter((p) => p !== "");
    parsed.entries.push({
      line,
      section,
      key: rawKey.toUpperCase(),
      rawKey,
      value,
      items,
      emptyItem: value !== "" && items.length < parts.length,
      ...(comment === undefined ? {} : { comment }),
    });
  });
  return parsed;
}

// ─────────────────────────────────── addresses and values ───────────────────────────────────

export type AddressKind = "ipv4" | "host";

export type AddressCheck =
  | { ok: true; kind: AddressKind; /** A warning the address still carries (leading zeros). */ warning?: { code: "ipv4-leading-zero"; text: Localised } }
  | { ok: false; code: "invalid-ipv4" | "ipv6-address" | "invalid-host-name" | "address-with-port"; text: Localised };

/** Long values are cut in messages: a finding quotes what it is about, not a whole pasted blob. */
const show = (value: string, max = 60) => (value.length > max ? `${value.slice(0, max)}…` : value);

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function checkHostName(address: string): boolean {
  const name = address.endsWith(".") ? address.slice(0, -1) : address;
  return name.length >= 1 && name.length <= 253 && name.split(".").every((label) => LABEL.test(label));
}

/**
 * One `NH_SERVER_ADDR` item: an IPv4 address or a DNS host name (§3). IPv6 is refused on its own code
 * because the License Manager listens on IPv4 only (§2 [H]); `host:port` because the port has its own key.
 */
export function checkAddress(input: string): AddressCheck {
  const a = input.trim();
  const q = show(a);
  if (a === "") return { ok: false, code: "invalid-host-name", text: { en: "An address cannot be empty.", ru: "Адрес не может быть пустым." } };
  if (/\s/.test(a)) {
    return {
      ok: false,
      code: "invalid-host-name",
      text: { en: `"${q}" contains spaces: separate addresses with commas.`, ru: `«${q}» содержит пробелы: разделяйте адреса запятыми.` },
    };
  }
  const ipv6 = () => ({
    ok: false as const,
    code: "ipv6-address" as const,
    text: {
      en: `"${q}" is an IPv6 address, but the License Manager listens on IPv4 only: give its IPv4 address or host name.`,
      ru: `«${q}» — адрес IPv6, а менеджер лицензий работает только по IPv4: укажите его IPv4-адрес или имя компьютера.`,
    },
  });
  const withPort = () => ({
    ok: false as const,
    code: "address-with-port" as const,
    text: {
      en: `"${q}" includes a port; the address goes alone and the port goes in NH_PORT_NUMBER.`,
      ru: `«${q}» содержит порт; адрес указывается без порта, а порт — в NH_PORT_NUMBER.`,
    },
  });
  if (a.startsWith("[")) return /^\[[^\]]*\]:\d+$/.test(a) || /^\[[0-9A-Fa-f:.%]*\]$/.test(a) ? ipv6() : invalidHost(q);
  const colons = (a.match(/:/g) ?? []).length;
  if (colons >= 2) return /^[0-9A-Fa-f:.]+(%[\w.-]+)?$/.test(a) ? ipv6() : invalidHost(q);
  if (colons === 1) {
    const [host, port] = a.split(":");
    return /^\d+$/.test(port) && (checkIpv4(host).ok || checkHostName(host)) ? withPort() : invalidHost(q);
  }
  if (/^[0-9.]+$/.test(a)) return checkIpv4(a);
  return checkHostName(a) ? { ok: true, kind: "host" } : invalidHost(q);
}

function invalidHost(q: string): AddressCheck {
  const underscore = q.includes("_");
  return {
    ok: false,
    code: "invalid-host-name",
    text: {
      en: `"${q}" is not a valid host name: dot-separated labels of up to 63 letters, digits and hyphens${underscore ? " (an underscore is not allowed)" : ""}; or give an IPv4 address.`,
      ru: `«${q}» — недопустимое имя компьютера: части через точку, до 63 латинских букв, цифр и дефисов${underscore ? " (подчёркивание не допускается)" : ""}; или укажите IPv4-адрес.`,
    },
  };
}

function checkIpv4(a: string): AddressCheck {
  const q = show(a);
  const parts = a.split(".");
  const bad = (en: string, ru: string): AddressCheck => ({ ok: false, code: "invalid-ipv4", text: { en, ru } });
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) {
    return bad(`"${q}" is not a valid IPv4 address: four numbers from 0 to 255 separated by dots.`, `«${q}» — неверный IPv4-адрес: нужны четыре числа от 0 до 255 через точку.`);
  }
  if (parts.every((p) => Number(p) === 0)) {
    return bad(`"${q}" is not the address of a computer; give the License Manager's own IPv4 address.`, `«${q}» — это не адрес компьютера; укажите собственный IPv4-адрес менеджера лицензий.`);
  }
  if (parts.some((p) => p.length > 1 && p.startsWith("0"))) {
    const plain = parts.map(Number).join(".");
    return {
      ok: true,
      kind: "ipv4",
      warning: {
        code: "ipv4-leading-zero",
        text: {
          en: `"${q}" has leading zeros, which some resolvers read as octal (010 = 8); write ${plain}.`,
          ru: `В «${q}» есть ведущие нули, а некоторые библиотеки читают такие числа как восьмеричные (010 = 8); пишите ${plain}.`,
        },
      },
    };
  }
  return { ok: true, kind: "ipv4" };
}

const parseSwitch = (v: string): boolean | undefined => (/^enabled$/i.test(v) ? true : /^disabled$/i.test(v) ? false : undefined);
const parseMethod = (v: string): "UDP" | "TCP" | undefined => (/^udp$/i.test(v) ? "UDP" : /^tcp$/i.test(v) ? "TCP" : undefined);
const parseWhole = (v: string): number | undefined => (/^\d{1,9}$/.test(v) ? Number(v) : undefined);
const parsePort = (v: string): number | undefined => {
  const n = parseWhole(v);
  return n !== undefined && n >= 1 && n <= 65535 ? n : undefined;
};

// ───────────────────────────────────── effective settings ─────────────────────────────────────

export interface NethaspEffective {
  tcpip: boolean;
  ipx: boolean;
  netbios: boolean;
  /** Usable addresses from `[NH_TCPIP]` in file order (see the header for what is left out). */
  serverAddr: string[];
  port: number;
  method: "UDP" | "TCP";
  broadcast: boolean;
  serverNames: string[];
  /** NH_SESSION / NH_SEND_RCV in seconds: `[NH_TCPIP]` over `[NH_COMMON]`; absent = the client's default. */
  sessionTimeout?: number;
  sendReceiveTimeout?: number;
}

type Protocol = "ipx" | "netbios" | "tcpip";
const PROTOCOL_KEYS: Record<Protocol, string> = { ipx: "NH_IPX", netbios: "NH_NETBIOS", tcpip: "NH_TCPIP" };
const PROTOCOL_NAMES: Record<Protocol, string> = { ipx: "IPX", netbios: "NetBIOS", tcpip: "TCP/IP" };

interface Resolved {
  effective: NethaspEffective;
  switches: Partial<Record<Protocol, NethaspEntry>>;
  broadcastEntry?: NethaspEntry;
  addressEntries: NethaspEntry[];
}

/** The last entry of a key in one section — the one the client uses (last wins, see the header). */
function last(parsed: ParsedNethasp, section: NethaspSection, key: string): NethaspEntry | undefined {
  for (let i = parsed.entries.length - 1; i >= 0; i--) {
    const e = parsed.entries[i];
    if (e.section === section && e.key === key) return e;
  }
  return undefined;
}

function resolve(parsed: ParsedNethasp): Resolved {
  const switches: Partial<Record<Protocol, NethaspEntry>> = {};
  const on: Partial<Record<Protocol, boolean>> = {};
  for (const p of ["ipx", "netbios", "tcpip"] as const) {
    const e = last(parsed, "NH_COMMON", PROTOCOL_KEYS[p]);
    if (!e) continue;
    switches[p] = e;
    on[p] = parseSwitch(e.value);
  }
  // §3 [H]: no switch at all → every protocol is on; once one says Enabled, those not enabled are off.
  // A switch that only says Disabled turns off just its own protocol.
  const anyEnabled = Object.values(on).some((v) => v === true);
  const enabled = (p: Protocol) => (anyEnabled ? on[p] === true : on[p] !== false);

  const addressEntries = parsed.entries.filter((e) => e.section === "NH_TCPIP" && e.key === "NH_SERVER_ADDR");
  const serverAddr = addressEntries.flatMap((e) => e.items).filter((a) => checkAddress(a).ok);
  const portEntry = last(parsed, "NH_TCPIP", "NH_PORT_NUMBER");
  const methodEntry = last(parsed, "NH_TCPIP", "NH_TCPIP_METHOD");
  const broadcastEntry = last(parsed, "NH_TCPIP", "NH_USE_BROADCAST");
  const namesEntry = last(parsed, "NH_TCPIP", "NH_SERVER_NAME");
  const seconds = (key: string) => {
    const e = last(parsed, "NH_TCPIP", key) ?? last(parsed, "NH_COMMON", key);
    return e ? parseWhole(e.value) : undefined;
  };
  const sessionTimeout = seconds("NH_SESSION");
  const sendReceiveTimeout = seconds("NH_SEND_RCV");

  return {
    effective: {
      tcpip: enabled("tcpip"),
      ipx: enabled("ipx"),
      netbios: enabled("netbios"),
      serverAddr,
      port: (portEntry && parsePort(portEntry.value)) ?? LM_DEFAULT_PORT,
      method: (methodEntry && parseMethod(methodEntry.value)) ?? "UDP",
      broadcast: (broadcastEntry && parseSwitch(broadcastEntry.value)) ?? true,
      serverNames: namesEntry ? namesEntry.items : [],
      ...(sessionTimeout === undefined ? {} : { sessionTimeout }),
      ...(sendReceiveTimeout === undefined ? {} : { sendReceiveTimeout }),
    },
    switches,
    ...(broadcastEntry ? { broadcastEntry } : {}),
    addressEntries,
  };
}

/** The client's effective settings (§3 defaults: port 475, UDP, broadcast on; the protocol-switch rule). */
export function effectiveSettings(parsed: ParsedNethasp): NethaspEffective {
  return resolve(parsed).effective;
}

// ──────────────────────────────────────────── lint ────────────────────────────────────────────

export type NethaspSeverity = "error" | "warning" | "info";

export interface NethaspFinding {
  /** 1-based line; 0 = about the whole file. */
  line: number;
  severity: NethaspSeverity;
  /** Stable kebab-case code. */
  code: string;
  /** English sentence (same as `text.en`). */
  message: string;
  text: Localised;
  /** The DOMAIN.md section (and confidence when below [H]) the rule comes from. */
  rule: string;
}

export interface NethaspLint {
  findings: NethaspFinding[];
  effective: NethaspEffective;
}

const LocalisedSchema = z.object({ en: z.string(), ru: z.string() });

/** The lint API's body (`POST /api/tools/nethasp/lint`, issue 4 contract plus `text`, `rule` and the extra effective fields). */
export const NethaspLintSchema = z.object({
  findings: z.array(
    z.object({
      line: z.number().int().nonnegative(),
      severity: z.enum(["error", "warning", "info"]),
      code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
      message: z.string(),
      text: LocalisedSchema,
      rule: z.string(),
    }),
  ),
  effective: z.object({
    tcpip: z.boolean(),
    ipx: z.boolean(),
    netbios: z.boolean(),
    serverAddr: z.array(z.string()),
    port: z.number().int().min(1).max(65535),
    method: z.enum(["UDP", "TCP"]),
    broadcast: z.boolean(),
    serverNames: z.array(z.string()),
    sessionTimeout: z.number().int().nonnegative().optional(),
    sendReceiveTimeout: z.number().int().nonnegative().optional(),
  }),
});

/** Optimal-string-alignment distance (a transposition counts as one edit), or Infinity beyond `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0][j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  const d = rows[a.length][b.length];
  return d > max ? Infinity : d;
}

/** The closest candidate within 2 edits; ties go to one that belongs in `prefer`. */
function closest(word: string, candidates: readonly string[], prefer?: (c: string) => boolean): string | undefined {
  if (word.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c, 2);
    if (d < bestDistance || (d === bestDistance && d !== Infinity && prefer?.(c) && !prefer(best!))) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= 2 ? best : undefined;
}

const sectionList = (sections: readonly string[], or: string) => sections.map((s) => `[${s}]`).join(` ${or} `);
const protocolList = (ps: Protocol[], and: string) => ps.map((p) => PROTOCOL_NAMES[p]).join(` ${and} `);

const ALLOWED: Partial<Record<ValueKind, Localised>> = {
  switch: { en: "Enabled or Disabled", ru: "Enabled или Disabled" },
  method: { en: "TCP or UDP", ru: "TCP или UDP" },
  "search-method": { en: "Localnet or Internet", ru: "Localnet или Internet" },
};

/** Codes silenced by `; seatledger-allow: a, b` in a comment. */
function allowedCodes(comment: string | undefined): string[] {
  const m = comment ? /seatledger-allow:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/i.exec(comment) : null;
  return m ? m[1].split(",").map((c) => c.trim().toLowerCase()) : [];
}

/** Lints nethasp.ini text with line numbers (DOMAIN §3); never throws. */
export function lintNethasp(text: string): NethaspLint {
  const parsed = parseNethasp(text);
  const findings: NethaspFinding[] = [];
  const add = (line: number, severity: NethaspSeverity, code: string, t: Localised, rule = RULE) => findings.push({ line, severity, code, message: t.en, text: t, rule });
  const isKnownSection = (s: string | null): s is NethaspSection => s !== null && (NETHASP_SECTIONS as readonly string[]).includes(s);

  for (const g of parsed.garbage) {
    const q = show(g.text);
    if (g.kind === "hash-comment") {
      add(g.line, "warning", "hash-comment", {
        en: `Comments in nethasp.ini start with ";", not "#" or "//"; the client does not read "${q}" as a comment.`,
        ru: `Комментарии в nethasp.ini начинаются с «;», а не с «#» или «//»; клиент не считает «${q}» комментарием.`,
      });
      continue;
    }
    const firstWord = g.text.split(/[\s;]/)[0].toUpperCase();
    const t: Localised =
      g.kind === "unclosed-section"
        ? { en: `"${q}" is not a section header: it needs a closing "]" and nothing after it but a ; comment.`, ru: `«${q}» — не заголовок раздела: нужна закрывающая «]» и после неё только комментарий «;».` }
        : g.kind === "empty-key"
          ? { en: `"${q}" has no key before "="; the client ignores the line.`, ru: `В «${q}» нет ключа перед «=»; клиент пропускает строку.` }
          : KEYS[firstWord]
            ? { en: `"${q}" has no "=": write ${firstWord} = value.`, ru: `В «${q}» нет «=»: пишите ${firstWord} = значение.` }
            : {
                en: `"${q}" is not KEY = VALUE, a [SECTION] header or a ; comment; the client ignores the line.`,
                ru: `«${q}» — не «КЛЮЧ = ЗНАЧЕНИЕ», не заголовок [РАЗДЕЛА] и не комментарий «;»; клиент пропускает строку.`,
              };
    add(g.line, "error", "malformed-line", t);
  }

  const firstHeader = new Map<string, number>();
  for (const h of parsed.headers) {
    const name = show(h.name, 40);
    const seen = firstHeader.get(h.name);
    if (seen !== undefined) {
      add(h.line, "warning", "duplicate-section", {
        en: `[${name}] appears again (first on line ${seen}); keep one [${name}] with all its keys so every reader sees them.`,
        ru: `Раздел [${name}] повторяется (впервые в строке ${seen}); оставьте один [${name}] со всеми ключами, чтобы их видел любой читатель файла.`,
      });
      continue;
    }
    firstHeader.set(h.name, h.line);
    if (isKnownSection(h.name)) continue;
    if (h.name.startsWith("NHS_")) {
      add(
        h.line,
        "warning",
        "server-side-section",
        {
          en: `[${name}] is a License Manager section (nhsrv.ini on the License Manager's computer); clients ignore it in nethasp.ini.`,
          ru: `[${name}] — раздел настроек менеджера лицензий (nhsrv.ini на его компьютере); в nethasp.ini клиенты его не читают.`,
        },
        RULE_SERVER_SIDE,
      );
      continue;
    }
    const guess = closest(h.name, NETHASP_SECTIONS);
    add(h.line, "warning", "unknown-section", {
      en: `Unknown section [${name}]: the client ignores it and every key under it${guess ? `; did you mean [${guess}]?` : "."}`,
      ru: `Неизвестный раздел [${name}]: клиент пропускает его вместе со всеми ключами${guess ? `; может быть, имелся в виду [${guess}]?` : "."}`,
    });
  }

  const seenKey = new Map<string, number>();
  const guesses = new Map<string, string | undefined>();
  for (const e of parsed.entries) {
    const k = show(e.key, 40);
    if (e.key.startsWith("NHS_")) {
      const hint = e.key === "NHS_SERVERNAMES";
      add(
        e.line,
        "warning",
        "server-side-key",
        {
          en: `${k} is a License Manager setting (nhsrv.ini on the License Manager's computer); clients ignore it in nethasp.ini.${hint ? " To look only for License Managers with given names, use NH_SERVER_NAME under [NH_TCPIP]." : ""}`,
          ru: `${k} — настройка самого менеджера лицензий (nhsrv.ini на его компьютере); в nethasp.ini клиенты её не читают.${hint ? " Чтобы искать только менеджеры с заданными именами, используйте NH_SERVER_NAME в [NH_TCPIP]." : ""}`,
        },
        RULE_SERVER_SIDE,
      );
      continue;
    }
    if (e.section !== null && !isKnownSection(e.section)) continue; // the section's own finding covers it
    const spec = KEYS[e.key];
    if (!spec) {
      const memo = `${e.section ?? ""}\u0000${e.key}`;
      if (!guesses.has(memo)) guesses.set(memo, closest(e.key, NETHASP_KEYS, (c) => e.section !== null && KEYS[c].sections.includes(e.section as NethaspSection)));
      const guess = guesses.get(memo);
      if (guess) {
        add(e.line, "warning", "likely-typo", {
          en: `Unknown key ${k}: did you mean ${guess}? As written, the client ignores it.`,
          ru: `Неизвестный ключ ${k}: может быть, имелся в виду ${guess}? В таком виде клиент его не читает.`,
        });
      } else {
        add(e.line, "warning", "unknown-key", { en: `Unknown key ${k}: the client ignores it.`, ru: `Неизвестный ключ ${k}: клиент его не читает.` });
      }
      continue;
    }
    if (e.section === null) {
      const home = spec.sections.length === NETHASP_SECTIONS.length ? "NH_COMMON" : spec.sections[spec.sections.length - 1];
      add(e.line, "error", "outside-section", {
        en: `${k} comes before any [section], so the client ignores it; put it under [${home}].`,
        ru: `${k} стоит до первого [раздела], и клиент его не читает; перенесите его в [${home}].`,
      });
    } else if (!spec.sections.includes(e.section)) {
      add(e.line, "error", "wrong-section", {
        en: `${k} does not belong in [${e.section}]: the client reads it only in ${sectionList(spec.sections, "or")}, so here it is ignored; move it there.`,
        ru: `${k} не относится к разделу [${e.section}]: клиент читает его только в ${sectionList(spec.sections, "или")}, а здесь пропускает; перенесите его туда.`,
      });
    }
    const slot = `${e.section ?? ""}\u0000${e.key}`;
    const first = seenKey.get(slot);
    if (first === undefined) seenKey.set(slot, e.line);
    else if (!spec.accumulates) {
      const where = e.section ? ` in [${e.section}]` : "";
      const whereRu = e.section ? ` в [${e.section}]` : "";
      add(e.line, "warning", "duplicate-key", {
        en: `${k} is already set on line ${first}${where}; only one value is used (this check assumes the last, line ${e.line}) — keep one line.`,
        ru: `${k} уже задан в строке ${first}${whereRu}; действует только одно значение (здесь считается, что последнее, строка ${e.line}) — оставьте одну строку.`,
      });
    }
    checkValue(e, spec, add);
  }

  const { effective, switches, broadcastEntry, addressEntries } = resolve(parsed);
  const givenAddresses = addressEntries.filter((e) => e.items.length > 0);
  const switchLine = (p: Protocol) => switches[p]?.line;
  const protocols = (["ipx", "netbios", "tcpip"] as const).filter((p) => effective[p]);

  if (protocols.length === 0) {
    const line = Math.max(0, ...Object.values(switches).map((e) => e.line));
    add(line, "error", "no-protocol", {
      en: "Every protocol is off (NH_IPX, NH_NETBIOS and NH_TCPIP): clients will not look for the License Manager at all; set NH_TCPIP = Enabled in [NH_COMMON].",
      ru: "Все протоколы выключены (NH_IPX, NH_NETBIOS и NH_TCPIP): клиенты вообще не будут искать менеджер лицензий; укажите NH_TCPIP = Enabled в [NH_COMMON].",
    });
  }
  if (!effective.tcpip) {
    const explicit = switches.tcpip && parseSwitch(switches.tcpip.value) === false ? switches.tcpip.line : undefined;
    const enabledBy = (["ipx", "netbios"] as const).filter((p) => effective[p]);
    const why: Localised =
      explicit !== undefined
        ? { en: `NH_TCPIP = Disabled on line ${explicit}`, ru: `NH_TCPIP = Disabled в строке ${explicit}` }
        : {
            en: `${enabledBy.map((p) => PROTOCOL_KEYS[p]).join(" and ")} ${enabledBy.length > 1 ? "are" : "is"} Enabled and NH_TCPIP is not, so TCP/IP counts as off`,
            ru: `${enabledBy.length > 1 ? "включены" : "включён"} только ${enabledBy.map((p) => PROTOCOL_KEYS[p]).join(" и ")}, а NH_TCPIP не включён, поэтому TCP/IP считается выключенным`,
          };
    if (givenAddresses.length > 0) {
      add(givenAddresses[0].line, "error", "tcpip-not-enabled", {
        en: `NH_SERVER_ADDR is set but TCP/IP is not enabled (${why.en}); add NH_TCPIP = Enabled to [NH_COMMON].`,
        ru: `NH_SERVER_ADDR задан, но TCP/IP не включён (${why.ru}); добавьте NH_TCPIP = Enabled в [NH_COMMON].`,
      });
    } else if (protocols.length > 0) {
      add(explicit ?? switchLine(enabledBy[0]) ?? 0, "warning", "tcpip-off", {
        en: `TCP/IP is off (${why.en}): clients look for the License Manager over ${protocolList(protocols, "and")} only; set NH_TCPIP = Enabled unless that is intended.`,
        ru: `TCP/IP выключен (${why.ru}): клиенты ищут менеджер лицензий только через ${protocolList(protocols, "и")}; включите NH_TCPIP = Enabled, если это не задумано.`,
      });
    }
  } else if (effective.serverAddr.length > 0 && effective.broadcast) {
    const explicitLine = broadcastEntry && parseSwitch(broadcastEntry.value) !== undefined ? broadcastEntry.line : undefined;
    const byDefault = explicitLine === undefined;
    add(explicitLine ?? givenAddresses[0].line, "warning", "broadcast-with-addresses", {
      en: `Broadcast is on${byDefault ? " (the default)" : ""} together with explicit addresses: every client also broadcasts, which slows start-up and may find another License Manager; set NH_USE_BROADCAST = Disabled under [NH_TCPIP].`,
      ru: `Широковещательный поиск включён${byDefault ? " (по умолчанию)" : ""} вместе с явными адресами: каждый клиент ещё и рассылает широковещательный запрос, что замедляет запуск и может найти чужой менеджер лицензий; укажите NH_USE_BROADCAST = Disabled в [NH_TCPIP].`,
    });
  } else if (effective.serverAddr.length === 0 && effective.broadcast) {
    add(broadcastEntry?.line ?? 0, "warning", "broadcast-only", {
      en: `No usable NH_SERVER_ADDR: clients look for the License Manager by broadcast only, which works only within their own subnet; add NH_SERVER_ADDR = <its IPv4 address or host name> and NH_USE_BROADCAST = Disabled under [NH_TCPIP].`,
      ru: `Нет пригодного NH_SERVER_ADDR: клиенты ищут менеджер лицензий только широковещательным запросом, а он работает лишь в пределах своей подсети; добавьте в [NH_TCPIP] NH_SERVER_ADDR = <его IPv4-адрес или имя> и NH_USE_BROADCAST = Disabled.`,
    });
  } else if (effective.serverAddr.length === 0) {
    add(broadcastEntry?.line ?? 0, "error", "no-address", {
      en: "TCP/IP is on, but there is no usable NH_SERVER_ADDR and broadcast is off: clients cannot find the License Manager over TCP/IP; add NH_SERVER_ADDR = <its IPv4 address or host name> under [NH_TCPIP].",
      ru: "TCP/IP включён, но нет пригодного NH_SERVER_ADDR, а широковещательный поиск выключен: клиенты не найдут менеджер лицензий по TCP/IP; добавьте NH_SERVER_ADDR = <его IPv4-адрес или имя> в [NH_TCPIP].",
    });
  }

  // Addresses set while IPX or NetBIOS is still on: every client also searches over those protocols and
  // waits for them to time out. Not without addresses: then the broadcast search is the configuration.
  const slow = (["ipx", "netbios"] as const).filter((p) => effective[p]);
  if (effective.tcpip && effective.serverAddr.length > 0 && slow.length > 0) {
    add(...otherProtocolsFinding(slow, switches, givenAddresses[0].line, parsed.headers.some((h) => h.name === "NH_COMMON")));
  }

  add(0, "info", "summary", summarise(effective));

  // Silencing: a warning whose line (or the comment block right above it) says `seatledger-allow: <code>`.
  const commentAt = new Map(parsed.comments.map((c) => [c.line, c.text]));
  const trailing = new Map(parsed.entries.map((e) => [e.line, e.comment]));
  const allowedAt = (line: number) => {
    const codes = allowedCodes(trailing.get(line));
    for (let l = line - 1; commentAt.has(l); l--) codes.push(...allowedCodes(commentAt.get(l)));
    return codes;
  };
  const kept = findings.filter((f) => f.severity !== "warning" || f.line === 0 || !allowedAt(f.line).includes(f.code));

  const rank: Record<NethaspSeverity, number> = { error: 0, warning: 1, info: 2 };
  kept.sort((a, b) => a.line - b.line || rank[a.severity] - rank[b.severity]);
  if (kept.length > MAX_FINDINGS + 1) {
    const summary = kept.find((f) => f.code === "summary")!;
    const cut = kept.filter((f) => f !== summary).slice(0, MAX_FINDINGS);
    const t = { en: `More than ${MAX_FINDINGS} findings: the rest are not shown. Is this really a nethasp.ini?`, ru: `Замечаний больше ${MAX_FINDINGS}: остальные не показаны. Это точно nethasp.ini?` };
    return { findings: [summary, ...cut, { line: 0, severity: "warning", code: "findings-truncated", message: t.en, text: t, rule: RULE }], effective };
  }
  return { findings: kept, effective };
}

/**
 * The `other-protocols-with-addresses` warning (DOMAIN §3 [M]: the wait is an inference from how the
 * client searches protocol by protocol). Under the switch rule the protocols still on are either all on
 * by default (no switch says Enabled) or all Enabled explicitly; the finding sits on the first explicit
 * switch, else on the first address line, like `broadcast-with-addresses`. Its text carries the fix: the
 * `[NH_COMMON]` lines to write (Disabled for each protocol still on, NH_TCPIP = Enabled if not written).
 */
function otherProtocolsFinding(
  slow: Array<"ipx" | "netbios">,
  switches: Partial<Record<Protocol, NethaspEntry>>,
  addressLine: number,
  hasCommon: boolean,
): [number, NethaspSeverity, string, Localised, string] {
  const isEnabled = (p: Protocol) => switches[p] !== undefined && parseSwitch(switches[p].value) === true;
  const explicit = slow.filter(isEnabled);
  const names = { en: protocolList(slow, "and"), ru: protocolList(slow, "и") };
  const many = slow.length > 1;
  const fixLines = [...slow.map((p) => `${PROTOCOL_KEYS[p]} = Disabled`), ...(isEnabled("tcpip") ? [] : ["NH_TCPIP = Enabled"])];
  const joined = (and: string) => (fixLines.length > 1 ? `${fixLines.slice(0, -1).join(", ")} ${and} ${fixLines.at(-1)}` : fixLines[0]);
  const lines = { en: joined("and"), ru: joined("и") };
  const lineWord = fixLines.length > 1 ? { en: "the lines", ru: "строки" } : { en: "the line", ru: "строку" };
  const effect: Localised = {
    en: `every client also looks for the License Manager over ${names.en} and waits for ${many ? "them" : "it"} to time out, which slows every start-up`,
    ru: `каждый клиент ещё и ищет менеджер лицензий через ${names.ru} и ждёт, пока ${many ? "истекут тайм-ауты" : "истечёт тайм-аут"}, что замедляет каждый запуск`,
  };
  if (explicit.length > 0) {
    const line = Math.min(...explicit.map((p) => switches[p]!.line));
    const set = explicit.map((p) => `${PROTOCOL_KEYS[p]} = Enabled`).join(" and ");
    const setRu = explicit.map((p) => `${PROTOCOL_KEYS[p]} = Enabled`).join(" и ");
    return [
      line,
      "warning",
      "other-protocols-with-addresses",
      {
        en: `${set} while NH_SERVER_ADDR is set (line ${addressLine}): ${effect.en}; unless a License Manager is really reached over ${names.en}, set ${lines.en} in [NH_COMMON].`,
        ru: `${setRu}, хотя задан NH_SERVER_ADDR (строка ${addressLine}): ${effect.ru}; если через ${names.ru} на самом деле не работает ни один менеджер лицензий, укажите в [NH_COMMON] ${lines.ru}.`,
      },
      RULE_INFERRED,
    ];
  }
  const fix: Localised = hasCommon
    ? { en: `add ${lineWord.en} ${lines.en} to [NH_COMMON]`, ru: `добавьте в [NH_COMMON] ${lineWord.ru} ${lines.ru}` }
    : { en: `add a [NH_COMMON] section with ${lineWord.en} ${lines.en}`, ru: `добавьте раздел [NH_COMMON] ${fixLines.length > 1 ? "со строками" : "со строкой"} ${lines.ru}` };
  return [
    addressLine,
    "warning",
    "other-protocols-with-addresses",
    {
      en: `${names.en} ${many ? "are" : "is"} on by default (no protocol switch in [NH_COMMON] says Enabled) while NH_SERVER_ADDR is set: ${effect.en}; ${fix.en}.`,
      ru: `${names.ru} ${many ? "включены" : "включён"} по умолчанию (ни один переключатель протоколов в [NH_COMMON] не равен Enabled), хотя задан NH_SERVER_ADDR: ${effect.ru}; ${fix.ru}.`,
    },
    RULE_INFERRED,
  ];
}

/** Russian noun form for a count: 1 символ, 2 символа, 5 символов (11–14 take the third form). */
function ruPlural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return one;
  return d >= 2 && d <= 4 && (dd < 12 || dd > 14) ? few : many;
}
const ruChars = (n: number) => ruPlural(n, "символ", "символа", "символов");

type Add = (line: number, severity: NethaspSeverity, code: string, t: Localised, rule?: string) => void;

function checkValue(e: NethaspEntry, spec: KeySpec, add: Add): void {
  const k = e.key;
  const v = show(e.value);
  if (e.value === "") {
    add(e.line, "warning", "empty-value", { en: `${k} has no value; the default applies.`, ru: `У ${k} нет значения; действует значение по умолчанию.` });
    return;
  }
  const allowed = ALLOWED[spec.kind];
  switch (spec.kind) {
    case "switch":
    case "method":
    case "search-method": {
      const valid = spec.kind === "switch" ? parseSwitch(e.value) !== undefined : spec.kind === "method" ? parseMethod(e.value) !== undefined : /^(localnet|internet)$/i.test(e.value);
      if (!valid) add(e.line, "error", "invalid-value", { en: `${k} must be ${allowed!.en}, not "${v}".`, ru: `${k} должен быть ${allowed!.ru}, а не «${v}».` });
      return;
    }
    case "port": {
      const n = parseWhole(e.value);
      if (n === undefined || n < 1 || n > 65535) {
        add(e.line, "error", "invalid-port", { en: `NH_PORT_NUMBER must be a whole number from 1 to 65535, not "${v}".`, ru: `NH_PORT_NUMBER должен быть целым числом от 1 до 65535, а не «${v}».` }, RULE_LM);
      } else if (n === SENTINEL_ADMIN_PORT) {
        add(
          e.line,
          "warning",
          "sentinel-admin-port",
          {
            en: `Port ${n} is the Sentinel runtime's admin page (TCP), not the HASP License Manager, which listens on ${LM_DEFAULT_PORT}; use NH_PORT_NUMBER = ${LM_DEFAULT_PORT} or remove the line.`,
            ru: `Порт ${n} — это веб-страница администрирования Sentinel (TCP), а не менеджер лицензий HASP, который слушает порт ${LM_DEFAULT_PORT}; укажите NH_PORT_NUMBER = ${LM_DEFAULT_PORT} или удалите строку.`,
          },
          RULE_LM,
        );
      } else if (n !== LM_DEFAULT_PORT) {
        add(
          e.line,
          "warning",
          "non-default-port",
          {
            en: `Port ${n} differs from the License Manager's ${LM_DEFAULT_PORT}; make sure the License Manager really listens on ${n}, otherwise remove the line.`,
            ru: `Порт ${n} отличается от стандартного порта менеджера лицензий ${LM_DEFAULT_PORT}; убедитесь, что менеджер действительно слушает порт ${n}, иначе удалите строку.`,
          },
          RULE_LM,
        );
      }
      return;
    }
    case "seconds":
      if (parseWhole(e.value) === undefined) add(e.line, "error", "invalid-timeout", { en: `${k} is a timeout in whole seconds, not "${v}".`, ru: `${k} — тайм-аут в целых секундах, а не «${v}».` });
      return;
    case "number":
    case "socket": {
      const valid = spec.kind === "number" ? parseWhole(e.value) !== undefined : /^(\d{1,9}|[0-9a-f]{1,8}h|0x[0-9a-f]{1,8})$/i.test(e.value);
      if (!valid) {
        const what = spec.kind === "number" ? { en: "a whole number", ru: "целым числом" } : { en: "a number (decimal, or hexadecimal such as 7483H)", ru: "числом (десятичным или шестнадцатеричным, например 7483H)" };
        add(e.line, "error", "invalid-number", { en: `${k} must be ${what.en}, not "${v}".`, ru: `${k} должен быть ${what.ru}, а не «${v}».` });
      }
      return;
    }
    case "addresses":
      if (e.emptyItem) add(e.line, "warning", "empty-value", { en: `${k} has an empty item (two commas in a row or a comma at the end).`, ru: `В ${k} есть пустой элемент (две запятые подряд или запятая в конце).` });
      for (const item of e.items) {
        const c = checkAddress(item);
        if (!c.ok) add(e.line, "error", c.code, c.text, c.code === "ipv6-address" ? RULE_LM : RULE);
        else if (c.warning) add(e.line, "warning", c.warning.code, c.warning.text);
      }
      return;
    case "server-names":
      if (e.emptyItem) add(e.line, "warning", "empty-value", { en: `${k} has an empty item (two commas in a row or a comma at the end).`, ru: `В ${k} есть пустой элемент (две запятые подряд или запятая в конце).` });
      if (e.items.length > MAX_SERVER_NAMES) {
        add(e.line, "error", "too-many-server-names", {
          en: `NH_SERVER_NAME lists ${e.items.length} names; the client reads at most ${MAX_SERVER_NAMES}.`,
          ru: `В NH_SERVER_NAME ${e.items.length} ${ruPlural(e.items.length, "имя", "имени", "имён")}; клиент читает не больше ${MAX_SERVER_NAMES}.`,
        });
      }
      for (const name of e.items.filter((n) => n.length > MAX_SERVER_NAME_LENGTH)) {
        const q = show(name, 40);
        add(e.line, "error", "server-name-too-long", {
          en: `Server name "${q}" has ${name.length} characters; a License Manager name has at most ${MAX_SERVER_NAME_LENGTH}.`,
          ru: `В имени сервера «${q}» ${name.length} ${ruChars(name.length)}; имя менеджера лицензий — не длиннее ${MAX_SERVER_NAME_LENGTH}.`,
        });
      }
      return;
    case "nbname":
      if (e.items.length > 1) {
        add(e.line, "error", "invalid-value", { en: `NH_NBNAME takes one name, not a list ("${v}").`, ru: `NH_NBNAME принимает одно имя, а не список («${v}»).` });
      } else if (e.value.length > MAX_NBNAME_LENGTH) {
        add(e.line, "error", "nbname-too-long", {
          en: `NH_NBNAME "${v}" has ${e.value.length} characters; the License Manager's NetBIOS name has at most ${MAX_NBNAME_LENGTH}.`,
          ru: `В NH_NBNAME «${v}» ${e.value.length} ${ruChars(e.value.length)}; NetBIOS-имя менеджера лицензий — не длиннее ${MAX_NBNAME_LENGTH}.`,
        });
      }
      return;
    case "path":
      return;
  }
}

/** The summary names this many addresses or names, then counts the rest. */
const SUMMARY_ITEMS = 10;

function listed(items: string[]): Localised {
  const shown = items.slice(0, SUMMARY_ITEMS).map((a) => show(a, 40)).join(", ");
  const more = items.length - SUMMARY_ITEMS;
  return more > 0 ? { en: `${shown} and ${more} more`, ru: `${shown} и ещё ${more}` } : { en: shown, ru: shown };
}

/** The info line: where clients will look, in one sentence. */
function summarise(eff: NethaspEffective): Localised {
  const others = (["ipx", "netbios"] as const).filter((p) => eff[p]);
  if (!eff.tcpip) {
    return others.length === 0
      ? { en: "Clients will not look for the License Manager: every protocol is off.", ru: "Клиенты не будут искать менеджер лицензий: все протоколы выключены." }
      : {
          en: `TCP/IP is off: clients will look for the License Manager over ${protocolList(others, "and")} only.`,
          ru: `TCP/IP выключен: клиенты будут искать менеджер лицензий только через ${protocolList(others, "и")}.`,
        };
  }
  const also: Localised =
    others.length > 0
      ? { en: `; ${protocolList(others, "and")} ${others.length > 1 ? "are" : "is"} also on`, ru: `; ${protocolList(others, "и")} тоже ${others.length > 1 ? "включены" : "включён"}` }
      : { en: "", ru: "" };
  if (eff.serverAddr.length === 0 && !eff.broadcast) {
    return {
      en: `Clients cannot find the License Manager over TCP/IP: no usable address and broadcast off${also.en}.`,
      ru: `Клиенты не найдут менеджер лицензий по TCP/IP: нет пригодного адреса, а широковещательный поиск выключен${also.ru}.`,
    };
  }
  const how = { en: `over ${eff.method} port ${eff.port}`, ru: `через ${eff.method}, порт ${eff.port}` };
  const list = listed(eff.serverAddr);
  const where: Localised =
    eff.serverAddr.length > 0
      ? {
          en: `at ${list.en} ${how.en}, broadcast ${eff.broadcast ? "on" : "off"}`,
          ru: `по ${eff.serverAddr.length === 1 ? "адресу" : "адресам"} ${list.ru} ${how.ru}, широковещательный поиск ${eff.broadcast ? "включён" : "выключен"}`,
        }
      : { en: `by broadcast only ${how.en}, which reaches their own subnet only`, ru: `только широковещательным запросом ${how.ru}, а он не выходит за пределы своей подсети` };
  const names = listed(eff.serverNames);
  const only: Localised = eff.serverNames.length > 0 ? { en: `; only License Managers named ${names.en}`, ru: `; только менеджеры лицензий с именами ${names.ru}` } : { en: "", ru: "" };
  return { en: `Clients will look for the License Manager ${where.en}${only.en}${also.en}.`, ru: `Клиенты будут искать менеджер лицензий ${where.ru}${only.ru}${also.ru}.` };
}

// ────────────────────────────────────────── generate ──────────────────────────────────────────

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const received = (input: unknown) => (input === null ? "null" : Array.isArray(input) ? "a list" : typeof input);

const AddressField = z
  .string({ error: (iss) => `An address must be text (an IPv4 address or a host name), not ${received(iss.input)}.` })
  .trim()
  .superRefine((address, ctx) => {
    const c = checkAddress(address);
    if (!c.ok) ctx.addIssue({ code: "custom", message: c.text.en });
    else if (c.warning) ctx.addIssue({ code: "custom", message: c.warning.text.en });
  });

const seconds = (what: string) =>
  z
    .number({ error: (iss) => `${cap(what)} must be a number of seconds, not ${received(iss.input)}.` })
    .int({ error: `${cap(what)} must be a whole number of seconds.` })
    .min(1, { error: `${cap(what)} must be at least 1 second.` })
    .max(3600, { error: `${cap(what)} must be at most 3600 seconds.` })
    .optional();

/** The generator's form; every message names the rule so a 400 tells the admin what to change. */
export const NethaspFormSchema = z.strictObject(
  {
    addresses: z
      .array(AddressField, { error: (iss) => (iss.input === undefined ? "Required: the addresses of the License Manager (IPv4 or host names)." : `Addresses must be a list, not ${received(iss.input)}.`) })
      .min(1, { error: "Give at least one address of the License Manager (an IPv4 address or a host name)." })
      .max(MAX_ADDRESSES, { error: `At most ${MAX_ADDRESSES} addresses.` })
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((a, i) => {
          const key = a.toLowerCase().replace(/\.$/, "");
          if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i], message: `${show(a)} is listed twice.` });
          seen.add(key);
        });
      }),
    port: z
      .number({ error: (iss) => `The port must be a number, not ${received(iss.input)}.` })
      .int({ error: "The port must be a whole number." })
      .min(1, { error: "The port must be from 1 to 65535." })
      .max(65535, { error: "The port must be from 1 to 65535." })
      .refine((p) => p !== SENTINEL_ADMIN_PORT, {
        error: `${SENTINEL_ADMIN_PORT} is the Sentinel runtime's admin page, not the HASP License Manager's port (${LM_DEFAULT_PORT} unless it was set up otherwise).`,
      })
      .default(LM_DEFAULT_PORT),
    method: z
      .string({ error: 'The method must be "UDP" or "TCP".' })
      .transform((m) => m.trim().toUpperCase())
      .pipe(z.enum(["UDP", "TCP"], { error: 'The method must be "UDP" or "TCP".' }))
      .default("UDP"),
    broadcast: z.boolean({ error: "Broadcast must be true or false." }).default(false),
    sessionTimeout: seconds("the session timeout (NH_SESSION)"),
    sendReceiveTimeout: seconds("the send/receive timeout (NH_SEND_RCV)"),
    serverNames: z
      .array(
        z
          .string({ error: "A server name must be text." })
          .trim()
          .regex(/^[A-Za-z0-9_-]+$/, { error: "A server name has latin letters, digits, '-' and '_' only (it goes into an ASCII file)." })
          .max(MAX_SERVER_NAME_LENGTH, { error: `A License Manager name has at most ${MAX_SERVER_NAME_LENGTH} characters.` }),
        { error: "Server names must be a list of names." },
      )
      .max(MAX_SERVER_NAMES, { error: `At most ${MAX_SERVER_NAMES} server names (the client reads no more).` })
      .optional(),
    lineEnding: z.enum(["CRLF", "LF"], { error: 'The line ending must be "CRLF" (Windows, the default) or "LF".' }).default("CRLF"),
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown field(s): ${iss.keys.join(", ")}.` : "The form must be a JSON object { addresses, port?, method?, broadcast?, … }.") },
);

export type NethaspFormInput = z.input<typeof NethaspFormSchema>;
export type NethaspForm = z.output<typeof NethaspFormSchema>;

/** Longest NH_SERVER_ADDR line written before the rest go on another line (§3: lines add up). */
const ADDRESS_LINE_LIMIT = 100;

/**
 * Writes a correct, commented, ASCII-only nethasp.ini from the form (DOMAIN §3 "usual good config":
 * TCP/IP only, explicit addresses, broadcast off unless asked). Throws a ZodError for an invalid form.
 */
export function generateNethasp(input: NethaspFormInput): string {
  const form = NethaspFormSchema.parse(input);
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);

  push(
    "; nethasp.ini - where 1C:Enterprise clients look for the HASP License Manager.",
    "; Written by SeatLedger. Copy it into the conf folder of the 1C platform on every client:",
    ";   Windows: C:\\Program Files\\1cv8\\conf\\nethasp.ini",
    ";   Linux:   /opt/1cv8/conf/nethasp.ini",
    "; Plain ASCII on purpose: the HASP client's INI reader is older than Unicode.",
    '; ";" starts a comment, also after a value. Keys and values are case-insensitive.',
    "",
    "[NH_COMMON]",
    "; Look for the License Manager over TCP/IP only; IPX and NetBIOS are switched off.",
    "NH_IPX = Disabled",
    "NH_NETBIOS = Disabled",
    "NH_TCPIP = Enabled",
  );
  if (form.sessionTimeout !== undefined) push("; Seconds a client waits for the License Manager to open a session.", `NH_SESSION = ${form.sessionTimeout}`);
  if (form.sendReceiveTimeout !== undefined) push("; Seconds a client waits for each answer of the License Manager.", `NH_SEND_RCV = ${form.sendReceiveTimeout}`);

  push(
    "",
    "[NH_TCPIP]",
    "; Computers running the HASP License Manager: IPv4 addresses or host names, comma-separated.",
    "; No IPv6: the License Manager listens on IPv4 only. The port goes in NH_PORT_NUMBER, not here.",
  );
  let line: string[] = [];
  const flush = () => {
    if (line.length) push(`NH_SERVER_ADDR = ${line.join(", ")}`);
    line = [];
  };
  for (const address of form.addresses) {
    if (line.length > 0 && [...line, address].join(", ").length > ADDRESS_LINE_LIMIT) flush();
    line.push(address);
  }
  flush();

  if (form.port === LM_DEFAULT_PORT) {
    push(`; The License Manager's port (${LM_DEFAULT_PORT}, its default).`);
  } else {
    push(
      `; The License Manager's port: ${form.port}, chosen on purpose (the default is ${LM_DEFAULT_PORT});`,
      "; the License Manager must be set up to listen on it.",
      "; seatledger-allow: non-default-port",
    );
  }
  push(`NH_PORT_NUMBER = ${form.port}`);
  push(`; ${form.method === "UDP" ? "UDP, the default." : "TCP instead of the default UDP."} The License Manager answers both on the same port.`, `NH_TCPIP_METHOD = ${form.method}`);
  if (form.broadcast) {
    push(
      "; Broadcast on, chosen on purpose: clients also ask their own subnet, which slows start-up",
      "; and may find another License Manager.",
      "; seatledger-allow: broadcast-with-addresses",
      "NH_USE_BROADCAST = Enabled",
    );
  } else {
    push(
      "; Broadcast off: ask only the addresses above. A broadcast never crosses a router and",
      "; slows every start-up when the License Manager is in another subnet.",
      "NH_USE_BROADCAST = Disabled",
    );
  }
  if (form.serverNames && form.serverNames.length > 0) {
    push(
      `; Use only License Managers with these names (their NHS_SERVERNAMES in nhsrv.ini on the`,
      `; License Manager's computer): at most ${MAX_SERVER_NAMES} names of at most ${MAX_SERVER_NAME_LENGTH} characters.`,
      `NH_SERVER_NAME = ${form.serverNames.join(", ")}`,
    );
  }
  const eol = form.lineEnding === "LF" ? "\n" : "\r\n";
  return out.join(eol) + eol;
}

// ---------------------------------------------------------------------------------------------------
// A corrected file

const SERVER_NAME = new RegExp(`^[A-Za-z0-9_-]{1,${MAX_SERVER_NAME_LENGTH}}$`);

const lastValue = (entries: ReturnType<typeof parseNethasp>["entries"], key: string, accept: (value: string) => boolean) =>
  entries.filter((e) => e.key === key && accept(e.value)).at(-1)?.value;

/**
 * What a checked nethasp.ini meant to say, as the generator's form (DOMAIN §3 "usual good config"): every valid
 * NH_SERVER_ADDR found anywhere in the file (also in a wrong section, where the client ignores it), the port
 * and method it set (1947, the Sentinel admin page, becomes 475), broadcast off, valid server names, the
 * timeouts the client reads. Null when the file names no usable address: then there is nothing to write.
 */
export function correctedNethaspForm(text: string, effective: NethaspLint["effective"], lineEnding: "CRLF" | "LF"): NethaspFormInput | null {
  const { entries } = parseNethasp(text);
  const addresses: string[] = [];
  const seen = new Set<string>();
  for (const item of entries.filter((e) => e.key === "NH_SERVER_ADDR").flatMap((e) => e.items)) {
    const check = checkAddress(item);
    if (!check.ok) continue;
    // Leading zeros are read as octal by some resolvers: the corrected file writes the plain number.
    const address = check.kind === "ipv4" ? item.split(".").map(Number).join(".") : item.trim();
    const key = address.toLowerCase().replace(/\.$/, "");
    if (seen.has(key)) continue;
    seen.add(key);
    addresses.push(address);
  }
  if (addresses.length === 0) return null;

  const port = Number(lastValue(entries, "NH_PORT_NUMBER", (v) => /^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535) ?? LM_DEFAULT_PORT);
  const method = lastValue(entries, "NH_TCPIP_METHOD", (v) => /^(tcp|udp)$/i.test(v))?.toUpperCase() === "TCP" ? "TCP" : "UDP";
  const names = (entries.filter((e) => e.key === "NH_SERVER_NAME").at(-1)?.items ?? []).filter((n) => SERVER_NAME.test(n)).slice(0, MAX_SERVER_NAMES);
  const seconds = (n: number | undefined) => (n !== undefined && n >= 1 && n <= 3600 ? n : undefined);
  const sessionTimeout = seconds(effective.sessionTimeout);
  const sendReceiveTimeout = seconds(effective.sendReceiveTimeout);
  return {
    addresses: addresses.slice(0, MAX_ADDRESSES),
    port: port === SENTINEL_ADMIN_PORT ? LM_DEFAULT_PORT : port,
    method,
    broadcast: false,
    ...(names.length > 0 ? { serverNames: names } : {}),
    ...(sessionTimeout === undefined ? {} : { sessionTimeout }),
    ...(sendReceiveTimeout === undefined ? {} : { sendReceiveTimeout }),
    lineEnding,
  };
}
