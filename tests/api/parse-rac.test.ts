import "@/tests/helpers/setup-env";
import { tokenHeaders } from "@/tests/helpers/auth";

import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, test } from "vitest";

import { POST } from "@/app/api/parse/rac/route";
import { createRng } from "@/lib/demo/random";
import { ParseRacResponseSchema } from "@/lib/parsers/rac";
import { ErrorSchema, textPost } from "@/tests/helpers/api";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/rac", name));

const post = textPost(POST, "http://localhost/api/parse/rac");


async function parsed(res: Response) {
  expect(res.status).toBe(200);
  return ParseRacResponseSchema.parse(await res.json());
}

const ru = fixture("session-list-licenses-ru.txt");

describe("POST /api/parse/rac — DOMAIN §5.1", () => {
  test("UTF-8 rac session list --licenses: camelCase keys, typed values, registration numbers as text", async () => {
    const r = await parsed(await post(ru));
    expect(r.encoding).toBe("utf-8");
    expect(r.warnings).toEqual([]);
    expect(r.records).toHaveLength(6);
    expect(r.records[0]).toMatchObject({ userName: "Иванов И.И.", appId: "1CV8C", series: "8100012345", issuedByServer: true, net: false, maxUsersAll: 50, rmngrPort: 1541, fullName: "file:///var/1C/licenses/20240115093012.lic" });
    expect(r.records[3]).toMatchObject({ series: "ORGL8", licenseType: "HASP", fullName: null });
  });

  test.each([
    ["CP866 bytes, auto-detected", fixture("session-list-licenses-cp866.txt"), "", "cp866"],
    ["CP866 bytes, ?encoding=cp866", fixture("session-list-licenses-cp866.txt"), "?encoding=cp866", "cp866"],
    ["CP866 bytes, ?encoding=CP866 (any case)", fixture("session-list-licenses-cp866.txt"), "?encoding=CP866", "cp866"],
    ["CRLF line ends", fixture("session-list-licenses-crlf.txt"), "", "utf-8"],
    ["?encoding=utf-8 explicit", ru, "?encoding=utf-8", "utf-8"],
  ])("%s reads the same records as the UTF-8 original", async (_name, body, query, encoding) => {
    const [r, original] = await Promise.all([post(body, query).then(parsed), post(ru).then(parsed)]);
    expect(r.encoding).toBe(encoding);
    expect(r.records).toEqual(original.records);
    expect(r.warnings).toEqual([]);
  });

  test("any content type: a pipe from curl --data-binary sends application/x-www-form-urlencoded", async () => {
    const r = await parsed(await post(fixture("infobase-info.txt"), "", "application/x-www-form-urlencoded"));
    expect(r.records[0]).toMatchObject({ licenseDistribution: "deny" });
  });

  test("duplicates, a malformed line and a truncated last record: the good records and the warnings", async () => {
    const dup = await parsed(await post(fixture("session-list-licenses-duplicates.txt")));
    expect(dup.records).toHaveLength(3);
    expect(dup.warnings).toEqual([{ line: 35, message: expect.stringMatching(/^2 duplicate session records/) }]);
    const bad = await parsed(await post(fixture("session-list-licenses-malformed.txt")));
    expect(bad.records).toHaveLength(1);
    expect(bad.warnings).toEqual([
      { line: 33, message: expect.stringContaining("no closing quote") },
      { line: 36, message: expect.stringContaining("the capture was cut off") },
    ]);
  });

  test("random binary junk is a 200 whose warnings say what was dropped, never a 500", async () => {
    const rng = createRng(20241127);
    for (let i = 0; i < 20; i++) {
      const junk = Uint8Array.from({ length: rng.int(1, 4096) }, () => rng.int(0, 255));
      const res = await post(junk, "", "application/octet-stream");
      if (res.status === 400) {
        // Only possible for a body of whitespace bytes.
        expect(ErrorSchema.parse(await res.json()).error.code).toBe("empty-body");
        continue;
      }
      const r = await parsed(res);
      expect(r.records.length + r.warnings.length).toBeGreaterThan(0);
    }
  });

  test("text that is not rac output: no records, a warning naming the line", async () => {
    const r = await parsed(await post("<html><body>Not Found</body></html>\n"));
    expect(r.records).toEqual([]);
    expect(r.warnings).toEqual([{ line: 1, message: expect.stringMatching(/^line 1: /) }]);
  });

  test.each([
    ["an empty body", "", "", 400, "empty-body"],
    ["no body at all", null, "", 400, "empty-body"],
    ["a whitespace-only body", " \r\n\t\n", "", 400, "empty-body"],
    ["an unknown ?encoding=", ru, "?encoding=koi8-r", 400, "invalid-input"],
    ["invalid UTF-8 under ?encoding=utf-8", fixture("session-list-licenses-cp866.txt"), "?encoding=utf-8", 400, "invalid-encoding"],
  ])("%s → %i %s", async (_name, body, query, status, code) => {
    const res = await post(body, query);
    expect(res.status).toBe(status);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe(code);
  });

  test("a body over 16 MiB → 413", async () => {
    const res = await post(new Uint8Array(16 * 1024 * 1024 + 1).fill(0x20));
    expect(res.status).toBe(413);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("body-too-large");
  });
});

