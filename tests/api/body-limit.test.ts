import "@/tests/helpers/setup-env";

import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";

import { proxy } from "@/proxy";
import { MAX_BODY_BYTES, PROXY_BUFFER_BYTES } from "@/lib/security/body-limits";
import { ErrorSchema } from "@/tests/helpers/api";
import { tokenHeaders } from "@/tests/helpers/auth";

import nextConfig from "@/next.config";

/** A body streamed in 64 KiB chunks with no Content-Length (what `curl -T -` or a chunked client sends). */
function chunkedBody(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const n = Math.min(64 * 1024, bytes - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
}

const request = (body: ReadableStream<Uint8Array> | Uint8Array, headers: Record<string, string> = {}) =>
  new NextRequest("http://localhost/api/import/rac", { method: "POST", headers: { ...tokenHeaders("import"), ...headers }, body, duplex: "half" } as NonNullable<ConstructorParameters<typeof NextRequest>[1]>);

describe("proxy.ts — bodies over the largest limit are refused before any route runs (issue 10 §4)", () => {
  test("Next.js buffers more for the proxy than any route accepts, so an oversized body is never cut to look whole", () => {
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe(PROXY_BUFFER_BYTES);
    expect(PROXY_BUFFER_BYTES).toBeGreaterThan(MAX_BODY_BYTES + 64 * 1024);
  });

  test.each([
    ["chunked, no Content-Length", () => request(chunkedBody(MAX_BODY_BYTES + 1))],
    ["a declared Content-Length over the limit", () => request(new Uint8Array(16), { "content-length": String(MAX_BODY_BYTES + 1) })],
  ])("%s → 413 body-too-large", async (_name, make) => {
    const res = await proxy(make());
    expect(res.status).toBe(413);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("body-too-large");
  });

  test("a chunked body of exactly the limit passes on to the route", async () => {
    const res = await proxy(request(chunkedBody(MAX_BODY_BYTES)));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });

  test("an anonymous oversized POST is a 401, its body never read", async () => {
    const res = await proxy(new NextRequest("http://localhost/api/import/rac", { method: "POST", body: chunkedBody(MAX_BODY_BYTES + 1), duplex: "half" } as NonNullable<ConstructorParameters<typeof NextRequest>[1]>));
    expect(res.status).toBe(401);
  });
});
