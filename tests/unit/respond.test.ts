import { describe, expect, test, vi } from "vitest";
import { z } from "zod";

import { handle, ok } from "@/app/api/_lib/respond";
import { AppError } from "@/lib/errors";

describe("route error wrapper (STYLE.md 'Requests')", () => {
  test("a zod error is a 400 naming the field and the rule", async () => {
    const res = await handle(() => {
      z.object({ seats: z.number().int().positive() }).parse({ seats: -1 });
      return new Response();
    })();
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid-input");
    expect(body.error.issues[0].path).toBe("seats");
    expect(body.error.message).toMatch(/^seats: /);
  });

  test("an AppError keeps its status and code", async () => {
    const res = await handle(() => {
      throw new AppError("kit-not-found", "No kit with registration number 8100000001", 404);
    })();
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "kit-not-found", message: "No kit with registration number 8100000001" } });
  });

  test("our own response failing its schema is a logged 500, not a 400 blaming the caller", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await handle(() => ok(z.object({ peak: z.number() }), { peak: "many" } as unknown as { peak: number }))();
    expect(res.status).toBe(500);
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  test("anything else is a generic 500 that does not echo the error's text", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await handle(() => {
      throw new Error("database is locked at /secret/path");
    })();
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("/secret/path");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
