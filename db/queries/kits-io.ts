/**
 * What goes in and out of the PIN ledger as text (issue #9): the letter to the 1C Licensing Center and the
 * `ring license activate` command (both hold a PIN in clear: audited like a reveal), the kits-and-PINs CSV,
 * and `ring license list` output checked against the ledger.
 */
import { and, asc, eq, inArray } from "drizzle-orm";

import type { Db } from "../client";
import { pinHash } from "../crypto";
import { kits, owners, pins } from "../schema";
import { keysOf, openSecret } from "../secrets";
import { recordAudit } from "./audit";
import { invalidField, notFound, type Who } from "./errors";
import { createKit, loadKitLedger } from "./kits";
import { kitsWithMaskedPins, parseRegistration, type RegistrationField } from "./pins";
import type { PinSet } from "@/lib/domain/enums";
import { AppError } from "@/lib/errors";
import { calendarDate } from "@/lib/licensing/timeline";
import { lockedMode } from "@/lib/licensing/ledger";
import { ringActivateCommand, ringOptionForField, type RingActivateCommand } from "@/lib/licensing/ring-command";
import { reconcileRingLicenses, type RingReconcileRow } from "@/lib/licensing/ring-reconcile";
import { additionalPinLetter } from "@/lib/licensing/texts";
import { formatKitsCsv, kitsCsvError, parseKitsCsv, type KitsCsvError } from "@/lib/parsers/kits-csv";
import { parseRing } from "@/lib/parsers/ring";

/** The kit's owner registration data in clear (§1.1), or null when the kit has no owner. */
function ownerData(db: Db, kitId: number): { name: string; fields: RegistrationField[] } | null {
  const row = db.select({ name: owners.name, data: owners.registrationData }).from(kits).innerJoin(owners, eq(owners.id, kits.ownerId)).where(eq(kits.id, kitId)).get();
  return row ? { name: row.name, fields: parseRegistration(openSecret(db, row.data)) } : null;
}

/** The owner field a ring option is typed from, verbatim (§1.1). */
const fieldFor = (fields: RegistrationField[], option: string) => fields.find((f) => ringOptionForField(f.field) === option)?.value ?? null;

/** Clear codes of the kit's PINs by id (decrypted here, returned only to audited callers). */
function clearCodes(db: Db, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .select({ id: pins.id, code: pins.code })
      .from(pins)
      .where(inArray(pins.id, ids))
      .all()
      .map((p) => [p.id, openSecret(db, p.code)]),
  );
}

const DEFAULT_REASON = {
  ru: "Резервные ПИН-коды комплекта израсходованы: для восстановления лицензии после следующего изменения оборудования нужен дополнительный ПИН-код.",
  en: "The kit's backup PIN codes are used up: the license cannot be recovered after the next hardware change without an additional PIN code.",
};

/**
 * The letter asking the 1C Licensing Center for an additional PIN (§1.2): registration number, the
 * organisation exactly as registered (blank to fill in when the kit has no owner), a still-valid PIN offered
 * in exchange (the kit's active PIN of the set it uses), the reason. Audited like a reveal (it holds a PIN).
 */
export function requestLetter(db: Db, kitId: number, options: { lang: "ru" | "en"; reason?: string | null; timeZone: string }, who: Who, now = Date.now()): string {
  const ledger = loadKitLedger(db, kitId);
  if (ledger.kit.protection !== "software") throw new AppError("kit-not-software", "This kit is protected by a hardware key: it has no PINs to ask for.", 422);
  const owner = ownerData(db, kitId);
  const set = lockedMode(ledger) ?? ledger.pins[0]?.set ?? "single";
  const valid = ledger.pins.find((p) => p.status === "active" && p.set === set) ?? ledger.pins.find((p) => p.status === "active");
  const code = valid ? clearCodes(db, [valid.id]).get(valid.id)! : null;
  const fields = owner?.fields ?? [];
  const contactName = ["--last-name", "--first-name", "--middle-name"].map((o) => fieldFor(fields, o)).filter(Boolean).join(" ");
  const letter = additionalPinLetter({
    regNumber: ledger.kit.regNumber,
    company: owner ? (fieldFor(fields, "--company") ?? owner.name) : null,
    validPin: code,
    reason: options.reason?.trim() || DEFAULT_REASON[options.lang],
    contactName: contactName || undefined,
    contactEmail: fieldFor(fields, "--email") ?? undefined,
    date: calendarDate(now, options.timeZone),
  })[options.lang];
  recordAudit(db, { actor: who.actor, action: "kit.request-letter", entity: "kit", entityId: kitId, after: { regNumber: ledger.kit.regNumber, lang: options.lang, pinId: valid?.id ?? null }, address: who.address });
  return `${options.lang === "ru" ? "Тема" : "Subject"}: ${letter.subject}\n\n${letter.body}\n`;
}

