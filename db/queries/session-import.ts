import { eq, getTableColumns, inArray } from "drizzle-orm";

import type { Db } from "../client";
import { infobases, sessionSnapshots, sessions } from "../schema";
import { recordAudit } from "./audit";
import { writePoolUsage } from "./seat-usage";
import type { SnapshotSource } from "@/lib/domain/enums";
import type { SessionMatch } from "@/lib/licensing/match";
import { parseTime } from "@/lib/licensing/timeline";
import { racFlag, racText, toHeldLicense, type RacRecord, type RacValue, type RacWarning } from "@/lib/parsers/rac";

export interface RacSnapshotInput {
  /** Parsed rac records (`parseRac`), camelCase keys; the key `session` is the session's uuid. */
  records: readonly RacRecord[];
  /** `matchLicenses` over the licensed records; looked up by `session`. */
  matches: readonly SessionMatch[];
  takenAt: Date;
  source: SnapshotSource;
  /** Zone of the 1C server's local times (`started-at`, `last-active-at`; DOMAIN §5.1): the `serverTimeZone` setting. */
  timeZone: string;
  /** The parser's warnings, kept with the snapshot for the Sessions page. */
  warnings?: readonly RacWarning[];
}

export interface RacSnapshotResult {
  snapshotId: number;
  takenAt: Date;
  /** Distinct sessions of the capture (records with a uuid, each uuid once): the snapshot's `session_count`. */
  sessions: number;
  /** Sessions seen for the first time. */
  created: number;
  /** Sessions already known from an earlier import. */
  updated: number;
  /** Sessions holding a license (a non-empty `series`). */
  licensed: number;
  /** Licensed sessions matched to a kit or key of the inventory. */
  matched: number;
  /** `licensed - matched`. */
  unmatched: number;
  /** Records without a `session` uuid: not stored. */
  skipped: number;
}


/** Record keys that have a column of their own; every other key goes into `extra`. */
const COLUMN_KEYS = new Set([
  "session",
  "sessionId",
  "infobase",
  "connection",
  "process",
  "userName",
  "host",
  "appId",
  "locale",
  "startedAt",
  "lastActiveAt",
  "hibernate",
  "clientIp",
  "fullName",
  "series",
  "issuedByServer",
  "licenseType",
  "net",
  "maxUsersAll",
  "maxUsersCur",
  "rmngrAddress",
  "rmngrPort",
  "rmngrPid",
  "shortPresentation",
  "fullPresentation",
]);

type SessionRow = typeof sessions.$inferInsert;
type Changes = Partial<Omit<SessionRow, "id" | "sessionUuid" | "firstSeenAt" | "lastSeenAt" | "extra">>;

const has = (r: RacRecord, ...keys: string[]) => keys.some((k) => Object.hasOwn(r, k));

/**
 * The columns a record speaks about, and only those: a key the record does not have leaves its column as it
 * was, so a plain `rac session list` does not wipe what an earlier `--licenses` capture said (and vice versa).
 * License fields come from `toHeldLicense`, the same view the matcher used, so the Overview recounts what
 * was matched here.
 */
