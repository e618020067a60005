import { afterEach, describe, expect, test } from "vitest";

import { listAudit, recordAudit, redactSecrets } from "@/db/queries/audit";
import { saveLicensingSettings } from "@/db/queries/settings";
import { createApiToken, revokeApiToken } from "@/db/queries/tokens";
import { createTempDb, type TempDb } from "@/tests/helpers/temp-db";

const temps: TempDb[] = [];
afterEach(() => {
  while (temps.length) temps.pop()!.cleanup();
});
const fresh = () => {
  const t = createTempDb();
  temps.push(t);
  return t.db;
};

describe("audit log (issue #5): who changed what, secrets never written", () => {
  test("secret fields are redacted at any depth", () => {
    expect(redactSecrets({ kit: { regNumber: "8100000001", pins: [{ id: 1, code: "123456789012345" }] }, registrationData: "[…]", token: "slt_x" })).toEqual({
      kit: { regNumber: "8100000001", pins: [{ id: 1, code: "[secret]" }] },
      registrationData: "[secret]",
      token: "[secret]",
    });
  });

  test("an entry keeps who, when, what and before/after", () => {
    const db = fresh();
    const at = new Date("2026-11-27T08:30:00Z");
    recordAudit(db, { actor: "admin@example", action: "pin.create", entity: "pin", entityId: 7, after: { kitId: 2, code: "123456789012345" }, address: "10.0.0.9" }, at);
    const [e] = listAudit(db);
    expect(e).toMatchObject({ actor: "admin@example", action: "pin.create", entity: "pin", entityId: "7", address: "10.0.0.9", at });
    expect(JSON.parse(e.after!)).toEqual({ kitId: 2, code: "[secret]" });
    expect(JSON.stringify(e)).not.toContain("123456789012345");
  });

  test("changing settings writes one entry with the changed keys before and after", () => {
    const db = fresh();
    saveLicensingSettings(db, { pinActivationLimit: 8 }, [], { actor: null, address: "127.0.0.1" });
    const [e] = listAudit(db);
    expect(e.action).toBe("settings.update");
    expect(JSON.parse(e.before!)).toEqual({ pinActivationLimit: 6 });
    expect(JSON.parse(e.after!)).toEqual({ pinActivationLimit: 8 });
    saveLicensingSettings(db, {}, []);
    expect(listAudit(db)).toHaveLength(1);
  });

  test("creating and revoking a token are audited, the token itself is not", () => {
    const db = fresh();
    const { token, row } = createApiToken(db, { name: "cron", scope: "import", createdBy: "cli" });
    revokeApiToken(db, row.id);
    const entries = listAudit(db);
    expect(entries.map((e) => e.action).sort()).toEqual(["token.create", "token.revoke"]);
    expect(JSON.stringify(entries)).not.toContain(token.slice(4));
  });
});
