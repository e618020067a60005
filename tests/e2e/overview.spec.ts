/**
 * The Overview of a freshly seeded temporary database shows what the database says. The expected
 * figures are computed here with plain SQL over the raw tables — independently of db/queries and
 * lib/licensing, which the page uses — so a bug in either shows up as a mismatch.
 */
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";

import { screenshotPath } from "../helpers/screenshots";
import { watchConsole } from "./console";
import { storageStateOf } from "./roles";

function expectedFigures() {
  const db = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true, fileMustExist: true });
  try {
    const one = (sql: string, ...params: unknown[]) => Object.values(db.prepare(sql).get(...params) as object)[0] as number;
    // Seats: every active PIN of a client kit or basic delivery is a file (multi set = the kit's seats,
    // single set = 1, DOMAIN §1.2); keys count once per host and series, the smaller one (§2).
    const softSeats = one(`
      select coalesce(sum(case when k.kind = 'basic' then 1 when p."set" = 'multi' then k.seats else 1 end), 0)
      from pins p join kits k on k.id = p.kit_id
      where p.status = 'active' and k.protection = 'software' and k.kind in ('client', 'basic')`);
    const keySeats = one(`
      select coalesce(sum(seats), 0) from (
        select min(seats) as seats from hardware_keys
        where kind <> 'server' and computer_id is not null group by computer_id, upper(series))`);
    const takenAt = one(`select max(taken_at) from session_snapshots`);
    const at = `first_seen_at <= ${takenAt} and last_seen_at >= ${takenAt}`;
    // In use (§4): server-issued and web-client licenses per session; everything else per computer,
    // where a terminal session is its own computer — and rac printing none, a terminal server's user is.
    const perSession = one(`select count(*) from sessions where ${at} and series is not null and (issued_by_server = 1 or app_id = 'WebClient')`);
    const perComputer = one(`
      select count(distinct series || '|' || lower(host) || '|' || coalesce(terminal_session,
        case when host in (select name from computers where role = 'terminal-server') then 'user:' || user_name else '' end))
      from sessions where ${at} and series is not null and issued_by_server = 0 and app_id <> 'WebClient'`);
    const exhausted = one(`
      select count(*) from kits k
      where k.protection = 'software'
        and exists (select 1 from pins p where p.kit_id = k.id and p.status in ('active', 'spent'))
        and not exists (
          select 1 from pins p where p.kit_id = k.id and p.status = 'unused' and p.role <> 'main'
            and p."set" = coalesce(k.usage_mode, p."set"))`);
    return {
      usable: softSeats + keySeats,
      inUse: perSession + perComputer,
      sessions: one(`select count(*) from sessions where ${at}`),
      licensed: one(`select count(*) from sessions where ${at} and series is not null`),
      exhausted,
      eventsTotal: one(`select count(*) from no_license_events`),
      purchased: one(`select sum(seats) from kits where kind in ('client', 'basic')`),
    };
  } finally {
    db.close();
  }
}

const numberIn = async (page: Page, testId: string) => Number((await page.getByTestId(testId).innerText()).replace(/[^\d-]/g, ""));

test("the Overview shows the seats, PINs and snapshot figures the database holds", async ({ page }) => {
  const expected = expectedFigures();
  expect(expected.usable).toBeGreaterThan(0);
  expect(expected.inUse).toBeGreaterThan(0);

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  expect(await numberIn(page, "stat-usable")).toBe(expected.usable);
  expect(await numberIn(page, "stat-in-use")).toBe(expected.inUse);
  expect(await numberIn(page, "stat-free")).toBe(expected.usable - expected.inUse);
  expect(await numberIn(page, "stat-exhausted")).toBe(expected.exhausted);
  expect(await numberIn(page, "snapshot-sessions")).toBe(expected.sessions);
  expect(await numberIn(page, "snapshot-licensed")).toBe(expected.licensed);
  expect(await numberIn(page, "reconciliation-purchased")).toBe(expected.purchased);
  await expect(page.getByTestId("stat-events").locator("xpath=../..")).toContainText(expected.eventsTotal.toLocaleString("en-US"));

  // The pools table's total row is the same figure as the stat cards.
  const totals = page.getByTestId("pools-table").locator("tfoot td");
  await expect(totals.nth(4)).toHaveText(String(expected.usable));
  await expect(totals.nth(5)).toHaveText(String(expected.inUse));
  // §2: the second ORGL8 key on srv-lm is called out as not counted.
  await expect(page.getByTestId("ignored-keys-note")).toContainText("ORGL8");

  await page.screenshot({ path: screenshotPath("overview-en"), fullPage: true });
  await page.screenshot({ path: screenshotPath("overview-en-top") });
});

