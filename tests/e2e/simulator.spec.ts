/**
 * Simulator (issue 11 §3): a team lead and a finance manager open /simulator on the demo history and see
 * per-session ≥ per-computer, with the figures `GET /api/simulate/history` answers for the same range; another
 * range is fetched in the browser; a described workload (40 users, 30 computers, 20 % terminal, 10 % web) shows
 * what `POST /api/simulate/workload` answers. In Russian no English is left; at 390 px nothing scrolls sideways.
 */
import { expect, test, type Locator } from "@playwright/test";

import { LOCALE_COOKIE } from "../../lib/i18n/locales";
import en from "../../lib/i18n/messages/en/simulator.json";
import ru from "../../lib/i18n/messages/ru/simulator.json";
import { screenshotPath } from "../helpers/screenshots";
import { watchConsole } from "./console";
import { englishLeftovers, englishPhrases } from "./english-leftovers";
import { storageStateOf } from "./roles";

type Policy = { peak: number; percentiles: { p95: number } };
type SimulationBody = { from: string; to: string; perDevice: Policy; perSession: Policy; series: unknown[]; cost: { owned: number; perSession: { peak: { seats: number; toBuy: number } } } };

const FIGURES = ["perDevice-peak", "perDevice-p95", "perSession-peak", "perSession-p95"] as const;

/** The four figures as a result shows them (each stat carries its number in data-value); both tabs stay mounted. */
async function shownFigures(result: Locator) {
  const out: Record<string, number> = {};
  for (const id of FIGURES) out[id] = Number(await result.getByTestId(`stat-${id}`).getAttribute("data-value"));
  return out;
}
const apiFigures = (b: SimulationBody) => ({ "perDevice-peak": b.perDevice.peak, "perDevice-p95": b.perDevice.percentiles.p95, "perSession-peak": b.perSession.peak, "perSession-p95": b.perSession.percentiles.p95 });

for (const role of ["lead", "finance"] as const) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStateOf(role) });

    test(`simulator: ${role} sees per session ≥ per computer on the demo history, the API's figures, for the default and a 90-day range`, async ({ page, request }) => {
      const errors = watchConsole(page);
      await page.goto("/simulator");
      await expect(page.getByRole("heading", { level: 1, name: en.simulator.title })).toBeVisible();
      await expect(page.getByRole("link", { name: en.simulator.title })).toBeVisible(); // the sidebar's item
      await expect(page.getByRole("tab", { name: en.simulator.tabs.history })).toHaveAttribute("aria-selected", "true");
      await expect(page.getByRole("button", { name: "30 days" })).toHaveAttribute("aria-pressed", "true");

      const period = page.getByTestId("history-period");
      const from = (await period.getAttribute("data-from"))!;
      const to = (await period.getAttribute("data-to"))!;
      expect(Date.parse(to) - Date.parse(from)).toBe(30 * 86_400_000);
      const response = await request.get(`/api/simulate/history?${new URLSearchParams({ from, to })}`);
      expect(response.status()).toBe(200);
      const api = (await response.json()) as SimulationBody;
      expect(api.to).toBe(to);

      const shown = await shownFigures(page.getByTestId("simulation-history"));
      expect(shown).toEqual(apiFigures(api));
      expect(shown["perSession-peak"]).toBeGreaterThanOrEqual(shown["perDevice-peak"]);
      expect(shown["perSession-p95"]).toBeGreaterThanOrEqual(shown["perDevice-p95"]);
      expect(shown["perDevice-peak"]).toBeGreaterThan(0);
      await expect(page.getByTestId("stat-difference-peak")).toHaveAttribute("data-value", String(api.perSession.peak - api.perDevice.peak));

      const chart = page.getByRole("figure", { name: en.simulator.result.chart.title });
      await expect(chart.locator(".recharts-area-curve")).toBeVisible();
      await expect(chart.locator(".recharts-line-curve")).toHaveAttribute("d", /^M/);
      await expect(page.getByTestId("simulation-chart-table").locator("tbody tr")).toHaveCount(api.series.length);
      const costRows = page.getByTestId("cost-table").locator("tbody tr");
      await expect(costRows).toHaveCount(4);
      await expect(page.getByTestId("cost-table").locator("tbody tr", { hasText: "Per session" }).filter({ hasText: "Peak" }).locator('[data-col="seats"]')).toHaveText(String(api.cost.perSession.peak.seats));
      await expect(page.getByRole("button", { name: "Export CSV" })).toBeVisible();
      await page.screenshot({ path: screenshotPath(`simulator-history-${role}`), fullPage: true });

      // Another preset: the URL carries it and the browser asks the API for that range.
      await page.getByRole("button", { name: "90 days" }).click();
      await expect(page).toHaveURL((url) => url.searchParams.get("days") === "90");
      await expect(period).toHaveAttribute("data-from", new Date(Date.parse(to) - 90 * 86_400_000).toISOString());
      await expect(page.getByRole("status").filter({ hasText: en.simulator.history.updating })).toHaveCount(0);
      const api90 = (await (await request.get(`/api/simulate/history?${new URLSearchParams({ from: (await period.getAttribute("data-from"))!, to })}`)).json()) as SimulationBody;
      await expect.poll(() => shownFigures(page.getByTestId("simulation-history"))).toEqual(apiFigures(api90));

      // A custom range the wrong way round: the API's refusal, naming the field.
      await page.getByRole("button", { name: en.simulator.history.custom }).click();
      await page.getByLabel(en.simulator.history.from).fill("2026-12-31");
      const problem = page.getByTestId("simulation-error");
      await expect(problem).toBeVisible();
      await expect(problem.locator('[data-field="from"]')).toContainText("From: must be before to");
      expect(errors.filter((e) => !e.includes("400"))).toEqual([]);
    });
  });
}

