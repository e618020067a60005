/**
 * The PIN ledger rules (DOMAIN §1.2–1.3): a state machine over one software kit's PINs and activations.
 * Every refusal is a typed value naming the rule it enforces and what to do instead; [L] rules only warn.
 * Plain data in, new plain data out: the input ledger is never mutated and a refused step never throws.
 */
import type { Localised } from "../domain/localised";
import { AppError } from "../errors";
import type {
  ActivationOperation,
  ComputerRole,
  KitKind,
  KitProtection,
  PinRole,
  PinSet,
  PinSource,
  PinStatus,
  UsageMode,
} from "../domain/enums";
import { latestByPin } from "./pools";
import { DEFAULT_SETTINGS, type LicensingSettings } from "./settings";


export interface LedgerKit {
  id: number;
  regNumber: string;
  kind: KitKind;
  seats: number;
  protection: KitProtection;
  /** Null until the first activation decides it (§1.2). */
  usageMode: UsageMode | null;
}

export interface LedgerPin {
  id: number;
  set: PinSet;
  role: PinRole;
  status: PinStatus;
  source: PinSource;
  /** Epoch ms the PIN arrived (additional PINs from the Licensing Center); absent for envelope PINs. */
  receivedAt?: number;
}

export interface LedgerActivation {
  id: number;
  pinId: number;
  operation: ActivationOperation;
  /** Recovery on changed hardware names the PIN it replaces (`ring … --previous-pin`, §1.3). */
  previousPinId: number | null;
  computerId: number;
  /** Epoch ms. */
  at: number;
}

export interface KitLedger {
  kit: LedgerKit;
  pins: LedgerPin[];
  activations: LedgerActivation[];
}

export interface LedgerComputer {
  id: number;
  role: ComputerRole;
}

export type LedgerStep =
  | { operation: "first"; pinId: number; computer: LedgerComputer; at: number }
  | {
      operation: "recovery";
      pinId: number;
      computer: LedgerComputer;
      at: number;
      /** Whether the key hardware parameters (§1.4) changed since the license was obtained. */
      hardwareChanged: boolean;
      /** Changed hardware: the PIN whose license this recovery replaces. */
      previousPinId?: number;
    };

export const LEDGER_ERROR_CODES = [
  "kit-not-software",
  "pin-not-in-kit",
  "activation-out-of-order",
  "pin-void",
  "kit-mode-locked",
  "multi-user-needs-server",
  "pin-already-activated",
  "kit-fully-activated",
  "pin-spent",
  "pin-not-activated",
  "previous-pin-unexpected",
  "same-pin-other-computer",
  "no-backup-pin",
  "pin-reuse-after-hardware-change",
  "recovery-needs-backup-pin",
  "previous-pin-required",
  "previous-pin-not-in-kit",
  "previous-pin-not-active",
  "pin-set-mismatch",
  "pin-id-taken",
] as const;
export type LedgerErrorCode = (typeof LEDGER_ERROR_CODES)[number];

export const LEDGER_WARNING_CODES = ["pin-activation-limit", "backup-runway"] as const;
export type LedgerWarningCode = (typeof LEDGER_WARNING_CODES)[number];

/** DOMAIN.md confidence of the rule: H official, M one non-official source, L unverified. */
export type Confidence = "H" | "M" | "L";

export interface LedgerError {
  code: LedgerErrorCode;
  /** The DOMAIN.md section the rule comes from, e.g. "DOMAIN §1.3". */
  rule: `DOMAIN §${string}`;
  confidence: Confidence;
  message: Localised;
  remedy: Localised;
  /** Ledger ids the UI can link to (never PIN codes). */
  pinId?: number;
  computerId?: number;
  /** Reserve PINs of the set (see `reservePins`) that could be used instead. */
  candidatePinIds?: number[];
}

export interface LedgerWarning {
  code: LedgerWarningCode;
  rule: `DOMAIN §${string}`;
  confidence: Confidence;
  message: Localised;
  pinId?: number;
  activationCount?: number;
  backupsLeft?: number;
}

export type LedgerResult = { ok: true; ledger: KitLedger; warnings: LedgerWarning[] } | { ok: false; error: LedgerError };