/**
 * The `ring license activate` command for one ledger step (§5.2), for both shells: the PIN (and the previous
 * one for a recovery on changed hardware) in clear and the owner data verbatim. Audited like a reveal.
 */
export function ringCommand(
  db: Db,
  kitId: number,
  input: { pinId: number; previousPinId?: number | null; licFolder?: string | null },
  who: Who,
): { linux: RingActivateCommand; windows: RingActivateCommand } {
  const ledger = loadKitLedger(db, kitId);
  const ids = [input.pinId, ...(input.previousPinId ? [input.previousPinId] : [])];
  for (const [i, id] of ids.entries()) if (!ledger.pins.some((p) => p.id === id)) invalidField(i === 0 ? "pinId" : "previousPinId", `PIN ${id} is not a PIN of this kit`);
  const codes = clearCodes(db, ids);
  const command = {
    regNumber: ledger.kit.regNumber,
    pin: codes.get(input.pinId)!,
    previousPin: input.previousPinId ? codes.get(input.previousPinId)! : null,
    owner: ownerData(db, kitId)?.fields ?? [],
    path: input.licFolder ?? null,
  };
  recordAudit(db, { actor: who.actor, action: "kit.ring-command", entity: "kit", entityId: kitId, after: { regNumber: ledger.kit.regNumber, pinId: input.pinId, previousPinId: input.previousPinId ?? null }, address: who.address });
  return { linux: ringActivateCommand(command, "linux"), windows: ringActivateCommand(command, "windows") };
}

/**
 * Every kit and its PINs as CSV, in the columns the import reads. PIN codes are masked unless `clear` (an
 * administrator's backup of the envelopes: audited like a reveal of every PIN).
 */
export function exportKitsCsv(db: Db, options: { clear: boolean }, who: Who): string {
  const list = kitsWithMaskedPins(db);
  const invoices = new Map(db.select({ id: kits.id, invoice: kits.invoice }).from(kits).all().map((k) => [k.id, k.invoice]));
  const codes = options.clear ? clearCodes(db, list.flatMap((k) => k.pins.map((p) => p.id))) : new Map<number, string>();
  const text = formatKitsCsv(
    list.map((k) => ({
      ...k,
      invoice: invoices.get(k.id) ?? null,
      pins: k.pins.map((p) => ({ set: p.set, role: p.role, code: options.clear ? codes.get(p.id)! : (p.maskedCode ?? "") })),
    })),
  );
  if (options.clear) recordAudit(db, { actor: who.actor, action: "kits.export", entity: "kit", after: { kits: list.length, pins: codes.size, clear: true }, address: who.address });
  return text;
}

/** A CSV import that was refused: every bad row with its line and column; nothing was written. */
export class KitsImportRefused extends AppError {
  constructor(readonly errors: KitsCsvError[]) {
    super("invalid-csv", `${errors.length} problem(s) in the file; nothing was imported. First: line ${errors[0].line}${errors[0].column ? `, ${errors[0].column}` : ""}: ${errors[0].message}`, 400, { errors });
  }
}

/**
 * Imports kits and PINs from CSV (lib/parsers/kits-csv.ts): every row is checked — the file's own rules,
 * then the database's (registration number or PIN already recorded, an owner name nobody recorded) — and
 * nothing is written unless every row is good. One transaction.
 */
