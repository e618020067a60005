/**
 * The hardware binding check (DOMAIN §1.4): the fingerprint recorded at activation against the computer as
 * it is now, parameter by parameter, and whether each change keeps or breaks the software license.
 * Every comparison is against the activation fingerprint, never against an intermediate state (§1.4 RAM rule).
 */
import type { Localised } from "../domain/localised";
import { z } from "zod";

/** The eleven parameters a software license is bound to (DOMAIN §1.4). Empty string, 0 or [] = not recorded. */
export interface Fingerprint {
  osName: string;
  osVersion: string;
  osSerial?: string;
  osInstallDate?: string;
  hostname: string;
  motherboard: string;
  ramMb: number;
  bios: string;
  cpus: string[];
  nics: { name: string; mac: string }[];
  disks: { model: string; serial?: string; sizeBytes: number }[];
}

export type BindingChangeKind = "added" | "removed" | "replaced" | "increased" | "decreased" | "changed";

export interface BindingChange {
  /** The Fingerprint field that changed (`nics`, `ramMb`, …). */
  parameter: string;
  change: BindingChangeKind;
  breaks: boolean;
  /** English sentence: what changed and why it keeps or breaks the license (same as `text.en`). */
  reason: string;
  /** The same sentence in both languages, naming the device or the values. */
  text: Localised;
  /** The DOMAIN.md section and confidence grade the rule comes from, e.g. `DOMAIN §1.4 [H]`. */
  rule: string;
}

export interface BindingVerdict {
  /** True when no change breaks the license. */
  survives: boolean;
  changes: BindingChange[];
}

const MAX_TEXT = 512;
const MAX_DEVICES = 1024;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const received = (input: unknown) => (input === null ? "null" : Array.isArray(input) ? "a list" : typeof input);

const textField = (what: string, optional = false) =>
  z
    .string({
      error: (iss) =>
        iss.input === undefined
          ? `Required: ${what} as text (use "" when it was not recorded).`
          : `${cap(what)} must be text${optional ? " or null" : ""}, not ${received(iss.input)}.`,
    })
    .trim()
    .max(MAX_TEXT, { error: `${cap(what)} must be at most ${MAX_TEXT} characters.` });

const optionalText = (what: string) =>
  textField(what, true)
    .nullish()
    .transform((v) => v ?? undefined);

const wholeNumber = (what: string, unit: string) =>
  z
    .number({
      error: (iss) =>
        iss.input === undefined ? `Required: ${what} in ${unit}, a whole number ≥ 0 (0 = not recorded).` : `${cap(what)} must be a number of ${unit}, not ${received(iss.input)}.`,
    })
    .int({ error: `${cap(what)} must be a whole number of ${unit}.` })
    .nonnegative({ error: `${cap(what)} must be 0 or more ${unit} (0 = not recorded).` });

const deviceList = <T extends z.ZodType>(item: T, what: string) =>
  z
    .array(item, {
      error: (iss) => (iss.input === undefined ? `Required: the list of ${what} ([] when it was not recorded).` : `The ${what} must be a list, not ${received(iss.input)}.`),
    })
    .max(MAX_DEVICES, { error: `At most ${MAX_DEVICES} ${what} per computer.` });

const MAC_SEPARATORS = /[-:.\s]/g;

/** A MAC address in one form for comparison: upper case, colon-separated (`00-1a-…` = `00:1A:…`). */
export function normalizeMac(mac: string): string {
  const hex = mac.replace(MAC_SEPARATORS, "").toUpperCase();
  return /^[0-9A-F]{12}$/.test(hex) ? (hex.match(/../g) ?? []).join(":") : mac.trim().toUpperCase();
}

const fingerprintError = (iss: { input?: unknown }) =>
  iss.input === undefined
    ? "Required: a fingerprint object with the eleven bound parameters (DOMAIN §1.4)."
    : `A fingerprint must be an object with the eleven bound parameters (DOMAIN §1.4), not ${received(iss.input)}.`;

