/**
 * The platform's own licensing messages as a team lead pastes them (DOMAIN §4.2, §1.4): "Не обнаружено
 * свободной лицензии!" with its "по причине:" breakdown, the 1C server's "На сервере 1С:Предприятия не найдена
 * лицензия…", and the binding failure with its removed/present device lists. Each reason line gets a cause
 * code from `causes.ts` (the same codes as the engine's simulated denials) and a plain-language explanation.
 *
 * Real texts as 1C users and public 1C tooling quote them are the fixtures (tests/fixtures/messages/SOURCES.md):
 * 8.3.2x and 8.5 often print only "Не найдена лицензия. Не обнаружен ключ защиты программы или полученная программная
 * лицензия!" (no breakdown), developer licenses add refusals of their own, and the text arrives wrapped by an 80-column
 * console, prefixed by a script's log line, or inside the JSON error body of an HTTP/OData service.
 */
import { z } from "zod";

import { BindingChangeSchema, type BindingChange, type BindingChangeKind, type Fingerprint } from "../licensing/binding";
import { CAUSE_TEXT, CAUSES, type Cause, type Localised } from "../licensing/causes";

export type MessageKind = "no-free-license" | "no-server-license" | "binding" | "developer-license" | "unknown";
export type Place = "client" | "server";

/** One reason the platform gave, for one place it looked. `text` is the line as printed (wrapped lines joined by a space). */
export interface MessageLine {
  text: string;
  place: Place;
  cause: Cause;
  explanation: Localised;
  /** The license file the line names (`…\20240115093012.lic`, `file:///var/1C/licenses/….lic`). */
  file?: string;
  /** HASP key series (`ORGL8`, `ORG8A` …, DOMAIN §2), upper case. */
  series?: string;
  keyKind?: "local" | "network";
  /** The number after `Status=` / `Net Status=`, as printed. */
  status?: string;
  /** The recorded kit, key or computer the line names (added by the route from the database; never a PIN). */
  links?: MessageLink[];
}

/** A record a line names: a kit (label: registration number), a HASP key (series @ host) or a computer (its name). */
export interface MessageLink {
  kind: "kit" | "key" | "computer";
  id: number;
  label: string;
}

/** A device line of the binding failure: `DISK_0: …` → `{ kind: "DISK", index: 0, text: "…" }`. */
export interface BindingDevice {
  kind: string;
  index: number;
  text: string;
}

export interface ParsedMessage {
  kind: MessageKind;
  lines: MessageLine[];
  /** Device lines under "После получения лицензии удалены:", as printed. */
  removed?: string[];
  /** Device lines under "В текущей конфигурации компьютера имеются:", as printed. */
  present?: string[];
  bindingDevices?: { removed: BindingDevice[]; present: BindingDevice[] };
  /** What a message that gave no reason line says as a whole (a bare "Не обнаружено свободной лицензии!"). */
  summary?: { place: Place; cause: Cause; explanation: Localised };
}

// ----- matching helpers: lower case, ё → е, one space, for patterns only (texts are kept as printed)

const fold = (s: string) => s.toLowerCase().replace(/ё/g, "е").replace(/[\s\u00a0]+/g, " ").trim();
const L = String.raw`licen[cs]e`;
const ONE_C = String.raw`1[сc]\s*:?\s*`;

/** List markers people and some dialogs put in front of each line. */
const BULLET = /^(?:[-–—•*·]\s+|\d{1,2}[.)]\s+)/;

/** The 8.3.2x/8.5 message printed without a breakdown: "neither a protection key nor an obtained software license". */
const NO_KEY_RU = "не обнаружен ключ защиты программы или полученная программная лицензия";
const NO_KEY_EN = String.raw`(?:the )?(?:application|program|software) protection key or (?:the )?(?:acquired|obtained) software ${L} (?:was )?not found`;

/**
 * A title of a message. `kind` is what it makes the message (headings without one leave that to the reasons);
 * `onlyFirst` = ambiguous with a reason line, so a title only as the first line; `line` = the title is also its own
 * reason, shown only when no reason follows; `summary` = what a message that gives no reason at all says.
 */
interface Title {
  re: RegExp;
  kind?: MessageKind;
  onlyFirst?: boolean;
  line?: Cause;
  summary?: Cause;
}

const TITLES: Title[] = [
  { re: /^не обнаружен[аоы]? свободн\S* лицензи\S*[!.]*/, kind: "no-free-license", summary: "seats-exhausted" },
  { re: /^свободн\S* лицензи\S* не (?:обнаружен|найден)\S*[!.]*/, kind: "no-free-license", summary: "seats-exhausted" },
  { re: new RegExp(String.raw`^(?:no free ${L}s? (?:was |is )?(?:found|detected|available)|free ${L} (?:was )?not found)[!.]*`), kind: "no-free-license", summary: "seats-exhausted" },
  { re: new RegExp(String.raw`^there (?:are|is) no free ${L}s?[!.]*`), kind: "no-free-license", summary: "seats-exhausted" },
  { re: new RegExp(String.raw`^(?:не найдена лицензия|лицензия не найдена)[.!]\s*${NO_KEY_RU}[!.]*`), kind: "no-free-license", line: "no-license-on-computer" },
  { re: new RegExp(String.raw`^${L} (?:was )?not found[.!]\s*${NO_KEY_EN}[!.]*`), kind: "no-free-license", line: "no-license-on-computer" },
  { re: new RegExp(String.raw`^${NO_KEY_RU}[!.]*`), kind: "no-free-license", line: "no-license-on-computer" },
  { re: new RegExp(String.raw`^${NO_KEY_EN}[!.]*`), kind: "no-free-license", line: "no-license-on-computer" },
  { re: /^(?:лицензия не найдена|не найдена лицензия)[!.]+/, kind: "no-free-license", onlyFirst: true, line: "no-license-on-computer" },
  { re: new RegExp(String.raw`^${L} (?:was )?not found[!.]+`), kind: "no-free-license", onlyFirst: true, line: "no-license-on-computer" },
  // Headings that name no kind: "Ошибка программного лицензирования." before a server-start refusal, the request an
  // HTTP/OData service was answering.
  { re: /^ошибка программного лицензирования[.!:]*/ },
  { re: /^ошибка при выполнении запроса \S+ к ресурсу \S+:/ },
];

/** The server's own failure (§4.2): it is a title and its own reason (place: server, cause: no-server-license). */
const SERVER_TITLE = new RegExp(
  String.raw`^(?:на сервере (?:${ONE_C}предприяти[яе] )?не (?:найдена|обнаружена) лицензия|не (?:найдена|обнаружена) лицензия (?:на )?сервер[аеу]? ${ONE_C}предприятия|(?:no )?${L} (?:was )?not found on (?:the )?${ONE_C}enterprise server|no ${L} (?:was )?found on (?:the )?${ONE_C}enterprise server)`,
);