function columnsOf(r: RacRecord, timeZone: string): Changes {
  const held = toHeldLicense(r);
  const time = (v: RacValue | undefined) => {
    const s = racText(v);
    // rac prints 0001-01-01T00:00:00 for "never": parseTime refuses it, which is what we want.
    const ms = s === null ? null : parseTime(s, timeZone);
    return ms === null ? null : new Date(ms);
  };
  const out: Changes = {};
  if (has(r, "sessionId")) out.sessionId = held.sessionId;
  if (has(r, "infobase")) out.infobaseUuid = held.infobase;
  if (has(r, "connection")) out.connection = racText(r.connection);
  if (has(r, "process")) out.process = held.process;
  if (has(r, "userName")) out.userName = held.userName;
  if (has(r, "host")) out.host = held.host;
  if (has(r, "appId")) out.appId = held.appId;
  if (has(r, "locale")) out.locale = racText(r.locale);
  if (has(r, "startedAt")) out.startedAt = time(r.startedAt);
  if (has(r, "lastActiveAt")) out.lastActiveAt = time(r.lastActiveAt);
  if (has(r, "hibernate")) out.hibernate = racFlag(r.hibernate);
  if (has(r, "clientIp")) out.clientIp = racText(r.clientIp);
  if (has(r, "fullName")) out.licenseFullName = held.fullName;
  if (has(r, "series")) out.series = held.series;
  if (has(r, "licenseType")) out.licenseType = held.licenseType;
  // Filled in from the presentation when the key itself is missing (toHeldLicense).
  if (has(r, "issuedByServer", "shortPresentation", "fullPresentation")) out.issuedByServer = held.issuedByServer;
  if (has(r, "net", "shortPresentation", "fullPresentation")) out.net = held.net;
  if (has(r, "maxUsersAll")) out.maxUsersAll = held.maxUsersAll;
  if (has(r, "maxUsersCur")) out.maxUsersCur = held.maxUsersCur;
  if (has(r, "rmngrAddress")) out.rmngrAddress = held.rmngrAddress;
  // rac prints port 0 and pid 0 when the client obtained the license itself: stored as null.
  if (has(r, "rmngrPort")) out.rmngrPort = held.rmngrPort;
  if (has(r, "rmngrPid")) out.rmngrPid = held.rmngrPid === null ? null : String(held.rmngrPid);
  if (has(r, "shortPresentation")) out.shortPresentation = held.shortPresentation;
  if (has(r, "fullPresentation")) out.fullPresentation = held.fullPresentation;
  return out;
}

function extraOf(r: RacRecord): Record<string, RacValue> {
  const out: Record<string, RacValue> = {};
  for (const [k, v] of Object.entries(r)) if (!COLUMN_KEYS.has(k)) out[k] = v;
  return out;
}

function parseExtra(json: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const CHUNK = 500;
const chunks = <T>(items: readonly T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

const SESSION_COLUMNS = getTableColumns(sessions);
type SessionKey = keyof typeof SESSION_COLUMNS;

/**
 * Inserts and updates of `sessions` through prepared statements, one per column list: the records of one
 * capture share their keys, so a few statements serve thousands of rows (the query builder costs ~0.5 ms a
 * row, and the write lock is held meanwhile). Values pass through each column's own driver mapping.
 */
function sessionWriter(db: Db) {
  const statements = new Map<string, ReturnType<Db["$client"]["prepare"]>>();
  const values = (row: Partial<Record<SessionKey, unknown>>, keys: SessionKey[]) =>
    keys.map((k) => {
      const v = row[k];
      return v === null || v === undefined ? null : SESSION_COLUMNS[k].mapToDriverValue(v as never);
    });
  const statement = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.$client.prepare(sql)));
    return s;
  };
  const name = (k: SessionKey) => `"${SESSION_COLUMNS[k].name}"`;
  return {
    insert(row: SessionRow) {
      const keys = Object.keys(row) as SessionKey[];
      statement(`insert into "sessions" (${keys.map(name).join(", ")}) values (${keys.map(() => "?").join(", ")})`).run(values(row, keys));
    },
    update(id: number, set: Partial<SessionRow>) {
      const keys = Object.keys(set) as SessionKey[];
      statement(`update "sessions" set ${keys.map((k) => `${name(k)} = ?`).join(", ")} where "id" = ?`).run([...values(set, keys), id]);
    },
  };
}

/**
 * Stores one rac capture as a session snapshot, in one transaction, and writes a `sessions.import` audit
 * entry (counts only). Each session is folded into its `sessions` row by uuid (a session belongs to a
 * snapshot when `first_seen_at <= taken_at <= last_seen_at`, db/schema.ts): a new uuid is inserted with
 * first = last seen = `takenAt`; a known one has `last_seen_at` moved forward (never back) and, when the
 * capture is not older than what the row already holds, its fields, `extra` counters and kit/key match
 * refreshed. A capture older than a row's `first_seen_at` moves that back instead. A uuid repeated within
 * the capture (fault tolerance > 1, DOMAIN §5.1) counts once, first copy kept. Records without a uuid are
 * skipped and counted. The caller refuses a capture without sessions; this stores whatever it is given.
 */
