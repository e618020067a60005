/**
 * Sessions (issue 10 §2): an administrator pastes a rac capture and sees the snapshot with its counts and
 * holders that match what was pasted; a team lead filters the holders by infobase and shares the URL.
 * No page logs a console error.
 */
import { expect, test } from "@playwright/test";

import { formatRac, type RacRecord } from "../../lib/parsers/rac";
import { screenshotPath } from "../helpers/screenshots";
import { watchConsole } from "./console";
import { storageStateOf } from "./roles";


const uuid = (n: number) => `9e0c2a9e-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** A capture on the demo's terminal server: three users, one of them in two infobases — and one unknown kit. */
function capture(regNumber: string): string {
  const record = (n: number, user: string, extra: RacRecord = {}): RacRecord => ({
    session: uuid(n),
    userName: user,
    host: "srv-ts",
    appId: "1CV8C",
    startedAt: "2026-01-05T08:30:00",
    lastActiveAt: "2026-01-05T09:58:00",
    hibernate: false,
    fullName: "file://C:/ProgramData/1C/licenses/20240301080000.lic",
    series: regNumber,
    issuedByServer: false,
    licenseType: "soft",
    net: false,
    rmngrAddress: null,
    rmngrPort: 0,
    rmngrPid: 0,
    shortPresentation: `Клиент, ${regNumber} 50 1`,
    fullPresentation: `Клиент, srv-ts, программная лицензия ${regNumber}, 50 польз.`,
    ...extra,
  });
  return formatRac([
    record(1, "Иванов И.И."),
    record(2, "Петров П.П."),
    record(3, "Сидоров С.С."),
    record(4, "Сидоров С.С.", { appId: "Designer" }),
    record(5, "Орлов Д.М.", { host: "pc-x", series: "899999999", shortPresentation: "Клиент, 899999999 5 1", fullPresentation: "Клиент, pc-x, программная лицензия 899999999, 5 польз." }),
  ]).replace(/\n/g, "\r\n");
}

test.describe("as an administrator in Moscow", () => {
  // The capture's local times are the 1C server's (Moscow in the demo); the browser types "Taken at" in its own.
  test.use({ timezoneId: "Europe/Moscow" });

test("an admin pastes a rac capture: the snapshot appears with its counts and the holders match what was pasted", async ({ page, request }) => {
  const errors = watchConsole(page);
  // The 50-seat kit on the demo's terminal server, as the API lists it.
  const kits = (await (await request.get("/api/kits?q=50000&size=100")).json()) as { kits: Array<{ regNumber: string; seats: number }> };
  const fifty = kits.kits.find((k) => k.seats === 50)!.regNumber;

  await page.goto("/sessions");
  await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  const panel = page.getByTestId("rac-import");
  await panel.getByLabel("rac output").fill(capture(fifty));
  // Before the demo's snapshots, so the Overview the other tests read keeps its newest snapshot.
  await panel.getByLabel("Taken at").fill("2026-01-05T10:00");
  await panel.getByRole("button", { name: "Import" }).click();
  await expect(panel.getByTestId("import-result")).toHaveText("Stored: 5 sessions, 5 holding a license, 4 matched, 1 unmatched.");
  await page.screenshot({ path: screenshotPath("sessions-import-done"), fullPage: true });

  await panel.getByRole("link", { name: "Open this snapshot" }).click();
  const counts = page.getByTestId("snapshot-counts");
  await expect(counts).toContainText("Sessions5");
  await expect(counts).toContainText("Unmatched1");
  const table = page.getByTestId("holders-table");
  await expect(table.getByRole("row")).toHaveCount(6);
  const users = await table.locator("td[data-col=userName]").allTextContents();
  expect(users.sort()).toEqual(["Иванов И.И.", "Орлов Д.М.", "Петров П.П.", "Сидоров С.С.", "Сидоров С.С."]);
  // The four terminal-server sessions count in the terminal server's pool; the unknown kit says why and what to record.
  await expect(table.locator("td[data-col=pool]", { hasText: "srv-tsSoftware, on this computer · per computer" })).toHaveCount(4);
  const orlov = table.getByRole("row", { name: /Орлов/ });
  await expect(orlov).toContainText("Unmatched");
  await expect(orlov).toContainText("No kit or key with this series is recorded");
  await expect(orlov.getByRole("link", { name: "Record kit 899999999" })).toHaveAttribute("href", "/kits/new");
  await page.screenshot({ path: screenshotPath("sessions-pasted-snapshot"), fullPage: true });

  await page.getByRole("link", { name: "Snapshots", exact: true }).click();
  await expect(page.getByTestId("snapshots-table")).toBeVisible();
  await page.screenshot({ path: screenshotPath("sessions-snapshots"), fullPage: true });
  expect(errors).toEqual([]);
});
});

test.describe("as a team lead", () => {
  test.use({ storageState: storageStateOf("lead") });

  test("filters the holders by infobase and shares the URL", async ({ page, browser }) => {
    const errors = watchConsole(page);
    await page.goto("/sessions");
    // A lead reads; only administrators import.
    await expect(page.getByTestId("rac-import")).toHaveCount(0);
    const table = page.getByTestId("holders-table");
    await expect(table).toBeVisible();
    const select = page.getByLabel("Infobase", { exact: true });
    const options = await select.locator("option").allTextContents();
    const infobase = options.find((o) => o !== "All")!;
    await select.selectOption(infobase);
    await expect(page).toHaveURL(new RegExp(`infobase=${encodeURIComponent(infobase).replace(/%20/g, "(\\+|%20)")}`));
    await expect(table.locator("td[data-col=infobase]").first()).toHaveText(infobase);
    const cells = await table.locator("td[data-col=infobase]").allTextContents();
    expect(new Set(cells)).toEqual(new Set([infobase]));
    const count = await page.getByTestId("list-count").textContent();
    await page.screenshot({ path: screenshotPath("sessions-lead-filtered"), fullPage: true });

    // The shared link opens the same filtered list for a colleague.
    const colleague = await browser.newContext({ storageState: storageStateOf("lead") });
    const other = await colleague.newPage();
    await other.goto(page.url());
    await expect(other.getByTestId("list-count")).toHaveText(count!);
    await expect(other.getByLabel("Infobase", { exact: true })).toHaveValue(infobase);
    await colleague.close();

    // A user's history is one click away.
    await table.locator("td[data-col=userName] a").first().click();
    await expect(page.getByRole("heading", { name: /^History of user / })).toBeVisible();
    await expect(page.getByTestId("history-table")).toBeVisible();
    await page.screenshot({ path: screenshotPath("sessions-history"), fullPage: true });
    expect(errors).toEqual([]);
  });
});
