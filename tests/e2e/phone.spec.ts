/**
 * Every page on a phone, in Russian (issue 11 "Quality"): each page an administrator may open, 390 px wide and read
 * with the Russian catalog, neither scrolls sideways (wide tables scroll inside their cards) nor shows an English
 * phrase of the catalog. Finance managers and team leads see subsets of the same pages with the same texts.
 */
import { expect, test } from "@playwright/test";

import { LOCALE_COOKIE } from "../../lib/i18n/locales";
import { screenshotPath } from "../helpers/screenshots";
import { englishLeftovers, englishPhrases } from "./english-leftovers";
import { inLanes, openAndSettle, pagesOf } from "./pages";
import { storageStateOf } from "./roles";

test.use({ storageState: storageStateOf("admin"), viewport: { width: 390, height: 844 } });

test("in Russian at 390 px, no page scrolls sideways or shows an English phrase of the catalog", async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  // The check has teeth: the catalog holds hundreds of English phrases, and an English page shows some.
  expect(englishPhrases().length).toBeGreaterThan(300);
  await openAndSettle(page, "/seats");
  expect((await englishLeftovers(page)).length).toBeGreaterThan(0);

  await context.addCookies([{ name: LOCALE_COOKIE, value: "ru", url: baseURL! }]);
  const wide: string[] = [];
  const english: string[] = [];
  await inLanes(context, await pagesOf("admin", page), async (tab, path) => {
    await openAndSettle(tab, path);
    await expect(tab.locator("html")).toHaveAttribute("lang", "ru");
    const width = await tab.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) wide.push(`${path}: ${width} px`);
    english.push(...(await englishLeftovers(tab)).map((p) => `${path}: ${p}`));
  });
  await openAndSettle(page, "/");
  await page.screenshot({ path: screenshotPath("overview-390-ru") });
  expect(wide).toEqual([]);
  expect(english).toEqual([]);
});
