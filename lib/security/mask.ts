/**
 * Masks for the secrets SeatLedger holds (issue #5, DOMAIN.md §1.1–1.2): PIN codes and owner registration
 * data are shown masked everywhere; the clear value leaves the server only through an audited reveal.
 * Pure: the same functions serve pages, API routes and tests.
 */

import { formatPin } from "../licensing/texts";

/** The character that stands for a hidden character of a PIN. */
export const PIN_MASK_CHAR = "*";
/** What stands for the hidden rest of an owner field: a fixed length, so the mask does not tell the length. */
export const TEXT_MASK = "•••";

/** Clear characters a masked PIN may keep at its end. */
const PIN_CLEAR_TAIL = 3;
/** Below this many code characters a PIN is hidden completely: keeping 3 of 5 would give most of it away. */
const PIN_MIN_FOR_TAIL = 7;

/** Dashes and spaces are the printed grouping of a PIN (§1.2), not part of the code: they stay in place. */
const isSeparator = (ch: string) => ch === "-" || /^\s$/u.test(ch);

/** A PIN as printed on the envelope, grouped by 3 (`123-456-789-012-345`, §1.2); anything that is not 15–16 digits is left as it is. */
export function printedPin(code: string): string {
  try {
    return formatPin(code);
  } catch {
    return code;
  }
}

/**
 * `123-456-789-012-345` → `***-***-***-***-345`: every character but the last three of the code is
 * replaced by `*`, separators (dashes, spaces) stay where they are, and the length (in code points) is
 * kept. Never more than 3 clear characters; a code of fewer than 7 characters is hidden entirely.
 * Idempotent: masking a mask gives it back.
 */
export function maskPin(code: string): string {
  const chars = Array.from(code ?? "");
  const codeCount = chars.filter((ch) => !isSeparator(ch)).length;
  const keep = codeCount >= PIN_MIN_FOR_TAIL ? PIN_CLEAR_TAIL : 0;
  let seen = 0;
  return chars
    .map((ch) => {
      if (isSeparator(ch)) return ch;
      seen += 1;
      return seen > codeCount - keep ? ch : PIN_MASK_CHAR;
    })
    .join("");
}

/**
 * An owner registration field (company, tax id, address …) masked for display: its first non-blank
 * character followed by `•••` (`ООО «Ромашка»` → `О•••`); an empty or blank value stays as it is.
 * Idempotent.
 */
export function maskText(value: string): string {
  const text = value ?? "";
  const first = Array.from(text.trim())[0];
  return first === undefined ? text : `${first}${TEXT_MASK}`;
}

/** How many characters of a masked PIN are still in clear (neither a mask character nor a separator). */
export function clearCharacters(masked: string): number {
  return Array.from(masked).filter((ch) => ch !== PIN_MASK_CHAR && !isSeparator(ch)).length;
}
