/**
 * Issue #9, the administrator's main path, in English and in Russian: add a 1-seat kit with the three PINs of
 * its envelope, record the first activation, record a motherboard change — the form demands a backup PIN and
 * the previous one, the ledger refuses without it and says why — record the recovery, and the kit shows one
 * backup left. Then a CSV with one bad row: the row is shown, nothing is imported.
 */
import { expect, test, type Page } from "@playwright/test";

import enComputers from "../../lib/i18n/messages/en/computers.json";
import enForms from "../../lib/i18n/messages/en/forms.json";
import enKits from "../../lib/i18n/messages/en/kits.json";
import enLedger from "../../lib/i18n/messages/en/ledger.json";
import ruComputers from "../../lib/i18n/messages/ru/computers.json";
import ruForms from "../../lib/i18n/messages/ru/forms.json";
import ruKits from "../../lib/i18n/messages/ru/kits.json";
import ruLedger from "../../lib/i18n/messages/ru/ledger.json";
import enTable from "../../lib/i18n/messages/en/table.json";
import ruTable from "../../lib/i18n/messages/ru/table.json";
import { LOCALE_COOKIE } from "../../lib/i18n/locales";
import { screenshotPath } from "../helpers/screenshots";

const TEXTS = {
  en: { kits: enKits.kits, ledger: enLedger.ledger, forms: enForms.forms, table: enTable.table, role: enComputers.computers.role.workstation },
  ru: { kits: ruKits.kits, ledger: ruLedger.ledger, forms: ruForms.forms, table: ruTable.table, role: ruComputers.computers.role.workstation },
} as const;

/** Browser console errors of a page (a page a user may open logs none). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

/** A 15-digit PIN nobody else uses in this run, printed with dashes as on the envelope. */
const pinOf = (seed: string, n: number) => `${n}${seed}`.padEnd(15, "7").slice(0, 15).match(/\d{3}/g)!.join("-");

for (const locale of ["en", "ru"] as const) {
  const t = TEXTS[locale];

  test(`${locale}: a 1-seat kit from its envelope, its first activation, a motherboard change and the recovery`, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL! }]);
    const errors = consoleErrors(page);
    const seed = String(Date.now()).slice(-10);
    const regNumber = `81${seed.slice(-8)}`;

    await page.goto("/kits");
    await page.getByRole("link", { name: t.kits.list.add }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.kits.new.title })).toBeVisible();
    const form = page.getByTestId("new-kit-form");
    await form.getByLabel(t.kits.new.size.seats, { exact: true }).fill("1");
    // The size decides the envelope: a 1-seat kit holds one main and two backup PINs.
    await expect(form.getByText(t.kits.new.pins.layout.fixed)).toBeVisible();
    await form.getByLabel(t.kits.new.pins.fixed.main).fill(pinOf(seed, 1));
    await form.getByLabel(t.kits.new.pins.fixed.backup1).fill(pinOf(seed, 2));
    await form.getByLabel(t.kits.new.pins.fixed.backup2).fill(pinOf(seed, 3).replace(/\d$/, "O"));
    await form.getByLabel(t.kits.new.details.regNumber).fill(regNumber);
    await form.getByLabel(t.kits.new.details.product, { exact: true }).fill("1С:Предприятие 8 ПРОФ. Клиентская лицензия на 1 рабочее место");
    await form.getByLabel(t.kits.new.purchase.price).fill("6900");
    await form.getByRole("button", { name: t.kits.new.submit }).click();
    // A letter in a PIN is refused on its own field, in the reader's language, before anything is sent.
    await expect(form.getByText(t.forms.rules.pinCode)).toBeVisible();
    await form.getByLabel(t.kits.new.pins.fixed.backup2).fill(pinOf(seed, 3));
    await page.screenshot({ path: screenshotPath(`ledger-${locale}-1-new-kit`), fullPage: true });
    await form.getByRole("button", { name: t.kits.new.submit }).click();

    await expect(page).toHaveURL(/\/kits\/\d+(\?created=1)?$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(regNumber);
    await expect(page.getByTestId("pins-table").getByRole("row")).toHaveCount(4);

    // First activation of the main PIN on a workstation.
    const first = page.getByTestId("activation-form-first");
    // PINs are listed in the envelope's order: the main PIN first.
    await expect(first.getByLabel(t.ledger.activation.fields.pinFirst).locator("option").nth(1)).toHaveText(new RegExp(`^${t.kits.role.main} · `));
    await first.getByLabel(t.ledger.activation.fields.pinFirst).selectOption({ index: 1 });
    await first.getByLabel(t.ledger.activation.fields.computer, { exact: true }).selectOption({ label: `buh-03 · ${t.role}` });
    await first.getByRole("button", { name: t.ledger.activation.submit.first }).click();
    await expect(page.getByTestId("ledger-notice")).toContainText(t.ledger.activation.recordedFirst);
    await expect(page.getByTestId("timeline").getByRole("row")).toHaveCount(2);

    // The motherboard is replaced: the recovery must spend a backup PIN and name the previous one (DOMAIN §1.3).
    await page.getByRole("tab", { name: t.ledger.panel.tabs.recovery }).click();
    const recovery = page.getByTestId("activation-form-recovery");
    await recovery.getByLabel(t.ledger.activation.changed.yes).check();
    await expect(page.getByTestId("changed-rule")).toBeVisible();
    await recovery.getByLabel(t.ledger.activation.fields.pinBackup).selectOption({ index: 1 });
    await recovery.getByLabel(t.ledger.activation.fields.computer, { exact: true }).selectOption({ label: `buh-03 · ${t.role}` });
    await recovery.getByLabel(t.ledger.activation.fields.reason).fill(locale === "ru" ? "Заменена материнская плата" : "Motherboard replaced");
    await recovery.getByRole("button", { name: t.ledger.activation.submit.recovery }).click();
    const refusal = page.getByTestId("refusal");
    await expect(refusal).toHaveAttribute("data-code", "previous-pin-required");
    await expect(refusal).toContainText(t.forms.refusal.title);
    await expect(refusal).toContainText(locale === "ru" ? "предыдущий ПИН-код" : "previous PIN");
    await page.screenshot({ path: screenshotPath(`ledger-${locale}-2-recovery-refused`), fullPage: true });

    await recovery.getByLabel(t.ledger.activation.fields.previousPin).selectOption({ index: 1 });
    await recovery.getByRole("button", { name: t.ledger.activation.submit.recovery }).click();
    await expect(page.getByTestId("ledger-notice")).toContainText(t.ledger.activation.recordedRecovery);
    await expect(page.getByTestId("backups-left")).toHaveText(locale === "ru" ? "остался 1 резервный ПИН-код" : "1 backup PIN left");
    await expect(page.getByTestId("timeline").getByRole("row")).toHaveCount(3);
    await expect(page.getByTestId("pins-table")).toContainText(t.kits.status.spent);
    await page.screenshot({ path: screenshotPath(`ledger-${locale}-3-recovered`), fullPage: true });

    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });

  test(`${locale}: a CSV with one bad row shows that row and imports nothing`, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL! }]);
    const errors = consoleErrors(page);
    const seed = String(Date.now()).slice(-8);
    const good = `81${seed}`;
    const header = "regNumber,product,kind,level,seats,protection,serverBitness,owner,purchaseDate,price,currency,supplier,invoice,pinSet,pinRole,pinCode";
    const csv = [header, `${good},Клиентская лицензия на 1 место,client,PROF,1,software,,,2026-01-10,6900.00,RUB,,,single,main,${pinOf(seed, 4)}`, `${good},Клиентская лицензия на 1 место,client,PROF,1,software,,,2026-01-10,6900.00,RUB,,,single,backup,12-34`].join("\r\n");

    await page.goto("/kits");
    const panel = page.getByTestId("kits-csv");
    await panel.getByLabel(t.kits.csv.importLabel).setInputFiles({ name: "kits.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await panel.getByRole("button", { name: t.kits.csv.import, exact: true }).click();
    const table = page.getByTestId("csv-errors");
    await expect(table).toBeVisible();
    await expect(table.getByRole("row").nth(1)).toContainText("3");
    await expect(table.getByRole("row").nth(1)).toContainText("pinCode");
    await expect(table.getByRole("row")).toHaveCount(2);
    await page.screenshot({ path: screenshotPath(`ledger-${locale}-4-csv-refused`), fullPage: false });
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath(`ledger-${locale}-4-csv-refused-panel`) });

    // Nothing was imported: the good row's kit is not in the list.
    await page.goto(`/kits?q=${good}`);
    await expect(page.getByTestId("kits-table")).toContainText(t.table.noMatch);
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
}