/**
 * The ledger rules' tunables. `pinActivationLimit` comes from the admin's settings; the rest are [M]
 * rules with defaults here until they get a row in the settings table.
 */
export type LedgerSettings = Pick<LicensingSettings, "pinActivationLimit"> & {
  /** §1.2 [M]: kits of this many seats or more are multi-user only; null switches the rule off. */
  multiOnlyMinSeats?: number | null;
  /** §1.2: where a multi-user license may be installed. */
  multiUserRoles?: readonly ComputerRole[];
};

export const LEDGER_DEFAULTS = {
  multiOnlyMinSeats: 50,
  multiUserRoles: ["1c-server", "terminal-server", "web-server"] as readonly ComputerRole[],
} satisfies Required<Omit<LedgerSettings, "pinActivationLimit">>;

/** Thrown by routes that refuse a ledger step: 422, the English message plus its remedy; the full value in `ledgerError`. */
export class LedgerRuleError extends AppError {
  constructor(readonly ledgerError: LedgerError) {
    super(ledgerError.code, `${ledgerError.message.en} ${ledgerError.remedy.en} (${ledgerError.rule})`, 422, ledgerError);
    this.name = "LedgerRuleError";
  }
}

const MODE: Record<UsageMode, Localised> = {
  single: { en: "single-user", ru: "однопользовательском" },
  multi: { en: "multi-user", ru: "многопользовательском" },
};
const SET: Record<PinSet, Localised> = {
  single: { en: "single-user", ru: "однопользовательского" },
  multi: { en: "multi-user", ru: "многопользовательского" },
};

const STATUS: Record<PinStatus, Localised> = {
  unused: { en: "unused", ru: "не использован" },
  active: { en: "active", ru: "действует" },
  spent: { en: "spent", ru: "израсходован" },
  void: { en: "void", ru: "отозван" },
};
const ROLE: Record<ComputerRole, Localised> = {
  workstation: { en: "workstation", ru: "рабочей станции" },
  "terminal-server": { en: "terminal server", ru: "терминальном сервере" },
  "1c-server": { en: "1C server", ru: "сервере 1С" },
  "license-manager": { en: "License Manager host", ru: "компьютере менеджера лицензий" },
  "web-server": { en: "web server", ru: "веб-сервере" },
};

type ErrorExtras = Omit<LedgerError, "code" | "rule" | "confidence" | "message" | "remedy">;

function fail(code: LedgerErrorCode, rule: LedgerError["rule"], confidence: Confidence, message: Localised, remedy: Localised, extras: ErrorExtras = {}): { ok: false; error: LedgerError } {
  return { ok: false, error: { code, rule, confidence, message, remedy, ...extras } };
}

/** The mode a kit is locked in: its recorded mode, else the set of the PIN its earliest activation used (§1.2). */
export function lockedMode(ledger: {
  kit: { usageMode: UsageMode | null };
  pins: ReadonlyArray<{ id: number; set: PinSet }>;
  activations: ReadonlyArray<{ id: number; pinId: number; at: number }>;
}): UsageMode | null {
  if (ledger.kit.usageMode) return ledger.kit.usageMode;
  const first = [...ledger.activations].sort((a, b) => a.at - b.at || a.id - b.id)[0];
  const pin = first && ledger.pins.find((p) => p.id === first.pinId);
  return pin ? pin.set : null;
}

/**
 * §1.3 ("first" means first for this kit): how many licenses of a set a kit can hold active at once. A
 * single-user set: one per seat (a basic delivery has one); the multi-user set: one N-seat license; a
 * server license: one.
 */
export function activeLimit(kit: { kind: KitKind; seats: number }, set: PinSet): number {
  return kit.kind === "client" && set === "single" ? kit.seats : 1;
}

/**
 * §1.3: the reserve PINs of a set — what recoveries on changed hardware can still spend: its unused backup
 * and additional PINs and, once the set holds `activeLimit` active licenses, its unused main PINs too ([M]:
 * the Licensing Center counts PINs of the set; the envelope's labels are for people).
 */
export function reservePins<P extends { set: PinSet; status: PinStatus; role: PinRole }>(
  ledger: { kit: { kind: KitKind; seats: number }; pins: readonly P[] },
  set: PinSet,
): P[] {
  const inSet = ledger.pins.filter((p) => p.set === set);
  const full = inSet.filter((p) => p.status === "active").length >= activeLimit(ledger.kit, set);
  return inSet.filter((p) => p.status === "unused" && (full || p.role !== "main"));
}

