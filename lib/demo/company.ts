/**
 * The demo company «Северный ветер»: one deterministic generator (fixed seed, no Math.random, time
 * anchored to a given date) used by `npm start` on an empty database, `npm run db:seed`, tests and benches.
 *
 * It is built to exercise the domain (DOMAIN.md), not to fill rows:
 * - a basic delivery (its 1-seat license on the HR workstation, used with the file-mode infobase, §4);
 * - a 1-seat kit whose main PIN and one backup are spent after a motherboard replacement (§1.3, §1.4);
 * - a 5-seat kit locked into single-user mode on five accounting workstations (§1.2);
 * - a 10-seat multi-user kit on the 1C server: server-issued, per session (§4);
 * - a 50-seat multi-user kit on the terminal server: per terminal session (§4);
 * - a kit with no backup PIN left (the director's laptop, three hardware changes, §1.3 "exhaustion");
 * - a 5-seat kit bought and not yet activated (its mode still open, §1.2);
 * - two network HASP keys of series ORGL8 on one License Manager host: only one counts (§2);
 * - a 64-bit software server license on the 1C server (§4 "1C server license");
 * - three infobases: one file-mode, two client-server, one of them `license-distribution = deny`;
 * - about 80 users on about 60 computers and one terminal server; 90 days of sessions with working
 *   hours, a lunch dip, month-end peaks, two infobases at once, web-client users, Designer sessions and
 *   background jobs. Sessions ask the engine's allocator (the platform's search order, §4.1) for a seat
 *   as they start; a session that finds none becomes a "no free license" event instead, and a capture is
 *   taken right after it, so `POST /api/why` reproduces every event.
 */
import type {
  ActivationMethod,
  ActivationOperation,
  ActivationVisibility,
  ComputerRole,
  InfobaseMode,
  KeyKind,
  KitKind,
  KitLevel,
  KitProtection,
  LicenseDistribution,
  PinRole,
  PinSet,
  PinSource,
  PinStatus,
  ServerBitness,
  UsageMode,
} from "../domain/enums";
import { createAllocator, type Allocation, type AllocationContext, type Connection, type Step } from "../licensing/allocate";
import { derivePools } from "../licensing/pools";
import { noFreeLicenseMessage } from "../licensing/why";
import { DEFAULT_SETTINGS } from "../licensing/settings";
import type { Inventory } from "../licensing/types";
import { createRng } from "./random";

export const DEMO_SEED = 20260901;
/** The demo company's 1C servers print local times of this zone (Moscow has no DST: UTC+3). */
export const DEMO_TIME_ZONE = "Europe/Moscow";
const ZONE_OFFSET_MS = 3 * 3600_000;
export const DEMO_HISTORY_DAYS = 90;
/** The newest snapshot of the demo is taken at this local time on the anchor day. */
export const DEMO_SNAPSHOT_HOUR = 11.5;
const SNAPSHOT_EVERY_MIN = 15;
const DAY_MS = 86_400_000;
const MIN_MS = 60_000;

export interface DemoOwner { id: number; name: string; registrationData: string; notes: string | null }
export interface DemoKit {
  id: number; regNumber: string; product: string; kind: KitKind; level: KitLevel; seats: number;
  protection: KitProtection; usageMode: UsageMode | null; serverBitness: ServerBitness | null; ownerId: number;
  purchaseDate: string; priceMinor: number; currency: string; supplier: string; invoice: string; notes: string | null;
}
export interface DemoPin { id: number; kitId: number; set: PinSet; role: PinRole; status: PinStatus; source: PinSource; code: string; receivedAt: string; notes: string | null }
export interface DemoComputer { id: number; name: string; role: ComputerRole; osName: string; osVersion: string; notes: string | null }
export interface DemoFingerprint {
  id: number; computerId: number; takenAt: number; osName: string; osVersion: string; osSerial: string | null; osInstallDate: string | null;
  hostname: string; motherboard: string; ramMb: number; bios: string; cpus: string; nics: string; disks: string; notes: string | null;
}
export interface DemoActivation {
  id: number; pinId: number; operation: ActivationOperation; previousPinId: number | null; computerId: number; fingerprintId: number | null;
  method: ActivationMethod; visibility: ActivationVisibility; licFileName: string; licFolder: string; recordedBy: string; activatedAt: number; reason: string | null;
}
export interface DemoKey { id: number; series: string; kind: KeyKind; seats: number; keyNumber: string; kitId: number | null; computerId: number | null; notes: string | null }
export interface DemoServer { id: number; name: string; computerId: number; platformVersion: string; bitness: ServerBitness; serverLicenseKitId: number | null; serviceUser: string; clusterPort: number; notes: string | null }
export interface DemoInfobase { id: number; name: string; mode: InfobaseMode; serverId: number | null; path: string | null; racUuid: string; licenseDistribution: LicenseDistribution; useHardwareLicense: boolean; notes: string | null }
export interface DemoSnapshot {
  id: number; takenAt: number; source: "demo"; serverId: number; sessionCount: number; licensedCount: number; matchedCount: number; unmatchedCount: number; notes: string | null;
}
export interface DemoSession {
  id: number; sessionUuid: string; sessionId: number; infobaseUuid: string; infobaseId: number; connection: string; process: string;
  userName: string | null; host: string; terminalSession: string | null; appId: string; locale: string; startedAt: number; lastActiveAt: number;
  hibernate: boolean; clientIp: string | null; licenseFullName: string | null; series: string | null; issuedByServer: boolean | null;
  licenseType: string | null; net: boolean | null; maxUsersAll: number | null; maxUsersCur: number | null; rmngrAddress: string | null;
  rmngrPort: number | null; rmngrPid: string | null; shortPresentation: string | null; fullPresentation: string | null; extra: string;
  firstSeenAt: number; lastSeenAt: number; matchedKitId: number | null; matchedKeyId: number | null;
}
export interface DemoNoLicenseEvent {
  id: number; occurredAt: number; userName: string; host: string; computerId: number | null; infobaseId: number; appId: string;
  message: string; explanation: string; reportedBy: string | null;
}

