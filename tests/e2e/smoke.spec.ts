import { expect, test } from "@playwright/test";

import { screenshotPath } from "../helpers/screenshots";

test("the app answers on / with navigation and a heading", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));

  const response = await page.goto("/");
  expect(response?.status()).toBe(200);

  await expect(page.getByRole("navigation").first()).toBeVisible();
  await expect(page.getByRole("heading").first()).toBeVisible();
  expect(errors).toEqual([]);

  await page.screenshot({ path: screenshotPath("smoke") });
});
