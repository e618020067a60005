import { and, asc, desc, eq, gte, lte } from "drizzle-orm";

import type { Db } from "../client";
import { computers, infobases, noLicenseEvents, servers, sessionSnapshots } from "../schema";
import type { AllocationContext } from "@/lib/licensing/allocate";
import { derivePools } from "@/lib/licensing/pools";
import { answerWhy, decidedByExplanation, noFreeLicenseMessage, type CapturedSeat } from "@/lib/licensing/why";
import { holderRows } from "@/lib/sessions/holders";
import type { EventsQuery, WhyRequest, WhyResponse } from "@/lib/why/api";

import { recordAudit } from "./audit";
import { conflict, invalidField, type Who } from "./errors";
import { loadInventory } from "./inventory";
import { listSessionsAt } from "./sessions";
import { getLicensingSettings } from "./settings";

/** The engine's view of the company for allocation (§4.1): pools, server licenses, infobases and servers by their computers' names. */
export function loadAllocationContext(db: Db) {
  const inventory = loadInventory(db);
  const settings = getLicensingSettings(db);
  const { pools, serverLicenses, terminalHosts } = derivePools(inventory);
  const serverRows = db.select({ id: servers.id, host: computers.name, bitness: servers.bitness }).from(servers).innerJoin(computers, eq(computers.id, servers.computerId)).all();
  const hostOfServer = new Map(serverRows.map((s) => [s.id, s.host]));
  const ctx: AllocationContext = {
    pools,
    serverLicenses,
    terminalHosts,
    servers: serverRows.map((s) => ({ host: s.host, bitness: s.bitness })),
    infobases: db
      .select()
      .from(infobases)
      .all()
      .map((ib) => ({ name: ib.name, mode: ib.mode, licenseDistribution: ib.licenseDistribution, useHardwareLicense: ib.useHardwareLicense, serverHost: ib.serverId === null ? null : (hostOfServer.get(ib.serverId) ?? null) })),
    settings,
  };
  return { ctx, inventory, settings };
}

/** The newest capture taken at or before `at`. */
function snapshotAtOrBefore(db: Db, at: Date) {
  return db.select().from(sessionSnapshots).where(lte(sessionSnapshots.takenAt, at)).orderBy(desc(sessionSnapshots.takenAt), desc(sessionSnapshots.id)).limit(1).get() ?? null;
}

/**
 * `POST /api/why`: who holds what at `at` is the sessions of the newest capture taken at or before it, each in the
 * pool the engine assigns it; the question then walks the search order. An unknown infobase is a 400.
 */
export function askWhy(db: Db, q: WhyRequest): WhyResponse {
  const newest = db.select({ takenAt: sessionSnapshots.takenAt }).from(sessionSnapshots).orderBy(desc(sessionSnapshots.takenAt)).limit(1).get();
  const at = q.at ? new Date(q.at) : (newest?.takenAt ?? new Date());
  const { ctx, inventory, settings } = loadAllocationContext(db);
  const infobase = ctx.infobases.find((ib) => ib.name.toLowerCase() === q.infobase.toLowerCase());
  if (!infobase) invalidField("infobase", "no infobase of this name is recorded (see Infobases)");
  const snapshot = snapshotAtOrBefore(db, at);
  const captured: CapturedSeat[] = [];
  if (snapshot) {
    const seen = listSessionsAt(db, snapshot.takenAt).map((s) => ({ ...s, startedAt: s.startedAt?.getTime() ?? null, lastActiveAt: s.lastActiveAt?.getTime() ?? null }));
    // holderRows keeps the order of the sessions it is given.
    holderRows(inventory, seen, snapshot.takenAt.getTime(), settings.perSessionAppIds).forEach((r, i) => {
      if (!r.poolId || !r.counting) return;
      const s = seen[i];
      captured.push({ id: `s${r.id}`, user: r.userName, computer: r.host, terminalSession: s.terminalSession, infobase: r.infobase, app: r.appId, since: r.startedAt, lastActiveAt: s.lastActiveAt, poolId: r.poolId, counting: r.counting });
    });
  }
  const answer = answerWhy(ctx, captured, { user: q.user, computer: q.computer, terminalSession: q.terminalSession, infobase: infobase.name, app: q.app, at: at.getTime() }, settings);
  return {
    ...answer,
    at: at.toISOString(),
    snapshotTakenAt: snapshot?.takenAt.toISOString() ?? null,
    holders: answer.holders.map((h) => ({ ...h, since: h.since === null ? null : new Date(h.since).toISOString() })),
  };
}

/** "No free license" events in a range (both ends inclusive; unbounded when absent), oldest first. */
export function listNoLicenseEvents(db: Db, query: EventsQuery) {
  const conditions = [query.from ? gte(noLicenseEvents.occurredAt, new Date(query.from)) : undefined, query.to ? lte(noLicenseEvents.occurredAt, new Date(query.to)) : undefined].filter((c) => c !== undefined);
  const rows = db
    .select({ id: noLicenseEvents.id, at: noLicenseEvents.occurredAt, user: noLicenseEvents.userName, host: noLicenseEvents.host, computer: computers.name, infobase: infobases.name, app: noLicenseEvents.appId, explanation: noLicenseEvents.explanation })
    .from(noLicenseEvents)
    .leftJoin(computers, eq(computers.id, noLicenseEvents.computerId))
    .leftJoin(infobases, eq(infobases.id, noLicenseEvents.infobaseId))
    .where(and(...conditions))
    .orderBy(asc(noLicenseEvents.occurredAt), asc(noLicenseEvents.id))
    .all();
  return {
    events: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), user: r.user, computer: r.host ?? r.computer, infobase: r.infobase, app: r.app, ...decidedByExplanation(r.explanation) })),
  };
}

/**
 * Saves an answer as a "no free license" event, so denials become data for planning (issue 11 §2): the question
 * is asked again, and only a refusal is stored — its places as the explanation lines and as the platform's
 * message layout, at the question's time. A granted answer is a 409 `not-denied`, nothing stored.
 */
export function saveWhyEvent(db: Db, q: WhyRequest, who: Who) {
  const answer = askWhy(db, q);
  if (answer.granted) throw conflict("not-denied", "This question is answered with a license, so there is no refusal to record.");
  const lines = answer.places.map((p) => ({ text: p.text.ru, place: p.place, cause: p.result, ...(p.pool ? { pool: p.pool } : {}) }));
  const computer = db.select({ id: computers.id, name: computers.name }).from(computers).all().find((c) => c.name.toLowerCase() === q.computer.toLowerCase());
  const infobase = db.select({ id: infobases.id, name: infobases.name }).from(infobases).all().find((i) => i.name.toLowerCase() === q.infobase.toLowerCase())!;
  const id = db.transaction(
    (tx) => {
      const row = tx
        .insert(noLicenseEvents)
        .values({ occurredAt: new Date(answer.at), userName: q.user, host: computer?.name ?? q.computer, computerId: computer?.id ?? null, infobaseId: infobase.id, appId: q.app, message: noFreeLicenseMessage(lines), explanation: JSON.stringify(lines), reportedBy: who.actor })
        .returning({ id: noLicenseEvents.id })
        .get();
      recordAudit(db, { actor: who.actor, action: "event.create", entity: "no_license_event", entityId: row.id, after: { at: answer.at, computer: computer?.name ?? q.computer, infobase: infobase.name, cause: answer.cause ?? null }, address: who.address });
      return row.id;
    },
    { behavior: "immediate" },
  );
  const event = listNoLicenseEvents(db, { from: answer.at, to: answer.at }).events.find((e) => e.id === id)!;
  return { event, answer };
}