test("the pools table sorts by a column and exports what it shows as CSV", async ({ page }) => {
  await page.goto("/");
  const table = page.getByTestId("pools-table");
  await table.getByRole("button", { name: /^Seats/ }).click();
  const seats = await table.locator('tbody td[data-col="seats"]').allInnerTexts();
  const numbers = seats.map(Number);
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

  const [download] = await Promise.all([page.waitForEvent("download"), table.getByRole("button", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toBe("seatledger-pools.csv");
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8").replace(/^\uFEFF/, "");
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toBe("Pool,Host,Counting,Registration numbers / keys,Seats,In use,Free,Load");
  expect(lines).toHaveLength(seats.length + 2); // header + rows + total
});

test("the Overview reads in Russian after switching the language", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Русский" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Обзор" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { name: "Места по пулам лицензий" })).toBeVisible();
  expect(await numberIn(page, "stat-usable")).toBe(expectedFigures().usable);
  await expect(page.getByRole("group").filter({ has: page.getByRole("button", { name: "Русский" }) })).not.toHaveAttribute("aria-busy", "true");
  await page.screenshot({ path: screenshotPath("overview-ru"), fullPage: true });
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
});

type PoolsBody = { pools: Array<{ id: string; seats: number; inUse: number }> };

test("alerts: every full shared pool is an urgent alert that opens its seats; a lead gets no link to pages they cannot open", async ({ page, request, browser }) => {
  const errors = watchConsole(page);
  const { pools } = (await (await request.get("/api/pools")).json()) as PoolsBody;
  const full = pools.filter((p) => p.seats > 1 && p.inUse >= p.seats);
  await page.goto("/");
  const list = page.getByTestId("alerts");
  await expect(list).toBeVisible();
  await expect(list.locator('[data-code="pool-full"]')).toHaveCount(full.length);
  // Urgent ones first.
  const severities = await list.getByTestId("alert").evaluateAll((items) => items.map((i) => i.getAttribute("data-severity")));
  expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === "danger" ? -1 : 1)));
  await page.screenshot({ path: screenshotPath("overview-alerts-en") });
  if (full.length > 0) {
    await list.locator('[data-code="pool-full"]').first().getByRole("link").click();
    await expect(page).toHaveURL((url) => url.pathname === "/seats" && full.some((p) => p.id === url.searchParams.get("pool")));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seats");
  }
  expect(errors).toEqual([]);

  const lead = await browser.newContext({ storageState: storageStateOf("lead") });
  const leadPage = await lead.newPage();
  await leadPage.goto("/");
  await expect(leadPage.getByTestId("alerts")).toBeVisible();
  const hrefs = await leadPage.getByTestId("alerts").getByRole("link").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  for (const href of hrefs) expect(["/kits", "/keys", "/servers", "/infobases"].some((p) => href.startsWith(p)), href).toBe(false);
  await lead.close();
});

test("an admin gives one pool its own threshold in Settings and the Overview raises that pool's alert", async ({ page, request }) => {
  const errors = watchConsole(page);
  const { pools } = (await (await request.get("/api/pools")).json()) as PoolsBody;
  // A shared pool below the company-wide 80 % and not full: its own threshold of 1 % must raise its alert.
  const quiet = pools.find((p) => p.seats > 1 && p.inUse > 0 && p.inUse / p.seats < 0.8);
  expect(quiet, "the demo has a shared pool below 80 %").toBeDefined();
  try {
    await page.goto("/settings");
    const form = page.getByTestId("alert-settings");
    await expect(form).toBeVisible();
    const row = form.locator(`tr[data-pool="${quiet!.id}"]`);
    await row.getByRole("spinbutton").fill("150");
    await form.getByRole("button", { name: "Save" }).click();
    // The browser refuses it on its field, with the rule, before anything is sent.
    await expect(row.getByText("A share from 0 to 100 %.")).toBeVisible();
    await row.getByRole("spinbutton").fill("1");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByText("Saved.")).toBeVisible();
    await page.screenshot({ path: screenshotPath("settings-alerts-en"), fullPage: true });

    const settings = (await (await request.get("/api/settings/licensing")).json()) as { settings: { poolThresholds: Record<string, number> } };
    expect(settings.settings.poolThresholds).toEqual({ [quiet!.id]: 0.01 });
    await page.goto("/");
    const alert = page.getByTestId("alerts").locator('[data-code="pool-over-threshold"]').filter({ has: page.locator(`a[href="/seats?pool=${encodeURIComponent(quiet!.id)}"]`) });
    await expect(alert).toHaveCount(1);
    expect(errors).toEqual([]);
  } finally {
    expect((await request.patch("/api/settings/licensing", { data: { reset: ["poolThresholds"] } })).status()).toBe(200);
  }
});
