/**
 * Signs in once per demo role through the real sign-in form and keeps each browser state, so the specs
 * start signed in (tests/e2e/roles.ts) without tripping the sign-in rate limit.
 */
import { expect, test as setup } from "@playwright/test";

import { DEMO_ACCOUNTS } from "../../lib/demo/accounts";
import { storageStateOf } from "./roles";

for (const account of DEMO_ACCOUNTS) {
  setup(`sign in as the demo ${account.role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("current-role")).toContainText(account.email);
    await page.context().storageState({ path: storageStateOf(account.role) });
  });
}
