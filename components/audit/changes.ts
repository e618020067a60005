import { SECRET_MARKER } from "@/lib/security/redact";

/** One value as the table shows it: short text (the whole value in `full` when cut), a redacted secret, or nothing. */
export type Shown = { kind: "text"; text: string; full?: string } | { kind: "secret" } | { kind: "none" };

/**
 * One line of an entry's change: `key: old → new` when both sides were recorded, `key: value` when only one
 * side was (`side` says which), or a bare `old → new` when the values are not objects.
 */
export type ChangeLine =
  | { kind: "changed"; key: string | null; before: Shown; after: Shown }
  | { kind: "value"; side: "before" | "after"; key: string | null; value: Shown };

const MAX_TEXT = 80;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A recorded value in a few readable characters; nested values as compact JSON. */
export function showValue(value: unknown): Shown {
  if (value === undefined || value === null || value === "") return { kind: "none" };
  if (value === SECRET_MARKER) return { kind: "secret" };
  const full =
    typeof value === "string"
      ? value
      : Array.isArray(value) && value.every((v) => v === null || typeof v !== "object")
        ? value.map((v) => String(v)).join(", ")
        : typeof value === "object"
          ? JSON.stringify(value)
          : String(value);
  return full.length > MAX_TEXT ? { kind: "text", text: `${full.slice(0, MAX_TEXT - 1)}…`, full } : { kind: "text", text: full };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The lines that describe an entry's before → after: for two objects only the keys whose values differ;
 * for a create or a delete every recorded key of the one side.
 */
export function describeChange(before: unknown, after: unknown): ChangeLine[] {
  const hasBefore = before !== undefined && before !== null;
  const hasAfter = after !== undefined && after !== null;
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.filter((k) => !same(before[k], after[k])).map((key) => ({ kind: "changed", key, before: showValue(before[key]), after: showValue(after[key]) }));
  }
  if (hasBefore && hasAfter) return same(before, after) ? [] : [{ kind: "changed", key: null, before: showValue(before), after: showValue(after) }];
  const [side, value] = hasAfter ? (["after", after] as const) : hasBefore ? (["before", before] as const) : ([null, undefined] as const);
  if (side === null) return [];
  if (isRecord(value)) return Object.entries(value).map(([key, v]) => ({ kind: "value", side, key, value: showValue(v) }));
  return [{ kind: "value", side, key: null, value: showValue(value) }];
}
