import { expect, test } from "@playwright/test";

import en from "../../lib/i18n/messages/en/nav.json";
import ru from "../../lib/i18n/messages/ru/nav.json";
import { screenshotPath } from "../helpers/screenshots";

test("the navigation and headings are in Russian after switching the language", async ({ page }) => {
  await page.goto("/why");
  await page.getByRole("button", { name: "Русский" }).click();
  const nav = page.getByRole("navigation", { name: ru.nav.label });
  await expect(nav.getByRole("link", { name: ru.nav.why, exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ru.nav.why);
  await expect(page.getByRole("button", { name: "Русский" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("group").filter({ has: page.getByRole("button", { name: "Русский" }) })).not.toHaveAttribute("aria-busy", "true");
  await page.screenshot({ path: screenshotPath("why-ru") });
  // The choice is remembered by the cookie on the next visit.
  await page.goto("/keys");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ru.nav.keys);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.nav.keys);
});

test("an unknown address is a translated 404 with a way back", async ({ page }) => {
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await page.getByRole("link", { name: /Overview/ }).last().click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
});
