/**
 * How secrets are kept out of the audit log (issue #5): recordAudit (db/queries/audit.ts) writes every value
 * through `redactSecrets`, and the API and the Audit page read what it wrote with `parseRecorded`.
 * Pure: the same functions serve the query, the route, the page and tests.
 */

/** What the audit log holds in place of a secret value. */
export const SECRET_MARKER = "[secret]";

/** Field names whose values are secrets: never written to the audit log, whatever the entity. */
const SECRET_FIELDS = new Set(["code", "pin", "pinCode", "registrationData", "tokenHash", "token", "password", "secret"]);

/** A copy of a value with every secret field replaced by `SECRET_MARKER`, at any depth. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.has(k) ? SECRET_MARKER : redactSecrets(v)]));
  }
  return value;
}

/** A recorded before/after value: the JSON text the log holds, parsed; null when none was recorded; text that is not JSON stays text. */
export function parseRecorded(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