const REASONS_HEADER = /^(?:по (?:следующим )?причин[еаы]м?|причин[аы]|reasons?|due to|because of|for the following reasons?)\s*(?::|$)/;
const CLIENT_HEADER = new RegExp(String.raw`^(?:поиск лицензи\S* на клиенте|на клиенте|(?:searching for|search for|looking for) (?:a |the )?${L} on (?:the )?client|${L} search on (?:the )?client|client ${L} search|on (?:the )?client)\s*(?::|$)`);
const SERVER_HEADER = new RegExp(String.raw`^(?:поиск лицензи\S* на сервере|на сервере|(?:searching for|search for|looking for) (?:a |the )?${L} on (?:the )?server|${L} search on (?:the )?server|server ${L} search|on (?:the )?server)\s*(?::|$)`);
const REMOVED_HEADER = new RegExp(
  String.raw`^(?:после получения лицензии (?:были )?удален[оы]?|удален[оы]? после получения лицензии|(?:after|since) (?:the )?${L} (?:was )?(?:obtained|received|issued),? (?:the following (?:were |was )?)?removed|removed (?:after|since) (?:the )?${L} (?:was )?(?:obtained|received|issued))\s*(?::|$)`,
);
const PRESENT_HEADER = /^(?:в текущей конфигурации компьютера (?:имеются|имеется|есть|присутствуют)|в текущей конфигурации (?:имеются|есть)|(?:the )?current (?:computer )?configuration (?:has|contains|includes)|present in the current (?:computer )?configuration)\s*(?::|$)/;

/** Every title and header starts with one of these words: one test instead of twelve on ordinary lines. */
const MAY_BE_HEADER = /^(?:не |свобод|лиценз|по |причин|поиск|на |после|удален|в текущей|ошибка (?:программного|при выполнении)|no |free|the |there |appl|progr|softw|licen[cs]e|reason|due |because|for |search|looking|client|server|on |after|since|removed|current|present)/;

const HEADERS: Array<[RegExp, "reasons" | "client" | "server" | "removed" | "present"]> = [
  [REASONS_HEADER, "reasons"],
  [CLIENT_HEADER, "client"],
  [SERVER_HEADER, "server"],
  [REMOVED_HEADER, "removed"],
  [PRESENT_HEADER, "present"],
];

/** Dialog chrome that is neither a title nor a reason (a lone bracket closes a script's quoted error). */
const CHROME = new RegExp(String.raw`^(?:[{}()[\]]+|${ONE_C}предприятие( 8(\.\d)?)?|${ONE_C}enterprise( 8(\.\d)?)?|ок|ok|да|нет|yes|no|отмена|cancel|подробно|подробнее|details|ошибка|error|получить лицензию\?|(?:get|obtain) (?:a )?${L}\?)[.!]?$`);

const RULES: Array<[RegExp, Cause]> = [
  [new RegExp(String.raw`превышено ограничение лицензи\S* для разработчик|developers?'? ${L}\b.*\blimit\b.*(?:exceeded|reached)`), "developer-license-limit"],
  [new RegExp(String.raw`лицензи\S* для разработчик|developers?'? ${L}`), "developer-license-restricted"],
  [new RegExp(String.raw`не может быть выполнена с текущим составом лицензий|cannot be (?:performed|executed|done) with the current (?:set|composition) of ${L}s`), "license-combination"],
  [new RegExp(String.raw`${NO_KEY_RU}|${NO_KEY_EN}`), "no-license-on-computer"],
  [new RegExp(String.raw`ошибка привязки (?:программной )?лицензи|привязк\S* (?:программной )?лицензи\S* к (?:компьютеру|оборудованию)|изменил\S* (?:конфигураци|оборудовани)\S* компьютера|конфигураци\S* компьютера изменил|binding (?:the |of (?:the )?)?(?:software )?${L} to (?:the )?computer|${L} binding (?:error|failed)|(?:computer|hardware) configuration (?:has )?changed`), "binding-changed"],
  [new RegExp(String.raw`не предусматривает возможност\S* запуска клиентск|не позволяет запуск\S* клиентск|(?:does not|doesn't) (?:allow|permit|provide for|support) (?:running|starting|launching) (?:of )?client applications`), "server-license-only"],
  [new RegExp(String.raw`(?:выдач|получени|распределени)\S* (?:клиентских )?лицензий.*запрещен|запрещен\S* (?:выдача|получение|распределение) (?:клиентских )?лицензий|license-distribution\s*=?\s*deny|(?:issu|distribut)\S* (?:of )?client ${L}s\b.*(?:denied|prohibited|forbidden|disabled|not allowed)|${L} distribution (?:is )?(?:denied|prohibited|forbidden|disabled)`), "distribution-denied"],
  [new RegExp(String.raw`нет доступа к файлу|(?:ошибка|невозможно|не удалось) (?:чтения|открытия|прочитать|открыть|прочесть) (?:файла? )?(?:программной )?лицензи|доступ запрещен|отказано в доступе|(?:cannot|can't|could not|unable to|failed to) (?:read|open|access) (?:the )?(?:software )?${L} file|error (?:reading|opening) (?:the )?(?:software )?${L} file|access (?:is )?denied|permission denied`), "unreadable-file"],
  [new RegExp(String.raw`превышено (?:максимальное )?(?:количество|число) (?:пользователей|лицензий|рабочих мест)|нет свободн\S* (?:лицензи|мест)|все (?:места|лицензии) занят|исчерпан\S* (?:количеств|лиценз|мест)|maximum number of users\b.*exceeded|exceeded (?:the )?maximum number of users|no free (?:${L}s|seats)|all (?:seats|${L}s) (?:are )?(?:taken|in use|busy|occupied)`), "seats-exhausted"],
  [new RegExp(String.raw`(?:не (?:найдена|обнаружена)|отсутствует|нет) лицензи\S* (?:сервера|на сервере)|лицензи\S* сервера (?:не (?:найдена|обнаружена)|отсутствует)|server ${L} (?:was )?not found|no (?:${ONE_C}enterprise )?server ${L}|${L} (?:was )?not found on (?:the )?${ONE_C}enterprise server|не предусматривает возможност\S* запуска сервера|(?:does not|doesn't) (?:allow|permit|provide for) (?:running|starting|launching) (?:of )?(?:the |a )?(?:${ONE_C}enterprise )?server\b`), "no-server-license"],
  [new RegExp(String.raw`менеджер\S* лицензий|net status\s*=|сетев\S* ключ\S* (?:защиты )?(?:недоступен|не найден|не обнаружен)|\sсетевой,? не установлен|${L} manager|network (?:hasp )?key\b.*(?:unavailable|not found|not installed)|\snetwork,? not installed`), "no-license-manager"],
  [new RegExp(String.raw`локальн\S* ключ\S*.*(?:недоступен|не найден|не обнаружен|не установлен|отсутствует)|\sлокальный,? не установлен|local (?:hasp )?key\b.*(?:unavailable|not available|not found|not installed|missing)|\slocal,? not installed`), "no-local-key"],
  [new RegExp(String.raw`(?:файл\S*|программн\S* лицензи\S*).*не (?:найден|обнаружен)|не (?:найден|обнаружен)\S* (?:ни одного )?(?:файл|программн)|лицензи\S* не (?:найден|обнаружен)|отсутству\S* файл\S* лицензи|${L} files? (?:was |were )?not found|no (?:software )?${L} files? (?:was |were )?found|software ${L} (?:was )?not found|${L} not found`), "no-file"],
];