export interface DemoCompany {
  anchor: string;
  now: number;
  owners: DemoOwner[];
  kits: DemoKit[];
  pins: DemoPin[];
  computers: DemoComputer[];
  fingerprints: DemoFingerprint[];
  activations: DemoActivation[];
  hardwareKeys: DemoKey[];
  servers: DemoServer[];
  infobases: DemoInfobase[];
  sessionSnapshots: DemoSnapshot[];
  sessions: DemoSession[];
  noLicenseEvents: DemoNoLicenseEvent[];
}

/** Epoch ms of a wall-clock time in the demo's zone. */
export function demoLocalTime(date: string, hours: number): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, m - 1, d) + Math.round(hours * 3600_000) - ZONE_OFFSET_MS;
}

const isoDate = (ms: number) => new Date(ms + ZONE_OFFSET_MS).toISOString().slice(0, 10);
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
/** `.lic` name = activation timestamp in local time (§1.5). */
function licName(ms: number): string {
  const d = new Date(ms + ZONE_OFFSET_MS);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}.lic`;
}

/** The demo's default anchor: the last weekday strictly before `now` (in the demo's zone). */
export function defaultDemoAnchor(now: Date): string {
  let ms = Date.parse(isoDate(now.getTime())) - DAY_MS;
  for (;;) {
    const dow = new Date(ms).getUTCDay();
    if (dow !== 0 && dow !== 6) return new Date(ms).toISOString().slice(0, 10);
    ms -= DAY_MS;
  }
}

// ---------------------------------------------------------------------------------------------------
// People and places

const SURNAMES = [
  "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров",
  "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев",
  "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев",
  "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв",
];
const INITIALS = "АБВГДЕИКЛМНОПРСТЮЯ";

type LicenseSource = "own-file" | "hasp" | "server" | "terminal" | "web";

interface User {
  name: string;
  /** Workstation or thin client the user sits at. */
  computer: string;
  dept: "accounting" | "hr" | "sales" | "office" | "dev" | "director" | "remote" | "warehouse" | "web";
  source: LicenseSource;
  /** Infobase names the user opens; the first one all day, the second one part of the day. */
  infobases: string[];
  app: "1CV8" | "1CV8C" | "WebClient";
  presence: number;
}

const IB_ACCOUNTING = "Бухгалтерия предприятия";
const IB_TRADE = "Управление торговлей";
const IB_HR = "Зарплата и управление персоналом";

export interface DemoOptions {
  /** Last day of history, `YYYY-MM-DD`; the newest snapshot is taken at 11:30 local time that day. */
  anchor: string;
  seed?: number;
}

/** Builds the whole demo company as plain rows with fixed ids. Same options → identical output. */
export function generateDemoCompany(options: DemoOptions): DemoCompany {
  const rng = createRng(options.seed ?? DEMO_SEED);
  const anchor = options.anchor;
  const now = demoLocalTime(anchor, DEMO_SNAPSHOT_HOUR);
  const daysAgo = (days: number, hours = 10) => demoLocalTime(isoDate(now - days * DAY_MS), hours);

  // ----- owner
  const owners: DemoOwner[] = [
    {
      id: 1,
      name: "ООО «Северный ветер»",
      registrationData: JSON.stringify([
        { field: "Организация", value: "ООО «Северный ветер»" },
        { field: "ИНН", value: "7714021937" },
        { field: "Фамилия", value: "Ковалёва" },
        { field: "Имя", value: "Ирина" },
        { field: "Отчество", value: "Петровна" },
        { field: "e-mail", value: "it@severny-veter.example" },
        { field: "Страна", value: "Россия" },
        { field: "Индекс", value: "125009" },
        { field: "Регион/область", value: "г. Москва" },
        { field: "Город", value: "Москва" },
        { field: "Улица", value: "ул. Тверская" },
        { field: "Дом", value: "д. 7, стр. 2" },
      ]),
      notes: "Type the registration data exactly as shown, including «ё» and the quotes, at every recovery (DOMAIN §1.1).",
    },
  ];

  // ----- computers
  const computers: DemoComputer[] = [];
  const addComputer = (name: string, role: ComputerRole, osName: string, osVersion: string, notes: string | null = null) => {
    const c = { id: computers.length + 1, name, role, osName, osVersion, notes };
    computers.push(c);
    return c;
  };
  const srv1c = addComputer("srv-1c", "1c-server", "Linux", "Ubuntu 22.04", "1C:Enterprise server cluster (runs as usr1cv8)");
  const srvTs = addComputer("srv-ts", "terminal-server", "Windows Server 2019", "10.0.17763", "Remote Desktop Services for the branches and the warehouse");
  const srvLm = addComputer("srv-lm", "license-manager", "Windows Server 2016", "10.0.14393", "HASP License Manager, UDP 475");
  const srvWeb = addComputer("srv-web", "web-server", "Linux", "Debian 12", "Apache with the 1C web extension");
  const ws = (prefix: string, count: number, notes: string) =>
    Array.from({ length: count }, (_, i) => addComputer(`${prefix}-${pad(i + 1)}`, "workstation", "Windows", rng.chance(0.7) ? "10.0.19045" : "10.0.22631", notes));
  const buh = ws("buh", 6, "Accounting");
  const hr = ws("hr", 2, "HR");
  const sales = ws("sales", 24, "Sales");
  const office = ws("office", 14, "Office");
  const dev = ws("dev", 2, "IT: 1C developers");
  const dir = addComputer("dir-nb01", "workstation", "Windows", "10.0.22631", "Director's laptop");
  const wh = ws("wh", 8, "Warehouse thin clients (work on srv-ts)");

  // ----- users
  const usedNames = new Set<string>();
  const personName = () => {
    for (;;) {
      const n = `${rng.pick(SURNAMES)} ${rng.pick([...INITIALS])}.${rng.pick([...INITIALS])}.`;
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return n;
      }
    }
  };
  const users: User[] = [];
  const addUser = (u: Omit<User, "name">) => users.push({ name: personName(), ...u });
  buh.forEach((c) => addUser({ computer: c.name, dept: "accounting", source: "own-file", infobases: [IB_ACCOUNTING, IB_TRADE], app: rng.chance(0.5) ? "1CV8" : "1CV8C", presence: 0.93 }));
  addUser({ computer: hr[0].name, dept: "hr", source: "own-file", infobases: [IB_HR], app: "1CV8", presence: 0.92 });
  addUser({ computer: hr[1].name, dept: "hr", source: "hasp", infobases: [IB_HR], app: "1CV8", presence: 0.9 });
  sales.forEach((c) => addUser({ computer: c.name, dept: "sales", source: "hasp", infobases: [IB_TRADE], app: "1CV8C", presence: 0.86 }));
  office.forEach((c) => addUser({ computer: c.name, dept: "office", source: "server", infobases: [IB_ACCOUNTING], app: "1CV8C", presence: 0.68 }));
  dev.forEach((c) => addUser({ computer: c.name, dept: "dev", source: "server", infobases: [IB_ACCOUNTING], app: "1CV8C", presence: 0.9 }));
  addUser({ computer: dir.name, dept: "director", source: "own-file", infobases: [IB_TRADE, IB_ACCOUNTING], app: "1CV8C", presence: 0.75 });
  wh.forEach((c) => addUser({ computer: c.name, dept: "warehouse", source: "terminal", infobases: [IB_TRADE], app: "1CV8C", presence: 0.9 }));
  for (let i = 0; i < 17; i++) addUser({ computer: `branch-${pad(i + 1)}`, dept: "remote", source: "terminal", infobases: i % 3 === 0 ? [IB_ACCOUNTING, IB_TRADE] : [IB_TRADE], app: "1CV8C", presence: 0.85 });
  for (let i = 0; i < 3; i++) addUser({ computer: `remote-${pad(i + 1)}`, dept: "web", source: "web", infobases: [IB_ACCOUNTING], app: "WebClient", presence: 0.35 });

  // ----- kits and PINs
  const kits: DemoKit[] = [];
  const pins: DemoPin[] = [];
  const usedCodes = new Set<string>();
  const addKit = (k: Omit<DemoKit, "id" | "ownerId" | "currency" | "supplier" | "invoice"> & { invoice?: string }) => {
    const kit: DemoKit = { id: kits.length + 1, ownerId: 1, currency: "RUB", supplier: "ООО «Софт-Интегратор»", invoice: k.invoice ?? `СЧ-${rng.digits(5)}`, ...k };
    kits.push(kit);
    return kit;
  };
  const addPin = (kit: DemoKit, set: PinSet, role: PinRole, status: PinStatus = "unused", source: PinSource = "envelope") => {
    let code = rng.digits(15);
    while (usedCodes.has(code)) code = rng.digits(15);
    usedCodes.add(code);
    const pin: DemoPin = { id: pins.length + 1, kitId: kit.id, set, role, status, source, code, receivedAt: kit.purchaseDate, notes: null };
    pins.push(pin);
    return pin;
  };
  /** §1.2 [M]: one main and two backups per seat of a single-user set; one main and two backups for a multi-user set. */
  const envelope = (kit: DemoKit, sets: PinSet[]) => {
    for (const set of sets) {
      const mains = set === "single" ? Math.max(1, kit.kind === "client" ? kit.seats : 1) : 1;
      for (let i = 0; i < mains; i++) {
        addPin(kit, set, "main");
        addPin(kit, set, "backup");
        addPin(kit, set, "backup");
      }
    }
  };
  const date = (days: number) => isoDate(now - days * DAY_MS);

  const kitBasic = addKit({ regNumber: `80${rng.digits(7)}`, product: "1С:Зарплата и управление персоналом 8 ПРОФ (базовая поставка)", kind: "basic", level: "PROF", seats: 1, protection: "software", usageMode: "single", serverBitness: null, purchaseDate: date(1190), priceMinor: 3_960_000, notes: null });
  envelope(kitBasic, ["single"]);
  const kitChief = addKit({ regNumber: `81${rng.digits(8)}`, product: "1С:Предприятие 8 ПРОФ. Клиентская лицензия на 1 рабочее место", kind: "client", level: "PROF", seats: 1, protection: "software", usageMode: "single", serverBitness: null, purchaseDate: date(980), priceMinor: 690_000, notes: "Chief accountant's workstation; motherboard replaced, see the ledger." });
  envelope(kitChief, ["single"]);
  const kitFive = addKit({ regNumber: `81${rng.digits(8)}`, product: "1С:Предприятие 8 ПРОФ. Клиентская лицензия на 5 рабочих мест", kind: "client", level: "PROF", seats: 5, protection: "software", usageMode: "single", serverBitness: null, purchaseDate: date(900), priceMinor: 2_640_000, notes: "Activated in single-user mode: one license per accounting workstation." });
  envelope(kitFive, ["single", "multi"]);
  const kitTen = addKit({ regNumber: `81${rng.digits(8)}`, product: "1С:Предприятие 8 ПРОФ. Клиентская лицензия на 10 рабочих мест", kind: "client", level: "PROF", seats: 10, protection: "software", usageMode: "multi", serverBitness: null, purchaseDate: date(850), priceMinor: 5_004_000, notes: "Multi-user license on the 1C server: issued per session." });
  envelope(kitTen, ["single", "multi"]);
  const kitFifty = addKit({ regNumber: `50000${rng.digits(7)}`, product: "1С:Предприятие 8 ПРОФ. Клиентская лицензия на 50 рабочих мест", kind: "client", level: "PROF", seats: 50, protection: "software", usageMode: "multi", serverBitness: null, purchaseDate: date(610), priceMinor: 22_680_000, notes: "On the terminal server: one seat per terminal session." });
  envelope(kitFifty, ["multi"]);
  const kitDirector = addKit({ regNumber: `81${rng.digits(8)}`, product: "1С:Предприятие 8 ПРОФ. Клиентская лицензия на 1 рабочее место", kind: "client", level: "PROF", seats: 1, protection: "software", usageMode: "single", serverBitness: null, purchaseDate: date(1020), priceMinor: 690_000, notes: "Director's laptop: three hardware changes, no backup PIN left." });
  envelope(kitDirector, ["single"]);
  const kitServer = addKit({ regNumber: `50000${rng.digits(7)}`, product: "1С:Предприятие 8.3 ПРОФ. Лицензия на сервер (x86-64)", kind: "server", level: "PROF", seats: 0, protection: "software", usageMode: null, serverBitness: "64", purchaseDate: date(850), priceMinor: 8_640_000, notes: null });
  envelope(kitServer, ["single"]);
  const kitStock = addKit({ regNumber: `81${rng.digits(8)}`, product: "1С:Предприятие 8 ПРОФ. Клиентская лицензия на 5 рабочих мест", kind: "client", level: "PROF", seats: 5, protection: "software", usageMode: null, serverBitness: null, purchaseDate: date(40), priceMinor: 2_760_000, notes: "Bought for the new branch; not activated yet, mode still open." });
  envelope(kitStock, ["single", "multi"]);
  const kitHaspA = addKit({ regNumber: `80${rng.digits(7)}`, product: "1С:Предприятие 8 ПРОФ. Клиентская лицензия на 20 рабочих мест (USB)", kind: "client", level: "PROF", seats: 20, protection: "hardware", usageMode: null, serverBitness: null, purchaseDate: date(1400), priceMinor: 9_360_000, notes: null });
  const kitHaspB = addKit({ regNumber: `80${rng.digits(7)}`, product: "1С:Предприятие 8 ПРОФ. Клиентская лицензия на 20 рабочих мест (USB)", kind: "client", level: "PROF", seats: 20, protection: "hardware", usageMode: null, serverBitness: null, purchaseDate: date(700), priceMinor: 10_080_000, notes: "Bought to double the sales seats — but it has the same series as the first key on srv-lm, so it adds nothing there." });

  // ----- hardware keys: both ORGL8 on srv-lm → the pool counts one of them (§2 [H]).
  const hardwareKeys: DemoKey[] = [
    { id: 1, series: "ORGL8", kind: "network", seats: 20, keyNumber: rng.digits(8), kitId: kitHaspA.id, computerId: srvLm.id, notes: null },
    { id: 2, series: "ORGL8", kind: "network", seats: 20, keyNumber: rng.digits(8), kitId: kitHaspB.id, computerId: srvLm.id, notes: "Same series as key 1 on the same host: the License Manager uses one of them." },
  ];

  // ----- fingerprints and the PIN ledger
  const fingerprints: DemoFingerprint[] = [];
  const activations: DemoActivation[] = [];
  const cpuFor = (name: string) => `${name.startsWith("srv") ? "Intel(R) Xeon(R) Silver 4210R" : rng.pick(["Intel(R) Core(TM) i5-10400", "Intel(R) Core(TM) i5-12400", "AMD Ryzen 5 5600G"])} @ ${rng.pick(["2.40", "2.90", "3.90"])}GHz, ${rng.pick([6, 10, 12])} cores`;
  const mac = () => Array.from({ length: 6 }, () => rng.int(0, 255).toString(16).padStart(2, "0")).join("-").toUpperCase();
  const addFingerprint = (c: DemoComputer, takenAt: number, change?: Partial<DemoFingerprint>) => {
    const base = fingerprints.filter((f) => f.computerId === c.id).at(-1);
    const windows = c.osName.startsWith("Windows");
    const fp: DemoFingerprint = base
      ? { ...base, id: fingerprints.length + 1, takenAt, notes: null, ...change }
      : {
          id: fingerprints.length + 1,
          computerId: c.id,
          takenAt,
          osName: c.osName,
          osVersion: c.osVersion,
          osSerial: windows ? `00330-${rng.digits(5)}-${rng.digits(5)}-AA${rng.digits(3)}` : null,
          osInstallDate: windows ? isoDate(takenAt - rng.int(30, 300) * DAY_MS) : null,
          hostname: c.name.toUpperCase(),
          motherboard: rng.pick(["ASUS PRIME B560M-A", "MSI PRO B660M-A", "Gigabyte B550M DS3H", "Supermicro X11SPi-TF"]),
          ramMb: c.name.startsWith("srv") ? 65536 : rng.pick([8192, 16384]),
          bios: `American Megatrends Inc. ${rng.int(1, 3)}.${rng.int(10, 99)}`,
          cpus: JSON.stringify([cpuFor(c.name)]),
          nics: JSON.stringify([{ name: "Intel(R) Ethernet Connection I219-V", mac: mac() }]),
          disks: JSON.stringify([{ model: rng.pick(["Samsung SSD 980 500GB", "KINGSTON SA400S37480G", "WDC WD10EZEX-08WN4A0"]), serial: `S${rng.digits(9)}`, sizeBytes: rng.pick([500107862016, 480103981056, 1000204886016]) }]),
          notes: null,
          ...change,
        };
    fingerprints.push(fp);
    return fp;
  };
  const activate = (
    pin: DemoPin,
    computer: DemoComputer,
    at: number,
    opts: { operation?: ActivationOperation; previous?: DemoPin; reason?: string; fp?: DemoFingerprint; folder?: string; visibility?: ActivationVisibility; method?: ActivationMethod } = {},
  ) => {
    const fp = opts.fp ?? addFingerprint(computer, at);
    const linux = computer.osName === "Linux";
    activations.push({
      id: activations.length + 1,
      pinId: pin.id,
      operation: opts.operation ?? "first",
      previousPinId: opts.previous?.id ?? null,
      computerId: computer.id,
      fingerprintId: fp.id,
      method: opts.method ?? "automatic",
      visibility: opts.visibility ?? "all-users",
      licFileName: licName(at),
      licFolder: opts.folder ?? (linux ? "/var/1C/licenses" : "C:\\ProgramData\\1C\\licenses"),
      recordedBy: "Ковалёва И.П.",
      activatedAt: at,
      reason: opts.reason ?? null,
    });
    pin.status = "active";
    if (opts.previous) opts.previous.status = "spent";
  };
  const pinsOf = (kit: DemoKit, set: PinSet, role?: PinRole) => pins.filter((p) => p.kitId === kit.id && p.set === set && (!role || p.role === role));

  // Basic delivery on hr-01 (file-mode HR infobase: single-user licenses only, §4).
  activate(pinsOf(kitBasic, "single", "main")[0], hr[0], daysAgo(1180, 11.2));
  // Chief accountant: first activation, then the motherboard was replaced → recovery with a backup (§1.3, §1.4).
  {
    const [main, backup1] = pinsOf(kitChief, "single");
    activate(main, buh[0], daysAgo(975, 10.1));
    const newBoard = addFingerprint(buh[0], daysAgo(212, 9.4), { motherboard: "ASUS PRIME B660M-K D4", bios: "American Megatrends Inc. 2.21", notes: "Motherboard replaced after a power-supply failure" });
    activate(backup1, buh[0], daysAgo(212, 9.6), { operation: "recovery", previous: main, fp: newBoard, reason: "Motherboard replaced (power-supply failure): the license no longer bound, backup PIN used" });
  }
  // 5-seat kit, single-user mode: one main PIN per workstation (§1.2).
  pinsOf(kitFive, "single", "main").forEach((pin, i) => activate(pin, buh[i + 1], daysAgo(895 - i, 10 + i * 0.4)));
  // 10-seat multi-user kit on the 1C server, files readable by all users (§1.5: the service user must read them).
  activate(pinsOf(kitTen, "multi", "main")[0], srv1c, daysAgo(845, 15.3), { method: "request-file" });
  // 50-seat multi-only kit on the terminal server (§1.2 [M]: 50+ kits go on a server).
  activate(pinsOf(kitFifty, "multi", "main")[0], srvTs, daysAgo(600, 12.7));
  // 64-bit server license on the 1C server (§4).
  activate(pinsOf(kitServer, "single", "main")[0], srv1c, daysAgo(845, 15.1), { method: "request-file" });
  // Director's laptop: three hardware changes — main and both backups used; the last backup is the active one.
  {
    const [main, b1, b2] = pinsOf(kitDirector, "single");
    activate(main, dir, daysAgo(1015, 13));
    const ssd = addFingerprint(dir, daysAgo(640, 10), { disks: JSON.stringify([{ model: "Samsung SSD 970 EVO Plus 1TB", serial: `S${rng.digits(9)}`, sizeBytes: 1000204886016 }]), notes: "System disk replaced" });
    activate(b1, dir, daysAgo(640, 10.5), { operation: "recovery", previous: main, fp: ssd, reason: "System SSD replaced after failure" });
    const board = addFingerprint(dir, daysAgo(95, 16), { motherboard: "LENOVO 20XWCTO1WW", bios: "LENOVO N32ET86W (1.62)", notes: "Laptop replaced under warranty (new motherboard)" });
    activate(b2, dir, daysAgo(95, 16.4), { operation: "recovery", previous: b1, fp: board, reason: "Motherboard replaced under warranty" });
  }

  // ----- 1C server and infobases
  const servers: DemoServer[] = [
    { id: 1, name: "srv-1c", computerId: srv1c.id, platformVersion: "8.3.25.1374", bitness: "64", serverLicenseKitId: kitServer.id, serviceUser: "usr1cv8", clusterPort: 1541, notes: "Main cluster; RAS on localhost:1545" },
  ];
  const infobases: DemoInfobase[] = [
    { id: 1, name: IB_ACCOUNTING, mode: "client-server", serverId: 1, path: null, racUuid: rng.uuid(), licenseDistribution: "allow", useHardwareLicense: false, notes: "Does not look for HASP keys (§2): its users take the 1C server's seats, the keys stay for the warehouse." },
    { id: 2, name: IB_TRADE, mode: "client-server", serverId: 1, path: null, racUuid: rng.uuid(), licenseDistribution: "deny", useHardwareLicense: true, notes: "license-distribution = deny: the server never issues client licenses for it; users need their own (HASP or terminal server)." },
    { id: 3, name: IB_HR, mode: "file", serverId: null, path: "\\\\fs01\\1c\\zup", racUuid: rng.uuid(), licenseDistribution: "allow", useHardwareLicense: true, notes: "File mode: only single-user licenses (or keys) on the client work here (§4)." },
  ];
  const ibByName = new Map(infobases.map((ib) => [ib.name, ib]));

  // ----- license sources for the session simulation
  // ----- the engine's view of this inventory: seats are allocated by the platform's search order (§4.1),
  // so every "no free license" event below is a denial `POST /api/why` reproduces from the captures.
  const inventoryView: Inventory = { kits, pins, activations, computers, keys: hardwareKeys, servers };
  const derived = derivePools(inventoryView);
  const ctx: AllocationContext = {
    pools: derived.pools,
    serverLicenses: derived.serverLicenses,
    terminalHosts: derived.terminalHosts,
    infobases: infobases.map((ib) => ({ name: ib.name, mode: ib.mode, licenseDistribution: ib.licenseDistribution, useHardwareLicense: ib.useHardwareLicense, serverHost: ib.serverId === null ? null : srv1c.name })),
    servers: servers.map((sv) => ({ host: computers.find((c) => c.id === sv.computerId)!.name, bitness: sv.bitness })),
    settings: DEFAULT_SETTINGS,
  };
  const poolById = new Map(ctx.pools.map((p) => [p.id, p]));
  const activationOfPin = new Map(activations.map((x) => [x.pinId, x]));
  const fileUrl = (x: DemoActivation) => (x.licFolder.startsWith("/") ? `file://${x.licFolder}/${x.licFileName}` : `file:///${x.licFolder.replace(/\\/g, "/")}/${x.licFileName}`);
  /** The license a seat of a pool is: its first member's registration number (or key series) and file. */
  const licenseOf = (poolId: string) => {
    const pool = poolById.get(poolId)!;
    const member = pool.members[0];
    const activation = member.pinId === undefined ? undefined : activationOfPin.get(member.pinId);
    return { pool, member, series: pool.keySeries ?? member.regNumber ?? "", fullName: activation ? fileUrl(activation) : "" };
  };

  // ----- intended sessions over 90 days
  interface Intended { user: User | null; infobase: DemoInfobase; app: string; start: number; end: number; computer: string; licensed: boolean }
  const intended: Intended[] = [];
  const firstDay = now - DEMO_HISTORY_DAYS * DAY_MS;
  for (let d = 0; d <= DEMO_HISTORY_DAYS; d++) {
    const day = isoDate(firstDay + d * DAY_MS + DAY_MS / 2);
    const dow = new Date(`${day}T12:00:00Z`).getUTCDay();
    const weekend = dow === 0 || dow === 6;
    const dom = Number(day.slice(8, 10));
    const daysInMonth = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).getUTCDate();
    // Month-end close: the last three days of a month and the first two (DOMAIN §6: finance asks about peaks).
    const monthEnd = dom > daysInMonth - 3 || dom <= 2;

    // Background jobs every 30 minutes, every day, take no client seat (§4 [M]).
    for (let h = 0; h < 24; h += 0.5) {
      intended.push({ user: null, infobase: ibByName.get(IB_ACCOUNTING)!, app: "BackgroundJob", start: demoLocalTime(day, h + rng.int(0, 5) / 60), end: demoLocalTime(day, h + rng.int(1, 4) / 60 + 0.09), computer: srv1c.name, licensed: false });
    }
    if (weekend) {
      if (monthEnd) for (const u of users.filter((x) => x.dept === "accounting").slice(0, 2)) addWorkday(u, day, { late: false, weekend: true });
      continue;
    }
    for (const u of users) {
      const presence = monthEnd ? Math.min(1, u.presence + 0.12) : u.presence;
      if (rng.chance(presence)) addWorkday(u, day, { late: monthEnd && (u.dept === "accounting" || u.dept === "office" || u.dept === "sales"), weekend: false });
    }
  }

  function addWorkday(u: User, day: string, opts: { late: boolean; weekend: boolean }) {
    const arrive = opts.weekend ? rng.normal(10.5, 0.5) : rng.normal(u.dept === "warehouse" ? 8 : 9, 0.3);
    const leave = opts.weekend ? arrive + rng.normal(4, 1) : opts.late ? rng.normal(20.2, 0.6) : rng.normal(18, 0.35);
    const lunchStart = rng.normal(13, 0.25);
    const closesAtLunch = !opts.weekend && rng.chance(u.dept === "office" || u.dept === "sales" ? 0.65 : 0.4);
    const spans: Array<[number, number]> = closesAtLunch ? [[arrive, lunchStart], [lunchStart + rng.normal(0.8, 0.15), leave]] : [[arrive, leave]];
    const ib = ibByName.get(u.infobases[0])!;
    if (u.dept === "web") {
      const s = rng.normal(11, 2);
      intended.push({ user: u, infobase: ib, app: "WebClient", start: demoLocalTime(day, s), end: demoLocalTime(day, s + rng.normal(1.5, 0.5)), computer: u.computer, licensed: true });
      return;
    }
    for (const [s, e] of spans) intended.push({ user: u, infobase: ib, app: u.app, start: demoLocalTime(day, s), end: demoLocalTime(day, e), computer: u.computer, licensed: true });
    // A second infobase at the same time (per computer: still one seat; per session: a second one, §4 (b)/(c)).
    if (u.infobases[1] && rng.chance(opts.late ? 0.8 : 0.45)) {
      const s = rng.normal(opts.late ? 15 : 14.5, 1);
      intended.push({ user: u, infobase: ibByName.get(u.infobases[1])!, app: u.app, start: demoLocalTime(day, Math.max(s, arrive + 0.2)), end: demoLocalTime(day, Math.min(s + rng.normal(1.5, 0.5), leave - 0.1)), computer: u.computer, licensed: true });
    }
    // Developers open the Designer next to Enterprise (§4 (a) per computer, (c) per session).
    if (u.dept === "dev" && rng.chance(0.6)) {
      const s = rng.normal(10.5, 1.2);
      intended.push({ user: u, infobase: ib, app: "Designer", start: demoLocalTime(day, s), end: demoLocalTime(day, s + rng.normal(2, 0.7)), computer: u.computer, licensed: true });
    }
  }

  // ----- allocate seats in start order; a session that finds none becomes a "no free license" event.
  const valid = intended.filter((s) => s.end > s.start && s.start <= now);
  valid.sort((a, b) => a.start - b.start || a.end - b.end);
  const sessions: DemoSession[] = [];
  const noLicenseEvents: DemoNoLicenseEvent[] = [];
  const allocator = createAllocator(ctx, { withHolders: false });
  const open: Array<{ end: number; connection: Connection; allocation: Allocation }> = [];
  const processes = [rng.uuid(), rng.uuid()];

  valid.forEach((s, index) => {
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i].end <= s.start) {
        allocator.release(open[i].connection, open[i].allocation);
        open.splice(i, 1);
      }
    }
    // rac prints no terminal session (§5.1): the engine counts a terminal server's users as its computers (§4).
    const host = s.user?.source === "terminal" ? srvTs.name : s.user?.source === "web" ? srvWeb.name : s.computer;
    const connection: Connection = { id: `c${index}`, user: s.user?.name ?? null, host, terminalSession: null, infobase: s.infobase.name, app: s.app, start: s.start, end: s.end };
    let seat: Extract<Allocation, { kind: "seat" }> | null = null;
    if (s.licensed) {
      const allocation = allocator.allocate(connection);
      if (allocation.kind === "denied") {
        noLicenseEvents.push(makeEvent(s, host, allocation.looked));
        return;
      }
      if (allocation.kind === "seat") {
        seat = allocation;
        open.push({ end: s.end, connection, allocation });
      }
    }
    const ended = s.end <= now;
    const last = ended ? s.end : now;
    const license = seat ? licenseOf(seat.poolId) : null;
    const issued = seat?.obtainedBy === "server";
    const isKey = !!license?.pool.keySeries;
    sessions.push({
      id: sessions.length + 1,
      sessionUuid: rng.uuid(),
      sessionId: (sessions.length % 9000) + 1,
      infobaseUuid: s.infobase.racUuid,
      infobaseId: s.infobase.id,
      connection: rng.uuid(),
      process: rng.pick(processes),
      userName: s.user?.name ?? null,
      host,
      terminalSession: null,
      appId: s.app,
      locale: "ru_RU",
      startedAt: s.start,
      lastActiveAt: Math.max(s.start, last - rng.int(0, 20) * MIN_MS),
      hibernate: false,
      clientIp: s.user?.source === "web" ? `91.203.${rng.int(1, 254)}.${rng.int(1, 254)}` : s.user ? `10.10.${s.user.source === "terminal" ? 1 : 2}.${rng.int(10, 250)}` : null,
      licenseFullName: license ? license.fullName || null : null,
      series: license ? license.series : null,
      issuedByServer: license ? issued : null,
      licenseType: license ? (isKey ? "HASP" : "soft") : null,
      net: license ? license.pool.source === "hasp-network" : null,
      maxUsersAll: license ? license.pool.seats : null,
      maxUsersCur: license ? allocator.heldIn(license.pool.id) : null,
      rmngrAddress: license ? (issued ? srv1c.name : "") : null,
      rmngrPort: license ? (issued ? 1541 : 0) : null,
      rmngrPid: license ? (issued ? "2817" : "") : null,
      shortPresentation: license ? presentation(license.series, license.pool.seats, isKey, issued) : null,
      fullPresentation: license ? `${presentation(license.series, license.pool.seats, isKey, issued)}${license.fullName ? `, ${license.fullName}` : ""}` : null,
      extra: JSON.stringify({ bytesAll: rng.int(10_000, 90_000_000), callsAll: rng.int(10, 90_000), dbProcInfo: "", memoryCurrent: rng.int(0, 4_000_000) }),
      firstSeenAt: s.start,
      lastSeenAt: last,
      matchedKitId: license ? license.member.kitId : null,
      matchedKeyId: license ? (license.member.keyId ?? null) : null,
    });
  });

  function presentation(series: string, seats: number, isKey: boolean, issued: boolean): string {
    const by = issued ? "Сервер" : "Клиент";
    if (isKey) return `${by}, ${series} Сетевой ${seats}`;
    return `${by}, программная лицензия ${series} на ${seats} польз.`;
  }

  /** The platform's line for a place that gave nothing (DOMAIN §4.2). */
  function platformLine(step: Step): string {
    const pool = step.poolId ? poolById.get(step.poolId) : undefined;
    switch (step.cause) {
      case "seats-exhausted":
        return pool?.keySeries
          ? `ключ ${pool.keySeries} Сетевой ${pool.seats}: превышено максимальное количество пользователей`
          : `Превышено максимальное количество пользователей, разрешенное файлом программной лицензии: ${pool ? licenseOf(pool.id).fullName : ""}`;
      case "no-local-key":
        return "локальный ключ недоступен: Status=-100, ORGL8 Локальный, не установлен";
      case "no-license-manager":
        return "nethasp.ini: отсутствует, использованы настройки по умолчанию, ошибка соединения с менеджером лицензий: Net Status=7, ORGL8 Сетевой, не установлен";
      case "distribution-denied":
        return "Выдача клиентских лицензий сервером запрещена для информационной базы";
      case "no-server-license":
        return "На сервере 1С:Предприятия не найдена лицензия.";
      case "file-mode-single-user-only":
        return `Файл программной лицензии не предусматривает работу с файловой информационной базой: ${pool ? licenseOf(pool.id).fullName : ""}`;
      default:
        return "Файл программной лицензии не найден";
    }
  }

  function makeEvent(s: Intended, host: string, looked: readonly Step[]): DemoNoLicenseEvent {
    const lines = looked.map((step) => ({ text: platformLine(step), place: step.place, cause: step.cause, ...(step.poolId ? { pool: step.poolId } : {}) }));
    const message = noFreeLicenseMessage(lines);
    const comp = computers.find((c) => c.name === host);
    return {
      id: noLicenseEvents.length + 1,
      occurredAt: s.start,
      userName: s.user!.name,
      host,
      computerId: comp?.id ?? null,
      infobaseId: s.infobase.id,
      appId: s.app,
      message,
      explanation: JSON.stringify(lines),
      reportedBy: null,
    };
  }

  // ----- snapshots every 15 minutes of the working day (7:00–21:00), the newest at `now`.
  const sorted = (list: DemoSession[]) => ({ starts: list.map((s) => s.firstSeenAt).sort((a, b) => a - b), ends: list.map((s) => s.lastSeenAt).sort((a, b) => a - b) });
  const all = sorted(sessions);
  const licensedSessions = sorted(sessions.filter((s) => s.series !== null));
  const matchedSessions = sorted(sessions.filter((s) => s.series !== null && (s.matchedKitId !== null || s.matchedKeyId !== null)));
  /** How many sorted values are < t (strict) or <= t. */
  const countBelow = (arr: number[], t: number, inclusive: boolean) => {
    let lo = 0;
    let hi = arr.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (arr[mid] < t || (inclusive && arr[mid] === t)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Captures every 15 minutes of the working day, and one at each "no free license" event — a cron job
  // posting after the refusal — so the capture at or before an event shows what refused it (issue 11).
  const times = new Set<number>(noLicenseEvents.map((e) => e.occurredAt));
  for (let d = 0; d <= DEMO_HISTORY_DAYS; d++) {
    const day = isoDate(firstDay + d * DAY_MS + DAY_MS / 2);
    for (let m = 7 * 60; m <= 21 * 60; m += SNAPSHOT_EVERY_MIN) times.add(demoLocalTime(day, m / 60));
  }
  const sessionSnapshots: DemoSnapshot[] = [];
  for (const t of [...times].sort((a, b) => a - b)) {
    if (t > now || t < firstDay) continue;
    // A session belongs to a snapshot when first_seen_at <= t <= last_seen_at (see db/schema.ts).
    const count = ({ starts, ends }: ReturnType<typeof sorted>) => countBelow(starts, t, true) - countBelow(ends, t, false);
    const licensedCount = count(licensedSessions);
    const matchedCount = count(matchedSessions);
    sessionSnapshots.push({ id: sessionSnapshots.length + 1, takenAt: t, source: "demo", serverId: 1, sessionCount: count(all), licensedCount, matchedCount, unmatchedCount: licensedCount - matchedCount, notes: null });
  }

  return {
    anchor,
    now,
    owners,
    kits,
    pins,
    computers,
    fingerprints,
    activations,
    hardwareKeys,
    servers,
    infobases,
    sessionSnapshots,
    sessions,
    noLicenseEvents,
  };
}

/** The demo company as the licensing engine's inventory (no PIN codes, no owner data). */
export function demoInventory(c: DemoCompany): Inventory {
  return { kits: c.kits, pins: c.pins, activations: c.activations, computers: c.computers, keys: c.hardwareKeys, servers: c.servers };
}
