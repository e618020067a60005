import type { Page } from "@playwright/test";

/** Every console error and uncaught exception of the page, to assert that a page a user may open logs none. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}
