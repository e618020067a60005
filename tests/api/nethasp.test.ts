import "@/tests/helpers/setup-env";
import { tokenHeaders } from "@/tests/helpers/auth";

import fs from "node:fs";

import { describe, expect, test } from "vitest";
import { z } from "zod";

import { POST as generate } from "@/app/api/tools/nethasp/generate/route";
import { POST as lint } from "@/app/api/tools/nethasp/lint/route";
import { lintNethasp, NethaspLintSchema } from "@/lib/parsers/nethasp";
import { ErrorSchema } from "@/tests/helpers/api";

const fixtureBytes = (name: string) => fs.readFileSync(new URL(`../fixtures/nethasp/${name}`, import.meta.url));

const postLint = (body: BodyInit | null, query = "") =>
  lint(new Request(`http://localhost/api/tools/nethasp/lint${query}`, { method: "POST", headers: { "content-type": "text/plain", ...tokenHeaders("import") }, body }));
const postGenerate = (body: unknown) =>
  generate(
    new Request("http://localhost/api/tools/nethasp/generate", {
      method: "POST",
      headers: { "content-type": "application/json", ...tokenHeaders("import") },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );


/** The issue's contract, exactly: extra fields are allowed, these must be there with these types. */
const ContractSchema = z.object({
  findings: z.array(z.object({ line: z.number(), severity: z.enum(["error", "warning", "info"]), code: z.string(), message: z.string() })),
  effective: z.object({ tcpip: z.boolean(), serverAddr: z.array(z.string()), port: z.number(), method: z.enum(["UDP", "TCP"]), broadcast: z.boolean(), serverNames: z.array(z.string()) }),
});

async function lintOk(body: BodyInit, query = "") {
  const res = await postLint(body, query);
  expect(res.status).toBe(200);
  const json = await res.json();
  ContractSchema.parse(json);
  return NethaspLintSchema.parse(json);
}

const codes = (r: z.infer<typeof NethaspLintSchema>) => r.findings.filter((f) => f.severity !== "info").map((f) => `${f.line} ${f.code}`);

describe("POST /api/tools/nethasp/lint", () => {
  test("a good file: only the summary, and the effective settings (DOMAIN §3 usual good config)", async () => {
    const r = await lintOk(fixtureBytes("good.ini"));
    expect(codes(r)).toEqual([]);
    expect(r.findings.map((f) => [f.line, f.severity, f.code, f.message])).toEqual([[0, "info", "summary", "Clients will look for the License Manager at 10.0.0.5 over UDP port 475, broadcast off."]]);
    expect(r.effective).toEqual({ tcpip: true, ipx: false, netbios: false, serverAddr: ["10.0.0.5"], port: 475, method: "UDP", broadcast: false, serverNames: [] });
  });

  test("the article's advice followed literally: every mistake with its line, in both languages", async () => {
    const r = await lintOk(fixtureBytes("article-mistakes.ini"));
    expect(codes(r)).toEqual(["0 broadcast-only", "3 wrong-section", "4 server-side-key", "6 server-side-section", "7 server-side-key", "10 likely-typo"]);
    for (const f of r.findings) {
      expect(f.message).toBe(f.text.en);
      expect(f.text.ru).toMatch(/[а-яё]/i);
    }
  });

  test.each([
    ["ipv6.ini", ["5 ipv6-address"]],
    ["long-server-name.ini", ["6 server-name-too-long"]],
    ["port-1947.ini", ["7 sentinel-admin-port"]],
    ["tcpip-not-enabled.ini", ["5 tcpip-not-enabled"]],
    ["crlf-comments.ini", []],
    ["repeated-addr.ini", []],
    ["addresses-default-protocols.ini", ["7 other-protocols-with-addresses"]],
    ["addresses-explicit-protocols.ini", ["3 other-protocols-with-addresses"]],
  ])("%s", async (name, expected) => {
    expect(codes(await lintOk(fixtureBytes(name)))).toEqual(expected);
  });

  test("addresses with IPX/NetBIOS left at their default: a warning on the address line offering the [NH_COMMON] lines, in both languages", async () => {
    const r = await lintOk(fixtureBytes("addresses-default-protocols.ini"));
    const f = r.findings.find((x) => x.code === "other-protocols-with-addresses")!;
    expect([f.line, f.severity, f.rule]).toEqual([7, "warning", "DOMAIN §3 [M]"]);
    expect(f.message).toBe(f.text.en);
    expect(f.message).toContain("add the lines NH_IPX = Disabled, NH_NETBIOS = Disabled and NH_TCPIP = Enabled to [NH_COMMON]");
    expect(f.text.ru).toContain("добавьте в [NH_COMMON] строки NH_IPX = Disabled, NH_NETBIOS = Disabled и NH_TCPIP = Enabled");
    expect(r.effective).toMatchObject({ tcpip: true, ipx: true, netbios: true, serverAddr: ["10.0.0.5", "lic.corp.local"] });
  });

  test("the same addresses with the offered lines added lint clean", async () => {
    const text = new TextDecoder().decode(fixtureBytes("addresses-default-protocols.ini")).replace("[NH_COMMON]\n", "[NH_COMMON]\nNH_IPX = Disabled\nNH_NETBIOS = Disabled\nNH_TCPIP = Enabled\n");
    const r = await lintOk(text);
    expect(codes(r)).toEqual([]);
    expect(r.effective).toMatchObject({ tcpip: true, ipx: false, netbios: false });
  });

  test("explicit NH_NETBIOS = Enabled next to addresses: the warning sits on the switch", async () => {
    const f = (await lintOk(fixtureBytes("addresses-explicit-protocols.ini"))).findings.find((x) => x.code === "other-protocols-with-addresses")!;
    expect(f.line).toBe(3);
    expect(f.message).toMatch(/^NH_NETBIOS = Enabled while NH_SERVER_ADDR is set \(line 7\).*set NH_NETBIOS = Disabled in \[NH_COMMON\]\.$/);
  });

  test("no addresses (template.ini): broadcast search is the configuration, so no protocol warning", async () => {
    expect(codes(await lintOk(fixtureBytes("template.ini")))).toEqual(["0 broadcast-only"]);
  });

  test("a CP866 body (a file written on a Russian console) is auto-detected and decoded", async () => {
    const bytes = fixtureBytes("cp866-comments.ini");
    for (const query of ["", "?encoding=cp866"]) {
      const r = await lintOk(bytes, query);
      expect(codes(r)).toEqual([]);
      expect(r.effective.serverAddr).toEqual(["10.0.0.5"]);
    }
  });

  test("a Russian UTF-8 body with a garbage line quotes it back intact", async () => {
    const r = await lintOk(new TextEncoder().encode("[NH_TCPIP]\nсервер лицензий\n"));
    expect(r.findings.find((f) => f.code === "malformed-line")?.message).toContain("сервер лицензий");
  });

  test.each([
    ["an empty body", "", "empty-body"],
    ["a whitespace-only body", " \r\n\t\n", "empty-body"],
  ])("%s → 400", async (_name, body, code) => {
    const res = await postLint(body);
    expect(res.status).toBe(400);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe(code);
  });

  test("no body at all → 400", async () => {
    const res = await postLint(null);
    expect(res.status).toBe(400);
  });

  test("an unknown ?encoding → 400 naming the parameter", async () => {
    const res = await postLint("[NH_TCPIP]", "?encoding=koi8-r");
    expect(res.status).toBe(400);
    expect(ErrorSchema.parse(await res.json()).error.message).toMatch(/^encoding:/);
  });

  test("a body over 1 MiB → 413", async () => {
    const res = await postLint("; padding\n".repeat(110_000));
    expect(res.status).toBe(413);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("body-too-large");
  });

  test("arbitrary binary never makes a 500", async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    const res = await postLint(bytes);
    expect(res.status).toBe(200);
    NethaspLintSchema.parse(await res.json());
  });
});

describe("POST /api/tools/nethasp/generate", () => {
  test("a form → a commented nethasp.ini download that lints clean", async () => {
    const res = await postGenerate({ addresses: ["10.0.0.5", "lic.corp.local"], sessionTimeout: 5 });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="nethasp.ini"');
    const text = await res.text();
    expect(text).toContain("NH_TCPIP = Enabled\r\n");
    expect(text).toContain("NH_IPX = Disabled\r\n");
    expect(text).toContain("NH_NETBIOS = Disabled\r\n");
    expect(text).toContain("NH_SERVER_ADDR = 10.0.0.5, lic.corp.local\r\n");
    expect(text).toContain("NH_USE_BROADCAST = Disabled\r\n");
    expect(text).toMatch(/^[\t\r\n\x20-\x7e]*$/);
    const r = lintNethasp(text);
    expect(r.findings.map((f) => f.code)).toEqual(["summary"]);
    expect(r.effective).toMatchObject({ tcpip: true, serverAddr: ["10.0.0.5", "lic.corp.local"], port: 475, method: "UDP", broadcast: false, sessionTimeout: 5 });
  });

  test("the generated file posted back to /lint is clean", async () => {
    const text = await (await postGenerate({ addresses: ["10.0.0.5"], port: 1500, method: "TCP", broadcast: true, serverNames: ["LM1"], lineEnding: "LF" })).text();
    const r = await lintOk(text);
    expect(r.findings.map((f) => f.code)).toEqual(["summary"]);
    expect(r.effective).toMatchObject({ port: 1500, method: "TCP", broadcast: true, serverNames: ["LM1"] });
  });

  test("IPv6 in the form → 400 naming addresses.0 and saying the License Manager is IPv4 only (DOMAIN §2)", async () => {
    const res = await postGenerate({ addresses: ["fe80::1"] });
    expect(res.status).toBe(400);
    const err = ErrorSchema.parse(await res.json()).error;
    expect(err.code).toBe("invalid-input");
    const issue = err.issues?.find((i) => i.path === "addresses.0");
    expect(issue?.message).toMatch(/IPv4 only/);
  });

  test.each([
    ["no addresses", { addresses: [] }, "addresses"],
    ["addresses missing", { port: 475 }, "addresses"],
    ["a second address that is bad", { addresses: ["10.0.0.5", "10.0.0.5:475"] }, "addresses.1"],
    ["port out of range", { addresses: ["10.0.0.5"], port: 70000 }, "port"],
    ["port 1947", { addresses: ["10.0.0.5"], port: 1947 }, "port"],
    ["method", { addresses: ["10.0.0.5"], method: "ICMP" }, "method"],
    ["a server name of 9 characters", { addresses: ["10.0.0.5"], serverNames: ["LM1", "HASPSRV01"] }, "serverNames.1"],
    ["a timeout as text", { addresses: ["10.0.0.5"], sendReceiveTimeout: "5" }, "sendReceiveTimeout"],
    ["a misspelt field", { addresses: ["10.0.0.5"], adress: "x" }, "(body)"],
    ["not an object", [1, 2], "(body)"],
  ])("%s → 400 naming %s", async (_name, form, path) => {
    const res = await postGenerate(form);
    expect(res.status).toBe(400);
    const err = ErrorSchema.parse(await res.json()).error;
    expect(err.code).toBe("invalid-input");
    expect(err.issues?.map((i) => i.path)).toContain(path);
  });

  test.each([
    ["invalid JSON", "{addresses: ["],
    ["an empty body", ""],
  ])("%s → 400 invalid-json", async (_name, body) => {
    const res = await postGenerate(body);
    expect(res.status).toBe(400);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe("invalid-json");
  });
});