/** The computer a PIN's license was last obtained on, or null when the ledger has no activation of it. */
function lastComputer(ledger: KitLedger, pinId: number): number | null {
  return latestByPin(ledger.activations, (a) => a.at).get(pinId)?.computerId ?? null;
}

/**
 * Applies one first activation or recovery to a kit's ledger (DOMAIN §1.2–1.3). Returns a new ledger and
 * the [L] warnings, or the first rule the step breaks. Never mutates `ledger`, never throws.
 */
export function applyActivation(ledger: KitLedger, step: LedgerStep, settings: LedgerSettings = DEFAULT_SETTINGS): LedgerResult {
  const { kit } = ledger;
  const multiOnlyMinSeats = settings.multiOnlyMinSeats === undefined ? LEDGER_DEFAULTS.multiOnlyMinSeats : settings.multiOnlyMinSeats;
  const serverRoles = settings.multiUserRoles ?? LEDGER_DEFAULTS.multiUserRoles;

  if (kit.protection !== "software") {
    return fail(
      "kit-not-software",
      "DOMAIN §1.1",
      "H",
      { en: "This kit is protected by a hardware key: it has no PINs to activate.", ru: "Комплект защищён аппаратным ключом: у него нет ПИН-кодов для активации." },
      { en: "Plug the HASP key in and record it under Keys instead.", ru: "Подключите ключ HASP и запишите его в разделе «Ключи»." },
    );
  }

  const pin = ledger.pins.find((p) => p.id === step.pinId);
  if (!pin) {
    return fail(
      "pin-not-in-kit",
      "DOMAIN §1.2",
      "H",
      { en: "This PIN does not belong to the kit: a PIN activates only with its own registration number.", ru: "ПИН-код не относится к этому комплекту: ПИН-код активируется только со своим регистрационным номером." },
      { en: "Choose a PIN of this kit, or record the activation under the kit the PIN came with.", ru: "Выберите ПИН-код этого комплекта или запишите активацию в том комплекте, с которым пришёл ПИН-код." },
      { pinId: step.pinId },
    );
  }

  const latest = ledger.activations.reduce((max, a) => Math.max(max, a.at), -Infinity);
  if (step.at < latest) {
    return fail(
      "activation-out-of-order",
      "DOMAIN §1.3",
      "H",
      { en: "This step is dated before the kit's latest recorded activation; the ledger's rules depend on the order of events.", ru: "Шаг датирован раньше последней записанной активации комплекта; правила журнала зависят от порядка событий." },
      { en: "Record activations in the order they happened: date this one at or after the latest, or correct the later records first.", ru: "Записывайте активации в том порядке, в котором они были: укажите дату не раньше последней или сначала исправьте более поздние записи." },
      { pinId: pin.id },
    );
  }

  if (pin.status === "void") {
    return fail(
      "pin-void",
      "DOMAIN §1.2",
      "H",
      { en: "This PIN was withdrawn or exchanged at the 1C Licensing Center and can no longer be activated.", ru: "ПИН-код отозван или обменян в Центре лицензирования 1С и больше не может быть активирован." },
      { en: "Use another PIN of the kit, or the PIN the Licensing Center issued in exchange.", ru: "Используйте другой ПИН-код комплекта или ПИН-код, выданный Центром лицензирования взамен." },
      { pinId: pin.id },
    );
  }

  const locked = lockedMode(ledger);
  if (locked && pin.set !== locked) {
    return fail(
      "kit-mode-locked",
      "DOMAIN §1.2",
      "M",
      {
        en: `The kit is locked in ${MODE[locked].en} mode: its first activation decided it, forever. A ${SET[pin.set].en} PIN of this kit can no longer be activated.`,
        ru: `Комплект закреплён в ${MODE[locked].ru} режиме: это решила его первая активация, навсегда. ПИН-код ${SET[pin.set].ru} набора этого комплекта больше не может быть активирован.`,
      },
      {
        en: `Activate a ${SET[locked].en} PIN of this kit instead; if the kit's mode was recorded by mistake, correct the kit's mode first.`,
        ru: `Активируйте ПИН-код ${SET[locked].ru} набора этого комплекта; если режим комплекта записан по ошибке, сначала исправьте его.`,
      },
      { pinId: pin.id },
    );
  }

  const multiOnly = multiOnlyMinSeats !== null && kit.seats >= multiOnlyMinSeats;
  if ((pin.set === "multi" || multiOnly) && !serverRoles.includes(step.computer.role)) {
    const why: Localised = multiOnly
      ? { en: `A ${kit.seats}-seat kit is multi-user only`, ru: `Комплект на ${kit.seats} мест — только многопользовательский` }
      : { en: "A multi-user license serves all its seats from one host", ru: "Многопользовательская лицензия раздаёт все свои места с одного компьютера" };
    return fail(
      "multi-user-needs-server",
      "DOMAIN §1.2",
      "M",
      {
        en: `${why.en}: it may only be activated on a 1C server, a terminal server or a web server, not on a ${ROLE[step.computer.role].en}.`,
        ru: `${why.ru}: его можно активировать только на сервере 1С, терминальном сервере или веб-сервере, но не на ${ROLE[step.computer.role].ru}.`,
      },
      { en: "Activate it on the 1C server, terminal server or web server that will hand out the seats.", ru: "Активируйте его на сервере 1С, терминальном сервере или веб-сервере, который будет раздавать места." },
      { pinId: pin.id, computerId: step.computer.id },
    );
  }

  const spentRefusal = () =>
    fail(
      "pin-spent",
      "DOMAIN §1.3",
      "M",
      { en: "This PIN was spent: a later recovery on changed hardware replaced it. A spent PIN is never activated again.", ru: "ПИН-код израсходован: его заменило восстановление на изменённом оборудовании. Израсходованный ПИН-код повторно не активируется." },
      { en: "Use the kit's active PIN (unchanged hardware) or an unused backup PIN (changed hardware).", ru: "Используйте действующий ПИН-код комплекта (оборудование не менялось) или неиспользованный резервный (оборудование изменилось)." },
      { pinId: pin.id },
    );

  const set = locked ?? pin.set;
  const backups = reservePins(ledger, set);
  const candidatePinIds = backups.map((p) => p.id);
  let pins = ledger.pins.map((p) => ({ ...p }));
  let previousPinId: number | null = null;

  if (step.operation === "first") {
    if (pin.status === "spent") return spentRefusal();
    if (pin.status === "active") {
      return fail(
        "pin-already-activated",
        "DOMAIN §1.3",
        "H",
        { en: "This PIN is already activated: a first activation needs an unused PIN.", ru: "ПИН-код уже активирован: для первого запуска нужен неиспользованный ПИН-код." },
        { en: "If its license file was lost or the computer changed, record a recovery instead.", ru: "Если файл лицензии утерян или компьютер изменился, запишите восстановление." },
        { pinId: pin.id },
      );
    }
    const limit = activeLimit(kit, set);
    const active = ledger.pins.filter((p) => p.set === set && p.status === "active").length;
    if (active >= limit) {
      return fail(
        "kit-fully-activated",
        "DOMAIN §1.3",
        "M",
        {
          en: `Every license of this kit's ${SET[set].en} set is already active (${active} of ${limit}): "first" means first for this kit, so another first activation would count a license the kit does not have.`,
          ru: `Все лицензии ${SET[set].ru} набора этого комплекта уже действуют (${active} из ${limit}): первый запуск — первый для этого комплекта, и ещё одна первая активация засчитала бы лицензию, которой у комплекта нет.`,
        },
        {
          en: "If a license of this kit was lost or its computer changed, record a recovery instead; for another computer, use another kit.",
          ru: "Если лицензия этого комплекта утеряна или компьютер изменился, запишите восстановление; для ещё одного компьютера используйте другой комплект.",
        },
        { pinId: pin.id, computerId: step.computer.id, candidatePinIds },
      );
    }
    pins = pins.map((p) => (p.id === pin.id ? { ...p, status: "active" } : p));
  } else if (!step.hardwareChanged) {
    if (step.previousPinId !== undefined && step.previousPinId !== pin.id) {
      return fail(
        "previous-pin-unexpected",
        "DOMAIN §1.3",
        "M",
        { en: "A previous PIN is named only when a recovery on changed hardware spends a backup PIN; on unchanged hardware the same PIN is reused.", ru: "Предыдущий ПИН-код указывается, только когда восстановление на изменённом оборудовании расходует резервный; на неизменном оборудовании повторно используется тот же ПИН-код." },
        { en: "Either remove the previous PIN, or mark the hardware as changed and recover with a backup PIN.", ru: "Либо уберите предыдущий ПИН-код, либо отметьте, что оборудование изменилось, и восстановите лицензию резервным ПИН-кодом." },
        { pinId: pin.id },
      );
    }
    if (pin.status === "spent") return spentRefusal();
    if (pin.status === "unused") {
      return fail(
        "pin-not-activated",
        "DOMAIN §1.3",
        "H",
        { en: "This PIN was never activated, so there is no license to recover with it.", ru: "ПИН-код ещё не активировался, восстанавливать по нему нечего." },
        { en: "Record a first activation with it, or recover with the PIN the lost license was obtained with.", ru: "Запишите по нему первый запуск или восстановите лицензию тем ПИН-кодом, по которому она была получена." },
        { pinId: pin.id },
      );
    }
    const where = lastComputer(ledger, pin.id);
    if (where !== null && where !== step.computer.id) {
      return fail(
        "same-pin-other-computer",
        "DOMAIN §1.3",
        "M",
        {
          en: "Unchanged hardware means the same computer: this PIN's license was obtained on another one. Re-activating the same PIN on another computer is forbidden.",
          ru: "Неизменное оборудование — значит тот же компьютер, а лицензия по этому ПИН-коду получена на другом. Повторная активация того же ПИН-кода на другом компьютере запрещена.",
        },
        {
          en: "Record a recovery on changed hardware with an unused backup PIN, naming this PIN as the previous one.",
          ru: "Запишите восстановление на изменённом оборудовании с неиспользованным резервным ПИН-кодом и укажите этот ПИН-код как предыдущий.",
        },
        { pinId: pin.id, computerId: step.computer.id, candidatePinIds },
      );
    }
  } else {
    if (backups.length === 0) {
      return fail(
        "no-backup-pin",
        "DOMAIN §1.2",
        "M",
        {
          en: `No backup PIN left: every backup and additional PIN of the kit's ${SET[set].en} set is used (and no main PIN is spare), so its license cannot be recovered on changed hardware.`,
          ru: `Резервных ПИН-кодов не осталось: все резервные и дополнительные ПИН-коды ${SET[set].ru} набора комплекта использованы (свободных основных тоже нет), восстановить лицензию на изменённом оборудовании нечем.`,
        },
        {
          en: "Request an additional PIN from the 1C Licensing Center (registration number, company, a still-valid PIN, the reason), then record the recovery with it.",
          ru: "Запросите дополнительный ПИН-код в Центре лицензирования 1С (регистрационный номер, организация, действующий ПИН-код, причина) и запишите восстановление с ним.",
        },
        { pinId: pin.id, computerId: step.computer.id, candidatePinIds },
      );
    }
    if (pin.status === "active") {
      return fail(
        "pin-reuse-after-hardware-change",
        "DOMAIN §1.3",
        "M",
        {
          en: "PIN already activated; re-activation on another computer is forbidden — the 1C Licensing Center's answer when the key hardware parameters changed.",
          ru: "ПИН-код уже активирован; повторная активация на другом компьютере запрещена — так отвечает Центр лицензирования 1С, когда ключевые параметры оборудования изменились.",
        },
        {
          en: "Recover with an unused backup PIN of the kit and give this PIN as the previous one.",
          ru: "Восстановите лицензию неиспользованным резервным ПИН-кодом комплекта и укажите этот ПИН-код как предыдущий.",
        },
        { pinId: pin.id, computerId: step.computer.id, candidatePinIds },
      );
    }
    if (pin.status === "spent") return spentRefusal();
    // §1.3 [M]: a main PIN pays for a recovery only once every seat of its set is activated (`reservePins`).
    if (pin.role === "main" && !candidatePinIds.includes(pin.id)) {
      return fail(
        "recovery-needs-backup-pin",
        "DOMAIN §1.2",
        "M",
        {
          en: "A recovery on changed hardware spends a backup or additional PIN; while the kit still has seats to activate, an unused main PIN is meant for a first activation of another seat.",
          ru: "Восстановление на изменённом оборудовании расходует резервный или дополнительный ПИН-код; пока у комплекта есть неактивированные места, неиспользованный основной ПИН-код предназначен для первого запуска другого места.",
        },
        { en: "Choose one of the kit's unused backup PINs.", ru: "Выберите один из неиспользованных резервных ПИН-кодов комплекта." },
        { pinId: pin.id, candidatePinIds },
      );
    }
    if (step.previousPinId === undefined) {
      return fail(
        "previous-pin-required",
        "DOMAIN §1.3",
        "M",
        { en: "A recovery on changed hardware must name the previous PIN — the one whose license stopped working (ring … --previous-pin).", ru: "Восстановление на изменённом оборудовании должно указывать предыдущий ПИН-код — тот, чья лицензия перестала работать (ring … --previous-pin)." },
        { en: "Choose the active PIN this recovery replaces.", ru: "Выберите действующий ПИН-код, который заменяет это восстановление." },
        { pinId: pin.id },
      );
    }
    const previous = ledger.pins.find((p) => p.id === step.previousPinId);
    if (!previous) {
      return fail(
        "previous-pin-not-in-kit",
        "DOMAIN §1.3",
        "M",
        { en: "The previous PIN does not belong to this kit.", ru: "Предыдущий ПИН-код не относится к этому комплекту." },
        { en: "Name the active PIN of this kit whose license the recovery replaces.", ru: "Укажите действующий ПИН-код этого комплекта, лицензию которого заменяет восстановление." },
        { pinId: step.previousPinId },
      );
    }
    if (previous.status !== "active") {
      return fail(
        "previous-pin-not-active",
        "DOMAIN §1.3",
        "M",
        {
          en: `The previous PIN is ${STATUS[previous.status].en}, not active: only a PIN whose license is in use can be replaced.`,
          ru: `Предыдущий ПИН-код не действующий (${STATUS[previous.status].ru}): заменить можно только ПИН-код, лицензия по которому используется.`,
        },
        { en: "Name the active PIN whose license stopped working after the hardware change.", ru: "Укажите действующий ПИН-код, лицензия которого перестала работать после изменения оборудования." },
        { pinId: previous.id },
      );
    }
    if (previous.set !== pin.set) {
      return fail(
        "pin-set-mismatch",
        "DOMAIN §1.2",
        "M",
        { en: "A backup PIN replaces a PIN of its own set only (single-user for single-user, multi-user for multi-user).", ru: "Резервный ПИН-код заменяет ПИН-код только своего набора (однопользовательский — однопользовательский, многопользовательский — многопользовательский)." },
        { en: `Choose an unused backup PIN of the ${SET[previous.set].en} set.`, ru: `Выберите неиспользованный резервный ПИН-код ${SET[previous.set].ru} набора.` },
        { pinId: pin.id },
      );
    }
    previousPinId = previous.id;
    pins = pins.map((p) => (p.id === pin.id ? { ...p, status: "active" } : p.id === previous.id ? { ...p, status: "spent" } : p));
  }

  const activation: LedgerActivation = {
    // Provisional: the database assigns the real id when the step is recorded.
    id: ledger.activations.reduce((max, a) => Math.max(max, a.id), 0) + 1,
    pinId: pin.id,
    operation: step.operation,
    previousPinId,
    computerId: step.computer.id,
    at: step.at,
  };
  const next: KitLedger = {
    kit: { ...kit, usageMode: set },
    pins,
    activations: [...ledger.activations.map((a) => ({ ...a })), activation],
  };
  return { ok: true, ledger: next, warnings: warningsAfter(next, pin.id, set, settings.pinActivationLimit) };
}

