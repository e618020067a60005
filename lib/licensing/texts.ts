/**
 * Texts an administrator sends or follows: the request to the 1C Licensing Center for an additional PIN
 * (DOMAIN §1.2) and where a `.lic` file must live to be found (§1.5). Plain functions, no I/O.
 */
import { AppError } from "../errors";
import type { Localised } from "../domain/localised";

/** A 400 naming the field; never the value (it may be a PIN or owner data, lib/errors.ts). */
function invalid(field: string, rule: string): never {
  throw new AppError("invalid-input", `${field}: ${rule}`, 400, { field });
}

/**
 * §1.2: a PIN as stored — digits only, 15 (or, for some product lines, 16) of them. Separators (dashes,
 * spaces, dots …) are stripped; a letter is refused rather than stripped, because it is a misread digit
 * (O for 0, l for 1, З for 3) or a pasted label whose own digits would join the code. Throws a 400 naming `field`.
 */
export function normalisePin(input: string, field = "pin"): string {
  if (typeof input !== "string") invalid(field, "a PIN is text of 15 or 16 digits");
  if (/\p{L}/u.test(input)) invalid(field, "a PIN has digits only; a letter was found (O for 0? l for 1?)");
  const digits = input.replace(/\D/g, "");
  if (digits.length !== 15 && digits.length !== 16) invalid(field, `a PIN has 15 or 16 digits, ${digits.length} found`);
  return digits;
}

/** §1.2: a PIN for display, grouped by 3 (`123-456-789-012-345`; 16 digits leave a last group of one). */
export function formatPin(code: string): string {
  return normalisePin(code).match(/\d{1,3}/g)!.join("-");
}

/** §1.1: 9–12 digits; spaces are ignored. Throws a 400 naming `field`. */
function normaliseRegNumber(input: string, field = "regNumber"): string {
  const digits = typeof input === "string" ? input.replace(/\s/g, "") : "";
  if (!/^\d{9,12}$/.test(digits)) invalid(field, "a registration number has 9 to 12 digits");
  return digits;
}

function required(value: string | undefined, field: string, what: string): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (!text) invalid(field, `${what} is required`);
  return text;
}

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function parseDate(value: string, field: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof value === "string" ? value : "");
  if (!match) invalid(field, "a date is written YYYY-MM-DD");
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) invalid(field, "not a calendar date");
  return { y, m, d };
}

export interface AdditionalPinLetterInput {
  regNumber: string;
  /** Exactly as typed at the first activation (§1.1): the Center matches it. Null: a blank line to fill in (no owner recorded). */
  company: string | null;
  /** A still-valid PIN of the kit, in exchange for which the new one is issued (§1.2). Null: a blank line to fill in. */
  validPin: string | null;
  reason: string;
  contactName?: string;
  contactEmail?: string;
  /** YYYY-MM-DD. */
  date: string;
}

export interface Letter {
  subject: string;
  body: string;
}

/**
 * §1.2: the e-mail asking the 1C Licensing Center for an additional PIN — registration number, company, a
 * still-valid PIN, the reason, and an offer of the license request file the Center may ask for. Russian is
 * what gets sent; English is the same letter for the reader. Throws a 400 naming the first invalid field.
 */
export function additionalPinLetter(input: AdditionalPinLetterInput): { ru: Letter; en: Letter } {
  const regNumber = normaliseRegNumber(input.regNumber);
  const company = input.company === null ? "" : required(input.company, "company", "the company name");
  const pin = input.validPin === null ? "" : formatPin(normalisePin(input.validPin, "validPin"));
  const reason = required(input.reason, "reason", "the reason");
  const contactName = input.contactName?.trim() || null;
  const contactEmail = input.contactEmail?.trim() || null;
  if (contactEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contactEmail)) invalid("contactEmail", "not an e-mail address");
  const { y, m, d } = parseDate(input.date, "date");
  const pad = (n: number) => String(n).padStart(2, "0");

  const ru = [
    "Здравствуйте!",
    "",
    "Просим выдать дополнительный ПИН-код к программному продукту «1С:Предприятие».",
    "",
    `Регистрационный номер продукта: ${regNumber}`,
    `Организация: ${company}`,
    `Действующий ПИН-код, взамен которого просим выдать новый: ${pin}`,
    `Причина: ${reason}`,
    "",
    "Если для рассмотрения запроса нужен файл запроса на получение лицензии, сформированный по действующему ПИН-коду, сообщите — мы его пришлём.",
    ...(contactName || contactEmail ? ["", ...(contactName ? [`Контактное лицо: ${contactName}`] : []), ...(contactEmail ? [`Электронная почта: ${contactEmail}`] : [])] : []),
    "",
    "С уважением,",
    ...(contactName ? [contactName] : []),
    ...(company ? [company] : []),
    `${pad(d)}.${pad(m)}.${y}`,
  ];
  const en = [
    "Hello,",
    "",
    "We ask you to issue an additional PIN code for a 1C:Enterprise software product.",
    "",
    `Product registration number: ${regNumber}`,
    `Company: ${company}`,
    `Valid PIN code, in exchange for which we ask for a new one: ${pin}`,
    `Reason: ${reason}`,
    "",
    "If you need a license request file generated with the valid PIN code to review this request, let us know and we will send it.",
    ...(contactName || contactEmail ? ["", ...(contactName ? [`Contact person: ${contactName}`] : []), ...(contactEmail ? [`E-mail: ${contactEmail}`] : [])] : []),
    "",
    "Kind regards,",
    ...(contactName ? [contactName] : []),
    ...(company ? [company] : []),
    `${d} ${MONTHS_EN[m - 1]} ${y}`,
  ];
  return {
    // The subject the Licensing Center asks for (the article: "Request for an additional pin-code").
    ru: { subject: "Запрос дополнительного ПИН-кода", body: ru.join("\n") },
    en: { subject: "Request for an additional PIN code", body: en.join("\n") },
  };
}