export function importRacSnapshot(db: Db, input: RacSnapshotInput, audit: { actor: string | null; address?: string | null }): RacSnapshotResult {
  const { takenAt, timeZone } = input;
  const matchOf = new Map<string, SessionMatch>();
  for (const m of input.matches) if (m.session && !matchOf.has(m.session)) matchOf.set(m.session, m);

  const capture = new Map<string, RacRecord>();
  let skipped = 0;
  for (const r of input.records) {
    const uuid = racText(r.session);
    if (uuid === null) skipped++;
    else if (!capture.has(uuid)) capture.set(uuid, r);
  }

  // Reading the records (local times through the zone are the slow part) happens before the write lock is taken.
  const prepared = [...capture].map(([uuid, r]) => ({ uuid, r, columns: columnsOf(r, timeZone), extra: extraOf(r) }));

  return db.transaction(
    (tx) => {
      const [snapshot] = tx
        .insert(sessionSnapshots)
        .values({ takenAt, source: input.source, serverId: null, sessionCount: capture.size, notes: null, warnings: JSON.stringify(input.warnings ?? []) })
        .returning({ id: sessionSnapshots.id })
        .all();

      const infobaseIds = new Map<string, number>();
      for (const ib of tx.select({ id: infobases.id, racUuid: infobases.racUuid }).from(infobases).all()) {
        if (ib.racUuid) infobaseIds.set(ib.racUuid.toLowerCase(), ib.id);
      }
      const uuids = prepared.map((p) => p.uuid);
      const existing = new Map<string, { id: number; firstSeenAt: Date; lastSeenAt: Date; extra: string }>();
      for (const part of chunks(uuids)) {
        const rows = tx
          .select({ id: sessions.id, sessionUuid: sessions.sessionUuid, firstSeenAt: sessions.firstSeenAt, lastSeenAt: sessions.lastSeenAt, extra: sessions.extra })
          .from(sessions)
          .where(inArray(sessions.sessionUuid, part))
          .all();
        for (const row of rows) existing.set(row.sessionUuid, row);
      }

      const write = sessionWriter(db);
      let created = 0;
      let updated = 0;
      let licensed = 0;
      let matched = 0;
      for (const { uuid, r, columns, extra } of prepared) {
        if (columns.infobaseUuid !== undefined) columns.infobaseId = columns.infobaseUuid === null ? null : (infobaseIds.get(columns.infobaseUuid.toLowerCase()) ?? null);
        const match = matchOf.get(uuid);
        if (has(r, "series")) {
          columns.matchedKitId = match?.matched ? match.kitId : null;
          columns.matchedKeyId = match?.matched ? match.keyId : null;
        }
        if (columns.series) {
          licensed++;
          if (match?.matched) matched++;
        }

        const row = existing.get(uuid);
        if (!row) {
          write.insert({ ...columns, sessionUuid: uuid, extra: JSON.stringify(extra), firstSeenAt: takenAt, lastSeenAt: takenAt });
          created++;
          continue;
        }
        updated++;
        const t = takenAt.getTime();
        const seen = { firstSeenAt: t < row.firstSeenAt.getTime() ? takenAt : row.firstSeenAt, lastSeenAt: t > row.lastSeenAt.getTime() ? takenAt : row.lastSeenAt };
        // An older capture (a backfill) only widens the interval: the row already holds newer values.
        const refresh = t >= row.lastSeenAt.getTime() ? { ...columns, extra: JSON.stringify({ ...parseExtra(row.extra), ...extra }) } : {};
        write.update(row.id, { ...refresh, ...seen });
      }

      tx.update(sessionSnapshots).set({ licensedCount: licensed, matchedCount: matched, unmatchedCount: licensed - matched }).where(eq(sessionSnapshots.id, snapshot.id)).run();
      // The seats every pool held at this capture, kept for the seats-over-time view (a backfill gets its own too).
      writePoolUsage(db, { id: snapshot.id, takenAt });
      const result: RacSnapshotResult = {
        snapshotId: snapshot.id,
        takenAt,
        sessions: capture.size,
        created,
        updated,
        licensed,
        matched,
        unmatched: licensed - matched,
        skipped,
      };
      // Counts only: user names and hosts are the sessions' business, not the audit log's.
      const { snapshotId, takenAt: at, ...counts } = result;
      recordAudit(db, { actor: audit.actor, action: "sessions.import", entity: "session_snapshot", entityId: snapshotId, after: { takenAt: at.toISOString(), source: input.source, ...counts }, address: audit.address ?? null });
      return result;
    },
    { behavior: "immediate" },
  );
}
