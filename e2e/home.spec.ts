// Issue 10 item 5: a home page per role. A supervisor's batch runs slowly in bedrock-local while
// each role opens "/": the supervisor sees it in progress and then its results, another supervisor
// sees none of it, a manager sees the job in flight and then its cost this month, and only an admin
// gets the system status (checked in the HTML, not only on screen).
import type { Page } from "@playwright/test";
import { createUserThroughUi, expect, test } from "./fixtures/auth";
import { syntheticCalls, toCsv } from "../test/synthetic";

test.describe.configure({ mode: "serial" });

const ENGINE = `http://127.0.0.1:${process.env.E2E_BEDROCK_PORT ?? 4670}`;
const S3_PORT = process.env.E2E_S3_PORT ?? "4669";
async function setJobTags(tags: { key: string; value: string }[]) {
  const res = await fetch(`${ENGINE}/_local/job-tags`, { method: "PUT", body: JSON.stringify({ tags }), headers: { "content-type": "application/json" } });
  expect(res.ok).toBe(true);
}

/** The home page's HTML as the server sends it to this page's session. */
async function homeHtml(page: Page): Promise<string> {
  const res = await page.request.get("/");
  expect(res.status()).toBe(200);
  return res.text();
}

function expectNoSystemStatus(html: string) {
  for (const marker of ["System status", `127.0.0.1:${S3_PORT}`, "bedrock-local at", "PGlite"]) expect(html).not.toContain(marker);
}

const BATCH = `Home batch ${Date.now().toString(36)}`;

test.afterAll(() => setJobTags([]));

