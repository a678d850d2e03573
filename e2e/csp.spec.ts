// Issue 8, item 8: pages run under a nonce-based Content-Security-Policy. Signing in, navigating,
// a client component, and recharts' charts all work with no CSP violation; an inline script that
// got into the HTML without the nonce is refused. HSTS is tested in lib/auth/proxy.test.ts (HTTPS only).
import path from "node:path";
import type { Page } from "@playwright/test";
import { E2E_USERS, expect, test } from "./fixtures/auth";

const SYNTHETIC_ZIP = path.join(__dirname, "..", "..", "shared", "data", "aws-bedrock-samples-synthetic-calls", "synthetic_call_transcript_data.zip");

function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content[ -]Security[ -]Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  return violations;
}

test("the app works under its CSP: sign in, navigate, upload preview, charts; no violations", async ({ browser, baseURL, authStates }) => {
  expect(authStates.supervisor.cookies.length).toBeGreaterThan(0); // the users exist
  test.setTimeout(300_000);
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "10.56.0.7" } });
  const page = await context.newPage();
  const violations = watchCsp(page);

  const first = await page.goto("/sign-in");
  const csp = first!.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  const who = E2E_USERS.supervisor;
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-role")).toHaveText("Supervisor");

  // client-side navigation through the main menu (the router's RSC fetches run under the CSP too)
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Summaries" }).click();
  await expect(page.getByRole("heading", { name: "Summaries" })).toBeVisible();
  await nav.getByRole("link", { name: "Upload" }).click();
  await expect(page.getByRole("heading", { name: "Upload transcripts" })).toBeVisible();

  // a client component: the browser checks a CSV itself (its report), then takes the zip instead
  await page.locator("input[type=file]").setInputFiles({ name: "two.csv", mimeType: "text/csv", buffer: Buffer.from('call_id,transcript\nc-1,"Agent: Hi."\nc-2,"Customer: Hello."\n') });
  await expect(page.getByText("2 transcripts", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Choose other files" }).click().catch(() => undefined);
  await page.locator("input[type=file]").setInputFiles(SYNTHETIC_ZIP);
  await expect(page.getByText("A .zip is unpacked and checked on the server")).toBeVisible();
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/, { timeout: 120_000 });
  await expect(page.getByText("Runs as one Bedrock batch job")).toBeVisible();
  await page.getByLabel(/Batch name/).fill("Under CSP");
  await page.getByRole("button", { name: "Submit batch" }).click();
  await page.waitForURL(/\/batches\/[a-z0-9]+$/);

  // recharts draws its SVG in the browser
  await nav.getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("heading", { name: "Jobs", exact: true })).toBeVisible();
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible({ timeout: 30_000 });

  expect(violations).toEqual([]);
  await context.close();
});

test("an inline script that got into the HTML without the nonce does not run; Next's own scripts do", async ({ managerPage: page }) => {
  const violations = watchCsp(page);
  await page.route("**/summaries", async (route) => {
    if (route.request().resourceType() !== "document") return route.continue();
    const res = await route.fetch();
    const html = (await res.text()).replace("</body>", `<script>window.__injected = "ran"</script><img src="/x.png" onerror="window.__handler = 'ran'"></body>`);
    await route.fulfill({ response: res, body: html });
  });
  const res = await page.goto("/summaries");
  expect(res!.headers()["content-security-policy"]).toContain("'nonce-");
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __handler?: string }).__handler)).toBeUndefined();
  // hydration ran: the client-side router navigates without a full load
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("heading", { name: "Jobs", exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
