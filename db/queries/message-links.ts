/**
 * The records a pasted platform message names (DOMAIN §4.2: "each line explained … linked to the kit/key/machine it
 * names"): a line's license file → the activation that produced it (its kit and computer, §1.3, §1.5), its HASP series
 * → the keys of that series and the computers they are plugged into (§2), a registration number → its kit (§1.1), a
 * computer's network name → that computer. Lookups only; PIN codes are never read.
 */
import { eq, inArray, sql } from "drizzle-orm";

import type { Db } from "../client";
import { activations, computers, hardwareKeys, kits, pins } from "../schema";
import { lineReferences, type MessageLink, type ParsedMessage } from "@/lib/parsers/platform-message";

/** SQLite binds at most a few thousand parameters per statement; a pasted log stays far below, a hostile one does not. */
const CHUNK = 500;

function chunked<T>(values: readonly T[], query: (chunk: T[]) => void) {
  for (let i = 0; i < values.length; i += CHUNK) query(values.slice(i, i + CHUNK));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** For each line of `parsed`, in order, the kits, keys and computers it names (an empty array when none). */
export function messageLinks(db: Db, parsed: Pick<ParsedMessage, "lines">): MessageLink[][] {
  const refs = parsed.lines.map(lineReferences);

  const fileNames = [...new Set(refs.flatMap((r) => (r.fileName ? [r.fileName.toLowerCase()] : [])))];
  const byFile = new Map<string, Array<{ kitId: number; regNumber: string; computerId: number; computerName: string }>>();
  chunked(fileNames, (chunk) => {
    const rows = db
      .select({ file: activations.licFileName, kitId: kits.id, regNumber: kits.regNumber, computerId: computers.id, computerName: computers.name })
      .from(activations)
      .innerJoin(pins, eq(pins.id, activations.pinId))
      .innerJoin(kits, eq(kits.id, pins.kitId))
      .innerJoin(computers, eq(computers.id, activations.computerId))
      .where(inArray(sql`lower(${activations.licFileName})`, chunk))
      .orderBy(activations.activatedAt, activations.id)
      .all();
    for (const r of rows) {
      const key = (r.file ?? "").toLowerCase();
      byFile.set(key, [...(byFile.get(key) ?? []), r]);
    }
  });

  const seriesList = [...new Set(refs.flatMap((r) => (r.series ? [r.series.toUpperCase()] : [])))];
  const bySeries = new Map<string, Array<{ id: number; series: string; kind: string; computerId: number | null; computerName: string | null }>>();
  chunked(seriesList, (chunk) => {
    const rows = db
      .select({ id: hardwareKeys.id, series: hardwareKeys.series, kind: hardwareKeys.kind, computerId: computers.id, computerName: computers.name })
      .from(hardwareKeys)
      .leftJoin(computers, eq(computers.id, hardwareKeys.computerId))
      .where(inArray(sql`upper(${hardwareKeys.series})`, chunk))
      .orderBy(hardwareKeys.id)
      .all();
    for (const r of rows) {
      const key = r.series.toUpperCase();
      bySeries.set(key, [...(bySeries.get(key) ?? []), r]);
    }
  });

  const regNumbers = [...new Set(refs.flatMap((r) => r.regNumbers))];
  const kitByRegNumber = new Map<string, { id: number; regNumber: string }>();
  chunked(regNumbers, (chunk) => {
    for (const k of db.select({ id: kits.id, regNumber: kits.regNumber }).from(kits).where(inArray(kits.regNumber, chunk)).all()) kitByRegNumber.set(k.regNumber, k);
  });

  // A network name counts only as a whole word: `srv-1c` in `\\srv-1c\licenses\…`, not in `srv-1c-backup`.
  const allComputers = db
    .select({ id: computers.id, name: computers.name })
    .from(computers)
    .all()
    .filter((c) => c.name.trim() !== "");
  const byName = new Map(allComputers.map((c) => [c.name.toLowerCase(), c]));
  const names = allComputers.length
    ? new RegExp(String.raw`(?<![\p{L}\p{N}_.-])(${allComputers.sort((a, b) => b.name.length - a.name.length).map((c) => escapeRegExp(c.name)).join("|")})(?![\p{L}\p{N}_-])`, "giu")
    : undefined;

  return parsed.lines.map((line, i) => {
    const r = refs[i];
    const links: MessageLink[] = [];
    const seen = new Set<string>();
    const add = (kind: MessageLink["kind"], id: number, label: string) => {
      if (seen.has(`${kind}:${id}`)) return;
      seen.add(`${kind}:${id}`);
      links.push({ kind, id, label });
    };
    for (const a of r.fileName ? (byFile.get(r.fileName.toLowerCase()) ?? []) : []) {
      add("kit", a.kitId, a.regNumber);
      add("computer", a.computerId, a.computerName);
    }
    // A line's key kind narrows the series: "ORGL8 Сетевой" is a network key; a local one may be a server key (§2).
    const keys = (r.series ? (bySeries.get(r.series.toUpperCase()) ?? []) : []).filter((k) => !r.keyKind || (r.keyKind === "network" ? k.kind === "network" : k.kind !== "network"));
    for (const k of keys) add("key", k.id, k.computerName ? `${k.series} @ ${k.computerName}` : k.series);
    for (const k of keys) if (k.computerId !== null && k.computerName !== null) add("computer", k.computerId, k.computerName);
    for (const n of r.regNumbers) {
      const kit = kitByRegNumber.get(n);
      if (kit) add("kit", kit.id, kit.regNumber);
    }
    if (names) {
      const text = line.text.length > 2000 ? line.text.slice(0, 2000) : line.text;
      for (const m of text.matchAll(names)) {
        const c = byName.get(m[1].toLowerCase());
        if (c) add("computer", c.id, c.name);
      }
    }
    return links;
  });
}
