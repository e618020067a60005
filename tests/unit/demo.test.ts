import { afterEach, describe, expect, test, vi } from "vitest";

import fs from "node:fs";

import { decryptText } from "@/db/crypto";
import { keysOf } from "@/db/secrets";
import { isDatabaseEmpty, seedDemo } from "@/db/seed";
import * as schema from "@/db/schema";
import { defaultDemoAnchor, demoInventory, demoLocalTime, generateDemoCompany, type DemoCompany } from "@/lib/demo/company";
import { derivePools } from "@/lib/licensing/pools";
import { summarisePins } from "@/lib/licensing/pin-summary";
import { createTempDb, type TempDb } from "@/tests/helpers/temp-db";

const ANCHOR = "2026-11-27";
const company = generateDemoCompany({ anchor: ANCHOR });

const dbs: TempDb[] = [];
afterEach(() => {
  while (dbs.length) dbs.pop()!.cleanup();
  vi.restoreAllMocks();
});

/** Every row; secrets decrypted (each database has its own key, so ciphertexts and hashes differ). */
function dump(t: TempDb): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const keys = keysOf(t.db);
  for (const name of ["owners", "kits", "pins", "computers", "fingerprints", "activations", "hardware_keys", "servers", "infobases", "session_snapshots", "sessions", "no_license_events"]) {
    // created_at is the insert time, not generated data.
    out[name] = t.db.$client
      .prepare(`select * from ${name} order by id`)
      .all()
      .map((r) => {
        const row: Record<string, unknown> = { ...(r as Record<string, unknown>), created_at: undefined };
        if (name === "pins") Object.assign(row, { code: decryptText(row.code as string, keys), code_hash: undefined });
        if (name === "owners") row.registration_data = decryptText(row.registration_data as string, keys);
        return row;
      });
  }
  return out;
}

