/**
 * `npm run bench`: the simulation's speed against a baseline measured in the same process (issue #3):
 * sorting the 2,000,000 endpoints of 1,000,000 session intervals. Target: both policies ≤ 3× that sort.
 * Medians of several runs; numbers only, no assertions (tests never time anything).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { createDb } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { matchRacLicenses } from "../../db/queries/inventory";
import { importRacSnapshot } from "../../db/queries/session-import";
import { seedDemo } from "../../db/seed";
import { createRng } from "../../lib/demo/random";
import { formatRac, generateLicenseRecords, parseRac } from "../../lib/parsers/rac";
import { allocateAtInstant, simulatePools } from "../../lib/licensing/allocate";
import { DEFAULT_SETTINGS } from "../../lib/licensing/settings";
import { comparePolicies, type WorkloadConnection } from "../../lib/licensing/simulate";
import { orderEndpoints } from "../../lib/licensing/timeline";
import type { Pool } from "../../lib/licensing/types";

const N = Number(process.env.BENCH_INTERVALS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DAY = 86_400_000;

/** A deterministic workload: ~5,000 computers and a terminal server over 90 days of working hours. */
function workload(n: number): WorkloadConnection[] {
  const rng = createRng(42);
  const out: WorkloadConnection[] = new Array(n);
  const t0 = Date.UTC(2026, 8, 1, 5);
  const apps = ["1CV8C", "1CV8C", "1CV8C", "1CV8", "Designer", "WebClient", "BackgroundJob"];
  for (let i = 0; i < n; i++) {
    const onTs = rng.chance(0.2);
    const host = onTs ? "srv-ts" : `pc-${rng.int(1, 5000)}`;
    const start = t0 + rng.int(0, 89) * DAY + rng.int(0, 11 * 3600) * 1000;
    out[i] = { user: `u${rng.int(1, 6000)}`, host, terminalSession: onTs ? `RDP-Tcp#${rng.int(1, 400)}` : null, infobase: rng.pick(["trade", "acc", "hr"]), app: rng.pick(apps), start, end: start + rng.int(60, 4 * 3600) * 1000 };
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Each measurement starts from a collected heap, so one row's garbage is not billed to the next. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

function time(fn: () => void): number {
  collect();
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function main(): void {
  const started = performance.now();
  const connections = workload(N);
  const generateMs = performance.now() - started;
  const endpoints = new Float64Array(N * 2);
  connections.forEach((c, i) => {
    endpoints[2 * i] = c.start;
    endpoints[2 * i + 1] = c.end;
  });
  const starts = Float64Array.from(connections, (c) => c.start);
  const ends = Float64Array.from(connections, (c) => c.end);
  const options = { noSeatAppIds: DEFAULT_SETTINGS.noSeatAppIds, perSessionAppIds: DEFAULT_SETTINGS.perSessionAppIds, capacity: 2000 };

  const pools: Pool[] = [
    { id: "soft-server:srv-1c", source: "soft-server", host: "srv-1c", seats: 1500, counting: "per-session", members: [], ignoredKeyIds: [] },
    { id: "soft-local:srv-ts", source: "soft-local", host: "srv-ts", seats: 400, counting: "per-computer", members: [], ignoredKeyIds: [] },
    { id: "hasp-network:srv-lm:ORGL8", source: "hasp-network", host: "srv-lm", seats: 500, counting: "per-computer", keySeries: "ORGL8", members: [], ignoredKeyIds: [] },
  ];
  const ctx = {
    pools,
    serverLicenses: [{ host: "srv-1c", bitness: "64" as const, kitId: null, regNumber: null, via: "software" as const }],
    infobases: ["trade", "acc", "hr"].map((name) => ({ name, mode: "client-server" as const, licenseDistribution: "allow" as const, useHardwareLicense: true, serverHost: "srv-1c" })),
    servers: [{ host: "srv-1c", bitness: "64" as const }],
    settings: DEFAULT_SETTINGS,
  };
  const POOL_N = Math.min(N, 100_000);

  const rows: Array<{ what: string; ms: number[] }> = [
    { what: `baseline: sort ${(N * 2).toLocaleString("en-US")} endpoints (Float64Array.sort)`, ms: [] },
    { what: "order endpoints (radix, ends before starts)", ms: [] },
    { what: `both policies over ${N.toLocaleString("en-US")} intervals (comparePolicies)`, ms: [] },
    { what: `pool simulation with the §4.1 search order, first ${POOL_N.toLocaleString("en-US")} intervals`, ms: [] },
  ];
  let check = 0;
  for (let r = 0; r < RUNS; r++) {
    rows[0].ms.push(time(() => void endpoints.slice().sort()));
    rows[1].ms.push(time(() => void orderEndpoints(starts, ends)));
    rows[2].ms.push(
      time(() => {
        const res = comparePolicies(connections, options);
        check = res.perDevice.peak + res.perSession.peak;
      }),
    );
  }
  // Measured after the policy runs, so its garbage does not land in their timings.
  const poolConnections = connections.slice(0, POOL_N).map((c, i) => ({ ...c, id: String(i), user: c.user ?? null, infobase: c.infobase ?? "acc" }));
  for (let r = 0; r < 3; r++) rows[3].ms.push(time(() => void simulatePools(ctx, poolConnections)));
  const instant = time(() => void allocateAtInstant(ctx, poolConnections.slice(0, 10_000)));

  const baseline = median(rows[0].ms);
  const pad = (s: string, w: number) => s.padEnd(w);
  console.log(`\nSeatLedger bench — ${N.toLocaleString("en-US")} session intervals, median of ${RUNS} runs (workload generated in ${generateMs.toFixed(0)} ms)\n`);
  console.log(`${pad("what", 70)} ${"median ms".padStart(10)} ${"× baseline".padStart(11)}`);
  console.log("-".repeat(93));
  for (const row of rows) console.log(`${pad(row.what, 70)} ${median(row.ms).toFixed(0).padStart(10)} ${(median(row.ms) / baseline).toFixed(2).padStart(11)}`);
  console.log(`${pad("allocate 10,000 connections at one instant (allocateAtInstant)", 70)} ${instant.toFixed(0).padStart(10)} ${(instant / baseline).toFixed(2).padStart(11)}`);
  const ratio = median(rows[2].ms) / baseline;
  console.log(`\nboth policies / baseline = ${ratio.toFixed(2)}× (target ≤ 3×): ${ratio <= 3 ? "within target" : "OVER TARGET"}   [peaks checksum ${check}]`);

  benchRacParser();
  benchRacImport();
}

/**
 * Issue #4: parse 50,000 `rac session list --licenses` records (CRLF, as a Windows console prints them)
 * against a baseline of splitting the same text into lines (CRLF-aware). Target ≥ 50 MB/s and ≤ 3× the baseline.
 */
function benchRacParser(): void {
  const RECORDS = Number(process.env.BENCH_RAC_RECORDS ?? 50_000);
  const text = formatRac(generateLicenseRecords(RECORDS, 7)).replace(/\n/g, "\r\n");
  const mb = Buffer.byteLength(text, "utf8") / 1024 / 1024;
  const split: number[] = [];
  const parse: number[] = [];
  let parsed = 0;
  for (let r = 0; r < RUNS; r++) {
    split.push(time(() => void text.split(/\r?\n/)));
    parse.push(time(() => void (parsed = parseRac(text).records.length)));
  }
  const s = median(split);
  const p = median(parse);
  console.log(`\nrac parser — ${RECORDS.toLocaleString("en-US")} --licenses records, ${mb.toFixed(1)} MB (CRLF), median of ${RUNS} runs\n`);
  console.log(`${"what".padEnd(70)} ${"median ms".padStart(10)} ${"MB/s".padStart(8)} ${"× baseline".padStart(11)}`);
  console.log("-".repeat(102));
  console.log(`${"baseline: split into lines (text.split(/\\r?\\n/))".padEnd(70)} ${s.toFixed(0).padStart(10)} ${(mb / (s / 1000)).toFixed(0).padStart(8)} ${"1.00".padStart(11)}`);
  console.log(`${"parseRac".padEnd(70)} ${p.toFixed(0).padStart(10)} ${(mb / (p / 1000)).toFixed(0).padStart(8)} ${(p / s).toFixed(2).padStart(11)}`);
  const speed = mb / (p / 1000);
  console.log(`\nparseRac: ${speed.toFixed(0)} MB/s (target ≥ 50), ${(p / s).toFixed(2)}× the line split (target ≤ 3×): ${speed >= 50 && p / s <= 3 ? "within target" : "OVER TARGET"}   [${parsed} records]`);
}

/**
 * Issue #5's cron job: `POST /api/import/rac` of a 20,000-session capture into the demo company's database
 * (parse, match to kits and keys, one transaction), first as new sessions, then again five minutes later
 * (every session continues). Baseline: parsing the same text alone.
 */
function benchRacImport(): void {
  const RECORDS = Number(process.env.BENCH_IMPORT_RECORDS ?? 20_000);
  const text = formatRac(generateLicenseRecords(RECORDS, 11)).replace(/\n/g, "\r\n");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "seatledger-bench-"));
  try {
    const parse: number[] = [];
    const created: number[] = [];
    const updated: number[] = [];
    let last = { sessions: 0, matched: 0 };
    for (let r = 0; r < RUNS; r++) {
      const db = createDb(path.join(dir, `run-${r}.db`));
      runMigrations(db);
      seedDemo(db, { anchor: "2026-11-27" });
      const importAt = (takenAt: Date) => {
        const { records } = parseRac(text);
        last = importRacSnapshot(db, { records, matches: matchRacLicenses(db, records), takenAt, source: "api", timeZone: "Europe/Moscow" }, { actor: "bench" });
      };
      parse.push(time(() => void parseRac(text)));
      created.push(time(() => importAt(new Date("2026-11-28T09:00:00Z"))));
      updated.push(time(() => importAt(new Date("2026-11-28T09:05:00Z"))));
      db.$client.close();
    }
    const base = median(parse);
    console.log(`\nrac import — ${RECORDS.toLocaleString("en-US")} sessions into the demo database, median of ${RUNS} runs\n`);
    console.log(`${"what".padEnd(70)} ${"median ms".padStart(10)} ${"× baseline".padStart(11)}`);
    console.log("-".repeat(93));
    console.log(`${"baseline: parseRac of the capture".padEnd(70)} ${base.toFixed(0).padStart(10)} ${"1.00".padStart(11)}`);
    for (const [what, ms] of [["first import: parse + match + insert every session", created], ["next capture: parse + match + update every session", updated]] as const) {
      console.log(`${what.padEnd(70)} ${median(ms).toFixed(0).padStart(10)} ${(median(ms) / base).toFixed(2).padStart(11)}`);
    }
    console.log(`\n[${last.sessions} sessions, ${last.matched} matched per capture]`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