/** Input schema of a fingerprint (DOMAIN §1.4): strings trimmed, sizes whole and non-negative, MACs checked. */
export const FingerprintSchema = z.object(
  {
    osName: textField("the OS name"),
    osVersion: textField("the OS version"),
    osSerial: optionalText("the OS serial number"),
    osInstallDate: optionalText("the OS install date"),
    hostname: textField("the computer's network name"),
    motherboard: textField("the motherboard model"),
    ramMb: wholeNumber("the RAM size", "MB"),
    bios: textField("the BIOS type and version"),
    cpus: deviceList(textField("the CPU description"), "CPUs"),
    nics: deviceList(
      z.object(
        {
          name: textField("the network adapter's name"),
          mac: textField("the MAC address").refine((mac) => /^[0-9a-f]{12}$/i.test(mac.replace(MAC_SEPARATORS, "")), {
            error: "A MAC address is 12 hexadecimal digits, optionally separated by ':' or '-' (e.g. 00:1A:2B:3C:4D:5E).",
          }),
        },
        { error: "A network adapter is an object { name, mac }." },
      ),
      "network adapters",
    ),
    disks: deviceList(
      z.object(
        {
          model: textField("the disk model"),
          serial: optionalText("the disk serial number"),
          sizeBytes: wholeNumber("the disk size", "bytes"),
        },
        { error: "A disk is an object { model, serial?, sizeBytes }." },
      ),
      "disks",
    ),
  },
  { error: fingerprintError },
) satisfies z.ZodType<Fingerprint>;

/** Output schema of one change, for routes (and the message parser) that return changes. */
export const BindingChangeSchema = z.object({
  parameter: z.string(),
  change: z.enum(["added", "removed", "replaced", "increased", "decreased", "changed"]),
  breaks: z.boolean(),
  reason: z.string(),
  text: z.object({ en: z.string(), ru: z.string() }),
  rule: z.string(),
});

/** Output schema of a verdict, for routes that return one. */
export const BindingVerdictSchema = z.object({ survives: z.boolean(), changes: z.array(BindingChangeSchema) }) satisfies z.ZodType<BindingVerdict>;

// ----- comparison

const clean = (s: string | null | undefined) => (s ?? "").trim().replace(/\s+/g, " ");
const fold = (s: string | null | undefined) => clean(s).toLowerCase();
const q = { en: (s: string) => `“${s}”`, ru: (s: string) => `«${s}»` };

/** `grade` is the DOMAIN.md confidence mark; null where the rule is our reading of §1.4 rather than a stated fact. */
function change(parameter: string, kind: BindingChangeKind, breaks: boolean, grade: "H" | "M" | null, en: string, ru: string): BindingChange {
  return { parameter, change: kind, breaks, reason: en, text: { en, ru }, rule: grade ? `DOMAIN §1.4 [${grade}]` : "DOMAIN §1.4" };
}

const BREAKS = { en: "so the license breaks", ru: "поэтому лицензия становится недействительной" };

/** A scalar that is bound as a whole: any difference breaks (§1.4: network name, motherboard, BIOS, OS name). */
function compareBound(parameter: string, a: string, b: string, label: Localised, caseInsensitive = false): BindingChange[] {
  const [x, y] = [clean(a), clean(b)];
  if (!x || !y) return [];
  if (caseInsensitive ? x.toLowerCase() === y.toLowerCase() : x === y) return [];
  return [
    change(
      parameter,
      "changed",
      true,
      "H",
      `${label.en} changed from ${q.en(x)} to ${q.en(y)}; it is part of the hardware binding, ${BREAKS.en}.`,
      `${label.ru}: было ${q.ru(x)}, стало ${q.ru(y)}; это входит в привязку к оборудованию, ${BREAKS.ru}.`,
    ),
  ];
}

/** Windows if every recorded OS name says so (§1.4 treats Windows versions and serials specially). */
function isWindows(a: Fingerprint, b: Fingerprint): boolean {
  const names = [a.osName, b.osName].map(clean).filter(Boolean);
  return names.length > 0 && names.every((n) => /windows/i.test(n));
}

