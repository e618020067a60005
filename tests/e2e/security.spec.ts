import { expect, test } from "@playwright/test";

test("pages carry a nonce-based CSP without unsafe-eval, and run without CSP violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/");
  const csp = res?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res?.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res?.headers()["referrer-policy"]).toBe("same-origin");
  // The page is interactive under the policy: sorting works and the language switch (a server action) too.
  await page.getByTestId("pools-table").getByRole("button", { name: /^Seats/ }).click();
  await page.getByRole("button", { name: "Русский" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Обзор" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a state-changing request from another site is refused with 403 and changes nothing", async ({ request }) => {
  const before = await (await request.get("/api/settings/licensing")).json();
  const res = await request.patch("/api/settings/licensing", {
    headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    data: { set: { pinActivationLimit: 99 } },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe("cross-origin");
  expect(await (await request.get("/api/settings/licensing")).json()).toEqual(before);
  // Without an Origin (curl, cron) the same route answers; a bad value is still a 400 that changes nothing.
  const curl = await request.patch("/api/settings/licensing", { data: { set: { pinActivationLimit: 0 } } });
  expect(curl.status()).toBe(400);
});
