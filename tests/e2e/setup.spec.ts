/**
 * A database with no demo and no account (SEATLEDGER_DEMO=0, the second server of playwright.config.ts):
 * the dashboard asks for sign-in, offers the one-time setup page, which creates the first administrator
 * and then refuses to do it again.
 */
import { expect, test } from "@playwright/test";

import enAuth from "../../lib/i18n/messages/en/auth.json";
import en from "../../lib/i18n/messages/en/nav.json";
import { screenshotPath } from "../helpers/screenshots";

test.use({ baseURL: process.env.E2E_EMPTY_BASE_URL, storageState: { cookies: [], origins: [] } });

test("the first administrator is created on the setup page, once", async ({ page, browser }) => {
  const a = enAuth.auth;
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByText(a.signIn.noUsers)).toBeVisible();
  await page.getByRole("link", { name: a.signIn.setupLink }).click();
  await expect(page.getByRole("heading", { level: 1, name: a.setup.title })).toBeVisible();

  await page.getByLabel(a.setup.name).fill("Анна Смирнова");
  await page.getByLabel(a.setup.email).fill("anna@example.ru");
  await page.getByLabel(a.setup.password, { exact: true }).fill("short");
  await page.getByLabel(a.setup.confirmPassword).fill("short");
  await page.getByRole("button", { name: a.setup.submit }).click();
  // The error under the field (exact: the help text also starts with "At least 10 characters").
  await expect(page.getByText(a.errors.tooShort.replace("{min}", "10"), { exact: true })).toBeVisible();
  await expect(page.getByLabel(a.setup.password, { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(a.setup.email)).toHaveValue("anna@example.ru");
  await page.screenshot({ path: screenshotPath("setup-too-short") });

  await page.getByLabel(a.setup.password, { exact: true }).fill("first-admin-password");
  await page.getByLabel(a.setup.confirmPassword).fill("first-admin-password");
  await page.getByRole("button", { name: a.setup.submit }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("current-role")).toHaveText("Administrator · anna@example.ru");
  await expect(page.getByRole("navigation", { name: en.nav.label }).getByRole("link", { name: en.nav.settings })).toBeVisible();

  // Done once: another visitor finds a setup page that does nothing, and the sign-in page no longer offers it.
  const other = await browser.newContext({ baseURL: process.env.E2E_EMPTY_BASE_URL, storageState: { cookies: [], origins: [] } });
  const visitor = await other.newPage();
  await visitor.goto("/setup");
  await expect(visitor.getByText(a.setup.done)).toBeVisible();
  await expect(visitor.getByLabel(a.setup.password, { exact: true })).toHaveCount(0);
  await visitor.goto("/sign-in");
  await expect(visitor.getByText(a.signIn.noUsers)).toHaveCount(0);
  await other.close();
});

test("password change on Your account: the old password stops working, the new one works", async ({ page }) => {
  const a = enAuth.auth;
  await page.goto("/sign-in");
  await page.getByLabel(a.signIn.email).fill("anna@example.ru");
  await page.getByLabel(a.signIn.password).fill("first-admin-password");
  await page.getByRole("button", { name: a.signIn.submit }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole("link", { name: /anna@example\.ru/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: a.account.title })).toBeVisible();

  await page.getByLabel(a.account.currentPassword).fill("not-my-password");
  await page.getByLabel(a.account.newPassword, { exact: true }).fill("second-admin-password");
  await page.getByLabel(a.account.confirmPassword).fill("second-admin-password");
  await page.getByRole("button", { name: a.account.submit }).click();
  await expect(page.getByText(a.errors.wrongPassword)).toBeVisible();

  await page.getByLabel(a.account.currentPassword).fill("first-admin-password");
  await page.getByLabel(a.account.newPassword, { exact: true }).fill("second-admin-password");
  await page.getByLabel(a.account.confirmPassword).fill("second-admin-password");
  await page.getByRole("button", { name: a.account.submit }).click();
  await expect(page.getByText(a.account.changed)).toBeVisible();
  await page.screenshot({ path: screenshotPath("account-password-changed") });

  await page.getByRole("button", { name: a.user.signOut }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel(a.signIn.email).fill("anna@example.ru");
  await page.getByLabel(a.signIn.password).fill("first-admin-password");
  await page.getByRole("button", { name: a.signIn.submit }).click();
  await expect(page.getByText(a.errors.credentials)).toBeVisible();
  await page.getByLabel(a.signIn.password).fill("second-admin-password");
  await page.getByRole("button", { name: a.signIn.submit }).click();
  await expect(page).toHaveURL(/\/$/);
});
