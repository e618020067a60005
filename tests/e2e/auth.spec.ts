/**
 * Issue #5 in the browser: signing in, what each demo role sees in the navigation, a 403 on a page the
 * role may not open, signing out — and that a finance user's pages and JSON never hold a full PIN.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";

import { DEMO_ACCOUNTS } from "../../lib/demo/accounts";
import type { UserRole } from "../../lib/domain/enums";
import enAuth from "../../lib/i18n/messages/en/auth.json";
import enKits from "../../lib/i18n/messages/en/kits.json";
import en from "../../lib/i18n/messages/en/nav.json";
import { screenshotPath } from "../helpers/screenshots";
import { storageStateOf } from "./roles";

const NAV: Record<UserRole, Array<keyof typeof en.nav>> = {
  admin: ["overview", "seats", "kits", "computers", "keys", "sessions", "why", "simulator", "planning", "tools", "audit", "settings"],
  finance: ["overview", "seats", "kits", "computers", "keys", "sessions", "why", "simulator", "planning", "tools"],
  lead: ["overview", "seats", "sessions", "why", "simulator"],
  viewer: ["overview", "seats"],
};
/** A page each role may not open (admin: none). */
const FORBIDDEN: Partial<Record<UserRole, string>> = { finance: "/settings", lead: "/kits", viewer: "/sessions" };

const signedIn = (browser: Browser, role: UserRole) => browser.newContext({ storageState: storageStateOf(role) });

/** Submits the sign-in form and waits for the server action's answer and React's reset of the form. */
async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in"), page.getByRole("button", { name: "Sign in" }).click()]);
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a protected page asks for sign-in, a wrong password is refused, the right one leads back to the page", async ({ page }) => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === "finance")!;
    await page.goto("/planning");
    // On the host the browser used (127.0.0.1), not the name the server gives itself (localhost).
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/sign-in\?next=%2Fplanning$/);
    await expect(page.getByRole("heading", { level: 1, name: enAuth.auth.signIn.title })).toBeVisible();
    await expect(page.getByRole("navigation")).toHaveCount(0);
    await submitSignIn(page, account.email, "not-the-password");
    await expect(page.getByText(enAuth.auth.errors.credentials)).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByLabel("E-mail")).toHaveValue(account.email);
    await page.screenshot({ path: screenshotPath("sign-in-wrong-password") });
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/planning$/);
  });

  test("after 5 wrong passwords the account is refused for a while, even with the right one, and it is audited", async ({ page, browser }) => {
    // A fresh account of its own, so the lock does not touch the demo accounts other tests use.
    const admin = await signedIn(browser, "admin");
    const email = `locked-${Date.now()}@example.ru`;
    const created = await admin.request.post("/api/users", { data: { email, role: "viewer", password: "right-password-1" } });
    expect(created.status()).toBe(201);
    await page.goto("/sign-in");
    for (let i = 0; i < 5; i++) {
      await submitSignIn(page, email, `guess-${i}-secret`);
      await expect(page.getByText(enAuth.auth.errors.credentials)).toBeVisible();
      await expect(page.getByLabel("Password")).toHaveValue("");
    }
    await submitSignIn(page, email, "right-password-1");
    await expect(page.getByText(enAuth.auth.errors.rateLimitedMinutes.replace(/\{minutes.*\}\}/, "15 minutes"))).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.screenshot({ path: screenshotPath("sign-in-rate-limited") });
    const audit = await (await admin.request.get(`/api/audit?action=auth.sign-in-failed&actor=${encodeURIComponent(email)}`)).json();
    // The five wrong passwords; the refused sixth attempt never reached the password check.
    expect(audit.total).toBe(5);
    expect(JSON.stringify(audit)).not.toContain("guess-");
    await admin.close();
  });

  test("the API answers 401 without a session or token", async ({ request }) => {
    const res = await request.get("/api/pins");
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe("unauthenticated");
  });
});

for (const { role, email, password } of DEMO_ACCOUNTS) {
  test(`the demo ${role} sees their sections, gets 403 where the role stops, and signs out`, async ({ browser }) => {
    // A session of its own: signing out ends it, and the stored sessions other tests use must live on.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await submitSignIn(page, email, password);
    await expect(page).toHaveURL(/\/$/);
    const nav = page.getByRole("navigation", { name: en.nav.label });
    await expect(nav.getByRole("link")).toHaveText(NAV[role].map((key) => en.nav[key]));
    const forbidden = FORBIDDEN[role];
    if (forbidden) {
      const res = await page.goto(forbidden);
      expect(res?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: enAuth.auth.forbidden.title })).toBeVisible();
      await page.screenshot({ path: screenshotPath(`forbidden-${role}`) });
    }
    await page.getByRole("button", { name: enAuth.auth.user.signOut }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    // The cookie is gone for good: the Overview asks for sign-in again.
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await context.close();
  });
}

test("a finance user's pages and JSON never contain a full PIN; an admin's reveal is audited", async ({ browser, request }) => {
  // The admin (this test's own signed-in state) reads the masked list, then reveals every PIN: the clear codes.
  const list = (await (await request.get("/api/pins")).json()) as { kits: Array<{ id: number; pins: Array<{ id: number }> }> };
  const ids = list.kits.flatMap((k) => k.pins.map((p) => p.id));
  expect(ids.length).toBeGreaterThan(50);
  const revealsBefore = (await (await request.get("/api/audit?action=pin.reveal&limit=1")).json()).total;
  const codes: string[] = [];
  for (const id of ids) {
    const res = await request.post(`/api/pins/${id}/reveal`);
    expect(res.status()).toBe(200);
    codes.push((await res.json()).code);
  }
  const audit = await (await request.get("/api/audit?action=pin.reveal&limit=1000")).json();
  expect(audit.total - revealsBefore).toBe(ids.length);

  const finance = await signedIn(browser, "finance");
  const page = await finance.newPage();
  const bodies: string[] = [];
  for (const key of NAV.finance) {
    const href = key === "overview" ? "/" : `/${key}`;
    const res = await page.goto(href);
    expect(res?.status(), href).toBe(200);
    bodies.push(await page.content());
  }
  // Every kit's page (masked PINs, the ledger's history) and the computers' pages with their licenses.
  for (const kit of list.kits) {
    expect((await page.goto(`/kits/${kit.id}`))?.status()).toBe(200);
    bodies.push(await page.content());
  }
  for (const id of [1, 2, 7]) {
    expect((await page.goto(`/computers/${id}`))?.status()).toBe(200);
    bodies.push(await page.content());
  }
  await page.goto("/kits");
  await expect(page.getByText(enKits.kits.maskedNote.others)).toBeVisible();
  await page.screenshot({ path: screenshotPath("kits-finance"), fullPage: false });
  bodies.push(await (await finance.request.get("/api/pins")).text());
  bodies.push(await (await finance.request.get("/api/kits/csv")).text());
  for (const kit of list.kits) bodies.push(await (await finance.request.get(`/api/kits/${kit.id}`)).text());
  const digits = (s: string) => s.replace(/\D/g, "");
  const leaked = codes.filter((code) => bodies.some((body) => body.includes(code) || (digits(code).length >= 10 && digits(body).includes(digits(code)))));
  expect(leaked).toEqual([]);
  expect((await finance.request.post(`/api/pins/${ids[0]}/reveal`)).status()).toBe(403);
  await finance.close();
});