function warningsAfter(ledger: KitLedger, pinId: number, set: PinSet, limit: number): LedgerWarning[] {
  const warnings: LedgerWarning[] = [];
  const count = ledger.activations.filter((a) => a.pinId === pinId).length;
  if (count >= limit) {
    warnings.push({
      code: "pin-activation-limit",
      rule: "DOMAIN §1.3",
      confidence: "L",
      pinId,
      activationCount: count,
      message: {
        en: `This PIN has now been activated ${count} times. A reseller estimates a PIN can usually be activated no more than ${limit} times — an unverified estimate, configurable in Settings; the Licensing Center may refuse the next one.`,
        ru: `ПИН-код активирован уже ${count} раз(а). По оценке одного из партнёров, ПИН-код обычно можно активировать не более ${limit} раз — это непроверенная оценка, она меняется в настройках; следующую активацию Центр лицензирования может отклонить.`,
      },
    });
  }
  const backupsLeft = reservePins(ledger, set).length;
  if (backupsLeft <= 1) {
    warnings.push({
      code: "backup-runway",
      rule: "DOMAIN §1.3",
      confidence: "M",
      backupsLeft,
      message:
        backupsLeft === 0
          ? {
              en: "The kit has no unused backup PIN left: its next hardware change needs an additional PIN from the 1C Licensing Center first (days of downtime). Request one now.",
              ru: "У комплекта не осталось неиспользованных резервных ПИН-кодов: при следующем изменении оборудования сначала понадобится дополнительный ПИН-код из Центра лицензирования 1С (это дни простоя). Запросите его сейчас.",
            }
          : {
              en: "The kit has one unused backup PIN left: after one more hardware change it will need an additional PIN from the 1C Licensing Center.",
              ru: "У комплекта остался один неиспользованный резервный ПИН-код: после ещё одного изменения оборудования понадобится дополнительный ПИН-код из Центра лицензирования 1С.",
            },
    });
  }
  return warnings;
}

