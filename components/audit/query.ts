/** The filter fields the Audit page keeps in its address (and passes on to the CSV export). */
export interface AuditFilterValues {
  actor?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
  q?: string;
}

export const FILTER_FIELDS = ["actor", "action", "entity", "from", "to", "q"] as const satisfies ReadonlyArray<keyof AuditFilterValues>;

/** `?actor=…&from=…` with only the fields that are set, plus `extra` (page position, export format). */
export function auditQuery(values: AuditFilterValues, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    const value = values[field];
    if (value) params.set(field, value);
  }
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, String(value));
  const query = params.toString();
  return query ? `?${query}` : "";
}