describe("POST /api/parse/rac — matching to the inventory (DOMAIN §5.1)", () => {
  test("licensed records are matched to the demo's kits and keys; unknown series are reported with a reason", async () => {
    const { getDb } = await import("@/db/client");
    const { seedDemo, isDatabaseEmpty } = await import("@/db/seed");
    if (isDatabaseEmpty(getDb())) seedDemo(getDb(), { anchor: "2026-11-27" });
    const { generateDemoCompany } = await import("@/lib/demo/company");
    const tenSeats = generateDemoCompany({ anchor: "2026-11-27" }).kits.find((k) => k.seats === 10)!;
    const text = [
      "session          : 1f3c2a9e-0000-4000-8000-000000000001",
      "user-name        : Петров П.П.",
      "host             : office-03",
      "app-id           : 1CV8C",
      'series           : "' + tenSeats.regNumber + '"',
      "issued-by-server : yes",
      "license-type     : soft",
      "net              : no",
      "rmngr-address    : srv-1c",
      "full-name        : file:///var/1C/licenses/20240115093012.lic",
      "",
      "session          : 1f3c2a9e-0000-4000-8000-000000000002",
      "user-name        : Сидоров С.С.",
      "host             : sales-02",
      "app-id           : 1CV8C",
      'series           : "ORGL8"',
      "issued-by-server : no",
      "license-type     : HASP",
      "net              : yes",
      "",
      "session          : 1f3c2a9e-0000-4000-8000-000000000003",
      "host             : pc-x",
      'series           : "999999999"',
      "license-type     : soft",
      "",
    ].join("\r\n");
    const res = await POST(new Request("http://localhost/api/parse/rac", { method: "POST", headers: tokenHeaders("import"), body: text }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.matches.map((m: { matched: boolean; counting: string }) => [m.matched, m.counting])).toEqual([
      [true, "per-session"],
      [true, "per-computer"],
      [false, "per-computer"],
    ]);
    expect(body.matches[0]).toMatchObject({ regNumber: tenSeats.regNumber, folder: "/var/1C/licenses", poolId: "soft-server:srv-1c" });
    expect(body.matches[1]).toMatchObject({ keyId: 1, poolId: "hasp-network:srv-lm:ORGL8" });
    expect(body.unmatched).toBe(1);
    expect(body.matches[2].reason.en).toMatch(/No kit or key/);
  }, 30_000);

  test("§4, §5.1: rac process list --licenses whose series is the recorded server-license kit → the cluster's server license, no client seat", async () => {
    const { getDb } = await import("@/db/client");
    const { seedDemo, isDatabaseEmpty } = await import("@/db/seed");
    const { loadInventory } = await import("@/db/queries/inventory");
    if (isDatabaseEmpty(getDb())) seedDemo(getDb(), { anchor: "2026-11-27" });
    const serverKit = loadInventory(getDb()).kits.find((k) => k.kind === "server")!;
    // Records keyed `process`, no `host`: the server (srv-1c) is named only in full-presentation.
    const capture = fixture("process-list-licenses.txt").toString("utf8").replaceAll("8100054321", serverKit.regNumber);
    const res = await post(capture);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(ParseRacResponseSchema.parse(body).records).toHaveLength(2);
    const asServer = { session: null, matched: true, kitId: serverKit.id, regNumber: serverKit.regNumber, poolId: null, keyId: null, counting: null, folder: "/var/1C/licenses" };
    expect(body.matches).toEqual([asServer, asServer]);
    expect(body.unmatched).toBe(0);
  }, 30_000);
});
