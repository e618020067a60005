import "@/tests/helpers/setup-env";
import { tokenHeaders } from "@/tests/helpers/auth";

import { describe, expect, test } from "vitest";

import { POST } from "@/app/api/simulate/route";
import { getDb } from "@/db/client";
import { settings } from "@/db/schema";
import { SimulateResponseSchema } from "@/lib/licensing/simulate-request";
import { ErrorSchema } from "@/tests/helpers/api";

const post = (body: unknown) =>
  POST(new Request("http://localhost/api/simulate", { method: "POST", headers: { "content-type": "application/json", ...tokenHeaders("read") }, body: typeof body === "string" ? body : JSON.stringify(body) }));


async function simulate(body: unknown) {
  const res = await post(body);
  expect(res.status).toBe(200);
  return SimulateResponseSchema.parse(await res.json());
}

const ts = { user: "Иванов И.И.", host: "srv-ts", terminalSession: "RDP-Tcp#7" };

describe("POST /api/simulate — the article's worked examples (DOMAIN §4)", () => {
  test.each([
    ["(a) Enterprise + Designer on one PC", undefined, [{ user: "a", host: "pc-1", infobase: "acc", app: "1CV8C" }, { user: "a", host: "pc-1", infobase: "acc", app: "Designer" }], [1, 2], [undefined, undefined]],
    ["(b)/(c) Trade Management + Accounting on one PC", undefined, [{ user: "a", host: "pc-1", infobase: "trade", app: "1CV8C" }, { user: "a", host: "pc-1", infobase: "acc", app: "1CV8C" }], [1, 2], [undefined, undefined]],
    ["(d)/(e) 10 seats, one terminal user in two infobases: 9 free per computer, 8 per session", 10, [{ ...ts, infobase: "trade", app: "1CV8C" }, { ...ts, infobase: "acc", app: "1CV8C" }], [1, 2], [9, 8]],
  ])("%s", async (_name, capacity, connections, peaks, free) => {
    const r = await simulate({ capacity, connections });
    expect([r.perDevice.peak, r.perSession.peak]).toEqual(peaks);
    expect([r.perDevice.free, r.perSession.free]).toEqual(free);
  });
});

