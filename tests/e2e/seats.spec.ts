/**
 * Seats (issue 11 §1): a finance manager picks a pool and the 90-day range; the URL carries both, the chart and
 * the figures render, and the peak shown is the one `GET /api/seats` answers for the same query. In English and
 * in Russian; no page logs a console error.
 */
import { expect, test } from "@playwright/test";

import { LOCALE_COOKIE } from "../../lib/i18n/locales";
import en from "../../lib/i18n/messages/en/seats.json";
import ru from "../../lib/i18n/messages/ru/seats.json";
import { screenshotPath } from "../helpers/screenshots";
import { watchConsole } from "./console";
import { storageStateOf } from "./roles";

test.use({ storageState: storageStateOf("finance") });


const DAY_MS = 86_400_000;
const TEXTS = { en: en.seats, ru: ru.seats } as const;

type PoolsBody = { takenAt: string | null; pools: Array<{ id: string; host: string; seats: number; inUse: number }> };
type SeatsBody = { peak: number; percentiles: { p50: number; p95: number; p99: number; max: number }; denials: number; series: unknown[] };

for (const locale of ["en", "ru"] as const) {
  const t = TEXTS[locale];

  test(`${locale}: finance picks a pool and 90 days; the URL carries both and the peak is the API's`, async ({ page, request, context, baseURL }) => {
    await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL! }]);
    const errors = watchConsole(page);
    const pools = (await (await request.get("/api/pools")).json()) as PoolsBody;
    expect(pools.takenAt, "the demo has captures").not.toBeNull();
    // The busiest pool, so the chart has something to show.
    const pool = [...pools.pools].sort((a, b) => b.inUse - a.inUse)[0];

    await page.goto("/seats");
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
    await page.getByLabel(t.filters.pool, { exact: true }).selectOption(pool.id);
    await expect(page).toHaveURL((url) => url.searchParams.get("pool") === pool.id);
    await page.getByRole("button", { name: t.filters.ranges["90d"], exact: true }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get("pool") === pool.id && url.searchParams.get("range") === "90d");
    await expect(page.getByRole("button", { name: t.filters.ranges["90d"], exact: true })).toHaveAttribute("aria-pressed", "true");

    // The range ends at the newest capture and starts 90 days before it.
    const to = new Date(pools.takenAt!).toISOString();
    const from = new Date(Date.parse(to) - 90 * DAY_MS).toISOString();
    const period = page.getByTestId("seat-period");
    await expect(period).toHaveAttribute("data-pool", pool.id);
    await expect(period).toHaveAttribute("data-from", from);
    await expect(period).toHaveAttribute("data-to", to);

    const response = await request.get(`/api/seats?${new URLSearchParams({ pool: pool.id, from, to })}`);
    expect(response.status()).toBe(200);
    const api = (await response.json()) as SeatsBody;
    const number = new Intl.NumberFormat(locale);
    await expect(page.getByTestId("stat-peak")).toHaveText(number.format(api.peak));
    await expect(page.getByTestId("stat-p95")).toHaveText(number.format(api.percentiles.p95));
    await expect(page.getByTestId("stat-denials")).toHaveText(number.format(api.denials));
    await expect(page.getByTestId("stat-capacity")).toHaveText(number.format(pool.seats));

    const chart = page.getByRole("figure", { name: t.chart.title });
    await expect(chart).toBeVisible();
    await expect(chart.locator(".recharts-area-curve")).toBeVisible();
    // A flat capacity line has no height, so Playwright calls it hidden: it must exist, drawn.
    await expect(chart.locator(".recharts-line-curve")).toHaveAttribute("d", /^M/);
    await expect(chart.getByText(t.chart.inUse, { exact: true }).first()).toBeVisible();
    // The text alternative: one row per bucket.
    await expect(page.getByTestId("seat-chart-table").locator("tbody tr")).toHaveCount(api.series.length);
    // Denials are marked on the chart (a dashed vertical line per bucket with any) and listed under its table.
    if (api.denials > 0) {
      await expect(chart.locator(".recharts-reference-line").first()).toBeAttached();
      await expect(page.getByTestId("seat-chart-markers").locator("li").first()).toBeAttached();
    } else {
      await expect(chart.locator(".recharts-reference-line")).toHaveCount(0);
    }
    await expect(page.getByTestId("seat-histogram")).toBeVisible();

    await page.screenshot({ path: screenshotPath(`seats-finance-${locale}`), fullPage: true });
    expect(errors).toEqual([]);
  });
}