export interface LicPlacementInput {
  /** The OS of the computer the client runs on. */
  os: "windows" | "linux";
  /** Windows only; default "vista-or-later". */
  windowsEdition?: "xp" | "vista-or-later";
  platform: "8.2" | "8.3";
  mode: "file" | "client-server";
  /** How the license was (or will be) obtained on the client: for all users of the computer or only the current one. */
  visibility: "all-users" | "current-user";
  /** Client-server: the OS account the 1C server runs as (e.g. usr1cv8). */
  serverServiceUser?: string;
  /** Client-server: the 1C server's OS; default: the same as `os`. */
  serverOs?: "windows" | "linux";
}

export interface LicFolder {
  path: string;
  scope: "system" | "user" | "service-user";
  /** Which process looks there: the client on the user's computer, or the 1C server process. */
  who: "client" | "server";
}

export interface LicPlacement {
  /** Client folders first, then (client-server) the server's, each in the order the platform searches them. */
  folders: LicFolder[];
  advice: Localised[];
  warnings: Localised[];
}

type Folder = { path: string; scope: "system" | "user" };
type Account = { kind: "current" } | { kind: "service"; name: string };

/** §1.5 [H]: the Windows search order; 8.2 and XP variants. `account` decides how per-user folders are written. */
function windowsFolders(platform: "8.2" | "8.3", edition: "xp" | "vista-or-later", account: Account): Folder[] {
  const v = platform === "8.2" ? "1Cv82" : "1cv8";
  const localAppData =
    account.kind === "service" ? `%SystemDrive%\\Users\\${account.name}\\AppData\\Local` : edition === "xp" ? "%USERPROFILE%\\Local Settings" : "%LOCALAPPDATA%";
  const appData = account.kind === "service" ? `%SystemDrive%\\Users\\${account.name}\\AppData\\Roaming` : "%APPDATA%";
  const binConf: Folder = { path: `%ProgramFiles%\\${platform === "8.2" ? "1cv82" : "1cv8"}\\<version>\\bin\\conf`, scope: "system" };
  const userConf: Folder = { path: `${localAppData}\\1C\\${v}\\conf`, scope: "user" };
  const allUsersConf: Folder = { path: `%ALLUSERSPROFILE%\\1C\\${v}\\conf`, scope: "system" };
  // DOMAIN §1.5 names 8.2's `1Cv82\conf` folders only; ConfLocation, the licenses folders and the %APPDATA% fallback are 8.3's.
  if (platform === "8.2") return [binConf, userConf, allUsersConf];
  return [
    binConf,
    userConf,
    { path: "<folder named by ConfLocation in conf.cfg>", scope: "system" },
    allUsersConf,
    { path: "%ALLUSERSPROFILE%\\1C\\licenses", scope: "system" },
    // %ProgramData% does not exist on XP.
    ...(edition === "xp" ? [] : [{ path: "%ProgramData%\\1C\\licenses", scope: "system" } as Folder]),
    { path: `${appData}\\1C\\1cv8\\`, scope: "user" },
  ];
}

/** §1.5 [H/M]: Linux folders in the order DOMAIN lists them (it states no search order for Linux). */
function linuxFolders(account: Account): Folder[] {
  const home = account.kind === "service" ? `~${account.name}` : "~";
  return [
    { path: "/var/1C/licenses", scope: "system" },
    { path: `${home}/.1cv8/1C/1cv8/conf`, scope: "user" },
    { path: "/opt/1cv8/conf", scope: "system" },
    { path: "/opt/1cv8/<arch>/<version>/conf", scope: "system" },
  ];
}

