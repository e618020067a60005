/**
 * The Tools page (issue 10), as the demo admin: a broken nethasp.ini is pasted and its broken line carries its
 * finding, with the settings clients will use and a corrected file to download; the binding check says that less
 * RAM than at activation breaks the license and more keeps it; the message explainer explains each line of
 * «Не обнаружено свободной лицензии!» in Russian. The finance manager uses the same page read-only. No console errors.
 */
import fs from "node:fs";
import path from "node:path";

import { expect, test, type Page } from "@playwright/test";

import enTools from "../../lib/i18n/messages/en/tools.json";
import ruTools from "../../lib/i18n/messages/ru/tools.json";
import { LOCALE_COOKIE } from "../../lib/i18n/locales";
import { parsePlatformMessage } from "../../lib/parsers/platform-message";
import { screenshotPath } from "../helpers/screenshots";
import { storageStateOf } from "./roles";

const en = enTools.tools;
const ru = ruTools.tools;

/** Browser console errors of a page (a page a user may open logs none). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

/** A full-page screenshot from the top (the sidebar is sticky). */
async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

// DOMAIN §3's classic mistakes: the address under [NH_COMMON] (ignored there), a port that is the Sentinel admin page.
const BROKEN_NETHASP = ["[NH_COMMON]", "NH_TCPIP = Enabled", "NH_SERVER_ADDR = 10.0.0.5", "", "[NH_TCPIP]", "NH_PORT_NUMBER = 1947", "NH_USE_BROADCAST = Disabled", ""].join("\n");

test("an admin pastes a broken nethasp.ini: the broken line is marked with its finding, and a corrected file comes out", async ({ page }) => {
  const errors = consoleErrors(page);
  await page.goto("/tools");
  await expect(page.getByRole("tab", { name: en.tabs.nethasp })).toHaveAttribute("aria-selected", "true");
  const form = page.getByTestId("nethasp-check");
  await form.getByLabel(en.nethasp.paste).fill(BROKEN_NETHASP);
  await form.getByRole("button", { name: en.nethasp.check, exact: true }).click();

  const result = page.getByTestId("nethasp-result");
  await expect(result).toBeVisible();
  // Line 3 is the address under [NH_COMMON]: an error, the finding right under it, in English, naming the fix.
  const lines = page.getByTestId("nethasp-lines");
  await expect(lines.locator('tr[data-line="3"]')).toHaveAttribute("data-severity", "error");
  const finding = lines.locator('tr[data-findings-for="3"] li[data-code="wrong-section"]');
  await expect(finding).toContainText(en.nethasp.severity.error);
  await expect(finding).toContainText("NH_SERVER_ADDR does not belong in [NH_COMMON]");
  await expect(finding).toContainText("move it there");
  await expect(lines.locator('tr[data-line="6"]')).toHaveAttribute("data-severity", "warning");
  await expect(lines.locator('tr[data-findings-for="6"] li[data-code="sentinel-admin-port"]')).toBeVisible();
  await expect(lines.locator('tr[data-line="1"]')).not.toHaveAttribute("data-severity");

  // What clients will really do: the address is ignored, so there is none.
  const effective = page.getByTestId("nethasp-effective");
  await expect(effective.getByRole("row", { name: en.nethasp.effective.addresses })).toContainText(en.nethasp.effective.noAddress);
  await expect(effective.getByRole("row", { name: en.nethasp.effective.port })).toContainText("1947");
  await shoot(page, "tools-nethasp-en");

  // The corrected file keeps the address, under [NH_TCPIP], with the License Manager's port.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: en.nethasp.fix.download }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("nethasp.ini");
  const text = fs.readFileSync((await file.path())!, "utf8");
  expect(text).toMatch(/\[NH_TCPIP\][\s\S]*NH_SERVER_ADDR = 10\.0\.0\.5/);
  expect(text).toContain("NH_PORT_NUMBER = 475");
  expect(text).toContain("\r\n");

  // "Adjust it in the generator" opens the generator filled with the same settings.
  await page.getByRole("button", { name: en.nethasp.fix.edit }).click();
  await expect(page.getByRole("tab", { name: en.tabs.generator })).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/[?&]tool=generator/);
  const generator = page.getByTestId("nethasp-generator");
  await expect(generator.getByLabel(en.generator.fields.address.replace("{n}", "1"), { exact: true })).toHaveValue("10.0.0.5");
  await generator.getByRole("button", { name: en.generator.write }).click();
  await expect(page.getByTestId("nethasp-generated")).toContainText("NH_SERVER_ADDR = 10.0.0.5");
  expect(errors).toEqual([]);
});