test("each role's home: batches in progress, jobs in flight, results and cost, and the status only for admins", async ({ supervisorPage, managerPage, adminPage, browser, baseURL }) => {
  test.setTimeout(400_000);
  // before anything runs, each home says what to do next
  await supervisorPage.goto("/");
  await expect(supervisorPage.getByRole("region", { name: "Your batches in progress" })).toContainText("No batch of yours is running.");
  expectNoSystemStatus(await homeHtml(supervisorPage));

  // a second supervisor, who must see none of the first one's work
  const other = { email: `other-sup-${Date.now()}@recap.test`, password: "other supervisor password", name: "Olga Other" };
  await adminPage.goto("/admin/users");
  await createUserThroughUi(adminPage, { ...other, role: "supervisor" });
  const otherContext = await browser.newContext({ baseURL });
  const otherPage = await otherContext.newPage();
  await otherPage.goto("/sign-in");
  await otherPage.getByLabel("Email").fill(other.email);
  await otherPage.getByLabel("Password").fill(other.password);
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await expect(otherPage.getByTestId("current-role")).toHaveText("Supervisor");

  // 1,000 calls (the job minimum) at 40 ms a record keep the job running for about 40 s
  await setJobTags([{ key: "bedrock-local:slow-ms", value: "40" }]);
  const page = supervisorPage;
  await page.goto("/uploads/new");
  await page.locator("input[type=file]").setInputFiles({ name: "home-calls.csv", mimeType: "text/csv", buffer: Buffer.from(toCsv(await syntheticCalls(1000))) });
  await expect(page.getByText("1,000 transcripts", { exact: true })).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/, { timeout: 120_000 });
  await page.getByLabel(/Batch name/).fill(BATCH);
  await page.getByRole("button", { name: "Submit batch" }).click();
  await page.waitForURL(/\/batches\/[a-z0-9]+$/);

  // the supervisor's home: the batch in progress, with records done as a progress bar that moves
  await page.goto("/");
  const inProgress = page.getByRole("region", { name: "Your batches in progress" });
  await expect(inProgress.getByRole("link", { name: BATCH })).toBeVisible();
  const bar = inProgress.getByRole("progressbar", { name: `Records done in ${BATCH}` });
  await expect(bar).toHaveAttribute("aria-valuemax", "1000");
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 120_000 }).toBeGreaterThan(0);

  // the other supervisor's home shows none of it
  await otherPage.goto("/");
  await expect(otherPage.getByRole("region", { name: "Your batches in progress" })).toContainText("No batch of yours is running.");
  await expect(otherPage.getByRole("region", { name: "Your latest results" })).toContainText("No results yet");
  expect(await homeHtml(otherPage)).not.toContain(BATCH);

  // the manager's home: the job in flight, with its records done; no system status in the HTML
  await managerPage.goto("/");
  const flight = managerPage.getByRole("region", { name: "Jobs in flight" });
  await expect(flight.getByRole("list", { name: "Jobs in flight" }).getByText(BATCH)).toBeVisible();
  await expect(flight.getByRole("progressbar", { name: /^Records done over 1 job in flight$/ })).toBeVisible();
  await expect(managerPage.getByRole("region", { name: "System status" })).toHaveCount(0);
  expectNoSystemStatus(await homeHtml(managerPage));

  // when the job is done and read in, both homes move on by themselves (polling, then a refresh)
  await expect(inProgress).toContainText("No batch of yours is running.", { timeout: 240_000 });
  const latest = page.getByRole("region", { name: "Your latest results" });
  await expect(latest.getByRole("link", { name: /^call-\d+$/ }).first()).toBeVisible({ timeout: 60_000 });
  await expect(latest).toContainText(BATCH);
  await latest.getByRole("link", { name: /^call-\d+$/ }).first().click();
  await page.waitForURL(/\/results\/[\w-]+$/);
  await expect(page.getByLabel("Transcript text")).toContainText("Customer:");

  await expect(flight).toContainText("No job is running or waiting.", { timeout: 60_000 });
  const cost = managerPage.getByRole("region", { name: "Cost this month against last" });
  await expect(cost.getByTestId("cost-this-month")).not.toHaveText("$0.00", { timeout: 30_000 });
  await expect(cost.getByRole("table", { name: "Cost this month against last, at batch prices" })).toContainText("Change to the same day");
  // the chart itself is reachable by keyboard: Tab lands on it and the arrow keys move its tooltip
  const chart = cost.getByRole("application");
  await expect(chart).toHaveAttribute("tabindex", "0");
  await managerPage.getByRole("heading", { name: "Recap", level: 1 }).click();
  for (let i = 0; i < 40 && !(await chart.evaluate((el) => el === document.activeElement)); i++) await managerPage.keyboard.press("Tab");
  await expect(chart).toBeFocused();
  await managerPage.keyboard.press("ArrowRight");
  await expect(cost.locator(".recharts-tooltip-wrapper")).toContainText("Day");

  // this period's calls, the sentiment trend and the rising topics, from the rollups ingestion kept
  const today = new Date().toISOString().slice(0, 10);
  await expect(managerPage.getByTestId("period-calls")).toHaveText(/^[1-9][\d,]*$/);
  const rising = managerPage.getByRole("region", { name: "Rising topics" });
  await expect(rising.getByRole("table").getByRole("link").first()).toHaveAttribute("href", new RegExp(`^/summaries\\?topic=[^&]+&from=\\d{4}-\\d{2}-\\d{2}&to=${today}$`));
  const trend = managerPage.getByRole("region", { name: "Sentiment trend" });
  await expect(trend.getByRole("application")).toHaveAttribute("tabindex", "0");
  // by keyboard, the table under the chart: today's row opens today's summaries
  await trend.getByText("The numbers, day by day").click();
  await trend.getByRole("link", { name: today }).focus();
  await managerPage.keyboard.press("Enter");
  await managerPage.waitForURL(`**/summaries?from=${today}&to=${today}`);
  await managerPage.goBack();
  // by mouse, a bar of the chart opens that day's list of that sentiment
  await managerPage.getByRole("region", { name: "Sentiment trend" }).locator(".recharts-bar-rectangle path").filter({ visible: true }).first().click();
  await managerPage.waitForURL(new RegExp(`/summaries\\?from=${today}&to=${today}&sentiment=(positive|neutral|mixed|negative)$`));
  await expect(managerPage.getByRole("heading", { name: "Summaries", level: 1 })).toBeVisible();

  // the admin sees the center's view and the system status
  await adminPage.goto("/");
  await expect(adminPage.getByRole("region", { name: "System status" }).getByTestId("status-database")).toHaveAttribute("data-ok", "true");
  await expect(adminPage.getByRole("region", { name: "Cost this month against last" })).toBeVisible();
  await expect(adminPage.getByRole("region", { name: "This period's calls" })).toBeVisible();
  expect(await homeHtml(adminPage)).toContain("System status");
  await otherContext.close();
});
