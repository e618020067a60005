/**
 * Keys & servers (DOMAIN §2, §4), as the demo admin: a network key on a new License Manager host, a 1C server
 * on a new computer, a client-server and a file-mode infobase; edits; a server with an infobase cannot be
 * deleted. The finance manager reads the same lists without a single write button. No page logs a console error.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";

import enComputers from "../../lib/i18n/messages/en/computers.json";
import enForms from "../../lib/i18n/messages/en/forms.json";
import enInfra from "../../lib/i18n/messages/en/infra.json";
import enNav from "../../lib/i18n/messages/en/nav.json";
import ruInfra from "../../lib/i18n/messages/ru/infra.json";
import ruNav from "../../lib/i18n/messages/ru/nav.json";
import { screenshotPath } from "../helpers/screenshots";
import { storageStateOf } from "./roles";

const t = enInfra.infra;
const f = enForms.forms;
const PAGES = ["keys", "servers", "infobases"] as const;
const RAC_UUID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";

/**
 * Every console error and uncaught exception of the page. The one error a browser logs on its own is the
 * status line of a refused request ("Failed to load resource: … 409"); `expectRefusals` takes exactly the
 * refusals a step provoked on purpose out of the list, so anything else still fails the test.
 */
function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return {
    errors,
    expectRefusals(status: number, count: number) {
      const refused = errors.filter((e) => e.includes(`the server responded with a status of ${status}`));
      expect(refused).toHaveLength(count);
      for (const e of refused) errors.splice(errors.indexOf(e), 1);
    },
  };
}

const table = (page: Page, entity: (typeof PAGES)[number]) => page.getByTestId(`${entity}-table`);
const rowOf = (page: Page, entity: (typeof PAGES)[number], text: string) => table(page, entity).getByRole("row").filter({ hasText: text });
const cell = (row: Locator, col: string) => row.locator(`td[data-col="${col}"]`);

/** A full-page screenshot from the top (a page scrolled to an open form would shift the sticky sidebar). */
async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

async function addComputer(page: Page, name: string, role: keyof typeof enComputers.computers.role) {
  const c = enComputers.computers;
  await page.getByRole("button", { name: c.form.add }).click();
  const form = page.getByRole("form", { name: c.form.addTitle });
  await form.getByLabel(c.fields.name, { exact: true }).fill(name);
  await form.getByLabel(c.fields.role, { exact: true }).selectOption(role);
  await form.getByRole("button", { name: c.form.add }).click();
  await expect(page.getByRole("status")).toHaveText(f.created.replace("{what}", name));
}

async function expectSection(page: Page, entity: (typeof PAGES)[number], nav: typeof enNav.nav, tabs: typeof t.tabs) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nav.keys);
  const strip = page.getByRole("navigation", { name: tabs.label });
  for (const other of PAGES) {
    const tab = strip.getByRole("link", { name: tabs[other], exact: true });
    if (other === entity) await expect(tab).toHaveAttribute("aria-current", "page");
    else await expect(tab).not.toHaveAttribute("aria-current");
  }
}

