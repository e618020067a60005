/**
 * Every page in Russian (issue 11: "in Russian, no English leftovers"): each page an administrator may open,
 * read with the Russian catalog, shows none of the English catalog's phrases. A finance manager and a team lead
 * see the same pages through their roles, with the same texts.
 */
import { expect, test } from "@playwright/test";

import { LOCALE_COOKIE } from "../../lib/i18n/locales";
import { englishLeftovers, englishPhrases } from "./english-leftovers";
import { inLanes, openAndSettle, pagesOf } from "./pages";
import { storageStateOf } from "./roles";

test.use({ storageState: storageStateOf("admin") });

test("in Russian, no page shows an English phrase of the catalog", async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  // The check has teeth: the catalog holds hundreds of English phrases, and an English page shows some.
  expect(englishPhrases().length).toBeGreaterThan(300);
  await openAndSettle(page, "/seats");
  expect((await englishLeftovers(page)).length).toBeGreaterThan(0);

  await context.addCookies([{ name: LOCALE_COOKIE, value: "ru", url: baseURL! }]);
  const found: string[] = [];
  await inLanes(context, await pagesOf("admin", page), async (tab, path) => {
    await openAndSettle(tab, path);
    await expect(tab.locator("html")).toHaveAttribute("lang", "ru");
    found.push(...(await englishLeftovers(tab)).map((p) => `${path}: ${p}`));
  });
  expect(found).toEqual([]);
});