test("ring license list pasted on the kits page: an installed license the ledger says is unused opens the kit's form pre-filled", async ({ page, request }) => {
  const errors = consoleErrors(page);
  // The demo's kit bought for the new branch is not activated yet: take one of its PINs as if ring had printed it.
  const list = (await (await request.get("/api/pins")).json()) as { kits: Array<{ id: number; regNumber: string; usageMode: string | null; protection: string; pins: Array<{ id: number; status: string; set: string; role: string }> }> };
  const kit = list.kits.find((k) => k.protection === "software" && k.usageMode === null && k.pins.every((p) => p.status === "unused"))!;
  expect(kit, "the demo has a kit not activated yet").toBeTruthy();
  const pin = kit.pins.find((p) => p.set === "single" && p.role === "main")!;
  const code = ((await (await request.post(`/api/pins/${pin.id}/reveal`)).json()) as { code: string }).code;

  await page.goto("/kits");
  const check = page.getByTestId("ring-check");
  await check.getByLabel(enKits.kits.ring.paste).fill(`${code}-${kit.regNumber} (file name: "20261201093000.lic")\r\n`);
  await check.getByRole("button", { name: enKits.kits.ring.check }).click();
  const row = page.getByTestId("ring-results").locator('tr[data-status="not-activated-in-ledger"]');
  await expect(row).toContainText(enKits.kits.ring.statuses["not-activated-in-ledger"]);
  await expect(page.getByTestId("ring-results")).not.toContainText(code);
  await page.screenshot({ path: screenshotPath("ledger-en-5-ring-check"), fullPage: false });
  await row.getByRole("link", { name: enKits.kits.ring.record }).click();

  await expect(page).toHaveURL(new RegExp(`/kits/${kit.id}\\?record=first&pinId=${pin.id}&licFileName=20261201093000\\.lic#ledger$`));
  const form = page.getByTestId("activation-form-first");
  await expect(form.getByLabel(enLedger.ledger.activation.fields.pinFirst)).toHaveValue(String(pin.id));
  await expect(form.getByLabel(enLedger.ledger.activation.fields.licFileName)).toHaveValue("20261201093000.lic");
  expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
});