describe("POST /api/simulate — times", () => {
  test("zone-less times are read in the configured 1C server zone (Moscow by default)", async () => {
    const r = await simulate({ connections: [{ user: "a", host: "pc-1", infobase: "acc", app: "1CV8C", start: "2026-11-27T10:00:00", end: "2026-11-27T11:00:00" }] });
    expect(r.scenario).toMatchObject({ start: "2026-11-27T07:00:00.000Z", end: "2026-11-27T08:00:00.000Z", timeZone: "Europe/Moscow" });
  });

  test("an admin's time-zone setting changes how zone-less times are read; explicit zones are exact", async () => {
    getDb().insert(settings).values({ key: "serverTimeZone", value: JSON.stringify("Asia/Yekaterinburg") }).run();
    try {
      const r = await simulate({ connections: [{ host: "pc-1", infobase: "acc", app: "1CV8C", start: "2026-11-27T10:00:00", end: "2026-11-27T11:00:00Z" }] });
      expect(r.scenario.start).toBe("2026-11-27T05:00:00.000Z");
      expect(r.scenario.end).toBe("2026-11-27T11:00:00.000Z");
    } finally {
      getDb().delete(settings).run();
    }
  });

  test("half-open intervals: a session ending at 10:00 and one starting at 10:00 never overlap", async () => {
    const r = await simulate({
      capacity: 1,
      connections: [
        { host: "pc-1", infobase: "acc", app: "1CV8C", start: "2026-11-27T09:00:00", end: "2026-11-27T10:00:00" },
        { host: "pc-2", infobase: "acc", app: "1CV8C", start: "2026-11-27T10:00:00", end: "2026-11-27T11:00:00" },
      ],
    });
    expect([r.perDevice.peak, r.perSession.peak, r.perSession.denials]).toEqual([1, 1, 0]);
  });

  test("a connection without start/end is open for the whole scenario; user may be absent", async () => {
    const r = await simulate({
      connections: [
        { host: "srv-1c", infobase: "acc", app: "BackgroundJob" },
        { host: "pc-1", infobase: "acc", app: "1CV8C" },
        { user: "", host: "pc-2", infobase: "acc", app: "1CV8C", start: "2026-11-27T09:00:00", end: "2026-11-27T10:00:00" },
      ],
    });
    expect(r.perDevice.peak).toBe(2);
    expect(r.scenario.seatTaking).toBe(2);
  });

  test("a scenario without any time is one minute from now (not 1970)", async () => {
    const before = Date.now() - 1000;
    const r = await simulate({ connections: [{ host: "pc-1", infobase: "acc", app: "1CV8C" }] });
    expect(Date.parse(r.scenario.start)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(r.scenario.end) - Date.parse(r.scenario.start)).toBe(60_000);
    expect(r.perDevice.peakAt).toBe(r.scenario.start);
  });

  test("open-ended connections at the edges of the scenario still hold a seat", async () => {
    const r = await simulate({
      connections: [
        { host: "a", infobase: "acc", app: "1CV8C", start: "2026-11-27T10:00:00", end: "2026-11-27T11:00:00" },
        { host: "b", infobase: "acc", app: "1CV8C", start: "2026-11-27T11:00:00" },
        { host: "c", infobase: "acc", app: "1CV8C", end: "2026-11-27T10:00:00" },
      ],
    });
    expect(r.scenario.seatTaking).toBe(3);
    expect(r.perSession.histogram.reduce((s, h) => s + h.share, 0)).toBeCloseTo(1, 9);
    expect(r.perSession.histogram.find((h) => h.seats === 0)).toBeUndefined();
  });

  test("a very fine series over a long span is widened, never a 500 or a huge answer", async () => {
    const r = await simulate({
      bucketMinutes: 1,
      connections: [{ host: "a", infobase: "acc", app: "1CV8C", start: "2020-01-01T00:00:00Z", end: "2026-01-01T00:00:00Z" }],
    });
    expect(r.series.length).toBeLessThanOrEqual(10_000);
    expect(r.perDevice.peak).toBe(1);
  });

  test("a web client counts per session under both policies; shortfalls are negative free seats", async () => {
    const r = await simulate({ capacity: 1, connections: [{ host: "web", infobase: "acc", app: "WebClient" }, { host: "web", infobase: "acc", app: "WebClient" }] });
    expect([r.perDevice.free, r.perSession.free, r.perSession.denials]).toEqual([-1, -1, 1]);
  });
});

describe("POST /api/simulate — bad input is a 400 naming the field and the rule", () => {
  test("a JSON syntax error never echoes the body (it may hold a PIN)", async () => {
    // V8's own message for this body quotes it: Unexpected token 'P', "PIN 123456789012345" is not valid JSON.
    const res = await post("PIN 123456789012345");
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toContain("123456789012345");
    expect(ErrorSchema.parse(JSON.parse(text)).error.code).toBe("invalid-json");
  });

  test.each([
    ["not JSON", "{connections: [", "invalid-json", undefined],
    ["connections missing", {}, "invalid-input", "connections"],
    ["a negative capacity", { capacity: -1, connections: [] }, "invalid-input", "capacity"],
    ["a fractional capacity", { capacity: 2.5, connections: [] }, "invalid-input", "capacity"],
    ["an empty host", { connections: [{ host: "", infobase: "a", app: "1CV8C" }] }, "invalid-input", "connections.0.host"],
    ["a time that is not ISO", { connections: [{ host: "pc", infobase: "a", app: "1CV8C", start: "yesterday" }] }, "invalid-input", "connections.0.start"],
    ["a year no one means", { connections: [{ host: "pc", infobase: "a", app: "1CV8C", start: "0001-01-01T00:00:00Z" }] }, "invalid-input", "connections.0.start"],
    ["an impossible date", { connections: [{ host: "pc", infobase: "a", app: "1CV8C", start: "2026-02-30T10:00:00" }] }, "invalid-input", "connections.0.start"],
    ["an end before its start", { connections: [{ host: "pc", infobase: "a", app: "1CV8C", start: "2026-11-27T10:00:00", end: "2026-11-27T09:00:00" }] }, "invalid-input", "connections.0.end"],
  ])("%s", async (_name, body, code, path) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const err = ErrorSchema.parse(await res.json());
    expect(err.error.code).toBe(code);
    if (path) expect(err.error.issues?.map((i) => i.path)).toContain(path);
  });
});