export function importKitsCsv(db: Db, text: string, multiOnlyMinSeats: number | null, who: Who): { kits: number; pins: number } {
  const parsed = parseKitsCsv(text, { multiOnlyMinSeats });
  if (parsed.errors.length) throw new KitsImportRefused(parsed.errors);
  if (parsed.kits.length === 0) {
    throw new KitsImportRefused([kitsCsvError(1, null, { en: "the file has a header but no kit: nothing to import", ru: "в файле есть заголовок, но нет ни одного комплекта: импортировать нечего" })]);
  }
  const ownerIds = new Map(db.select({ id: owners.id, name: owners.name }).from(owners).all().map((o) => [o.name.toLocaleLowerCase("ru"), o.id]));
  return db.transaction(
    () => {
      const errors: KitsCsvError[] = [];
      for (const { ownerName, line, pinLines, ...kit } of parsed.kits) {
        const ownerId = ownerName ? ownerIds.get(ownerName.toLocaleLowerCase("ru")) : null;
        if (ownerName && ownerId === undefined) {
          errors.push(
            kitsCsvError(line, "owner", {
              en: "no owner with this name is recorded: add the owner first, or leave the column empty",
              ru: "владелец с таким названием не записан: сначала добавьте владельца или оставьте ячейку пустой",
            }),
          );
          continue;
        }
        try {
          createKit(db, { ...kit, ownerId: ownerId ?? null }, who);
        } catch (error) {
          if (!(error instanceof AppError) || error.status !== 409) throw error;
          const pinIndex = /^pins\.(\d+)\.code/.exec(error.message)?.[1];
          errors.push(
            pinIndex !== undefined
              ? kitsCsvError(pinLines[Number(pinIndex)] ?? line, "pinCode", { en: "this PIN is already recorded", ru: "этот ПИН-код уже записан" })
              : kitsCsvError(line, "regNumber", {
                  en: "a kit with this registration number is already recorded (or appears twice in the file)",
                  ru: "комплект с таким регистрационным номером уже записан (или номер встречается в файле дважды)",
                }),
          );
        }
      }
      // Throwing rolls the whole transaction back: nothing of the file is kept.
      if (errors.length) throw new KitsImportRefused(errors);
      recordAudit(db, { actor: who.actor, action: "kits.import", entity: "kit", after: { kits: parsed.kits.length, pins: parsed.kits.reduce((n, k) => n + k.pins.length, 0) }, address: who.address });
      return { kits: parsed.kits.length, pins: parsed.kits.reduce((n, k) => n + k.pins.length, 0) };
    },
    { behavior: "immediate" },
  );
}

/**
 * `ring license list` (or `info`) output checked against the ledger (§5.2): each license matched to its kit
 * and PIN by the PIN's keyed hash — the ledger's codes are never decrypted for it. `kitId` limits the check
 * to one kit's licenses (others are reported as belonging elsewhere).
 */
export function checkRingOutput(db: Db, text: string, kitId?: number): { licenses: RingReconcileRow[]; warnings: Array<{ line: number; message: string }> } {
  const parsed = parseRing(text);
  if (parsed.licenses.length === 0) throw new AppError("no-licenses", "The text holds no license line of `ring license list` (<PIN>-<registration number>): paste its output as printed.", 400);
  const keys = keysOf(db);
  const kitRows = db.select({ id: kits.id, regNumber: kits.regNumber, kind: kits.kind, seats: kits.seats }).from(kits).orderBy(asc(kits.id)).all();
  if (kitId !== undefined && !kitRows.some((k) => k.id === kitId)) throw notFound("kit", kitId);
  const rows = reconcileRingLicenses(parsed.licenses, {
    kits: kitRows,
    pinByCode: (code) => db.select({ id: pins.id, kitId: pins.kitId, status: pins.status, set: pins.set, role: pins.role }).from(pins).where(eq(pins.codeHash, pinHash(code, keys))).get() ?? null,
    activeCountBySet: (id: number, set: PinSet) => db.select({ id: pins.id }).from(pins).where(and(eq(pins.kitId, id), eq(pins.set, set), eq(pins.status, "active"))).all().length,
  });
  return {
    licenses: kitId === undefined ? rows : rows.filter((r) => r.kitId === kitId || r.kitId === null),
    warnings: parsed.warnings.map((w) => ({ line: w.line, message: w.message })),
  };
}
