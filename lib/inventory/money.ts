/**
 * Amounts as people type them: major units (`39600`, `39600.50`, `39 600,50` — Russian writes a comma and
 * groups thousands with spaces) to the minor units (kopecks) the database keeps. Exact: no floating point.
 */
export type MajorUnits = { ok: true; minor: number } | { ok: false; reason: "format" | "decimals" };

export function parseMajorUnits(text: string): MajorUnits {
  const m = /^(-?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d*))?$/.exec(text.trim());
  if (!m) return { ok: false, reason: "format" };
  const fraction = m[3] ?? "";
  if (fraction.length > 2) return { ok: false, reason: "decimals" };
  const minor = Number(m[2].replace(/\D/g, "")) * 100 + Number(fraction.padEnd(2, "0"));
  return { ok: true, minor: m[1] ? -minor : minor };
}
