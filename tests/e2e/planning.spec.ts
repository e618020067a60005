/**
 * Planning (issue 11 §4): finance opens the page on the demo and every pool's seats needed and short equal
 * what the engine computes from the public APIs — GET /api/pools, GET /api/seats (daily peaks over the page's
 * own window) and GET /api/settings/licensing — fed to lib/licensing/forecast.ts here, independently of
 * lib/planning. Russian with no English left over; a phone without sideways scrolling; a print view that fits
 * A4 landscape (and a PDF of it); team leads and viewers are refused.
 */
import fs from "node:fs";

import { expect, test, type Page } from "@playwright/test";

import { LOCALE_COOKIE } from "../../lib/i18n/locales";
import enAuth from "../../lib/i18n/messages/en/auth.json";
import enTable from "../../lib/i18n/messages/en/table.json";
import en from "../../lib/i18n/messages/en/planning.json";
import ru from "../../lib/i18n/messages/ru/planning.json";
import { cheapestKits, forecastDemandTrend, percentile, type DailyPeak } from "../../lib/licensing/forecast";
import { screenshotPath } from "../helpers/screenshots";
import { watchConsole } from "./console";
import { storageStateOf } from "./roles";

test.use({ storageState: storageStateOf("finance") });

const DAY_MS = 86_400_000;
const MONTH_DAYS = 365.25 / 12;

type PoolsBody = { takenAt: string | null; pools: Array<{ id: string; kind: string; host: string; seats: number }> };
type SeatsBody = { series: Array<{ t: string; inUse: number }>; denials: number };
type SettingsBody = { settings: { kitSizes: number[]; kitPrices: Record<string, number> } };

/** Up to the next whole seat, not for floating noise (110.00000000000001 is 110). */
const seatsFor = (v: number) => Math.max(0, Math.ceil(v - 1e-9 * Math.max(1, Math.abs(v))));