/** The first two numbers of a Windows version (`10.0.19045` → `10.0`), the part §1.4 says is bound. */
function windowsMajorMinor(version: string): { major: number; text: string } | undefined {
  const m = /(\d+)(?:\.(\d+))?/.exec(version);
  return m ? { major: Number(m[1]), text: `${Number(m[1])}.${Number(m[2] ?? 0)}` } : undefined;
}

function compareOsVersion(a: Fingerprint, b: Fingerprint): BindingChange[] {
  const [x, y] = [clean(a.osVersion), clean(b.osVersion)];
  if (!x || !y || x === y) return [];
  const [mx, my] = [windowsMajorMinor(x), windowsMajorMinor(y)];
  if (isWindows(a, b) && mx && my) {
    // §1.4 [H]: on Windows only major.minor is bound; a new build (feature update) is harmless.
    if (mx.text === my.text)
      return [
        change(
          "osVersion",
          "changed",
          false,
          "H",
          `Windows version changed from ${x} to ${y}, but only its first two numbers (${mx.text}) are bound, so the license is kept.`,
          `Версия Windows изменилась с ${x} на ${y}, но к лицензии привязаны только первые два числа (${mx.text}), поэтому лицензия сохраняется.`,
        ),
      ];
    return [
      change(
        "osVersion",
        "changed",
        true,
        "H",
        `Windows version changed from ${mx.text} to ${my.text} (${x} → ${y}); the first two numbers of the Windows version are bound, ${BREAKS.en}.`,
        `Версия Windows изменилась с ${mx.text} на ${my.text} (${x} → ${y}); первые два числа версии Windows входят в привязку, ${BREAKS.ru}.`,
      ),
    ];
  }
  // §1.4 names the major.minor rule for Windows only; elsewhere the whole string is assumed bound [M].
  return [
    change(
      "osVersion",
      "changed",
      true,
      "M",
      `OS version changed from ${q.en(x)} to ${q.en(y)}; outside Windows the whole version string is assumed to be bound [M], ${BREAKS.en}.`,
      `Версия ОС изменилась с ${q.ru(x)} на ${q.ru(y)}; вне Windows версия, по-видимому, привязана целиком [M], ${BREAKS.ru}.`,
    ),
  ];
}

/** OS serial number and install date (§1.4): Windows only; reportedly not checked on Windows 10 and later [M]. */
function compareWindowsOnly(parameter: "osSerial" | "osInstallDate", a: Fingerprint, b: Fingerprint): BindingChange[] {
  if (!isWindows(a, b)) return [];
  const [x, y] = [clean(a[parameter]), clean(b[parameter])];
  if (!x || !y || x === y) return [];
  const label = parameter === "osSerial" ? { en: "Windows serial number", ru: "Серийный номер Windows" } : { en: "Windows install date", ru: "Дата установки Windows" };
  const versions = [a.osVersion, b.osVersion].map(clean).filter(Boolean).map(windowsMajorMinor);
  const modern = versions.length > 0 && versions.every((v) => v !== undefined && v.major >= 10);
  if (modern)
    return [
      change(
        parameter,
        "changed",
        false,
        "M",
        `${label.en} changed from ${q.en(x)} to ${q.en(y)}; it is reportedly not checked on Windows 10 and later [M], so the license is expected to be kept — this is not confirmed.`,
        `${label.ru}: было ${q.ru(x)}, стало ${q.ru(y)}; по имеющимся сведениям, в Windows 10 и новее это не проверяется [M], поэтому лицензия, вероятно, сохранится — это не подтверждено.`,
      ),
    ];
  const why =
    versions.length === 0
      ? { en: "the Windows version is not recorded, so it is treated as bound (as before Windows 10)", ru: "версия Windows не записана, поэтому параметр считается привязанным (как до Windows 10)" }
      : { en: "before Windows 10 it is part of the hardware binding", ru: "до Windows 10 этот параметр входит в привязку к оборудованию" };
  return [
    change(
      parameter,
      "changed",
      true,
      "H",
      `${label.en} changed from ${q.en(x)} to ${q.en(y)}; ${why.en}, ${BREAKS.en}.`,
      `${label.ru}: было ${q.ru(x)}, стало ${q.ru(y)}; ${why.ru}, ${BREAKS.ru}.`,
    ),
  ];
}