test("an admin records a network key, a 1C server and its infobases, edits them, and cannot delete a server that holds an infobase", async ({ page }) => {
  // Three pages, six records, two edits, a refused and two accepted deletes, and a second language: a long walk.
  test.slow();
  const browserLog = watchConsole(page);

  // The computers first: the License Manager host the key is plugged into, and the 1C server's host.
  await page.goto("/computers");
  await addComputer(page, "lm-e2e", "license-manager");
  await addComputer(page, "srv1c-e2e", "1c-server");

  // A network ORG8A of 10 seats on the License Manager host.
  await page.goto("/keys");
  await expectSection(page, "keys", enNav.nav, t.tabs);
  await page.getByRole("button", { name: t.keys.form.add }).click();
  const keyForm = page.getByRole("form", { name: t.keys.form.addTitle });
  const series = keyForm.getByLabel(t.keys.fields.series, { exact: true });
  await expect(page.locator(`datalist#${await series.getAttribute("list")} option`)).toHaveCount(5);
  await series.fill("org8a");
  await keyForm.getByLabel(t.keys.fields.kind, { exact: true }).selectOption("network");
  await expect(keyForm.getByText(t.keys.help.computer.network)).toBeVisible();
  await keyForm.getByLabel(t.keys.fields.seats, { exact: true }).fill("10");
  await keyForm.getByLabel(t.keys.fields.keyNumber, { exact: true }).fill("E2E-0001");
  await keyForm.getByLabel(t.keys.fields.computerId, { exact: true }).selectOption({ label: `lm-e2e — ${enComputers.computers.role["license-manager"]}` });
  await shoot(page, "infra-key-form-en");
  await keyForm.getByRole("button", { name: t.keys.form.add }).click();
  await expect(page.getByRole("status")).toHaveText(f.created.replace("{what}", "ORG8A (no. E2E-0001)"));
  const key = rowOf(page, "keys", "lm-e2e");
  await expect(key).toHaveCount(1);
  await expect(cell(key, "series")).toHaveText("ORG8A");
  await expect(cell(key, "kind")).toHaveText(t.keys.kind.network);
  await expect(cell(key, "seats")).toHaveText("10");
  await expect(cell(key, "keyNumber")).toHaveText("E2E-0001");
  await expect(cell(key, "counted")).toHaveText(t.keys.counted.yes);
  // §2: the demo's second ORGL8 on srv-lm is explained, not just flagged.
  await expect(table(page, "keys")).toContainText(t.keys.counted.duplicateHelp);
  await shoot(page, "infra-keys-en");

  // A 64-bit 1C server on its new computer; no server license yet → the warning.
  await page.getByRole("navigation", { name: t.tabs.label }).getByRole("link", { name: t.tabs.servers }).click();
  await expectSection(page, "servers", enNav.nav, t.tabs);
  await page.getByRole("button", { name: t.servers.form.add }).click();
  const serverForm = page.getByRole("form", { name: t.servers.form.addTitle });
  await serverForm.getByLabel(t.servers.fields.name, { exact: true }).fill("srv-e2e");
  await serverForm.getByLabel(t.servers.fields.computerId, { exact: true }).selectOption({ label: `srv1c-e2e — ${enComputers.computers.role["1c-server"]}` });
  await expect(serverForm.getByLabel(t.servers.fields.bitness, { exact: true })).toHaveValue("64");
  await expect(serverForm.getByLabel(t.servers.fields.clusterPort, { exact: true })).toHaveValue("1541");
  await serverForm.getByLabel(t.servers.fields.serviceUser, { exact: true }).fill("usr1cv8");
  await serverForm.getByLabel(t.servers.fields.platformVersion, { exact: true }).fill("8.3.25.1374");
  await shoot(page, "infra-server-form-en");
  await serverForm.getByRole("button", { name: t.servers.form.add }).click();
  await expect(page.getByRole("status")).toHaveText(f.created.replace("{what}", "srv-e2e"));
  const server = rowOf(page, "servers", "srv-e2e");
  await expect(cell(server, "computer")).toHaveText("srv1c-e2e");
  await expect(cell(server, "bitness")).toHaveText(t.servers.bitness["64"]);
  await expect(cell(server, "license")).toHaveText(t.servers.noLicense);
  await expect(cell(server, "infobases")).toHaveText("0");
  await expect(cell(server, "serviceUser")).toHaveText("usr1cv8");
  await expect(cell(server, "port")).toHaveText("1541");
  await shoot(page, "infra-servers-no-license-en");

  // Edit: record its server license (a kit of kind "server") → the warning goes.
  await server.getByRole("button", { name: t.actions.edit.replace("{what}", "srv-e2e") }).click();
  const serverEdit = page.getByRole("form", { name: t.servers.form.editTitle.replace("{what}", "srv-e2e") });
  const licensePicker = serverEdit.getByLabel(t.servers.fields.serverLicenseKitId, { exact: true });
  const regNumber = ((await licensePicker.locator("option").nth(1).textContent()) ?? "").split(" — ")[0];
  expect(regNumber).toMatch(/^\d{9,12}$/);
  await licensePicker.selectOption({ index: 1 });
  await serverEdit.getByRole("button", { name: f.save }).click();
  await expect(page.getByRole("status")).toHaveText(t.saved.replace("{what}", "srv-e2e"));
  await expect(cell(server, "license")).toHaveText(regNumber);

  // A client-server infobase on that server (license distribution denied), and a file-mode one by its folder.
  await page.goto("/infobases");
  await expectSection(page, "infobases", enNav.nav, t.tabs);
  await page.getByRole("button", { name: t.infobases.form.add }).click();
  let ibForm = page.getByRole("form", { name: t.infobases.form.addTitle });
  await ibForm.getByLabel(t.infobases.fields.name, { exact: true }).fill("Trade e2e");
  await ibForm.getByLabel(t.infobases.fields.mode, { exact: true }).selectOption("client-server");
  await expect(ibForm.getByLabel(t.infobases.fields.path, { exact: true })).toHaveCount(0);
  // The server is required in client-server mode.
  await ibForm.getByRole("button", { name: t.infobases.form.add }).click();
  await expect(ibForm.getByText(f.rules.serverId)).toBeVisible();
  await ibForm.getByLabel(t.infobases.fields.serverId, { exact: true }).selectOption({ label: "srv-e2e" });
  await ibForm.getByLabel(t.infobases.fields.licenseDistribution, { exact: true }).selectOption("deny");
  await ibForm.getByLabel(t.infobases.fields.racUuid, { exact: true }).fill(RAC_UUID.toUpperCase());
  await shoot(page, "infra-infobase-form-en");
  await ibForm.getByRole("button", { name: t.infobases.form.add }).click();
  await expect(page.getByRole("status")).toHaveText(f.created.replace("{what}", "Trade e2e"));
  const trade = rowOf(page, "infobases", "Trade e2e");
  await expect(cell(trade, "mode")).toHaveText(t.infobases.mode["client-server"]);
  await expect(cell(trade, "server")).toHaveText("srv-e2e");
  await expect(cell(trade, "licenseDistribution")).toContainText(t.infobases.distribution.deny);
  await expect(cell(trade, "licenseDistribution")).toContainText(t.infobases.distribution.denyHelp);
  await expect(cell(trade, "useHardwareLicense")).toHaveText(t.yes);
  // The uuid is shown under the name, lower-cased as rac prints it, and exported in a column of its own.
  await expect(cell(trade, "name").getByTestId("rac-uuid")).toBeVisible();
  await expect(cell(trade, "name").getByTestId("rac-uuid")).toContainText(RAC_UUID);
  const [download] = await Promise.all([page.waitForEvent("download"), table(page, "infobases").getByRole("button", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toBe("seatledger-infobases.csv");
  const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(csv[0]).toBe(Object.values(t.infobases.columns).join(","));
  expect(csv.find((line) => line.startsWith("Trade e2e,"))).toBe(`Trade e2e,${t.infobases.mode["client-server"]},srv-e2e,${t.infobases.distribution.deny},${t.yes},${RAC_UUID}`);

  await page.getByRole("button", { name: t.infobases.form.add }).click();
  ibForm = page.getByRole("form", { name: t.infobases.form.addTitle });
  await ibForm.getByLabel(t.infobases.fields.name, { exact: true }).fill("HR e2e");
  await ibForm.getByLabel(t.infobases.fields.mode, { exact: true }).selectOption("file");
  await expect(ibForm.getByLabel(t.infobases.fields.serverId, { exact: true })).toHaveCount(0);
  await ibForm.getByLabel(t.infobases.fields.path, { exact: true }).fill("\\\\fs-e2e\\1c\\hr");
  await ibForm.getByRole("button", { name: t.infobases.form.add }).click();
  await expect(page.getByRole("status")).toHaveText(f.created.replace("{what}", "HR e2e"));
  const hr = rowOf(page, "infobases", "HR e2e");
  await expect(cell(hr, "mode")).toHaveText(t.infobases.mode.file);
  await expect(cell(hr, "server")).toHaveText("\\\\fs-e2e\\1c\\hr");
  await expect(cell(hr, "licenseDistribution")).toHaveText(t.infobases.distribution.allow);

  // Edit the file-mode one: a new name, and clients told not to look for keys.
  await hr.getByRole("button", { name: t.actions.edit.replace("{what}", "HR e2e") }).click();
  const hrEdit = page.getByRole("form", { name: t.infobases.form.editTitle.replace("{what}", "HR e2e") });
  await expect(hrEdit.getByLabel(t.infobases.fields.path, { exact: true })).toHaveValue("\\\\fs-e2e\\1c\\hr");
  await hrEdit.getByLabel(t.infobases.fields.name, { exact: true }).fill("HR e2e archive");
  await hrEdit.getByLabel(t.infobases.fields.useHardwareLicense, { exact: true }).uncheck();
  await hrEdit.getByRole("button", { name: f.save }).click();
  await expect(page.getByRole("status")).toHaveText(t.saved.replace("{what}", "HR e2e archive"));
  const hrArchive = rowOf(page, "infobases", "HR e2e archive");
  await expect(cell(hrArchive, "useHardwareLicense")).toHaveText(t.no);
  await expect(cell(hrArchive, "server")).toHaveText("\\\\fs-e2e\\1c\\hr");
  await expect(rowOf(page, "infobases", "HR e2e")).toHaveCount(1);
  await shoot(page, "infra-infobases-en");

  // The server holds "Trade e2e": the delete is refused, with the reason, and nothing is deleted.
  await page.goto("/servers");
  await expect(cell(rowOf(page, "servers", "srv-e2e"), "infobases")).toHaveText("1");
  await rowOf(page, "servers", "srv-e2e").getByRole("button", { name: t.actions.delete.replace("{what}", "srv-e2e") }).click();
  await expect(page.getByText(f.deleteConfirm.question.replace("{what}", "srv-e2e"))).toBeVisible();
  await page.getByRole("button", { name: f.deleteConfirm.submit, exact: true }).click();
  await expect(page.getByRole("group").getByRole("alert")).toHaveText(f.deleteRefused["server-has-infobases"].replace("{names}", "Trade e2e"));
  browserLog.expectRefusals(409, 1);
  await shoot(page, "infra-servers-en");
  await page.reload();
  await expect(cell(rowOf(page, "servers", "srv-e2e"), "infobases")).toHaveText("1");

  // Russian: the same three pages, every label translated.
  await page.getByRole("button", { name: "Русский" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ruNav.nav.keys);
  const ru = ruInfra.infra;
  for (const entity of PAGES) {
    await page.goto(`/${entity}`);
    await expectSection(page, entity, ruNav.nav, ru.tabs);
    await expect(page.getByText(ru[entity].description)).toBeVisible();
    await expect(page.getByRole("button", { name: ru[entity].form.add })).toBeVisible();
    await shoot(page, `infra-${entity}-ru`);
  }
  await expect(cell(rowOf(page, "infobases", "Trade e2e"), "licenseDistribution")).toContainText(ru.infobases.distribution.denyHelp);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(enNav.nav.keys);

  // Once the infobase is gone the server can go; then the rest of what this test recorded.
  await rowOf(page, "infobases", "Trade e2e").getByRole("button", { name: t.actions.delete.replace("{what}", "Trade e2e") }).click();
  await page.getByRole("button", { name: f.deleteConfirm.submit, exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(f.deleteConfirm.done.replace("{what}", "Trade e2e"));
  await expect(rowOf(page, "infobases", "Trade e2e")).toHaveCount(0);
  await page.goto("/servers");
  await rowOf(page, "servers", "srv-e2e").getByRole("button", { name: t.actions.delete.replace("{what}", "srv-e2e") }).click();
  await page.getByRole("button", { name: f.deleteConfirm.submit, exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(f.deleteConfirm.done.replace("{what}", "srv-e2e"));
  await expect(rowOf(page, "servers", "srv-e2e")).toHaveCount(0);
  for (const [list, url] of [
    ["infobases", "/api/infobases?q=HR%20e2e"],
    ["keys", "/api/keys?q=E2E-0001"],
    ["computers", "/api/computers?q=-e2e"],
  ] as const) {
    const body = (await (await page.request.get(url)).json()) as Record<string, Array<{ id: number }>>;
    for (const { id } of body[list]) expect((await page.request.delete(`${url.split("?")[0]}/${id}`)).status()).toBe(204);
  }

  expect(browserLog.errors).toEqual([]);
});

test.describe("as the finance manager", () => {
  test.use({ storageState: storageStateOf("finance") });

  test("the three lists are readable and offer nothing to add, edit or delete", async ({ page }) => {
    const browserLog = watchConsole(page);
    const expected = { keys: ["ORGL8", "srv-lm"], servers: ["srv-1c", "usr1cv8"], infobases: [t.infobases.distribution.deny, t.infobases.mode.file] } as const;
    for (const entity of PAGES) {
      await page.goto(`/${entity}`);
      await expectSection(page, entity, enNav.nav, t.tabs);
      const list = table(page, entity);
      expect(await list.locator("tbody tr").count()).toBeGreaterThan(0);
      for (const text of expected[entity]) await expect(list).toContainText(text);
      await expect(list.getByRole("button", { name: "Export CSV" })).toBeVisible();
      await expect(page.getByRole("button", { name: t[entity].form.add })).toHaveCount(0);
      await expect(page.getByRole("button", { name: /^(Edit|Delete)\b/ })).toHaveCount(0);
      await expect(list.getByRole("columnheader", { name: t.actions.column })).toHaveCount(0);
    }
    expect(browserLog.errors).toEqual([]);
  });
});
