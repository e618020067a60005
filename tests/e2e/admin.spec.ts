/**
 * The administrator's security pages (issue #5), as the demo admin: a token made in Settings works on the
 * parse endpoint and stops working when revoked; a PIN revealed on the kits page is in the audit log,
 * which filters and exports what it shows.
 */
import fs from "node:fs";

import { expect, test } from "@playwright/test";

import enAudit from "../../lib/i18n/messages/en/audit.json";
import enKits from "../../lib/i18n/messages/en/kits.json";
import enSettings from "../../lib/i18n/messages/en/settings.json";
import { screenshotPath } from "../helpers/screenshots";

const RING_LIST = "000000000000000-8100000001.lic\r\n";

test("a token created in Settings is shown once, works on the parse endpoint, and is refused once revoked", async ({ page, playwright, baseURL }) => {
  const t = enSettings.settings.tokens;
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const name = `cron ${Date.now()}`;
  const form = page.getByTestId("create-token-form");
  await form.getByLabel(t.create.name, { exact: true }).fill(name);
  await form.getByRole("button", { name: t.create.submit }).click();
  const shown = page.getByLabel(t.created.label, { exact: true });
  await expect(shown).toBeVisible();
  const token = (await shown.inputValue()).trim();
  expect(token).toMatch(/^slt_[A-Za-z0-9_-]{20,}$/);
  await page.screenshot({ path: screenshotPath("settings-token-created"), fullPage: true });

  // A script without the browser's cookie: only the token.
  const script = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const ok = await script.post("/api/parse/ring", { headers: { Authorization: `Bearer ${token}` }, data: RING_LIST });
  expect(ok.status()).toBe(200);
  expect((await script.post("/api/parse/ring", { data: RING_LIST })).status()).toBe(401);

  await page.reload();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).not.toContainText(token);
  await row.getByRole("button", { name: t.revoke.open }).click();
  await page.getByRole("button", { name: t.revoke.submit }).click();
  await expect(page.getByRole("row").filter({ hasText: name }).first()).toContainText(t.status.revoked);
  expect((await script.post("/api/parse/ring", { headers: { Authorization: `Bearer ${token}` }, data: RING_LIST })).status()).toBe(401);
  await script.dispose();
});

test("revealing a PIN on the kits page shows it for a while and lands in the audit log, which filters and exports", async ({ page }) => {
  await page.goto("/kits");
  await expect(page.getByText(enKits.kits.maskedNote.admin)).toBeVisible();
  await page.goto("/kits?protection=software");
  await page.getByTestId("kits-table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/kits\/\d+$/);
  const table = page.getByTestId("pins-table");
  await table.getByRole("button", { name: /^Reveal PIN code/ }).first().click();
  await expect(page.getByText(enKits.kits.reveal.audited).first()).toBeVisible();
  await expect(table.getByText(/^\d{3}-\d{3}-\d{3}-\d{3}-\d{3}$/).first()).toBeVisible();
  await page.screenshot({ path: screenshotPath("kits-admin-revealed") });

  const a = enAudit.audit;
  await page.goto("/audit");
  await page.getByLabel(a.filters.action).selectOption("pin.reveal");
  await page.getByRole("button", { name: a.filters.apply }).click();
  await expect(page).toHaveURL(/action=pin\.reveal/);
  const rows = page.getByRole("table", { name: a.table.caption }).getByRole("row");
  await expect(rows.nth(1)).toContainText("admin@demo.seatledger");
  await page.screenshot({ path: screenshotPath("audit-pin-reveals"), fullPage: false });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("audit-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^seatledger-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((line) => line.includes("pin.reveal"))).toBe(true);
  expect(csv).not.toMatch(/\d{15}/);
});