/** RAM (§1.4 [H]): any size ≥ the size at activation keeps the license; below it breaks. */
function compareRam(a: Fingerprint, b: Fingerprint): BindingChange[] {
  const [x, y] = [a.ramMb, b.ramMb];
  if (!(x > 0) || !(y > 0) || x === y) return [];
  if (y > x)
    return [
      change(
        "ramMb",
        "increased",
        false,
        "H",
        `RAM is ${y} MB, more than the ${x} MB recorded at activation; that keeps the license, and it may later be lowered again as long as it stays at ${x} MB or more.`,
        `Оперативной памяти ${y} МБ — больше, чем ${x} МБ при активации; лицензия сохраняется, и позже память можно уменьшать, пока её не меньше ${x} МБ.`,
      ),
    ];
  return [
    change(
      "ramMb",
      "decreased",
      true,
      "H",
      `RAM is ${y} MB, less than the ${x} MB recorded at activation; memory below the size at activation breaks the license.`,
      `Оперативной памяти ${y} МБ — меньше, чем ${x} МБ при активации; память меньше, чем при активации, делает лицензию недействительной.`,
    ),
  ];
}

// ----- device lists (§1.4 [H]: adding keeps the license, removing or replacing breaks it)

/** One matching pass: items whose keys are equal are paired; `undefined` keeps an item out of the pass. */
interface Pass<T> {
  activated: (item: T) => string | undefined;
  current: (item: T) => string | undefined;
}

