/**
 * The pages of the dashboard as the access table lists them (lib/security/access.ts), for the specs that visit
 * every page a role may open: a new page is visited without editing them.
 */
import { expect, type BrowserContext, type Page } from "@playwright/test";

import type { UserRole } from "../../lib/domain/enums";
import { ACCESS_RULES, pageAllowed, type Principal } from "../../lib/security/access";

/** Pages a signed-in user opens from the navigation or a link; `[id]` pages with a real id of the demo. */
export async function pagesOf(role: UserRole, page: Page): Promise<string[]> {
  const principal: Principal = { kind: "user", id: "a11y", email: `${role}@a11y`, name: role, role };
  const ids: Record<string, string> = {};
  if (pageAllowed("/kits/1", principal)) {
    const kits = (await (await page.request.get("/api/kits")).json()) as { kits: Array<{ id: number }> };
    const computers = (await (await page.request.get("/api/computers")).json()) as { computers: Array<{ id: number }> };
    ids["/kits/[id]"] = `/kits/${kits.kits[0].id}`;
    ids["/computers/[id]"] = `/computers/${computers.computers[0].id}`;
  }
  const pages = ACCESS_RULES.filter((r) => r.kind === "page" && !["/sign-in", "/setup", "/forbidden"].includes(r.path))
    .map((r) => ids[r.path] ?? r.path)
    .filter((path) => !path.includes("[") && pageAllowed(path, principal));
  // The Tools page is four tools behind tabs.
  return pages.flatMap((p) => (p === "/tools" ? ["/tools?tool=nethasp", "/tools?tool=generator", "/tools?tool=message", "/tools?tool=binding"] : [p]));
}


/** Opens a page and waits until it is drawn (charts draw after hydration). */
export async function openAndSettle(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Charts draw after hydration and skeletons give way to data: judge the page in its final state.
  await expect(page.locator("main .animate-pulse")).toHaveCount(0);
}

/**
 * Visits `paths` in `lanes` tabs of one browser context at once (axe and rendering are CPU-bound in the
 * browser; two tabs use both cores of a small CI machine), each path once, in order within a lane.
 */
export async function inLanes(context: BrowserContext, paths: readonly string[], visit: (page: Page, path: string) => Promise<void>, lanes = 2): Promise<void> {
  const queue = [...paths];
  await Promise.all(
    Array.from({ length: Math.min(lanes, paths.length) }, async () => {
      const page = await context.newPage();
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) await visit(page, path);
      await page.close();
    }),
  );
}
