// Issue 8, item 4: /sign-in?next=... only ever lands on this site, in Chromium, whether the visitor is
// already signed in (the server redirects) or signs in through the form (the page navigates).
import type { BrowserContext, Page } from "@playwright/test";
import { createUserThroughUi, expect, test } from "./fixtures/auth";

// As typed in the address bar (already percent-encoded where a browser would need it).
const BYPASSES = [
  "/%09/evil.example", "/%0A/evil.example", "/%0D/evil.example", "/%0D%0ASet-Cookie:%20x=1", "//evil.example",
  "///evil.example", "/%5Cevil.example", "%5C%5Cevil.example", "/%5C/evil.example", "https://evil.example",
  "https:evil.example", "%2F%2Fevil.example", "/.//evil.example", "/..//evil.example", "javascript:alert(1)",
  "%09//evil.example", "/%00/evil.example",
];
// The form path signs in once per bypass: the per-account limit is 10 a minute.
const FORM_BYPASSES = ["/%09/evil.example", "/%5Cevil.example", "/.//evil.example", "//evil.example"];

async function guardEvil(context: BrowserContext): Promise<string[]> {
  const reached: string[] = [];
  await context.route((url) => url.hostname.endsWith("evil.example"), async (route) => {
    reached.push(route.request().url());
    await route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" });
  });
  return reached;
}

function expectHome(page: Page, baseURL: string, what: string) {
  const url = new URL(page.url());
  expect(url.origin, what).toBe(new URL(baseURL).origin);
}

test("a signed-in visitor is sent only to paths on this site", async ({ supervisorPage: page, baseURL }) => {
  const reached = await guardEvil(page.context());
  for (const next of BYPASSES) {
    const res = await page.goto(`/sign-in?next=${next}`);
    expect(res?.status(), next).toBeLessThan(500);
    expectHome(page, baseURL!, next);
    // a NUL anywhere in the query is refused outright (400) before sign-in sees it
    if (res?.status() !== 400) await expect(page.getByTestId("current-role"), next).toHaveText("Supervisor");
  }
  await page.goto(`/sign-in?next=${encodeURIComponent("/jobs?status=Completed")}`);
  await expect(page).toHaveURL(/\/jobs\?status=Completed$/);
  expect(reached).toEqual([]);
});

test("signing in through the form goes only to paths on this site", async ({ adminPage, browser, baseURL }) => {
  const who = { email: `redirect-${Date.now()}@recap.test`, password: "redirect password", name: "Rita Redirect" };
  await adminPage.goto("/admin/users");
  await createUserThroughUi(adminPage, { ...who, role: "supervisor" });
  // its own address, so these sign-ins do not spend the per-address limit other specs count on
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "10.55.0.9" } });
  const reached = await guardEvil(context);
  const page = await context.newPage();
  for (const next of [...FORM_BYPASSES, encodeURIComponent("/summaries?q=x")]) {
    await context.clearCookies();
    await page.goto(`/sign-in?next=${next}`);
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill(who.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-role"), next).toHaveText("Supervisor");
    expectHome(page, baseURL!, next);
  }
  await expect(page).toHaveURL(/\/summaries\?q=x$/);
  expect(reached).toEqual([]);
  await context.close();
});
