/**
 * Matching pasted `ring license list` output to the PIN ledger (DOMAIN §5.2, §1.3). Each license ring names is
 * `<PIN>-<regnum>` (§1.5); the ledger knows kits by registration number and PINs only through a lookup by code
 * (the database finds a PIN by its keyed hash — this pure code never sees stored codes). A license whose PIN
 * SeatLedger does not know, or whose PIN the ledger says is unused, comes with a one-click suggestion that
 * pre-fills the form ("add this PIN", "record this activation").
 *
 * Statuses, checked in this order:
 * - unknown-kit: no kit has the license's registration number (the PIN may be recorded with another kit: said so).
 * - unknown-pin: the kit is known, the PIN is not recorded at all → suggestion "add-pin".
 * - pin-of-other-kit: the ledger has the PIN under another kit; a PIN activates only with its own registration
 *   number (§1.2), so one of the two records is wrong.
 * - ok: a PIN of this kit, active in the ledger.
 * - not-activated-in-ledger: installed, but the ledger says unused — an activation is missing → suggestion
 *   "record-activation" (see `operation` below).
 * - spent-in-ledger: installed, but the ledger says spent or void — the file should be gone (§1.3: a recovery
 *   on changed hardware replaced it), or the ledger is wrong.
 *
 * The suggested operation for a missing activation: "first" while the set still has room for another active
 * license (§1.3: "first" means first for the kit — `activeLimit` of the ledger rules when the kit's kind and
 * seats are given, otherwise one license per set), else "recovery". The active count comes from the optional
 * `activeCountBySet(kitId, set)`; licenses suggested as "first" earlier in the same paste count too. Without
 * it, the PIN's role decides: a main PIN → "first", a backup or additional PIN → "recovery". The ledger's own
 * rules still judge the step when it is recorded; this only pre-fills the form.
 *
 * The clear PIN is used only for the lookup; every row carries it masked (`***-***-***-***-345`), and no
 * message contains it.
 */
import { z } from "zod";

import { ACTIVATION_OPERATIONS, type ActivationOperation, type KitKind, type PinRole, type PinSet, type PinStatus } from "../domain/enums";
import type { Localised } from "../domain/localised";
import { LicFileNameSchema } from "../inventory/api";
import type { RingLicense } from "../parsers/ring";
import { clearCharacters, maskPin, printedPin } from "../security/mask";
import { activeLimit } from "./ledger";

export const RING_RECONCILE_STATUSES = ["ok", "unknown-kit", "unknown-pin", "pin-of-other-kit", "not-activated-in-ledger", "spent-in-ledger"] as const;
export type RingReconcileStatus = (typeof RING_RECONCILE_STATUSES)[number];

/** A PIN as the database's lookup by code answers it. */
export interface LedgerPinByCode {
  id: number;
  kitId: number;
  status: PinStatus;
  set: PinSet;
  role: PinRole;
}

export interface RingLedgerView {
  /** The recorded kits; `kind` and `seats` (optional) let the suggestion use the ledger's per-set limit. */
  kits: ReadonlyArray<{ id: number; regNumber: string; kind?: KitKind; seats?: number }>;
  /** The ledger's PIN with this code (15–16 digits), or null. */
  pinByCode: (code: string) => LedgerPinByCode | null;
  /** How many PINs of the kit's set are active in the ledger now. */
  activeCountBySet?: (kitId: number, set: PinSet) => number;
}

export type RingReconcileSuggestion =
  | { action: "record-activation"; kitId: number; pinId: number; operation: ActivationOperation; licFileName: string | null }
  | { action: "add-pin"; kitId: number; licFileName: string | null };

export interface RingReconcileRow {
  /** Position in the input. */
  index: number;
  regNumber: string;
  file: string | null;
  /** The PIN masked, grouped by 3: `***-***-***-***-345`. */
  masked: string;
  /** The kit with the license's registration number, or null. */
  kitId: number | null;
  /** The ledger's PIN with the license's code (for pin-of-other-kit: the other kit's), or null. */
  pinId: number | null;
  status: RingReconcileStatus;
  message: Localised;
  suggestion: RingReconcileSuggestion | null;
}