/** "Use hardware license" switched off (§2, §4.2): no cause code of its own, so `unknown` with a specific explanation. */
const HARDWARE_OFF = new RegExp(String.raw`использовани\S* аппаратн\S* (?:лицензи|ключ)\S* (?:отключено|запрещено|выключено)|аппаратн\S* (?:лицензии|ключи) (?:отключены|не используются)|use of hardware ${L}s (?:is )?(?:disabled|off|prohibited)|hardware ${L}s? (?:are |is )?(?:disabled|not used)`);
const NETHASP_MISSING = /nethasp\.ini\s*:?\s*(?:отсутствует|не найден|missing|not found|absent)/;

const SERIES = /(?:^|[\s,;:(])([A-Za-z]{2,5}\d[A-Za-z0-9]{0,3})\s+(локальн\S*|сетев\S*|local|network|net)(?=$|[\s,.;:)])/i;
const STATUS = /(?:net\s+)?status\s*=\s*(-?\d+)/i;
const LIC_FILE = /(?:file:\/\/\/?[^\s"'«»]+?\.lic|[a-z]:[\\/][^"'«»:*?<>|]*?\.lic|\\\\[^"'«»]+?\.lic|\/[^\s"'«»]*?\.lic|\b\d{14}\.lic)(?![\w.])/i;
const PATH_ONLY = /^(?:["«]?)(?:[a-z]:[\\/]|\\\\|\/|file:\/\/|%[a-z_]+%)/i;
/** The line is a path, or ends with `: <path>` (a list of folders may follow on the next lines). */
const endsWithPath = (line: string) => PATH_ONLY.test(line) || PATH_ONLY.test(line.slice(line.lastIndexOf(": ") + 2));

/** Causes whose line ends with `: <file>` (§4.2). */
const FILE_CAUSES: ReadonlySet<Cause> = new Set(["seats-exhausted", "server-license-only", "binding-changed", "unreadable-file", "no-file"]);

interface Classified {
  cause: Cause;
  file?: string;
  series?: string;
  keyKind?: "local" | "network";
  status?: string;
  hardwareOff?: boolean;
  nethaspMissing?: boolean;
  /** Where the line itself says the failure happened ("Сервер 1С:Предприятия использует …", a server-start refusal). */
  placeHint?: Place;
  /** A known wording of the cause that gets its own explanation. */
  variant?: "commercial-client" | "commercial-designer" | "use-forbidden" | "server-start";
}

/** A line whose subject is the 1C server. */
const SERVER_SUBJECT = new RegExp(String.raw`^(?:сервер ${ONE_C}предприяти|(?:the )?${ONE_C}enterprise server)`);
const DEVELOPER_USE_FORBIDDEN = new RegExp(String.raw`использовани\S* лицензи\S* для разработчик\S* запрещен|use of (?:the )?developers?'? ${L}s? is (?:prohibited|forbidden|not allowed)`);
const COMMERCIAL_LEVEL = /(?:проф|корп)(?![а-я])|\b(?:prof|corp|korp)\b/;
const SERVER_START = new RegExp(String.raw`запуска сервера|(?:running|starting|launching) (?:of )?(?:the |a )?(?:${ONE_C}enterprise )?server\b`);

function stripQuotes(s: string): string {
  return s.replace(/^["'«“]+|["'»”]+$/g, "").trim();
}

function findFile(text: string, cause: Cause): string | undefined {
  const lic = LIC_FILE.exec(text);
  if (lic) return stripQuotes(lic[0]);
  if (!FILE_CAUSES.has(cause) || cause === "no-file") return undefined;
  // `…: <file>` where the file has another extension or is a URL/path: whatever follows the last ": " if it is a path.
  const at = text.lastIndexOf(": ");
  const tail = at >= 0 ? stripQuotes(text.slice(at + 2).replace(/[.;,]\s*$/, "")) : "";
  return tail && PATH_ONLY.test(tail) ? tail : undefined;
}

/** Reason lines are short; a pasted megabyte on one line is looked at only this far (keeps matching linear). */
const MAX_CLASSIFIED = 2000;
/** A wrapped reason spans a few lines (a folder list a few more); longer runs are separate lines. */
const MAX_CONTINUATIONS = 12;

function classify(full: string): Classified {
  const text = full.length > MAX_CLASSIFIED ? full.slice(0, MAX_CLASSIFIED) : full;
  const f = fold(text);
  let cause: Cause = "unknown";
  for (const [re, c] of RULES)
    if (re.test(f)) {
      cause = c;
      break;
    }
  const series = SERIES.exec(text);
  const status = STATUS.exec(text);
  return {
    cause,
    file: findFile(text, cause) || undefined,
    series: series ? series[1].toUpperCase() : undefined,
    keyKind: series ? (/^(?:л|local)/i.test(series[2]) ? "local" : "network") : cause === "no-local-key" ? "local" : cause === "no-license-manager" ? "network" : undefined,
    status: status ? status[1] : undefined,
    hardwareOff: cause === "unknown" && HARDWARE_OFF.test(f),
    nethaspMissing: cause === "no-license-manager" && NETHASP_MISSING.test(f),
    placeHint: cause === "no-server-license" || SERVER_SUBJECT.test(f) ? "server" : undefined,
    variant:
      cause === "developer-license-restricted"
        ? DEVELOPER_USE_FORBIDDEN.test(f)
          ? "use-forbidden"
          : COMMERCIAL_LEVEL.test(f)
            ? /конфигуратор|designer/.test(f)
              ? "commercial-designer"
              : "commercial-client"
            : undefined
        : cause === "no-server-license" && SERVER_START.test(f)
          ? "server-start"
          : undefined,
  };
}

// ----- explanations: the shared cause texts, made specific where the line names a file, a key or nethasp.ini

function explain(c: Classified, place: Place, devicesListed: boolean): Localised {
  const base = CAUSE_TEXT[c.cause];
  const key = c.series ? { en: `the ${c.series} ${c.keyKind === "local" ? "local" : "network"} key`, ru: `ключа ${c.series} (${c.keyKind === "local" ? "локальный" : "сетевой"})` } : undefined;
  switch (c.cause) {
    case "seats-exhausted":
      if (c.file)
        return {
          en: `Every seat of the software license in ${c.file} is taken. Free one (close idle sessions) or buy more seats.`,
          ru: `Все места программной лицензии из файла ${c.file} заняты. Освободите место (закройте простаивающие сеансы) или купите дополнительные места.`,
        };
      if (key)
        return {
          en: `Every seat of ${key.en} is taken (the series does not tell the seat count; the key model does). Free one or add a key of another series — two keys of the same series count once.`,
          ru: `Все места ${key.ru} заняты (серия не говорит о числе мест, его задаёт модель ключа). Освободите место или добавьте ключ другой серии — два ключа одной серии считаются за один.`,
        };
      return base;
    case "server-license-only":
      if (c.file)
        return {
          en: `${c.file} is a 1C server license, not a client one: it cannot start client applications. A client license is needed (the server license stays where it is).`,
          ru: `${c.file} — лицензия сервера 1С, а не клиентская: она не позволяет запускать клиентские приложения. Нужна клиентская лицензия (лицензию сервера оставьте на месте).`,
        };
      return base;
    case "binding-changed": {
      const what = c.file ? { en: `The license in ${c.file}`, ru: `Лицензия из файла ${c.file}` } : { en: "The software license", ru: "Программная лицензия" };
      const list = devicesListed
        ? { en: " The platform lists the devices removed since activation and the ones present now; compare them with the fingerprint recorded at activation.", ru: " Платформа перечисляет устройства, удалённые после активации, и имеющиеся сейчас; сравните их с отпечатком, записанным при активации." }
        : { en: "", ru: "" };
      return {
        en: `${what.en} no longer binds: the computer's hardware changed since it was obtained (removing or replacing a bound device breaks it; adding one does not). Recover it — a backup PIN is spent if key parameters changed.${list.en}`,
        ru: `${what.ru} больше не подходит: оборудование компьютера изменилось после её получения (удаление или замена привязанного устройства её ломает, добавление — нет). Восстановите лицензию — при изменении ключевых параметров расходуется резервный ПИН-код.${list.ru}`,
      };
    }
    case "unreadable-file":
      if (c.file)
        return {
          en: `${c.file} exists but this process cannot read it (permissions), so it is skipped. Give ${place === "server" ? "the 1C server's service user (e.g. USR1CV8)" : "this user"} read access to the file.`,
          ru: `Файл ${c.file} есть, но процесс не может его прочитать (права доступа), поэтому он пропускается. Дайте ${place === "server" ? "пользователю службы сервера 1С (например, USR1CV8)" : "этому пользователю"} право на чтение файла.`,
        };
      return base;
    case "no-local-key":
      if (key)
        return {
          en: `${key.en[0].toUpperCase()}${key.en.slice(1)} is not plugged into this computer. That is normal if licenses come from elsewhere; otherwise check the key and its driver.`,
          ru: `Локальный ключ ${c.series} к этому компьютеру не подключён. Это нормально, если лицензии приходят из другого места; иначе проверьте ключ и его драйвер.`,
        };
      return base;
    case "no-license-manager":
      if (c.nethaspMissing)
        return {
          en: `nethasp.ini is missing, so the client searched with the defaults (broadcast), and no HASP License Manager answered${c.series ? ` for ${key!.en}` : ""}. Broadcast does not cross subnets: create nethasp.ini with NH_TCPIP = Enabled and NH_SERVER_ADDR = <the License Manager's IPv4 address> in [NH_TCPIP], and check that the License Manager runs and UDP/TCP 475 is open.`,
          ru: `nethasp.ini отсутствует, поэтому клиент искал с настройками по умолчанию (широковещательно), и ни один менеджер лицензий HASP не ответил${c.series ? ` для ${key!.ru}` : ""}. Широковещательный поиск не проходит между подсетями: создайте nethasp.ini с NH_TCPIP = Enabled и NH_SERVER_ADDR = <IPv4-адрес менеджера лицензий> в секции [NH_TCPIP] и проверьте, что менеджер лицензий запущен, а порт UDP/TCP 475 открыт.`,
        };
      if (key)
        return {
          en: `No HASP License Manager answered for ${key.en}: it is down, blocked by a firewall (UDP/TCP 475), or nethasp.ini does not point at it (broadcast does not cross subnets).`,
          ru: `Менеджер лицензий HASP не ответил для ${key.ru}: он остановлен, заблокирован брандмауэром (UDP/TCP 475) или nethasp.ini на него не указывает (широковещательный поиск не проходит между подсетями).`,
        };
      return base;
    case "unknown":
      if (c.hardwareOff)
        return {
          en: "Using hardware (HASP) licenses is switched off here (the infobase's “use hardware license” setting, or UseHwLicenses=0 in 1cestart.cfg), so no key was looked for. Switch it on if the licenses are on a HASP key.",
          ru: "Использование аппаратных лицензий (HASP) здесь отключено (флажок «Использовать аппаратную лицензию» в настройках базы или UseHwLicenses=0 в 1cestart.cfg), поэтому ключ не искался. Включите его, если лицензии на ключе HASP.",
        };
      return base;
    case "no-server-license":
      if (c.variant === "server-start")
        return {
          en: `${c.file ?? "The license file found"} cannot start the 1C server: it is a client license, not a server one. Activate a server license on this host (a 64-bit one also covers a 32-bit server) or plug in a server key; the client license may stay where it is.`,
          ru: `${c.file ? `Файл ${c.file}` : "Найденный файл лицензии"} не позволяет запустить сервер 1С: это клиентская лицензия, а не лицензия сервера. Активируйте на этом компьютере лицензию сервера (64-разрядная подходит и для 32-разрядного сервера) или подключите серверный ключ; клиентскую лицензию можно оставить на месте.`,
        };
      return base;
    case "developer-license-restricted":
      if (c.variant === "use-forbidden")
        return {
          en: "The platform refused the developer license here. A developer license is bound to the computer like any software license, and the platform must read the computer's parameters to check it: in a Linux container it needs the hostname and ip commands (and dmidecode) — without them a valid developer license has been reported refused with exactly this message. Check those tools, and that the license was obtained for this computer.",
          ru: "Платформа отказалась использовать здесь лицензию для разработчиков. Такая лицензия привязана к компьютеру, как любая программная, и платформа должна прочитать параметры компьютера, чтобы её проверить: в Linux-контейнере ей нужны команды hostname и ip (и dmidecode) — без них действующая лицензия для разработчиков, по сообщениям, отвергается именно этим текстом. Проверьте эти утилиты и то, что лицензия получена для этого компьютера.",
        };
      if (c.variant === "commercial-client" || c.variant === "commercial-designer") {
        const client = c.variant === "commercial-designer" ? { en: "the Designer", ru: "Конфигуратор" } : { en: "the client application", ru: "клиентское приложение" };
        return {
          en: `The 1C server uses a developer license, and ${client.en} came with a PROF or CORP license: the two do not mix, so the start is refused. Start ${client.en} with a developer license as well, or give the server a commercial server license.`,
          ru: `Сервер 1С использует лицензию для разработчиков, а ${client.ru} получил(о) лицензию ПРОФ или КОРП: они не сочетаются, поэтому запуск запрещён. Запускайте ${client.ru} тоже с лицензией для разработчиков или дайте серверу коммерческую лицензию сервера.`,
        };
      }
      return base;
    default:
      return base;
  }
}

/** A message that printed a title and no reason: "Не обнаружено свободной лицензии!" alone (§4.2). */
function explainSummary(cause: Cause): Localised {
  if (cause === "seats-exhausted")
    return {
      en: "The platform found no free seat in any license it could reach and printed no breakdown of the places it looked (the dialog's “Details” or the technological log has one). Most often every seat is taken: free one (close idle sessions) or add seats. If seats should be free, paste the breakdown to see which place failed.",
      ru: "Платформа не нашла свободного места ни в одной доступной ей лицензии и не вывела разбор по местам поиска (он есть в «Подробнее» диалога или в технологическом журнале). Чаще всего заняты все места: освободите место (закройте простаивающие сеансы) или добавьте места. Если места должны быть свободны, вставьте разбор, чтобы увидеть, где поиск не удался.",
    };
  return CAUSE_TEXT[cause];
}

// ----- the parser

const DEVICE = /^([A-Za-z][A-Za-z ]{0,30}?)(?:[ _#-]?(\d{1,3}))?\s*:\s?(.*)$/;

interface Draft extends Classified {
  text: string;
  place: Place;
  /** The reason may still be continued by the next line (no blank line, no header in between). */
  open: boolean;
  /** How many wrapped lines were joined to it. */
  joined: number;
  endsWithPath: boolean;
  /** A title that is its own reason ("Не обнаружен ключ защиты программы …"): kept only when no known reason follows. */
  titleLine?: boolean;
}

/** A device list line: `DISK_0: …`; anything else is not a device. */
function deviceOf(line: string): BindingDevice | undefined {
  const m = DEVICE.exec(line);
  if (!m) return undefined;
  const kind = m[1].trim();
  // A sentence with a colon ("Ошибка …: file") is not a device: device kinds are one or two short words.
  if (kind.split(" ").length > 2) return undefined;
  return { kind, index: m[2] === undefined ? 0 : Number(m[2]), text: m[3].trim() };
}

/** Whether `next` continues `prev` (a console or dialog wrapped one reason over two lines). */
function continues(prev: Draft, next: string, alone: Classified): boolean {
  if (prev.joined >= MAX_CONTINUATIONS || prev.text.length + next.length > MAX_CLASSIFIED) return false;
  if (alone.cause !== "unknown" && alone.cause !== prev.cause) return false;
  if (alone.cause === "unknown") {
    if (/[:,]$/.test(prev.text)) return true;
    if (PATH_ONLY.test(next) && prev.endsWithPath) return true;
    // `…: <file>` reasons whose file went to the next line.
    if (PATH_ONLY.test(next) && FILE_CAUSES.has(prev.cause) && prev.cause !== "no-file" && prev.file === undefined) return true;
  }
  const joined = classify(`${prev.text} ${next}`);
  if (alone.cause === "unknown" && prev.cause === "unknown" && joined.cause !== "unknown") return true;
  if (joined.cause !== prev.cause && prev.cause !== "unknown") return false;
  // The join completes what either half lacked: a file or a key series neither line names alone.
  return (joined.file !== undefined && prev.file === undefined && alone.file === undefined) || (joined.series !== undefined && prev.series === undefined && alone.series === undefined);
}

// ----- the wrappers a message arrives in: a script's log line, an 80-column console, an HTTP service's JSON error

/** Where the platform's message starts inside a longer line (`… / Ошибка в строке: 1544 / Не найдена лицензия. …`). */
const MESSAGE_START = String.raw`не\s+найдена\s+лицензия\s*[.!]\s*не\s+обнаружен|лицензия\s+не\s+найдена\s*[.!]\s*не\s+обнаружен|licen[cs]e\s+(?:was\s+)?not\s+found\s*[.!]\s*(?:the\s+)?(?:application|program|software)\s+protection\s+key|не\s+обнаружено\s+свободной\s+лицензии|there\s+(?:are|is)\s+no\s+free\s+licen[cs]es?|на\s+сервере\s+(?:1[сc]\s*:?\s*предприяти[яе]\s+)?не\s+(?:найдена|обнаружена)\s+лицензия`;
const EMBEDDED = new RegExp(MESSAGE_START, "i");
const EMBEDDED_ALL = new RegExp(MESSAGE_START, "gi");
const countMessages = (s: string) => s.match(EMBEDDED_ALL)?.length ?? 0;

/**
 * Drops what a script or tool printed before the platform's message on the same line (`КРИТИЧНАЯОШИБКА - {Модуль …
 * / Ошибка в строке: 1544 / Не найдена лицензия. …`, `Export failed (rc=1): License not found. …`). A header or title
 * before it stays: it is read as one.
 */
function withoutPrefix(line: string): string {
  const m = EMBEDDED.exec(line);
  if (!m || m.index === 0) return line;
  const before = fold(line.slice(0, m.index));
  return before && !MAY_BE_HEADER.test(before) ? line.slice(m.index) : line;
}

/** The Windows console's default width: `cmd.exe` wraps a long line at exactly this column, even mid-word. */
const CONSOLE_WIDTH = 80;

/**
 * Rejoins lines an 80-column console cut mid-word (gitsync on 8.3.10: `… Не найдена лицензия. Н` / `е обнаружен
 * ключ …`): a run of lines exactly 80 characters long that end in a letter, each followed by a line starting with a
 * lower-case letter, is joined without a separator — only when the joined text holds more of the platform's messages
 * than its pieces do, so an ordinary 80-character reason line is never glued to the next.
 */
function rejoinConsoleWraps(lines: string[]): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j + 1 < lines.length && j - i < MAX_CONTINUATIONS && lines[j].length === CONSOLE_WIDTH && /\p{L}$/u.test(lines[j]) && /^\p{Ll}/u.test(lines[j + 1])) j++;
    if (j > i) {
      const pieces = lines.slice(i, j + 1);
      const joined = pieces.join("");
      if (countMessages(joined) > pieces.reduce((n, piece) => n + countMessages(piece), 0)) {
        (out ??= lines.slice(0, i)).push(joined);
        i = j;
        continue;
      }
    }
    out?.push(lines[i]);
  }
  return out ?? lines;
}

/**
 * The error body of a 1C HTTP or OData service pasted as is (`{"exception":{"descr":"…","inner":{"descr":"На сервере
 * 1С:Предприятия не найдена лицензия."}}}`): its descriptions, outermost first, one per line. Anything else is returned
 * unchanged.
 */
function unwrapServiceError(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") || !trimmed.endsWith("}") || trimmed.length > MAX_CLASSIFIED * 8) return text;
  let body: unknown;
  try {
    body = JSON.parse(trimmed);
  } catch {
    return text;
  }
  const found: string[] = [];
  const walk = (node: unknown, depth: number) => {
    if (depth > 16 || node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (typeof value === "string" && (key === "descr" || key === "value")) found.push(value);
      else walk(value, depth + 1);
    }
  };
  walk(body, 0);
  return found.length ? found.join("\n") : text;
}

/**
 * Parses a pasted platform message (DOMAIN §4.2, §1.4). Never throws. Titles, the "по причине:" and
 * "Поиск лицензии на клиенте/сервере:" headers and dialog buttons are not reasons; every other non-empty line is
 * one reason line (a line wrapped by the console or dialog is joined to the reason it continues). A title that is its
 * own reason (8.3.2x: "Не найдена лицензия. Не обнаружен ключ защиты программы …") is a line when no reason follows.
 */
export function parsePlatformMessage(input: string): ParsedMessage {
  const text = unwrapServiceError(typeof input === "string" ? input.replace(/^\ufeff/, "") : "");
  const st: {
    kind?: MessageKind;
    place?: Place;
    mode: "reasons" | "removed" | "present";
    lastBlank: boolean;
    deviceHeader: boolean;
    summary?: Cause;
    /** The previous line was nothing but a title that is its own reason. */
    afterTitleLine: boolean;
  } = {
    mode: "reasons",
    lastBlank: false,
    deviceHeader: false,
    afterTitleLine: false,
  };
  const drafts: Draft[] = [];
  const removed: string[] = [];
  const present: string[] = [];
  const devices = { removed: [] as BindingDevice[], present: [] as BindingDevice[] };
  let lastDevice: { list: string[]; device: BindingDevice; joined: number } | undefined;

  const close = () => {
    const last = drafts.at(-1);
    if (last) last.open = false;
  };
  const defaultPlace = (): Place => st.place ?? (st.kind === "no-server-license" ? "server" : "client");

  // Drafts are built field by field (no object spread): this loop runs once per pasted line.
  const draft = (c: Classified, text: string, open: boolean, joined: number): Draft => ({
    cause: c.cause,
    file: c.file,
    series: c.series,
    keyKind: c.keyKind,
    status: c.status,
    hardwareOff: c.hardwareOff,
    nethaspMissing: c.nethaspMissing,
    variant: c.variant,
    text,
    place: st.place ?? c.placeHint ?? defaultPlace(),
    open,
    joined,
    endsWithPath: open && endsWithPath(text),
  });

  const addReason = (line: string, forced?: Classified) => {
    // An over-long line is one reason, never joined (keeps a pasted megabyte linear).
    if (line.length > MAX_CLASSIFIED) {
      close();
      drafts.push(draft(forced ?? classify(line), line, false, 0));
      return;
    }
    const alone = forced ?? classify(line);
    const last = drafts.at(-1);
    if (!forced && last?.open && !last.titleLine && continues(last, line, alone)) {
      const text = `${last.text} ${line}`;
      const next = draft(classify(text), text, true, last.joined + 1);
      next.place = last.place;
      next.endsWithPath = endsWithPath(line);
      drafts[drafts.length - 1] = next;
      return;
    }
    drafts.push(draft(alone, line, true, 0));
  };

  const onHeader = (header: "reasons" | "client" | "server" | "removed" | "present") => {
    close();
    lastDevice = undefined;
    if (header === "removed" || header === "present") {
      st.mode = header;
      st.deviceHeader = true;
      st.kind ??= "binding";
      return;
    }
    st.kind ??= "no-free-license";
    st.mode = "reasons";
    if (header !== "reasons") st.place = header;
  };

  /**
   * Consumes titles and headers at the start of a line; returns what is left (possibly a reason or a device) and the
   * cause of a title that is its own reason, if the line had one.
   */
  const consumeHeaders = (line: string): { rest: string; titleLine?: Cause } => {
    let rest = line;
    let titleLine: Cause | undefined;
    for (;;) {
      const f = fold(rest);
      if (!f) return { rest: "", titleLine };
      if (!MAY_BE_HEADER.test(f)) return { rest, titleLine };
      const first = st.kind === undefined && drafts.length === 0;
      const title = TITLES.find((t) => (!t.onlyFirst || first) && t.re.test(f));
      if (title) {
        if (title.kind) st.kind ??= title.kind;
        if (title.summary) st.summary ??= title.summary;
        titleLine ??= title.line;
        close();
        rest = cutFolded(rest, f, title.re);
        continue;
      }
      const header = HEADERS.find(([re]) => re.test(f));
      if (!header) return { rest, titleLine };
      onHeader(header[1]);
      rest = cutFolded(rest, f, header[0]);
    }
  };

  /** The title's own reason line, text as printed; such titles on consecutive lines ("Не найдена лицензия." / "Не обнаружен ключ …") make one line. */
  const addTitleLine = (cause: Cause, printed: string) => {
    const last = drafts.at(-1);
    if (last?.titleLine && st.afterTitleLine) {
      last.text = `${last.text} ${printed}`;
      return;
    }
    close();
    const d = draft({ cause }, printed, false, 0);
    d.titleLine = true;
    drafts.push(d);
  };

  for (const raw of rejoinConsoleWraps(text.split(/\r\n|\n|\r/))) {
    const trimmed = raw.trim();
    const afterTitleLine = st.afterTitleLine;
    st.afterTitleLine = false;
    if (!trimmed) {
      close();
      st.lastBlank = true;
      continue;
    }
    const afterBlank = st.lastBlank;
    st.lastBlank = false;
    const bare = trimmed.replace(BULLET, "").trim();
    if (bare.length > MAX_CLASSIFIED) {
      st.mode = "reasons";
      lastDevice = undefined;
      addReason(bare);
      continue;
    }
    const line = withoutPrefix(bare);
    if (CHROME.test(fold(line))) {
      close();
      continue;
    }
    st.afterTitleLine = afterTitleLine;
    const { rest, titleLine } = consumeHeaders(line);
    if (titleLine) addTitleLine(titleLine, line.slice(0, line.length - rest.length).trim());
    st.afterTitleLine = titleLine !== undefined && !rest;
    if (!rest) continue;
    if (SERVER_TITLE.test(fold(rest))) {
      st.kind ??= "no-server-license";
      st.mode = "reasons";
      close();
      addReason(rest, { ...classify(rest), cause: "no-server-license" });
      // The server's own failure is the server's, unless it was printed inside a place section of the breakdown.
      drafts.at(-1)!.place = st.place ?? "server";
      close();
      continue;
    }
    if (st.mode !== "reasons") {
      const device = deviceOf(rest);
      const list = st.mode === "removed" ? removed : present;
      if (device) {
        list.push(rest);
        (st.mode === "removed" ? devices.removed : devices.present).push(device);
        lastDevice = { list, device, joined: 0 };
        continue;
      }
      // Not a device: a wrapped device line continues the last one; a known reason (or a blank line before) ends the list.
      if (lastDevice && !afterBlank && lastDevice.joined < MAX_CONTINUATIONS && classify(rest).cause === "unknown") {
        lastDevice.list[lastDevice.list.length - 1] += ` ${rest}`;
        lastDevice.device.text = lastDevice.device.text ? `${lastDevice.device.text} ${rest}` : rest;
        lastDevice.joined++;
        continue;
      }
      st.mode = "reasons";
      lastDevice = undefined;
    }
    addReason(rest);
    if (drafts.at(-1)!.cause === "binding-changed") st.kind ??= "binding";
  }

  // A title's own reason stands only while nothing more specific was said (the article's message with a breakdown);
  // when the reason right after it says the same (the sentence was wrapped off the title's line), the title heads it.
  for (let i = 0; i + 1 < drafts.length; i++) {
    const [t, next] = [drafts[i], drafts[i + 1]];
    if (t.titleLine && !next.titleLine && next.cause === t.cause) next.text = `${t.text} ${next.text}`;
  }
  const specific = drafts.some((d) => !d.titleLine && d.cause !== "unknown");
  const kept = specific ? drafts.filter((d) => !d.titleLine) : drafts;
  const listed = devices.removed.length + devices.present.length > 0;
  const lines = kept.map((d) => {
    const line: MessageLine = { text: d.text, place: d.place, cause: d.cause, explanation: explain(d, d.place, listed) };
    if (d.file !== undefined) line.file = d.file;
    if (d.series !== undefined) line.series = d.series;
    if (d.keyKind !== undefined) line.keyKind = d.keyKind;
    if (d.status !== undefined) line.status = d.status;
    return line;
  });
  const kind = st.kind ?? kindOfReasons(lines);
  return {
    kind,
    lines,
    ...(st.deviceHeader ? { removed, present, bindingDevices: devices } : {}),
    ...(lines.length === 0 && st.summary ? { summary: { place: defaultPlace(), cause: st.summary, explanation: explainSummary(st.summary) } } : {}),
  };
}

/** A message without a title is what its reasons say: a developer license's refusal, or the server's own failure. */
function kindOfReasons(lines: readonly MessageLine[]): MessageKind {
  if (lines.some((l) => l.cause === "developer-license-restricted" || l.cause === "developer-license-limit")) return "developer-license";
  if (lines.some((l) => l.cause === "no-server-license")) return "no-server-license";
  return "unknown";
}

/** Removes the part of `original` that the folded prefix `re` matched, plus a following colon and blanks. */
function cutFolded(original: string, folded: string, re: RegExp): string {
  const m = re.exec(folded);
  if (!m) return original;
  // Folding only lower-cases, maps ё→е and squeezes blanks, so the matched prefix has as many non-blank characters.
  const want = m[0].replace(/\s/g, "").length;
  let seen = 0;
  let i = 0;
  while (i < original.length && seen < want) {
    if (!/\s/.test(original[i])) seen++;
    i++;
  }
  return original.slice(i).replace(/^\s*:?\s*/, "");
}

// ----- the binding failure in the engine's vocabulary (§1.4, lib/licensing/binding.ts)

export type FingerprintParameter = keyof Fingerprint;

/** A device change the platform reported, shaped like the engine's `BindingChange` so both can be shown side by side. */
export interface MessageBindingChange extends Omit<BindingChange, "parameter"> {
  parameter: FingerprintParameter | "unknown";
  device: { kind: string; index: number; removed?: string; present?: string };
}

const DEVICE_KINDS: Array<[RegExp, FingerprintParameter]> = [
  [/^(?:os ?serial|os ?serial ?number|serial)$/, "osSerial"],
  [/^(?:os ?install(?:ation)? ?date|install(?:ation)? ?date)$/, "osInstallDate"],
  [/^(?:os ?ver(?:sion)?)$/, "osVersion"],
  [/^(?:os|os ?name|operating ?system)$/, "osName"],
  [/^(?:disk|hdd|ssd|hard ?disk|hard ?drive|drive|physical ?drive|storage)$/, "disks"],
  [/^(?:cpu|processor|proc)$/, "cpus"],
  [/^(?:nic|net|net ?card|network|network ?adapter|net ?adapter|adapter|mac|ethernet|lan)$/, "nics"],
  [/^bios$/, "bios"],
  [/^(?:sys ?type|system|sys|motherboard|mother ?board|mb|board|base ?board|main ?board)$/, "motherboard"],
  // `Phys mem`, `Sys name` (and the technological log's `Phis Mem`, `Sys Name`) in the platform's inventory dump.
  [/^(?:ram|memory|mem|phy?s ?mem(?:ory)?|phis ?mem)$/, "ramMb"],
  [/^(?:host|host ?name|computer|computer ?name|net ?name|network ?name|name|sys ?name)$/, "hostname"],
];

const LIST_PARAMETERS: ReadonlySet<string> = new Set(["cpus", "nics", "disks"]);

const LABELS: Record<FingerprintParameter | "unknown", Localised> = {
  osName: { en: "OS name", ru: "название ОС" },
  osVersion: { en: "OS version", ru: "версия ОС" },
  osSerial: { en: "OS serial number", ru: "серийный номер ОС" },
  osInstallDate: { en: "OS install date", ru: "дата установки ОС" },
  hostname: { en: "network name", ru: "сетевое имя компьютера" },
  motherboard: { en: "motherboard (system type)", ru: "материнская плата (тип системы)" },
  ramMb: { en: "RAM", ru: "оперативная память" },
  bios: { en: "BIOS", ru: "BIOS" },
  cpus: { en: "CPU", ru: "процессор" },
  nics: { en: "network adapter", ru: "сетевой адаптер" },
  disks: { en: "disk", ru: "диск" },
  unknown: { en: "device", ru: "устройство" },
};

/** The engine's parameter for a device kind of the platform's list (`DISK` → `disks`, `Sys Type` → `motherboard`). */
export function parameterOfDeviceKind(kind: string): FingerprintParameter | "unknown" {
  const k = fold(kind).replace(/[_-]/g, " ");
  return DEVICE_KINDS.find(([re]) => re.test(k))?.[1] ?? "unknown";
}

const sizeOf = (s: string) => {
  const m = /(\d+(?:[.,]\d+)?)\s*(tb|тб|gb|гб|mb|мб|kb|кб)?/i.exec(s);
  if (!m) return undefined;
  const unit = (m[2] ?? "mb").toLowerCase();
  const factor = /^[tт]/.test(unit) ? 1024 * 1024 : /^[gг]/.test(unit) ? 1024 : /^[kк]/.test(unit) ? 1 / 1024 : 1;
  return Number(m[1].replace(",", ".")) * factor;
};

/**
 * Maps the removed/present device lists of a binding failure to the engine's vocabulary (DOMAIN §1.4): a removed
 * device with a present one of the same kind and index was replaced (or, for a single-valued parameter such as the
 * BIOS, changed); without one it was removed. Every reported change breaks the license — that is why the platform
 * printed it. Present devices with no removed counterpart are not reported (the list may be the whole configuration).
 */
export function bindingChangesFromMessage(parsed: Pick<ParsedMessage, "bindingDevices">): MessageBindingChange[] {
  const lists = parsed.bindingDevices;
  if (!lists) return [];
  const unpaired = [...lists.present];
  const q = { en: (s: string) => `“${s}”`, ru: (s: string) => `«${s}»` };
  return lists.removed.map((r) => {
    const parameter = parameterOfDeviceKind(r.kind);
    const i = unpaired.findIndex((p) => fold(p.kind) === fold(r.kind) && p.index === r.index && fold(p.text) !== fold(r.text));
    const p = i >= 0 ? unpaired.splice(i, 1)[0] : undefined;
    const label = LABELS[parameter];
    const name = `${r.kind}_${r.index}`;
    let change: BindingChangeKind = "removed";
    let en: string;
    let ru: string;
    if (!p) {
      en = `${label.en[0].toUpperCase()}${label.en.slice(1)} ${q.en(r.text)} (${name}) was removed, the platform reports; removing a bound device breaks the license.`;
      ru = `${label.ru[0].toUpperCase()}${label.ru.slice(1)} ${q.ru(r.text)} (${name}) удалён(а), по сообщению платформы; удаление привязанного устройства делает лицензию недействительной.`;
    } else if (LIST_PARAMETERS.has(parameter) || parameter === "unknown") {
      change = "replaced";
      en = `${label.en[0].toUpperCase()}${label.en.slice(1)} ${q.en(r.text)} (${name}) was replaced by ${q.en(p.text)}, the platform reports; replacing a bound device breaks the license.`;
      ru = `${label.ru[0].toUpperCase()}${label.ru.slice(1)} ${q.ru(r.text)} (${name}) заменён(а) на ${q.ru(p.text)}, по сообщению платформы; замена привязанного устройства делает лицензию недействительной.`;
    } else {
      const [a, b] = parameter === "ramMb" ? [sizeOf(r.text), sizeOf(p.text)] : [undefined, undefined];
      change = a !== undefined && b !== undefined && a !== b ? (b < a ? "decreased" : "increased") : "changed";
      en = `${label.en[0].toUpperCase()}${label.en.slice(1)} changed from ${q.en(r.text)} to ${q.en(p.text)} (${name}), the platform reports; it is part of the hardware binding, so the license breaks.`;
      ru = `${label.ru[0].toUpperCase()}${label.ru.slice(1)}: было ${q.ru(r.text)}, стало ${q.ru(p.text)} (${name}), по сообщению платформы; это входит в привязку к оборудованию, поэтому лицензия становится недействительной.`;
    }
    return {
      parameter,
      change,
      breaks: true,
      reason: en,
      text: { en, ru },
      rule: "DOMAIN §1.4 [H]",
      device: { kind: r.kind, index: r.index, removed: r.text, ...(p ? { present: p.text } : {}) },
    };
  });
}

// ----- what a line names, for links to the records (db/queries/message-links.ts)

/** A registration number (DOMAIN §1.1: 9–12 digits) standing alone: not part of a 14-digit `.lic` name or a 15-digit PIN. */
const REG_NUMBER = /(?<![\d])\d{9,12}(?![\d])/g;

/** The references a line carries: its license file's name, its key series and kind, the registration numbers it prints. */
export interface LineReferences {
  /** `20240115093012.lic` of `C:\…\20240115093012.lic` or `file:///var/1C/licenses/20240115093012.lic`. */
  fileName?: string;
  series?: string;
  keyKind?: "local" | "network";
  regNumbers: string[];
}

/** What a parsed line names that the records may hold (§1.1, §1.5, §2); the text is only read, never changed. */
export function lineReferences(line: Pick<MessageLine, "text" | "file" | "series" | "keyKind">): LineReferences {
  const fileName = line.file?.split(/[\\/]/).pop();
  const text = line.text.length > MAX_CLASSIFIED ? line.text.slice(0, MAX_CLASSIFIED) : line.text;
  return {
    ...(fileName && /\.lic$/i.test(fileName) ? { fileName } : {}),
    ...(line.series ? { series: line.series } : {}),
    ...(line.keyKind ? { keyKind: line.keyKind } : {}),
    regNumbers: [...new Set(text.match(REG_NUMBER) ?? [])],
  };
}

// ----- schemas

const Device = z.object({ kind: z.string(), index: z.number().int().min(0), text: z.string() });

/** A record a message line names (`POST /api/explain/message`); labels carry no PIN. */
export const MessageLinkSchema = z.object({ kind: z.enum(["kit", "key", "computer"]), id: z.number().int(), label: z.string() }) satisfies z.ZodType<MessageLink>;

/** Response schema of a parsed message (`POST /api/explain/message`). */
export const ParsedMessageSchema = z.object({
  kind: z.enum(["no-free-license", "no-server-license", "binding", "developer-license", "unknown"]),
  lines: z.array(
    z.object({
      text: z.string(),
      place: z.enum(["client", "server"]),
      cause: z.enum(CAUSES),
      explanation: z.object({ en: z.string().min(1), ru: z.string().min(1) }),
      file: z.string().optional(),
      series: z.string().optional(),
      keyKind: z.enum(["local", "network"]).optional(),
      status: z.string().optional(),
      links: z.array(MessageLinkSchema).optional(),
    }),
  ),
  removed: z.array(z.string()).optional(),
  present: z.array(z.string()).optional(),
  bindingDevices: z.object({ removed: z.array(Device), present: z.array(Device) }).optional(),
  summary: z.object({ place: z.enum(["client", "server"]), cause: z.enum(CAUSES), explanation: z.object({ en: z.string().min(1), ru: z.string().min(1) }) }).optional(),
}) satisfies z.ZodType<ParsedMessage>;

export const MessageBindingChangeSchema = BindingChangeSchema.extend({
  device: z.object({ kind: z.string(), index: z.number().int(), removed: z.string().optional(), present: z.string().optional() }),
});

/**
 * `POST /api/explain/message`: the parsed message (each line with the records it names in `links`), the binding
 * changes in the engine's vocabulary when the message lists devices, and the decoding the body was read with (as
 * `/api/parse/rac`).
 */
export const ParseMessageResponseSchema = ParsedMessageSchema.extend({
  bindingChanges: z.array(MessageBindingChangeSchema).optional(),
  encoding: z.enum(["utf-8", "cp866", "windows-1251"]),
});
export type ParseMessageResponse = z.infer<typeof ParseMessageResponseSchema>;