describe("demo company is deterministic", () => {
  test("the generator never calls Math.random and gives the same company twice", () => {
    vi.spyOn(Math, "random").mockImplementation(() => {
      throw new Error("Math.random called");
    });
    expect(generateDemoCompany({ anchor: ANCHOR })).toEqual(company);
  });

  test("seeding two empty databases writes identical rows", () => {
    const a = createTempDb();
    const b = createTempDb();
    dbs.push(a, b);
    seedDemo(a.db, { anchor: ANCHOR });
    seedDemo(b.db, { anchor: ANCHOR });
    const da = dump(a);
    expect(da.sessions.length).toBe(company.sessions.length);
    expect(dump(b)).toEqual(da);
    expect(isDatabaseEmpty(a.db)).toBe(false);
  }, 30_000);

  test("issue #5: after seeding, the database file holds no demo PIN and no owner data in clear text", () => {
    const t = createTempDb();
    dbs.push(t);
    seedDemo(t.db, { anchor: ANCHOR });
    const rows = dump(t);
    expect((rows.pins as Array<{ code: string }>).map((p) => p.code)).toEqual(company.pins.map((p) => p.code));
    expect((rows.owners as Array<{ registration_data: string }>)[0].registration_data).toBe(company.owners[0].registrationData);
    t.db.$client.close();
    const bytes = [t.file, `${t.file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString("latin1")).join("");
    for (const p of company.pins) expect(bytes.includes(p.code)).toBe(false);
    // The owner's tax id, e-mail and street (the contact's name also appears as who recorded activations).
    expect(bytes.includes("7714021937")).toBe(false);
    expect(bytes.includes("it@severny-veter.example")).toBe(false);
    expect(Buffer.from(bytes, "latin1").includes(Buffer.from("ул. Тверская"))).toBe(false);
  }, 30_000);

  test("a database holding any domain row is not empty (a lone import snapshot is enough)", () => {
    const t = createTempDb();
    dbs.push(t);
    expect(isDatabaseEmpty(t.db)).toBe(true);
    t.db.insert(schema.sessionSnapshots).values({ takenAt: new Date(0), source: "import" }).run();
    expect(isDatabaseEmpty(t.db)).toBe(false);
  });

  test("a different anchor moves the history, not its shape", () => {
    const later = generateDemoCompany({ anchor: "2026-12-04" });
    expect(later.kits.map((k) => k.regNumber)).toEqual(company.kits.map((k) => k.regNumber));
    expect(later.now - company.now).toBe(7 * 86_400_000);
  });

  test.each([
    ["2026-11-28T07:00:00Z", "2026-11-27"], // Saturday → Friday
    ["2026-11-30T09:00:00Z", "2026-11-27"], // Monday → the Friday before
    ["2026-12-02T21:30:00Z", "2026-12-02"], // Thursday 00:30 in Moscow → Wednesday
  ])("default anchor for %s is the last weekday before today: %s", (now, anchor) => {
    expect(defaultDemoAnchor(new Date(now))).toBe(anchor);
  });
});

describe("demo company exercises the domain (issue #2 list)", () => {
  const kitBy = (pred: (k: DemoCompany["kits"][number]) => boolean) => company.kits.filter(pred);
  const pinsOf = (kitId: number) => company.pins.filter((p) => p.kitId === kitId);
  const inventory = demoInventory(company);

  test("§1.1: registration numbers are 9–12 digits and unique; PINs are 15 digits and unique", () => {
    for (const k of company.kits) expect(k.regNumber).toMatch(/^\d{9,12}$/);
    expect(new Set(company.kits.map((k) => k.regNumber)).size).toBe(company.kits.length);
    for (const p of company.pins) expect(p.code).toMatch(/^\d{15}$/);
    expect(new Set(company.pins.map((p) => p.code)).size).toBe(company.pins.length);
  });

  test("a basic delivery, activated", () => {
    const [basic] = kitBy((k) => k.kind === "basic");
    expect(pinsOf(basic.id).some((p) => p.status === "active")).toBe(true);
  });

  test("§1.3: a 1-seat kit whose main PIN and one backup were used, with the motherboard replacement recorded", () => {
    const chief = kitBy((k) => k.seats === 1 && k.kind === "client").find((k) => {
      const ps = pinsOf(k.id);
      return ps.filter((p) => p.status === "spent").length === 1 && ps.filter((p) => p.status === "unused").length === 1;
    })!;
    const [main, b1, b2] = pinsOf(chief.id);
    expect([main.role, main.status, b1.role, b1.status, b2.role, b2.status]).toEqual(["main", "spent", "backup", "active", "backup", "unused"]);
    const recovery = company.activations.find((a) => a.pinId === b1.id)!;
    expect(recovery).toMatchObject({ operation: "recovery", previousPinId: main.id });
    const before = company.fingerprints.find((f) => f.id === company.activations.find((a) => a.pinId === main.id)!.fingerprintId)!;
    const after = company.fingerprints.find((f) => f.id === recovery.fingerprintId)!;
    expect(after.motherboard).not.toBe(before.motherboard);
    expect(recovery.reason).toMatch(/motherboard/i);
  });

  test("§1.2: a 5-seat kit in single-user mode on five workstations", () => {
    const five = kitBy((k) => k.seats === 5 && k.usageMode === "single")[0];
    const active = pinsOf(five.id).filter((p) => p.status === "active");
    expect(active.every((p) => p.set === "single")).toBe(true);
    const hosts = new Set(company.activations.filter((a) => active.some((p) => p.id === a.pinId)).map((a) => a.computerId));
    expect(hosts.size).toBe(5);
    expect([...hosts].every((id) => company.computers.find((c) => c.id === id)!.role === "workstation")).toBe(true);
  });

  test("§4: 10-seat multi-user kit on the 1C server, 50-seat multi-user kit on the terminal server", () => {
    const { pools } = derivePools(inventory);
    expect(pools.find((p) => p.source === "soft-server")).toMatchObject({ host: "srv-1c", seats: 10, counting: "per-session" });
    expect(pools.find((p) => p.host === "srv-ts")).toMatchObject({ seats: 50, counting: "per-computer" });
  });

  test("§1.3: a kit with no backup PIN left; a kit not yet activated with its mode still open", () => {
    const health = company.kits.filter((k) => k.protection === "software").map((k) => summarisePins(k, company.pins).health);
    expect(health).toContain("exhausted");
    expect(health).toContain("not-activated");
    expect(company.kits.some((k) => k.kind === "client" && k.seats === 5 && k.usageMode === null)).toBe(true);
  });

  test("§2: two network HASP keys of the same series on one License Manager host — only one counts", () => {
    expect(company.hardwareKeys).toHaveLength(2);
    expect(new Set(company.hardwareKeys.map((k) => `${k.series}@${k.computerId}`)).size).toBe(1);
    const { pools } = derivePools(inventory);
    const hasp = pools.filter((p) => p.source === "hasp-network");
    expect(hasp).toHaveLength(1);
    expect(hasp[0].seats).toBe(20);
    expect(hasp[0].ignoredKeyIds).toHaveLength(1);
  });

  test("§4: a 64-bit server license; three infobases, one file-mode, two client-server, one denying distribution", () => {
    expect(derivePools(inventory).serverLicenses).toEqual([expect.objectContaining({ host: "srv-1c", bitness: "64", via: "software" })]);
    expect(company.infobases.map((i) => [i.mode, i.licenseDistribution]).sort()).toEqual([
      ["client-server", "allow"],
      ["client-server", "deny"],
      ["file", "allow"],
    ]);
  });

  test("about 80 users on about 60 computers and one terminal server", () => {
    const users = new Set(company.sessions.map((s) => s.userName).filter(Boolean));
    const workstationNames = new Set(company.computers.map((c) => c.name));
    expect(users.size).toBeGreaterThanOrEqual(70);
    expect(users.size).toBeLessThanOrEqual(90);
    expect(workstationNames.size).toBeGreaterThanOrEqual(55);
    expect(workstationNames.size).toBeLessThanOrEqual(65);
    expect(company.computers.filter((c) => c.role === "terminal-server")).toHaveLength(1);
  });

  const localHour = (ms: number) => new Date(ms + 3 * 3600_000).getUTCHours() + new Date(ms).getUTCMinutes() / 60;
  const snapshotsAt = (hour: number) => company.sessionSnapshots.filter((s) => Math.abs(localHour(s.takenAt) - hour) < 0.01);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  test("90 days of history: working hours and a lunch dip", () => {
    const first = Math.min(...company.sessions.map((s) => s.startedAt));
    expect(company.now - first).toBeGreaterThanOrEqual(89 * 86_400_000);
    const weekday = (s: { takenAt: number }) => ![0, 6].includes(new Date(s.takenAt + 3 * 3600_000).getUTCDay());
    const at = (h: number) => mean(snapshotsAt(h).filter(weekday).map((s) => s.sessionCount));
    expect(at(7)).toBeLessThan(at(11) / 5);
    expect(at(13.25)).toBeLessThan(at(11) * 0.85);
    expect(at(15.5)).toBeGreaterThan(at(13.25));
  });

  test("month-end peaks: the busiest days are at the turn of a month", () => {
    const perDay = new Map<string, number>();
    for (const s of company.sessionSnapshots) {
      const day = new Date(s.takenAt + 3 * 3600_000).toISOString().slice(0, 10);
      perDay.set(day, Math.max(perDay.get(day) ?? 0, s.sessionCount));
    }
    const top = [...perDay].sort((a, b) => b[1] - a[1]).slice(0, 5);
    const nearTurn = top.filter(([d]) => {
      const dom = Number(d.slice(8));
      return dom >= 27 || dom <= 2;
    });
    expect(nearTurn.length).toBeGreaterThanOrEqual(4);
  });

  test("two infobases at once, web clients, Designer sessions and background jobs", () => {
    const apps = new Set(company.sessions.map((s) => s.appId));
    for (const app of ["1CV8C", "1CV8", "WebClient", "Designer", "BackgroundJob"]) expect(apps).toContain(app);
    const overlapping = company.sessions.some((a) =>
      company.sessions.some((b) => b.id > a.id && b.userName && b.userName === a.userName && b.infobaseId !== a.infobaseId && b.startedAt < a.lastSeenAt && a.startedAt < b.lastSeenAt),
    );
    expect(overlapping).toBe(true);
    expect(company.sessions.filter((s) => s.appId === "BackgroundJob").every((s) => s.series === null && s.userName === null)).toBe(true);
  });

  test("a session that found no seat is a 'no free license' event with the platform's message", () => {
    expect(company.noLicenseEvents.length).toBeGreaterThan(0);
    for (const e of company.noLicenseEvents) {
      expect(e.message.startsWith("Не обнаружено свободной лицензии!")).toBe(true);
      expect(JSON.parse(e.explanation).length).toBeGreaterThan(0);
      // §4.1: a file-mode infobase never looks on the server, so its message has no server part.
      const fileMode = company.infobases.find((i) => i.id === e.infobaseId)!.mode === "file";
      expect(e.message.includes("Поиск лицензии на сервере")).toBe(!fileMode);
    }
  });

  test("the newest snapshot is at 11:30 local time on the anchor day", () => {
    expect(company.sessionSnapshots.at(-1)!.takenAt).toBe(demoLocalTime(ANCHOR, 11.5));
    expect(company.now).toBe(demoLocalTime(ANCHOR, 11.5));
  });

  test("the schema accepts every generated row (foreign keys and CHECK constraints)", () => {
    const t = createTempDb();
    dbs.push(t);
    seedDemo(t.db, { anchor: ANCHOR });
    expect(t.db.$client.prepare("pragma foreign_key_check").all()).toEqual([]);
    expect(t.db.select().from(schema.kits).all()).toHaveLength(company.kits.length);
  }, 30_000);
});