/** "in the … set": the Russian needs the prepositional case. */
const IN_SET: Record<PinSet, Localised> = {
  single: { en: "the single-user set", ru: "в однопользовательском наборе" },
  multi: { en: "the multi-user set", ru: "в многопользовательском наборе" },
};

/**
 * Matches each license of `ring license list` to the ledger (DOMAIN §5.2, §1.3), in input order. Pure: the
 * ledger is seen only through `view`; the clear PIN goes to `view.pinByCode` and nowhere else.
 */
export function reconcileRingLicenses(licenses: ReadonlyArray<Pick<RingLicense, "pin" | "regNumber" | "file">>, view: RingLedgerView): RingReconcileRow[] {
  const kitByReg = new Map(view.kits.map((k) => [k.regNumber, k]));
  const kitById = new Map(view.kits.map((k) => [k.id, k]));
  /** Licenses of this paste suggested as a first activation, per kit and set. */
  const suggestedFirst = new Map<string, number>();

  return licenses.map((license, index) => {
    const file = license.file ?? null;
    const licFileName = LicFileNameSchema.safeParse(file).data ?? null;
    const base = { index, regNumber: license.regNumber, file, masked: maskPin(printedPin(license.pin)) };
    const kit = kitByReg.get(license.regNumber);
    const pin = view.pinByCode(license.pin);

    if (!kit) {
      const other = pin ? kitById.get(pin.kitId) : undefined;
      const also: Localised = pin
        ? {
            en: ` Its PIN is recorded with kit ${other?.regNumber ?? pin.kitId}: a PIN activates only with its own registration number (DOMAIN §1.2), so check that record too.`,
            ru: ` Её ПИН-код записан в комплекте ${other?.regNumber ?? pin.kitId}: ПИН-код активируется только со своим регистрационным номером (DOMAIN §1.2), проверьте и эту запись.`,
          }
        : { en: "", ru: "" };
      return {
        ...base,
        kitId: null,
        pinId: pin?.id ?? null,
        status: "unknown-kit" as const,
        message: {
          en: `No kit with registration number ${license.regNumber} is recorded: record the kit and its PINs first (DOMAIN §1.1).${also.en}`,
          ru: `Комплект с регистрационным номером ${license.regNumber} не записан: сначала запишите комплект и его ПИН-коды (DOMAIN §1.1).${also.ru}`,
        },
        suggestion: null,
      };
    }

    if (!pin) {
      return {
        ...base,
        kitId: kit.id,
        pinId: null,
        status: "unknown-pin" as const,
        message: {
          en: "This PIN of the kit is not recorded: add it (an envelope PIN, or an additional one from the 1C Licensing Center, DOMAIN §1.2), then record its activation.",
          ru: "Этот ПИН-код комплекта не записан: добавьте его (ПИН-код из конверта или дополнительный от Центра лицензирования 1С, DOMAIN §1.2), затем запишите его активацию.",
        },
        suggestion: { action: "add-pin" as const, kitId: kit.id, licFileName },
      };
    }

    if (pin.kitId !== kit.id) {
      const other = kitById.get(pin.kitId);
      return {
        ...base,
        kitId: kit.id,
        pinId: pin.id,
        status: "pin-of-other-kit" as const,
        message: {
          en: `The ledger has this PIN under kit ${other?.regNumber ?? pin.kitId}, but the license names kit ${license.regNumber}: a PIN activates only with its own registration number (DOMAIN §1.2). Correct the PIN's kit.`,
          ru: `В журнале этот ПИН-код записан в комплекте ${other?.regNumber ?? pin.kitId}, а лицензия называет комплект ${license.regNumber}: ПИН-код активируется только со своим регистрационным номером (DOMAIN §1.2). Исправьте комплект ПИН-кода.`,
        },
        suggestion: null,
      };
    }

    if (pin.status === "active") {
      return {
        ...base,
        kitId: kit.id,
        pinId: pin.id,
        status: "ok" as const,
        message: { en: "A PIN of this kit, active in the ledger.", ru: "ПИН-код этого комплекта, в журнале действует." },
        suggestion: null,
      };
    }

    if (pin.status === "unused") {
      let operation: ActivationOperation;
      if (view.activeCountBySet) {
        const key = `${kit.id}\u0000${pin.set}`;
        const already = view.activeCountBySet(kit.id, pin.set) + (suggestedFirst.get(key) ?? 0);
        const limit = kit.kind !== undefined && kit.seats !== undefined ? activeLimit({ kind: kit.kind, seats: kit.seats }, pin.set) : 1;
        operation = already < limit ? "first" : "recovery";
        if (operation === "first") suggestedFirst.set(key, (suggestedFirst.get(key) ?? 0) + 1);
      } else {
        operation = pin.role === "main" ? "first" : "recovery";
      }
      return {
        ...base,
        kitId: kit.id,
        pinId: pin.id,
        status: "not-activated-in-ledger" as const,
        message:
          operation === "first"
            ? {
                en: `Installed, but the ledger says this PIN is unused: its first activation is not recorded (DOMAIN §1.3). Record it.`,
                ru: `Лицензия установлена, а в журнале ПИН-код не использован: его первая активация не записана (DOMAIN §1.3). Запишите её.`,
              }
            : {
                en: `Installed, but the ledger says this PIN is unused: an activation is missing — a recovery, since ${IN_SET[pin.set].en} has no room for another first activation (DOMAIN §1.3). Record it, naming the PIN it replaced.`,
                ru: `Лицензия установлена, а в журнале ПИН-код не использован: не записана активация — восстановление, так как ${IN_SET[pin.set].ru} нет места для ещё одного первого запуска (DOMAIN §1.3). Запишите его и укажите ПИН-код, который оно заменило.`,
              },
        suggestion: { action: "record-activation" as const, kitId: kit.id, pinId: pin.id, operation, licFileName },
      };
    }

    return {
      ...base,
      kitId: kit.id,
      pinId: pin.id,
      status: "spent-in-ledger" as const,
      message:
        pin.status === "spent"
          ? {
              en: "Installed, but the ledger says this PIN was spent: a recovery on changed hardware replaced its license, so this file should be gone (DOMAIN §1.3). Remove the file, or correct the ledger if that recovery never happened.",
              ru: "Лицензия установлена, а в журнале ПИН-код израсходован: его лицензию заменило восстановление на изменённом оборудовании, и этого файла быть не должно (DOMAIN §1.3). Удалите файл или исправьте журнал, если восстановления не было.",
            }
          : {
              en: "Installed, but the ledger says this PIN is void (withdrawn or exchanged at the 1C Licensing Center, DOMAIN §1.2): this file should be gone. Remove it, or correct the ledger.",
              ru: "Лицензия установлена, а в журнале ПИН-код отозван (отозван или обменян в Центре лицензирования 1С, DOMAIN §1.2): этого файла быть не должно. Удалите его или исправьте журнал.",
            },
      suggestion: null,
    };
  });
}

const LocalisedSchema = z.object({ en: z.string(), ru: z.string() });

/** Response schema of one row; a `masked` with more than 3 clear characters fails it (never a leak). */
export const RingReconcileRowSchema = z.object({
  index: z.number().int().min(0),
  regNumber: z.string().regex(/^\d{9,12}$/),
  file: z.string().nullable(),
  masked: z.string().refine((m) => clearCharacters(m) <= 3, "a PIN must leave the server masked"),
  kitId: z.number().int().nullable(),
  pinId: z.number().int().nullable(),
  status: z.enum(RING_RECONCILE_STATUSES),
  message: LocalisedSchema,
  suggestion: z
    .discriminatedUnion("action", [
      z.object({ action: z.literal("record-activation"), kitId: z.number().int(), pinId: z.number().int(), operation: z.enum(ACTIVATION_OPERATIONS), licFileName: z.string().nullable() }),
      z.object({ action: z.literal("add-pin"), kitId: z.number().int(), licFileName: z.string().nullable() }),
    ])
    .nullable(),
}) satisfies z.ZodType<RingReconcileRow>;
