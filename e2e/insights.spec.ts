// Issue 10 in Chromium: a CSV with agent, queue and call-time columns goes through the column
// chooser (guessed), its batch runs in bedrock-local, and a manager slices the summaries by agent,
// team and call date in the URL, pages by keyset, and drills down from a chart bar and a table row.
import { test, expect } from "./fixtures/auth";

const stamp = Date.now().toString(36);
const AGENTS = ["Ana Lopez", "Ben Okafor", "Cy Tan"];
const TEAMS = ["Billing", "Tech"];
const DAYS = ["2026-11-02", "2026-11-03", "2026-11-04"];
const ISSUES = [
  "my refund has not arrived and I was charged a late fee",
  "my router keeps dropping the internet connection every evening",
  "I want to cancel my subscription because the price went up",
  "the mobile app will not let me log in after the update",
];

/** 1,000 calls (a job's minimum), agent / queue / start / duration columns, over three days. */
function callsCsv(): string {
  const rows = ["call_id,agent_name,queue,start_time,duration,transcript"];
  for (let i = 0; i < 1000; i++) {
    const agent = AGENTS[i % 3];
    const text = `Agent: Thank you for calling Acme, this is ${agent.split(" ")[0]}. How can I help?\nCustomer: Hi, ${ISSUES[i % 4]}.\nAgent: I am sorry about that, let me check your account.\nCustomer: ${i % 5 === 0 ? "This is unacceptable, I am very unhappy." : "Thanks, that helps a lot."}`;
    rows.push(`${stamp}-${i},${agent},${TEAMS[i % 2]},${DAYS[Math.floor(i / 3) % 3]} ${String(8 + (i % 9)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")},${120 + (i % 300)},"${text}"`);
  }
  return rows.join("\n") + "\n";
}

test("slice summaries by agent, team and call date in the URL, page by keyset, and drill down from a chart", async ({ supervisorPage: page, managerPage }) => {
  test.setTimeout(420_000);
  await page.goto("/uploads/new");
  await page.locator("input[type=file]").setInputFiles({ name: `insights-${stamp}.csv`, mimeType: "text/csv", buffer: Buffer.from(callsCsv()) });
  // the column chooser guessed the call fields from the headers
  await expect(page.getByLabel("Agent column")).toHaveValue("agent_name");
  await expect(page.getByLabel("Team or queue column")).toHaveValue("queue");
  await expect(page.getByLabel("Call start time column")).toHaveValue("start_time");
  await expect(page.getByLabel("Duration column")).toHaveValue("duration");
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/, { timeout: 120_000 });
  await page.getByLabel(/Batch name/).fill(`insights-${stamp}`);
  await page.getByRole("button", { name: "Submit batch" }).click();
  await page.waitForURL(/\/batches\/[a-z0-9]+$/);
  await page.getByRole("link", { name: /^recap-/ }).first().click();
  await page.waitForURL(/\/jobs\/[a-z0-9]+$/);
  await expect(page.getByText("Completed").first()).toBeVisible({ timeout: 300_000 });
  await expect(page.getByRole("table", { name: "Results per transcript" })).toBeVisible({ timeout: 60_000 });

  // filters in the URL: agent and call dates, through the form
  await managerPage.goto("/summaries");
  await managerPage.getByLabel("Agent", { exact: true }).fill("Ben Okafor");
  await managerPage.getByLabel("Calls from").fill("2026-11-03");
  await managerPage.getByLabel("Calls to").fill("2026-11-03");
  await managerPage.getByRole("button", { name: "Search" }).click();
  await managerPage.waitForURL(/agent=Ben\+Okafor.*from=2026-11-03.*to=2026-11-03/);
  const table = managerPage.getByRole("table", { name: "Summaries" });
  await expect(table.getByRole("row")).toHaveCount(51); // a full page of 50: Ben takes one call in three, a third of his on the 3rd (111)
  await expect(table.getByRole("cell", { name: "Ana Lopez" })).toHaveCount(0);
  await expect(managerPage.getByRole("navigation", { name: "Pagination" })).toContainText("111 summaries");

  // keyset pages: next, next, previous
  await managerPage.getByRole("link", { name: "Next" }).click();
  await managerPage.waitForURL(/after=/);
  await expect(table.getByRole("row")).toHaveCount(51);
  await managerPage.getByRole("link", { name: "Next" }).click();
  await expect(table.getByRole("row")).toHaveCount(12);
  await expect(managerPage.getByRole("navigation", { name: "Pagination" }).getByText("Next")).toHaveAttribute("aria-disabled", "true");
  await managerPage.getByRole("link", { name: "Previous" }).click();
  await managerPage.waitForURL(/before=/);
  await expect(table.getByRole("row")).toHaveCount(51);

  // a team row of the per-team table opens that team's calls
  await managerPage.goto("/summaries");
  await managerPage.getByRole("table", { name: "Calls per team" }).getByRole("link", { name: "Tech" }).click();
  await managerPage.waitForURL(/team=Tech/);
  await expect(table.getByRole("cell", { name: "Billing" })).toHaveCount(0);
  await expect(managerPage.getByRole("navigation", { name: "Pagination" })).toContainText("500 summaries");

  // a bar of the sentiment-over-time chart opens that day's calls (with the team kept)
  const bars = managerPage.getByTestId("sentiment-trend").locator(".recharts-bar-rectangle path");
  await expect(bars.first()).toBeVisible();
  await bars.first().click();
  await managerPage.waitForURL(/from=2026-11-0\d/);
  const url = new URL(managerPage.url());
  expect(url.searchParams.get("team")).toBe("Tech");
  expect(DAYS).toContain(url.searchParams.get("from"));
  expect(url.searchParams.get("to")).toBe(url.searchParams.get("from"));
  await expect(table.getByRole("row").nth(1)).toContainText("Tech");
  await expect(table.getByRole("row").nth(1)).toContainText(url.searchParams.get("from")!);
  // the keyboard's way into the same chart: its table, one link per day
  await managerPage.getByText(/show as a table/).first().click();
  await expect(managerPage.getByRole("table", { name: /Calls per day by customer sentiment/ }).getByRole("link", { name: "2026-11-02" })).toBeVisible();

  // the call page shows the mapped fields
  await table.getByRole("link").first().click();
  await managerPage.waitForURL(/\/results\/[\w-]+$/);
  const details = managerPage.getByRole("definition");
  await expect(managerPage.getByLabel("Call metadata")).toContainText("Tech");
  await expect(details.filter({ hasText: /min .* s$/ })).toHaveCount(1);
});