test.describe("a described workload", () => {
  test.use({ storageState: storageStateOf("lead") });

  test("simulator: 40 users / 30 computers / 20 % terminal / 10 % web shows what POST /api/simulate/workload answers", async ({ page, request }) => {
    const errors = watchConsole(page);
    await page.goto("/simulator");
    await page.getByRole("tab", { name: en.simulator.tabs.workload }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get("mode") === "workload");
    const w = en.simulator.workload.fields;
    await page.getByLabel(w.users, { exact: true }).fill("40");
    await page.getByLabel(w.computers, { exact: true }).fill("30");
    await page.getByLabel(w.terminalShare, { exact: true }).fill("0.2");
    await page.getByLabel(w.webShare, { exact: true }).fill("0.1");
    // A refused field is named under it, and nothing is sent.
    await page.getByLabel(w.days, { exact: true }).fill("40");
    await page.getByRole("button", { name: en.simulator.workload.submit }).click();
    await expect(page.getByText("must be at most 31 working days")).toBeVisible();
    await expect(page.getByTestId("simulation-workload")).toHaveCount(0);
    await page.getByLabel(w.days, { exact: true }).fill("5");
    await page.getByRole("button", { name: en.simulator.workload.submit }).click();
    await expect(page.getByTestId("simulation-workload")).toBeVisible();

    const body = { users: 40, computers: 30, terminalShare: 0.2, twoInfobasesShare: 0.25, webShare: 0.1, workStart: "09:00", workEnd: "18:00", days: 5, seed: 1 };
    const response = await request.post("/api/simulate/workload", { data: body });
    expect(response.status()).toBe(200);
    const api = (await response.json()) as SimulationBody;
    const shown = await shownFigures(page.getByTestId("simulation-workload"));
    expect(shown).toEqual(apiFigures(api));
    expect(shown["perSession-peak"]).toBeGreaterThan(shown["perDevice-peak"]);
    const result = page.getByTestId("simulation-workload");
    await expect(result.getByRole("figure", { name: en.simulator.result.chart.title }).locator(".recharts-area-curve")).toBeVisible();
    await expect(result.getByTestId("cost-table").locator("tbody tr")).toHaveCount(4);
    await page.screenshot({ path: screenshotPath("simulator-workload-lead"), fullPage: true });
    expect(errors).toEqual([]);
  });
});

test.describe("in Russian", () => {
  test.use({ storageState: storageStateOf("finance") });

  test("simulator: ru — no English left on the history or the workload tab", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: LOCALE_COOKIE, value: "ru", url: baseURL! }]);
    const errors = watchConsole(page);
    await page.goto("/simulator");
    await expect(page.getByRole("heading", { level: 1, name: ru.simulator.title })).toBeVisible();
    await expect(page.getByTestId("simulation-history")).toBeVisible();
    // The check has teeth: the Simulator's own catalog gives it dozens of English phrases to look for.
    const ours = englishPhrases().filter((p) => JSON.stringify(en.simulator).includes(p));
    expect(ours.length).toBeGreaterThan(40);
    const leftovers = () => englishLeftovers(page);
    expect(await leftovers()).toEqual([]);
    await expect(page.getByTestId("simulation-history").locator(".recharts-area-curve")).toBeVisible();
    await page.screenshot({ path: screenshotPath("simulator-history-finance-ru"), fullPage: true });

    await page.getByRole("tab", { name: ru.simulator.tabs.workload }).click();
    await page.getByRole("button", { name: ru.simulator.workload.submit }).click();
    await expect(page.getByTestId("simulation-workload")).toBeVisible();
    expect(await leftovers()).toEqual([]);
    await expect(page.getByTestId("simulation-workload").locator(".recharts-area-curve")).toBeVisible();
    await page.screenshot({ path: screenshotPath("simulator-workload-finance-ru"), fullPage: true });
    expect(errors).toEqual([]);
  });
});

test.describe("on a phone", () => {
  test.use({ storageState: storageStateOf("lead"), viewport: { width: 390, height: 844 } });

  test("simulator: at 390 px nothing scrolls sideways, on either tab", async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto("/simulator");
    await expect(page.getByTestId("simulation-history")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath("simulator-history-390"), fullPage: true });
    await page.getByRole("tab", { name: en.simulator.tabs.workload }).click();
    await page.getByRole("button", { name: en.simulator.workload.submit }).click();
    await expect(page.getByTestId("simulation-workload")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath("simulator-workload-390"), fullPage: true });
    expect(errors).toEqual([]);
  });
});
