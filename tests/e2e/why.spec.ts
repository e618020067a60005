/**
 * "Why no free license?" (issue 11 §2) as a team lead: a recorded event of the demo asked again — the
 * platform's search order, the cause, and the holders of the full pool, the same the API answers from the
 * database's capture at that time. No console errors; Russian without English leftovers.
 */
import { expect, test } from "@playwright/test";

import { screenshotPath } from "../helpers/screenshots";
import { watchConsole } from "./console";
import { storageStateOf } from "./roles";

test.use({ storageState: storageStateOf("lead"), timezoneId: "Europe/Moscow" });


test("a team lead asks why for the newest recorded event: denied, the full pool's holders as the database holds them", async ({ page, request }) => {
  const errors = watchConsole(page);
  const { events } = (await (await request.get("/api/events")).json()) as { events: Array<{ at: string; user: string; computer: string; infobase: string; app: string; cause: string }> };
  const newest = events.at(-1)!;
  expect(newest.cause).toBe("seats-exhausted");
  const api = (await (await request.post("/api/why", { data: { user: newest.user, computer: newest.computer, infobase: newest.infobase, app: newest.app, at: newest.at } })).json()) as {
    granted: boolean;
    holders: Array<{ user: string; computer: string }>;
    snapshotTakenAt: string;
  };
  expect(api.granted).toBe(false);
  // The holders are sessions of the capture the answer is based on.
  const snapshots = (await (await request.get("/api/sessions/snapshots?size=100")).json()) as { snapshots: Array<{ id: number; takenAt: string }> };
  const capture = snapshots.snapshots.find((s) => s.takenAt === api.snapshotTakenAt)!;
  const sessions = (await (await request.get(`/api/sessions?snapshot=${capture.id}&size=100`)).json()) as { sessions: Array<{ userName: string; host: string }> };
  for (const h of api.holders) expect(sessions.sessions.some((s) => s.userName === h.user && s.host === h.computer)).toBe(true);

  await page.goto("/why");
  await expect(page.getByRole("heading", { level: 1, name: "Why no license?" })).toBeVisible();
  await page.getByTestId("why-events").getByRole("row").nth(1).getByRole("button", { name: "Ask again" }).click();
  const answer = page.getByTestId("why-answer");
  await expect(answer).toHaveAttribute("data-granted", "false");
  await expect(answer).toHaveAttribute("data-cause", "seats-exhausted");
  await expect(answer.getByText("all seats taken").first()).toBeVisible();
  const rows = answer.getByTestId("why-holders").locator("tbody tr");
  await expect(rows).toHaveCount(api.holders.length);
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => [tr.children[0].textContent, tr.children[1].textContent]));
  expect(shown).toEqual(api.holders.map((h) => [h.user, h.computer]));
  await expect(answer.getByTestId("why-remedies")).toContainText("Free a seat");
  await page.screenshot({ path: screenshotPath("why-lead-en"), fullPage: true });
  // The answer becomes data: saved as an event, it is listed with the recorded ones.
  const before = ((await (await request.get("/api/events")).json()) as { events: unknown[] }).events.length;
  await answer.getByRole("button", { name: "Save as an event" }).click();
  await expect(answer.getByRole("button", { name: "Saved" })).toBeVisible();
  expect(((await (await request.get("/api/events")).json()) as { events: unknown[] }).events.length).toBe(before + 1);

  await page.getByRole("button", { name: "Русский" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Почему нет лицензии?" })).toBeVisible();
  await page.getByTestId("why-events").getByRole("row").nth(1).getByRole("button", { name: "Спросить снова" }).click();
  await expect(page.getByTestId("why-answer")).toContainText("все места заняты");
  await expect(page.getByTestId("why-remedies")).toContainText("Освободите место");
  await page.screenshot({ path: screenshotPath("why-lead-ru"), fullPage: true });
  await page.getByRole("button", { name: "English" }).click();
  expect(errors).toEqual([]);
});

test("a bad question names the field", async ({ page }) => {
  await page.goto("/why");
  await page.getByTestId("why-form").getByRole("button", { name: "Explain" }).click();
  await expect(page.getByTestId("why-form").getByText(/must not be empty|required|Enter/i).first()).toBeVisible();
});