test("the binding check: less RAM than at activation breaks the license, more keeps it", async ({ page }) => {
  const errors = consoleErrors(page);
  const b = en.binding;
  await page.goto("/tools?tool=binding");
  await expect(page.getByRole("tab", { name: en.tabs.binding })).toHaveAttribute("aria-selected", "true");
  const computer = page.getByLabel(b.baseline.computer, { exact: true });
  await expect(computer.locator("option", { hasText: /^buh-01/ })).toHaveCount(1);
  const option = await computer.locator("option", { hasText: /^buh-01/ }).textContent();
  await computer.selectOption({ label: option! });
  // The fingerprint of the license still on the computer is chosen without another click.
  const planned = page.getByTestId("binding-planned");
  await expect(planned).toBeVisible();
  const ram = planned.getByLabel(b.fields.ramMb);
  const activated = Number(await ram.inputValue());
  expect(activated).toBeGreaterThan(1024);

  await ram.fill(String(activated - 1024));
  await expect(planned.getByText(b.planned.was.replace("{value}", b.units.mb.replace("{n}", new Intl.NumberFormat("en").format(activated))))).toBeVisible();
  await planned.getByRole("button", { name: b.planned.check }).click();
  const verdict = page.getByTestId("binding-verdict");
  await expect(verdict).toHaveAttribute("data-survives", "false");
  await expect(verdict.getByRole("status")).toContainText(b.verdict.breaks.split(" (")[0]);
  const row = verdict.locator('tr[data-parameter="ramMb"]');
  await expect(row).toHaveAttribute("data-status", "breaks");
  await expect(row).toContainText(`less than the ${activated} MB recorded at activation`);
  await expect(verdict.locator('tr[data-parameter="motherboard"]')).toHaveAttribute("data-status", "unchanged");
  await shoot(page, "tools-binding-en");

  await ram.fill(String(activated * 2));
  await planned.getByRole("button", { name: b.planned.check }).click();
  await expect(verdict).toHaveAttribute("data-survives", "true");
  await expect(verdict.getByRole("status")).toContainText(b.verdict.survives);
  await expect(verdict.locator('tr[data-parameter="ramMb"]')).toHaveAttribute("data-status", "keeps");
  expect(errors).toEqual([]);
});

test("ru: the explainer explains each line of «Не обнаружено свободной лицензии!»", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: LOCALE_COOKIE, value: "ru", url: baseURL! }]);
  const errors = consoleErrors(page);
  const m = ru.message;
  const message = fs.readFileSync(path.join(__dirname, "..", "fixtures", "messages", "no-free-license-ru.txt"), "utf8");
  await page.goto("/tools?tool=message");
  await expect(page.getByRole("tab", { name: ru.tabs.message })).toHaveAttribute("aria-selected", "true");
  const form = page.getByTestId("message-explainer");
  await form.getByLabel(m.paste, { exact: true }).fill(message);
  await form.getByRole("button", { name: m.explain, exact: true }).click();

  const result = page.getByTestId("message-result");
  await expect(result).toHaveAttribute("data-kind", "no-free-license");
  await expect(result.getByRole("heading", { name: m.kind["no-free-license"].title })).toBeVisible();
  // Every reason line, as printed, under the place the platform searched, with its cause and the engine's
  // explanation in Russian (the parser is the reference for the wording).
  const parsed = parsePlatformMessage(message);
  expect(parsed.lines.map((l) => l.place)).toEqual(["client", "client", "client", "server", "server", "server", "server", "server"]);
  for (const line of parsed.lines) {
    const item = page.getByTestId(`message-lines-${line.place}`).locator(`li[data-cause="${line.cause}"]`).filter({ hasText: line.text });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText(m.cause[line.cause as keyof typeof m.cause]);
    await expect(item).toContainText(line.explanation.ru);
  }
  await expect(page.getByTestId("message-lines-server").locator('li[data-cause="seats-exhausted"]')).toContainText("C:\\ProgramData\\1C\\licenses\\20240115093012.lic");
  await shoot(page, "tools-message-ru");
  expect(errors).toEqual([]);
});

test.describe("the finance manager", () => {
  test.use({ storageState: storageStateOf("finance") });

  test("uses the tools read-only: a message is explained and a recorded fingerprint can be picked", async ({ page }) => {
    const errors = consoleErrors(page);
    await page.goto("/tools?tool=message");
    const form = page.getByTestId("message-explainer");
    await form.getByRole("button", { name: en.message.example }).click();
    await expect(page.getByTestId("message-result")).toHaveAttribute("data-kind", "no-free-license");
    await page.getByRole("tab", { name: en.tabs.binding }).click();
    await expect(page).toHaveURL(/[?&]tool=binding/);
    await expect(page.getByLabel(en.binding.baseline.computer, { exact: true })).toBeEnabled();
    expect(errors).toEqual([]);
  });
});