/**
 * §1.5: where a `.lic` file must be for the process that needs it to find it — the client (file mode), or
 * the client and then the 1C server running as its service user (client-server) — with the rules that make
 * a correctly obtained license "not found".
 */
export function licPlacementAdvice(input: LicPlacementInput): LicPlacement {
  const edition = input.windowsEdition ?? "vista-or-later";
  const clientServer = input.mode === "client-server";
  const serverOs = input.serverOs ?? input.os;
  const serviceUser = input.serverServiceUser?.trim() || "<service user>";
  const foldersFor = (os: "windows" | "linux", ed: "xp" | "vista-or-later", account: Account) =>
    os === "windows" ? windowsFolders(input.platform, ed, account) : linuxFolders(account);

  const wanted = input.visibility === "all-users" ? "system" : "user";
  const folders: LicFolder[] = foldersFor(input.os, edition, { kind: "current" })
    .filter((f) => f.scope === wanted)
    .map((f) => ({ ...f, who: "client" as const }));
  if (clientServer) {
    // The server is taken to run a current Windows: an XP-era 1C server is out of scope.
    for (const f of foldersFor(serverOs, "vista-or-later", { kind: "service", name: serviceUser })) {
      folders.push({ path: f.path, scope: f.scope === "user" ? "service-user" : "system", who: "server" });
    }
  }

  const advice: Localised[] = [
    {
      en: "A license file in a per-user folder works only for that OS user. To serve every user of the computer, MOVE it to a system folder — a license file may be moved, never copied.",
      ru: "Файл лицензии в папке пользователя действует только для этого пользователя ОС. Чтобы лицензию видели все пользователи компьютера, ПЕРЕНЕСИТЕ файл в системную папку — файл лицензии можно перемещать, но не копировать.",
    },
    {
      en: "Keep exactly one copy: the same license file in two places can become unusable.",
      ru: "Держите ровно одну копию: один и тот же файл лицензии в двух местах может стать непригодным.",
    },
    {
      en: `A file the process cannot read is silently skipped: check read permission on the file and its folder for the account that needs the license${clientServer ? ` — in client-server mode the 1C server's service user (${serviceUser})` : ""}.`,
      ru: `Файл, который процесс не может прочитать, молча пропускается: проверьте права на чтение файла и папки у учётной записи, которой нужна лицензия${clientServer ? ` — в клиент-серверном режиме у пользователя службы сервера 1С (${serviceUser})` : ""}.`,
    },
    {
      en: "Moving an infobase from file mode to client-server without moving the license file is a classic cause of \"license not found\": the 1C server process does not look in the users' folders on their computers.",
      ru: "Перевод информационной базы из файлового режима в клиент-серверный без переноса файла лицензии — классическая причина ошибки «лицензия не обнаружена»: процесс сервера 1С не ищет лицензию в папках пользователей на их компьютерах.",
    },
    clientServer
      ? {
          en: `Client-server mode: the client looks on its own computer first; then the 1C server process, running as its service user (${serviceUser}), looks on the server (then the Licensing Service host, if the cluster has one). A file meant for the server must be in a system folder on the server or in the service user's own folder.`,
          ru: `Клиент-серверный режим: сначала клиент ищет лицензию на своём компьютере, затем процесс сервера 1С, работающий от имени пользователя службы (${serviceUser}), — на сервере (затем на компьютере сервиса лицензирования, если он есть в кластере). Файл для сервера должен лежать в системной папке на сервере или в папке самого пользователя службы.`,
        }
      : {
          en: "File mode: the client process on the user's computer looks for the license, so the file must be on that computer (for terminal users, on the terminal server).",
          ru: "Файловый режим: лицензию ищет клиентское приложение на компьютере пользователя, поэтому файл должен быть на этом компьютере (для терминальных пользователей — на терминальном сервере).",
        },
  ];
  if (input.os === "windows" && input.platform === "8.3") {
    advice.push({
      en: "The platform searches the folders in the order listed and takes the first license that fits.",
      ru: "Платформа просматривает папки в указанном порядке и берёт первую подходящую лицензию.",
    });
  } else if (input.os === "linux") {
    advice.push({
      en: "The Linux folders are listed as the reference names them; it does not state their search order.",
      ru: "Папки Linux перечислены так, как их называет справочник; порядок поиска в нём не указан.",
    });
  }
  if (input.visibility === "all-users") {
    if (input.os === "windows" && input.platform === "8.3" && edition === "vista-or-later") {
      advice.push({
        en: "Prefer %ProgramData%\\1C\\licenses (the article's folder for Windows 7 and later); on Vista and later %ALLUSERSPROFILE% is the same folder as %ProgramData% (C:\\ProgramData).",
        ru: "Предпочтительно %ProgramData%\\1C\\licenses (папка из статьи для Windows 7 и новее); начиная с Vista %ALLUSERSPROFILE% — та же папка, что и %ProgramData% (C:\\ProgramData).",
      });
    } else if (input.os === "linux") {
      advice.push({ en: "Prefer /var/1C/licenses, the system-wide folder.", ru: "Предпочтительно /var/1C/licenses — общесистемная папка." });
    }
    if (input.os === "windows") {
      advice.push({
        en: "Avoid the version's bin\\conf folder: a platform update installs the new version beside the old one, and the new version does not look in the old one's folder. (A 32-bit platform on 64-bit Windows lives under %ProgramFiles(x86)%.)",
        ru: "Не кладите файл в bin\\conf версии: обновление платформы ставит новую версию рядом со старой, и новая версия не ищет лицензию в папке старой. (32-разрядная платформа на 64-разрядной Windows установлена в %ProgramFiles(x86)%.)",
      });
    }
  }
  if (clientServer && serverOs === "linux") {
    advice.push({
      en: `Check on the server that the service user can read the file: sudo -u ${serviceUser} test -r /var/1C/licenses/<file>.lic && echo readable`,
      ru: `Проверьте на сервере, что пользователь службы может прочитать файл: sudo -u ${serviceUser} test -r /var/1C/licenses/<файл>.lic && echo readable`,
    });
  }

  const warnings: Localised[] = [];
  if (input.visibility === "current-user") {
    warnings.push({
      en: `Obtained for the current user only: other OS users${clientServer ? " — and the 1C server's service user —" : ""} will get "license not found". To serve everyone, move the file to a system folder (move, never copy).`,
      ru: `Лицензия получена только для текущего пользователя: у других пользователей ОС${clientServer ? " — и у пользователя службы сервера 1С —" : ""} будет «лицензия не обнаружена». Чтобы лицензию видели все, перенесите файл в системную папку (перенесите, а не скопируйте).`,
    });
  }
  if (input.os === "windows" && edition === "xp") {
    const v = input.platform === "8.2" ? "1Cv82" : "1cv8";
    warnings.push({
      en: `Windows XP keeps per-user licenses in %USERPROFILE%\\Local Settings\\1C\\${v}\\conf. Moving to a newer Windows changes the folders and the OS version the license is bound to (§1.4): plan a recovery.`,
      ru: `Windows XP хранит лицензии пользователя в %USERPROFILE%\\Local Settings\\1C\\${v}\\conf. Переход на новую Windows меняет и папки, и версию ОС, к которой привязана лицензия (§1.4): запланируйте восстановление.`,
    });
  }
  if (input.platform === "8.2") {
    warnings.push({
      en: "Platform 8.2 uses the 1Cv82 folders, which 8.3 does not search: after an upgrade to 8.3 the license must be in an 8.3 folder. The reference lists 8.2's folders, not its full search order.",
      ru: "Платформа 8.2 использует папки 1Cv82, которые 8.3 не просматривает: после перехода на 8.3 лицензия должна лежать в папке 8.3. Справочник называет папки 8.2, но не полный порядок поиска.",
    });
    if (input.os === "linux" || (clientServer && serverOs === "linux")) {
      warnings.push({
        en: "The reference does not cover 8.2 on Linux: the Linux folders shown are 8.3's. Find the real file with: find / -name '*.lic' 2>/dev/null",
        ru: "Справочник не описывает 8.2 на Linux: показаны папки 8.3. Найдите настоящий файл командой: find / -name '*.lic' 2>/dev/null",
      });
    }
  }
  if (clientServer && !input.serverServiceUser?.trim()) {
    warnings.push({
      en: "The 1C server's service user is not given: replace <service user> with the account the server runs as (usually usr1cv8 on Linux, USR1CV8 on Windows).",
      ru: "Пользователь службы сервера 1С не указан: замените <service user> на учётную запись, от имени которой работает сервер (обычно usr1cv8 на Linux, USR1CV8 на Windows).",
    });
  }
  if (!clientServer && (input.serverOs || input.serverServiceUser)) {
    warnings.push({
      en: "File mode: no 1C server process looks for the license, so the server settings were ignored.",
      ru: "Файловый режим: процесс сервера 1С лицензию не ищет, поэтому параметры сервера не учтены.",
    });
  }
  return { folders, advice, warnings };
}
