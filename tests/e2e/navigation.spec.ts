import { expect, test } from "@playwright/test";

import en from "../../lib/i18n/messages/en/nav.json";
import ru from "../../lib/i18n/messages/ru/nav.json";
import enComing from "../../lib/i18n/messages/en/coming.json";
import { screenshotPath } from "../helpers/screenshots";

const SECTIONS = [
  ["planning", "/planning"],
] as const;

test("every section not built yet is reachable from the navigation and says honestly that it is coming", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: en.nav.label });
  for (const [key, href] of SECTIONS) {
    await nav.getByRole("link", { name: en.nav[key], exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.nav[key]);
    await expect(nav.getByRole("link", { name: en.nav[key], exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText(enComing.coming.badge, { exact: true })).toBeVisible();
  }
  await page.screenshot({ path: screenshotPath("coming-planning-en") });
  expect(errors).toEqual([]);
});

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
