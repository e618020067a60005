import "@/tests/helpers/setup-env";

import fs from "node:fs";

import { describe, expect, test } from "vitest";
import { z } from "zod";

import { GET } from "@/app/api/health/route";

describe("GET /api/health", () => {
  test("answers ok with the number of applied migrations of a migrated database", async () => {
    const res = await GET(new Request("http://localhost/api/health"));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = z.object({ status: z.literal("ok"), migrations: z.number() }).parse(await res.json());
    const journal = JSON.parse(fs.readFileSync("drizzle/meta/_journal.json", "utf8")) as { entries: unknown[] };
    expect(body.migrations).toBe(journal.entries.length);
  });
});