/**
 * Adds an additional PIN issued by the 1C Licensing Center (§1.2): role `additional`, source
 * `licensing-center`, unused. Returns a new ledger; throws LedgerRuleError when the id is taken, the kit
 * is not software-protected, or the set contradicts the mode the kit is locked in.
 */
export function addAdditionalPin(ledger: KitLedger, pin: { id: number; set: PinSet; at: number }): KitLedger {
  if (ledger.kit.protection !== "software") {
    throw new LedgerRuleError({
      code: "kit-not-software",
      rule: "DOMAIN §1.1",
      confidence: "H",
      message: { en: "This kit is protected by a hardware key: it takes no PINs.", ru: "Комплект защищён аппаратным ключом: ПИН-коды к нему не относятся." },
      remedy: { en: "Add the PIN to the software kit it was issued for.", ru: "Добавьте ПИН-код к тому программному комплекту, для которого он выдан." },
    });
  }
  if (ledger.pins.some((p) => p.id === pin.id)) {
    throw new LedgerRuleError({
      code: "pin-id-taken",
      rule: "DOMAIN §1.2",
      confidence: "H",
      pinId: pin.id,
      message: { en: "The kit already has a PIN with this id.", ru: "У комплекта уже есть ПИН-код с таким идентификатором." },
      remedy: { en: "Add the additional PIN under a new id.", ru: "Добавьте дополнительный ПИН-код с новым идентификатором." },
    });
  }
  const locked = lockedMode(ledger);
  if (locked && pin.set !== locked) {
    throw new LedgerRuleError({
      code: "kit-mode-locked",
      rule: "DOMAIN §1.2",
      confidence: "M",
      pinId: pin.id,
      message: {
        en: `The kit is locked in ${MODE[locked].en} mode: a ${SET[pin.set].en} additional PIN could never be activated.`,
        ru: `Комплект закреплён в ${MODE[locked].ru} режиме: дополнительный ПИН-код ${SET[pin.set].ru} набора никогда не удастся активировать.`,
      },
      remedy: { en: `Check the letter from the Licensing Center: record the PIN as ${SET[locked].en}.`, ru: `Проверьте письмо Центра лицензирования: запишите ПИН-код как ПИН-код ${SET[locked].ru} набора.` },
    });
  }
  const added: LedgerPin = { id: pin.id, set: pin.set, role: "additional", status: "unused", source: "licensing-center", receivedAt: pin.at };
  return {
    kit: { ...ledger.kit },
    pins: [...ledger.pins.map((p) => ({ ...p })), added],
    activations: ledger.activations.map((a) => ({ ...a })),
  };
}