/** Pairs devices across the two lists pass by pass (multiset-aware: two identical CPUs are two devices). */
function matchDevices<T>(activated: T[], current: T[], passes: Pass<T>[]) {
  const pairs: Array<[T, T]> = [];
  let aLeft = activated.map((_, i) => i);
  let cLeft = current.map((_, i) => i);
  for (const pass of passes) {
    const buckets = new Map<string, number[]>();
    for (const i of cLeft) {
      const key = pass.current(current[i]);
      if (key === undefined) continue;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
    const used = new Set<number>();
    aLeft = aLeft.filter((i) => {
      const key = pass.activated(activated[i]);
      const j = key === undefined ? undefined : buckets.get(key)?.shift();
      if (j === undefined) return true;
      used.add(j);
      pairs.push([activated[i], current[j]]);
      return false;
    });
    cLeft = cLeft.filter((j) => !used.has(j));
  }
  return { pairs, removed: aLeft.map((i) => activated[i]), added: cLeft.map((j) => current[j]) };
}

interface DeviceKind<T> {
  parameter: "cpus" | "nics" | "disks";
  label: Localised;
  describe: { en: (item: T) => string; ru: (item: T) => string };
  passes: Pass<T>[];
  /** Changes inside a device that kept its identity (a renamed NIC, a resized disk). */
  inPlace: (a: T, c: T) => BindingChange[];
}

function compareDevices<T>(kind: DeviceKind<T>, activated: T[], current: T[]): BindingChange[] {
  // An empty list means "not recorded" (the fingerprints table defaults to []), so it is not compared.
  if (activated.length === 0 || current.length === 0) return [];
  const { pairs, removed, added } = matchDevices(activated, current, kind.passes);
  const { parameter, label, describe: d } = kind;
  const replacedCount = Math.min(removed.length, added.length);
  const out: BindingChange[] = [];
  for (let i = 0; i < replacedCount; i++)
    out.push(
      change(
        parameter,
        "replaced",
        true,
        "H",
        `${cap(label.en)} ${d.en(removed[i])} was replaced by ${d.en(added[i])}; replacing a bound device breaks the license.`,
        `${cap(label.ru)} ${d.ru(removed[i])} заменён на ${d.ru(added[i])}; замена привязанного устройства делает лицензию недействительной.`,
      ),
    );
  for (const item of removed.slice(replacedCount))
    out.push(
      change(
        parameter,
        "removed",
        true,
        "H",
        `${cap(label.en)} ${d.en(item)} was removed; removing a bound device breaks the license.`,
        `${cap(label.ru)} ${d.ru(item)} удалён; удаление привязанного устройства делает лицензию недействительной.`,
      ),
    );
  for (const [a, c] of pairs) out.push(...kind.inPlace(a, c));
  for (const item of added.slice(replacedCount))
    out.push(
      change(
        parameter,
        "added",
        false,
        "H",
        `${cap(label.en)} ${d.en(item)} was added; adding a device keeps the license.`,
        `Добавлен ${label.ru} ${d.ru(item)}; добавление устройства лицензию сохраняет.`,
      ),
    );
  return out;
}

type Nic = Fingerprint["nics"][number];
type Disk = Fingerprint["disks"][number];

/** A NIC is identified by its MAC (§1.4: "network adapters and their MAC addresses"); the name is a label. */
const nicKey = (n: Nic) => (clean(n.mac) ? `mac:${normalizeMac(clean(n.mac))}` : `name:${fold(n.name)}`);

const CPUS: DeviceKind<string> = {
  parameter: "cpus",
  label: { en: "CPU", ru: "процессор" },
  describe: { en: (c) => q.en(clean(c)), ru: (c) => q.ru(clean(c)) },
  passes: [{ activated: clean, current: clean }],
  inPlace: () => [],
};

const NICS: DeviceKind<Nic> = {
  parameter: "nics",
  label: { en: "network adapter", ru: "сетевой адаптер" },
  describe: {
    en: (n) => (clean(n.name) ? `${q.en(clean(n.name))} (MAC ${normalizeMac(n.mac)})` : `MAC ${normalizeMac(n.mac)}`),
    ru: (n) => (clean(n.name) ? `${q.ru(clean(n.name))} (MAC ${normalizeMac(n.mac)})` : `MAC ${normalizeMac(n.mac)}`),
  },
  passes: [
    { activated: (n) => `${nicKey(n)}|${clean(n.name)}`, current: (n) => `${nicKey(n)}|${clean(n.name)}` },
    { activated: nicKey, current: nicKey },
  ],
  inPlace: (a, c) => {
    const [x, y] = [clean(a.name), clean(c.name)];
    if (!x || !y || x === y) return [];
    const mac = normalizeMac(c.mac);
    return [
      change(
        "nics",
        "changed",
        false,
        null,
        `Network adapter with MAC ${mac} is now named ${q.en(y)} (was ${q.en(x)}); an adapter is identified by its MAC address, so a new name alone keeps the license.`,
        `Сетевой адаптер с MAC ${mac} теперь называется ${q.ru(y)} (было ${q.ru(x)}); адаптер опознаётся по MAC-адресу, поэтому одно лишь новое имя лицензию сохраняет.`,
      ),
    ];
  },
};

const GB = 1e9;
function sizes(a: number, b: number): { en: [string, string]; ru: [string, string] } {
  const gb = (n: number) => (n / GB).toFixed(1);
  if (gb(a) !== gb(b)) return { en: [`${gb(a)} GB`, `${gb(b)} GB`], ru: [`${gb(a).replace(".", ",")} ГБ`, `${gb(b).replace(".", ",")} ГБ`] };
  return { en: [`${a} bytes`, `${b} bytes`], ru: [`${a} байт`, `${b} байт`] };
}

const diskSerial = (d: Disk) => fold(d.serial) || undefined;

const DISKS: DeviceKind<Disk> = {
  parameter: "disks",
  label: { en: "disk", ru: "диск" },
  describe: {
    en: (d) => `${q.en(clean(d.model))}${diskDetails(d, "serial", "GB", ".")}`,
    ru: (d) => `${q.ru(clean(d.model))}${diskDetails(d, "серийный номер", "ГБ", ",")}`,
  },
  // A disk is identified by its serial when both sides have one, else by its model (brief to §1.4).
  passes: [
    { activated: (d) => `${clean(d.model)}|${diskSerial(d) ?? ""}|${d.sizeBytes}`, current: (d) => `${clean(d.model)}|${diskSerial(d) ?? ""}|${d.sizeBytes}` },
    { activated: diskSerial, current: diskSerial },
    { activated: (d) => clean(d.model), current: (d) => (diskSerial(d) ? undefined : clean(d.model)) },
    { activated: (d) => (diskSerial(d) ? undefined : clean(d.model)), current: (d) => clean(d.model) },
  ],
  inPlace: (a, c) => {
    const out: BindingChange[] = [];
    const name = { en: `Disk ${q.en(clean(c.model))}${clean(c.serial) ? ` (serial ${clean(c.serial)})` : ""}`, ru: `Диск ${q.ru(clean(c.model))}${clean(c.serial) ? ` (серийный номер ${clean(c.serial)})` : ""}` };
    const [mx, my] = [clean(a.model), clean(c.model)];
    if (mx && my && mx !== my)
      out.push(
        change(
          "disks",
          "changed",
          true,
          "M",
          `Disk with serial ${clean(c.serial)} now reports model ${q.en(my)} (was ${q.en(mx)}); the disk parameters are bound [M], ${BREAKS.en}.`,
          `Диск с серийным номером ${clean(c.serial)} теперь сообщает модель ${q.ru(my)} (было ${q.ru(mx)}); параметры дисков входят в привязку [M], ${BREAKS.ru}.`,
        ),
      );
    // §1.4 [M]: the article says any partition change breaks the license; a new size is a resize/repartition.
    if (a.sizeBytes > 0 && c.sizeBytes > 0 && a.sizeBytes !== c.sizeBytes) {
      const s = sizes(a.sizeBytes, c.sizeBytes);
      out.push(
        change(
          "disks",
          c.sizeBytes > a.sizeBytes ? "increased" : "decreased",
          true,
          "M",
          `${name.en} changed size from ${s.en[0]} to ${s.en[1]} — a resize or repartition; the article says any partition change breaks the license [M].`,
          `${name.ru} изменил размер с ${s.ru[0]} на ${s.ru[1]} — изменены разделы или размер; по статье любое изменение разделов делает лицензию недействительной [M].`,
        ),
      );
    }
    return out;
  },
};

function diskDetails(d: Disk, serialWord: string, unit: string, point: string): string {
  const parts = [clean(d.serial) ? `${serialWord} ${clean(d.serial)}` : "", d.sizeBytes > 0 ? `${(d.sizeBytes / GB).toFixed(1).replace(".", point)} ${unit}` : ""].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/**
 * Compares the fingerprint recorded at activation with the current one (DOMAIN §1.4) and lists every change
 * with whether it breaks the license; a parameter that is empty or missing on either side is not compared.
 */
export function compareFingerprints(activated: Fingerprint, current: Fingerprint): BindingVerdict {
  const a = activated;
  const b = current;
  const changes = [
    ...compareBound("osName", a.osName, b.osName, { en: "OS name", ru: "Название ОС" }),
    ...compareOsVersion(a, b),
    ...compareWindowsOnly("osSerial", a, b),
    ...compareWindowsOnly("osInstallDate", a, b),
    // Windows network names are case-insensitive, so a case-only change is not a change.
    ...compareBound("hostname", a.hostname, b.hostname, { en: "Network name", ru: "Сетевое имя компьютера" }, true),
    ...compareBound("motherboard", a.motherboard, b.motherboard, { en: "Motherboard model", ru: "Модель материнской платы" }),
    ...compareRam(a, b),
    ...compareBound("bios", a.bios, b.bios, { en: "BIOS", ru: "BIOS" }),
    ...compareDevices(CPUS, a.cpus, b.cpus),
    ...compareDevices(NICS, a.nics, b.nics),
    ...compareDevices(DISKS, a.disks, b.disks),
  ];
  return { survives: changes.every((c) => !c.breaks), changes };
}