async function openPlanning(page: Page, query = "") {
  await page.goto(`/planning${query}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The chart draws after hydration; the figures are in the server's HTML already.
  await expect(page.getByTestId("planning-chart").locator(".recharts-surface").first()).toBeVisible();
}

test("finance: every pool's seats needed and short are what the engine computes from the public APIs", async ({ page, request }) => {
  const errors = watchConsole(page);
  await openPlanning(page, "?horizon=24");
  await expect(page.getByRole("heading", { level: 1, name: en.planning.title })).toBeVisible();
  await expect(page.getByRole("button", { name: en.planning.filters.horizons["24"], exact: true })).toHaveAttribute("aria-pressed", "true");

  const w = page.getByTestId("planning-window");
  const now = Date.parse((await w.getAttribute("data-now"))!);
  const from = (await w.getAttribute("data-from"))!;
  const to = (await w.getAttribute("data-to"))!;
  const horizonDays = Number(await w.getAttribute("data-horizon-days"));
  expect(horizonDays).toBe(731);

  const pools = (await (await request.get("/api/pools")).json()) as PoolsBody;
  expect(pools.takenAt, "the demo has captures").not.toBeNull();
  const { settings } = (await (await request.get("/api/settings/licensing")).json()) as SettingsBody;
  const number = new Intl.NumberFormat("en");
  const demand = page.getByTestId("planning-demand");
  await expect(demand.locator("tbody tr")).toHaveCount(pools.pools.length);

  let toBuy = 0;
  const short: string[] = [];
  const someNeed: number[] = [];
  for (const pool of pools.pools) {
    const response = await request.get(`/api/seats?${new URLSearchParams({ pool: pool.id, from, to, bucketMinutes: "1440" })}`);
    expect(response.status()).toBe(200);
    const seats = (await response.json()) as SeatsBody;
    const peaks: DailyPeak[] = seats.series.map((b) => ({ date: b.t.slice(0, 10), peak: b.inUse }));
    const trend = forecastDemandTrend({ series: peaks, capacity: pool.seats, now, horizonDays });
    const busy = peaks.map((p) => p.peak).filter((p) => p > 0);
    const atHorizon = trend.status === "ok" ? trend.intercept + (trend.slopePerMonth / MONTH_DAYS) * ((now + horizonDays * DAY_MS) / DAY_MS - Date.parse(`${trend.origin}T00:00:00Z`) / DAY_MS) : null;
    const needed = Math.max(atHorizon === null ? 0 : seatsFor(atHorizon), trend.alreadyOver && trend.current !== null ? seatsFor(trend.current) : 0, busy.length ? seatsFor(percentile(busy, 95)) : 0);
    const shortfall = Math.max(0, needed - pool.seats);
    someNeed.push(needed);

    const row = demand.locator(`tr[data-row="${pool.id}"]`);
    await expect(row.locator('td[data-col="capacity"]')).toHaveText(number.format(pool.seats));
    await expect(row.locator('td[data-col="needed"]')).toHaveText(number.format(needed));
    await expect(row.locator('td[data-col="shortfall"]')).toHaveText(number.format(shortfall));
    await expect(row.locator('td[data-col="denials"]')).toHaveText(number.format(seats.denials));
    if (shortfall > 0 && !pool.kind.startsWith("hasp")) {
      const kits = cheapestKits(shortfall, settings.kitSizes, settings.kitPrices)!;
      await expect(page.getByTestId("planning-plan").locator(`tr[data-row="${pool.id}"] td[data-col="bought"]`)).toHaveText(number.format(kits.seatsBought));
      toBuy += kits.seatsBought;
      short.push(pool.id);
    } else if (shortfall > 0) {
      short.push(pool.id);
      toBuy += Number((await page.getByTestId("planning-plan").locator(`tr[data-row="${pool.id}"] td[data-col="bought"]`).innerText()).replace(/\D/g, ""));
    }
  }
  expect(Math.max(...someNeed), "the demo's pools hold seats").toBeGreaterThan(0);
  await expect(page.getByTestId("planning-plan").locator("tbody tr")).toHaveCount(short.length);
  if (short.length === 0) await expect(page.getByText(en.planning.plan.none.replace("{months}", "24"))).toBeVisible();
  await expect(page.getByTestId("stat-toBuy")).toHaveText(number.format(toBuy));

  // The demo's full server pool refused sessions: the page says the trend cannot see that demand.
  await expect(page.getByTestId("planning-refusing")).toBeVisible();
  // …and how many more seats its worst day would have taken, at most.
  await expect(page.getByTestId("planning-worst-day").first()).toHaveAttribute("data-people", /^[1-9]\d*$/);
  // Every software kit has a runway row; the director's (three hardware changes) needs the Licensing Center now.
  await expect(page.getByTestId("planning-runway").getByText(en.planning.runway.now).first()).toBeVisible();
  await expect(page.getByTestId("planning-runway").getByRole("link", { name: en.planning.runway.how }).first()).toHaveAttribute("href", /^\/kits\/\d+$/);
  await expect(page.getByTestId("planning-owned").locator("tbody tr")).not.toHaveCount(0);

  await page.screenshot({ path: screenshotPath("planning-finance-en-top") });
  await page.getByTestId("planning-chart").screenshot({ path: screenshotPath("planning-chart-en") });

  // A shared link: the pool on the chart and the lead time live in the URL.
  const other = pools.pools.find((p) => p.kind === "hasp-network") ?? pools.pools[0];
  await page.getByLabel(en.planning.filters.pool, { exact: true }).selectOption(other.id);
  await expect(page).toHaveURL((url) => url.searchParams.get("pool") === other.id && url.searchParams.get("horizon") === "24");
  await expect(page.getByTestId("planning-chart")).toContainText(other.host);
  await page.getByLabel(en.planning.filters.lead, { exact: true }).selectOption("60");
  await expect(page).toHaveURL((url) => url.searchParams.get("leadDays") === "60");
  await expect(page.getByTestId("planning-window")).toHaveAttribute("data-lead-days", "60");

  await page.screenshot({ path: screenshotPath("planning-finance-en"), fullPage: true });
  expect(errors).toEqual([]);
});

/** Literal text of every English message of the namespace (placeholders cut out), long enough to be distinctive. */
function englishFragments(value: unknown): string[] {
  if (typeof value === "string") return value.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/).map((s) => s.trim()).filter((s) => s.length >= 14 && /[a-z]{4}/.test(s));
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(englishFragments);
  return [];
}

test("in Russian: the page's own words are Russian, nothing of the English catalog is left", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: LOCALE_COOKIE, value: "ru", url: baseURL! }]);
  const errors = watchConsole(page);
  await openPlanning(page);
  await expect(page.getByRole("heading", { level: 1, name: ru.planning.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: ru.planning.plan.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: ru.planning.runway.title })).toBeVisible();
  // Open the engine's method texts too: they are shown in the reader's language.
  for (const summary of await page.locator("main details > summary").all()) await summary.click();
  const text = await page.locator("main").innerText();
  const leftovers = [...new Set(englishFragments(en.planning))].filter((s) => text.includes(s));
  expect(leftovers).toEqual([]);
  expect(text).not.toMatch(/\b(Trend|backup PIN|Licensing Center|per computer|per session|Order by|Purchase plan|Seats owned)\b/);
  await page.screenshot({ path: screenshotPath("planning-finance-ru"), fullPage: true });
  await page.getByRole("heading", { name: ru.planning.plan.title }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath("planning-finance-ru-plan") });
  expect(errors).toEqual([]);
});

test("on a 390 px phone the page does not scroll sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlanning(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: screenshotPath("planning-phone"), fullPage: true });
});

test("the print view fits A4 landscape: no menu or buttons, nothing wider than the page, and a PDF", async ({ page }) => {
  await page.setViewportSize({ width: 1123, height: 794 });
  await openPlanning(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation")).toBeHidden();
  await expect(page.getByRole("button", { name: en.planning.print })).toBeHidden();
  await expect(page.getByTestId("planning-filters")).toBeHidden();
  await expect(page.getByRole("button", { name: enTable.table.exportCsv }).first()).toBeHidden();
  // Column headers stay (they are sort buttons on screen), and the chart is drawn.
  await expect(page.getByTestId("planning-demand").locator("thead th").first()).toBeVisible();
  await expect(page.getByTestId("planning-chart").locator(".recharts-surface").first()).toBeVisible();
  // 1123 px is the whole A4 landscape sheet at 96 dpi; 1032 px is what is left inside the 12 mm margins.
  for (const width of [1123, 1032]) {
    await page.setViewportSize({ width, height: 794 });
    // Let the chart follow the print layout (the sidebar is gone).
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => {
      const main = document.querySelector("main")!;
      const limit = document.documentElement.clientWidth;
      const wide = [...main.querySelectorAll<HTMLElement>("*")]
        .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().width > 1)
        .filter((el) => (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible") || el.getBoundingClientRect().right > limit + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 120));
      return { main: [main.scrollWidth, main.clientWidth], page: [document.documentElement.scrollWidth, limit], wide };
    });
    expect(overflow.main[0], `main at ${width} px`).toBeLessThanOrEqual(overflow.main[1]);
    expect(overflow.page[0], `page at ${width} px`).toBeLessThanOrEqual(overflow.page[1]);
    expect(overflow.wide, `elements wider than ${width} px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1123, height: 794 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath("planning-print"), fullPage: true });

  const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true, preferCSSPageSize: true });
  fs.writeFileSync(screenshotPath("planning-a4-landscape").replace(/\.png$/, ".pdf"), pdf);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(20_000);
});

for (const role of ["lead", "viewer"] as const) {
  test(`a ${role} is refused the Planning page`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf(role) });
    const page = await context.newPage();
    const res = await page.goto("/planning");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: enAuth.auth.forbidden.title })).toBeVisible();
    await expect(page.getByText(en.planning.description)).toHaveCount(0);
    await context.close();
  });
}
