import { FingerprintSchema, type Fingerprint } from "@/lib/licensing/binding";

const TEXT_FIELDS = ["osName", "osVersion", "hostname", "motherboard", "bios"] as const;
const LIST_FIELDS = ["cpus", "nics", "disks"] as const;

export type FingerprintJsonResult = { ok: true; fingerprint: Fingerprint } | { ok: false; reason: "not-json" | "not-object" } | { ok: false; reason: "invalid"; issues: Array<{ path: string; message: string }> };

/**
 * A pasted fingerprint (DOMAIN §1.4) as the binding check takes it: the collectors' JSON, a recorded fingerprint
 * copied from the API (its nulls mean "not recorded": "", 0, []), or `{ "fingerprint": … }` as the API answers it.
 */
export function fingerprintFromJson(text: string): FingerprintJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, reason: "not-json" };
  }
  if (value && typeof value === "object" && !Array.isArray(value) && "fingerprint" in value && typeof value.fingerprint === "object") value = value.fingerprint;
  if (!value || typeof value !== "object" || Array.isArray(value)) return { ok: false, reason: "not-object" };
  const o: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const k of TEXT_FIELDS) if (o[k] === null) o[k] = "";
  for (const k of LIST_FIELDS) if (o[k] === null) o[k] = [];
  if (o.ramMb === null) o.ramMb = 0;
  const parsed = FingerprintSchema.safeParse(o);
  if (parsed.success) return { ok: true, fingerprint: parsed.data };
  return { ok: false, reason: "invalid", issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
}
