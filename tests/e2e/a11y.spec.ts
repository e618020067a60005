/**
 * Issue 11 "Quality": an accessibility scan (axe-core, WCAG 2.1 A/AA rules) of every page as each role that may
 * open it — no serious or critical violation — and of the sign-in page on a phone. The pages come from the access
 * table itself (lib/security/access.ts), so a new page is scanned without editing this. Every page at 390 px:
 * phone.spec.ts.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { USER_ROLES } from "../../lib/domain/enums";
import { watchConsole } from "./console";
import { inLanes, openAndSettle, pagesOf } from "./pages";
import { storageStateOf } from "./roles";

type Violation = { id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown; failureSummary?: string }> };

/** Serious and critical violations of the WCAG 2.1 A/AA rules on the page as it is now, in words a reader can act on. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return (result.violations as Violation[])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(", ")}`);
}


for (const role of USER_ROLES) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStateOf(role) });

    test(`${role}: every page they may open has no serious or critical accessibility violation`, async ({ page, context }) => {
      test.setTimeout(240_000);
      const problems: string[] = [];
      const errors: string[] = [];
      const logs = new Map<Page, string[]>();
      await inLanes(context, await pagesOf(role, page), async (tab, path) => {
        if (!logs.has(tab)) logs.set(tab, watchConsole(tab));
        await openAndSettle(tab, path);
        problems.push(...(await seriousViolations(tab)).map((v) => `${path}: ${v}`));
        errors.push(...logs.get(tab)!.splice(0).map((e) => `${path}: ${e}`));
      });
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
}

test.describe("at 390 px", () => {
  test("the signed-out pages fit too and pass the scan", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
