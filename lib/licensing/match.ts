/**
 * Matching what a session holds to what the company owns (DOMAIN §5.1): `series` is the registration
 * number of a software license and the series of a HASP key; `issued-by-server` and `net` tell how it is
 * counted; the file URL tells the folder it was read from (§1.5). Unmatched sessions are reported with the
 * reason, never dropped.
 */
import { z } from "zod";

import type { Localised } from "../domain/localised";
import { assignHeldLicenses, derivePools } from "./pools";
import type { HeldLicense, Inventory, PoolSource } from "./types";

export interface LicenseRecordView extends HeldLicense {
  session: string | null;
  /** rac `full-name`: the license file URL (empty for keys). */
  fullName: string | null;
  /** Folder of `fullName`, when it is a file URL. */
  folder: string | null;
}

export interface SessionMatch {
  session: string | null;
  matched: boolean;
  poolId: string | null;
  /** The pool's kind and the computer its seats sit on (absent when no pool). */
  poolSource?: PoolSource;
  poolHost?: string;
  kitId: number | null;
  regNumber: string | null;
  keyId: number | null;
  /** §4: a license the server issued (or a web client) counts per session, one the client obtained per computer. */
  counting: "per-computer" | "per-session" | null;
  folder: string | null;
  /** Why no pool matched. */
  reason?: Localised;
}

const UNKNOWN_SERIES: Localised = {
  en: "No kit or key with this series is recorded: record the registration number (software) or the key (HASP), or check the series.",
  ru: "Комплекта или ключа с такой серией нет в учёте: внесите регистрационный номер (программная лицензия) или ключ (HASP) либо проверьте серию.",
};
const NOT_ON_HOST: Localised = {
  en: "The kit is recorded, but no active license of it is on this computer: an activation is missing from the PIN ledger, or the file was moved.",
  ru: "Комплект есть в учёте, но активной лицензии на этом компьютере нет: в журнале ПИН-кодов не хватает активации, или файл перенесли.",
};

/**
 * Matches every license record to its pool, kit and key (records without a license are skipped), assigning
 * them the way the Overview counts them (`assignHeldLicenses`: a network key whose series sits on two License
 * Manager hosts goes to the first with a free seat). A record of the cluster's 1C server license (§4) is
 * matched to its kit with no pool and no counting: it takes no client seat.
 */
export function matchLicenses(inventory: Inventory, records: readonly LicenseRecordView[], perSessionAppIds: readonly string[]): SessionMatch[] {
  const { pools, serverLicenses, terminalHosts } = derivePools(inventory);
  const knownSeries = new Set([...inventory.kits.map((k) => k.regNumber), ...inventory.keys.map((k) => k.series.toUpperCase())]);
  const licensed = records.filter((r) => r.series);
  const assigned = assignHeldLicenses(pools, licensed, { perSessionAppIds, serverLicenses, terminalHosts });
  return licensed.map((r, i): SessionMatch => {
    const a = assigned[i]!;
    if (a.serverLicense) {
      const server = a.serverLicense;
      return { session: r.session, matched: true, poolId: null, kitId: server.kitId, regNumber: server.regNumber, keyId: server.keyId ?? null, counting: null, folder: r.folder };
    }
    const counting = a.perSession ? "per-session" : "per-computer";
    const pool = a.pool;
    if (!pool) {
      const known = knownSeries.has(r.series!) || knownSeries.has(r.series!.toUpperCase());
      return { session: r.session, matched: false, poolId: null, kitId: null, regNumber: null, keyId: null, counting, folder: r.folder, reason: known ? NOT_ON_HOST : UNKNOWN_SERIES };
    }
    const member = pool.keySeries ? pool.members[0] : (pool.members.find((m) => m.regNumber === r.series) ?? pool.members[0]);
    return { session: r.session, matched: true, poolId: pool.id, poolSource: pool.source, poolHost: pool.host, kitId: member.kitId, regNumber: member.regNumber, keyId: member.keyId ?? null, counting, folder: r.folder };
  });
}

export const SessionMatchSchema = z.object({
  session: z.string().nullable(),
  matched: z.boolean(),
  poolId: z.string().nullable(),
  kitId: z.number().int().nullable(),
  regNumber: z.string().nullable(),
  keyId: z.number().int().nullable(),
  counting: z.enum(["per-computer", "per-session"]).nullable(),
  folder: z.string().nullable(),
  reason: z.object({ en: z.string(), ru: z.string() }).optional(),
});
