// Issue 11, item 4: compare two (model, template) arms over a sample of a dataset's calls. An admin
// lowers two models' minimum records per job (and bedrock-local's) so a small sample can run as
// batch jobs, and adds a brief template; a supervisor starts the comparison from the dataset page,
// watches both arms' progress, then reads the totals and the calls side by side. A manager opens it too.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";
import { syntheticCalls, toCsv } from "../test/synthetic";

const ENGINE = `http://127.0.0.1:${process.env.E2E_BEDROCK_PORT ?? 4670}`;
const MIN = 20;
const SAMPLE = 25;
const HAIKU = { modelId: "anthropic.claude-3-haiku-20240307-v1:0", name: "Claude 3 Haiku", prices: "$0.125 / $0.625" };
const NOVA = { modelId: "amazon.nova-lite-v1:0", name: "Amazon Nova Lite", prices: "$0.03 / $0.12" };
const BRIEF = `Summarize the call between the <transcript> tags. Answer with one JSON object with exactly the keys "summary" and "customer_sentiment" (one of positive, neutral, negative, mixed).

<transcript>
{{transcript}}
</transcript>`;

async function engine(method: string, route: string, body?: unknown) {
  const res = await fetch(`${ENGINE}/_local/${route}`, { method, body: body ? JSON.stringify(body) : undefined, headers: { "content-type": "application/json" } });
  expect(res.ok).toBe(true);
  return res.json();
}

async function setModelMinimum(page: Page, model: { modelId: string; name: string }, min: number) {
  await page.goto("/admin/models");
  const row = page.getByTestId(`model-${model.modelId}`);
  await row.getByRole("button", { name: `Edit ${model.name}` }).click();
  const edit = row.getByRole("form", { name: `Edit ${model.name}` });
  await edit.getByLabel("Min records per job").fill(String(min));
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(row).toContainText(`${min.toLocaleString("en-US")}–50,000 records/job`);
}

const option = (m: typeof HAIKU) => `${m.name} (${m.prices} per M tokens; at least ${MIN} records per job)`;

test("two arms over a sample run side by side, with progress, totals and agreement", async ({ adminPage, supervisorPage: page, managerPage }) => {
  test.setTimeout(300_000);
  const pacing = await engine("GET", "pacing");
  const quotas = await engine("GET", "quotas");
  const templateName = `Brief summary ${Date.now()}`;
  try {
    await engine("PUT", "quotas", { minRecordsPerJob: MIN });
    await setModelMinimum(adminPage, HAIKU, MIN);
    await setModelMinimum(adminPage, NOVA, MIN);
    await adminPage.goto("/admin/templates");
    const form = adminPage.getByRole("form", { name: "New template" });
    await form.getByLabel("Name").fill(templateName);
    await form.getByLabel("Prompt").fill(BRIEF);
    await form.getByRole("button", { name: "Create template" }).click();
    await expect(adminPage.getByText("Template created (v1).")).toBeVisible();

    const csv = toCsv(await syntheticCalls(40));
    await page.goto("/uploads/new");
    await page.locator("input[type=file]").setInputFiles({ name: `compare-${Date.now()}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect(page.getByText("40 transcripts", { exact: true })).toBeVisible({ timeout: 60_000 });
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await page.waitForURL(/\/datasets\/[a-z0-9]+$/, { timeout: 120_000 });

    await page.getByRole("link", { name: "Compare models" }).click();
    await page.waitForURL(/\/compare\/new\?dataset=/);
    await page.getByLabel("Model A").selectOption({ label: option(HAIKU) });
    await page.getByLabel("Prompt template A").selectOption({ label: "Call summary (JSON) v1" });
    await page.getByLabel("Model B").selectOption({ label: option(NOVA) });
    await page.getByLabel("Prompt template B").selectOption({ label: `${templateName} v1` });
    await expect(page.getByText(`compare at least ${MIN} calls`)).toBeVisible();
    // below the minimum the form says so and will not start
    await page.getByLabel("Sample size").fill("10");
    await expect(page.getByRole("alert").filter({ hasText: `10 calls are below the minimum of ${MIN} records per batch job` })).toBeVisible();
    await expect(page.getByRole("button", { name: "Start the comparison" })).toBeDisabled();
    await page.getByLabel("Sample size").fill(String(SAMPLE));
    await page.getByLabel("Comparison name").fill("Haiku vs Nova brief");

    // one status a second, so the progress is there to be seen
    await engine("PUT", "pacing", { mode: "timed", secondsPerStatus: 1 });
    await page.getByRole("button", { name: "Start the comparison" }).click();
    await page.waitForURL(/\/compare\/[a-z0-9]+$/);
    const url = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { name: "Haiku vs Nova brief" })).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Arm A: Claude 3 Haiku, Call summary (JSON) v1" })).toBeVisible();
    await expect(page.getByRole("progressbar", { name: `Arm B: Amazon Nova Lite, ${templateName} v1` })).toBeVisible();

    const table = page.getByRole("table", { name: "Summaries per call, side by side" });
    await expect(table).toBeVisible({ timeout: 180_000 });
    await expect(table.getByRole("row")).toHaveCount(SAMPLE + 1);
    const first = table.getByRole("row").nth(1);
    await expect(first.getByRole("rowheader")).toHaveText(/^call-\d+$/);
    await expect(first.getByRole("cell").nth(0)).toContainText("Topics:");
    await expect(first.getByRole("cell").nth(1)).toContainText("Topics: none");
    await expect(first.getByRole("cell").nth(2)).toContainText("Sentiment: same");

    const stat = (label: string) => page.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
    await expect(stat("Sentiment agreement")).toHaveText("100.0%");
    await expect(stat("Topic overlap")).not.toHaveText("100.0%");
    await expect(stat("Cost difference (B − A)")).toHaveText(/^−\$0\.\d+$/);
    const totals = page.getByRole("table", { name: "Totals per arm" });
    await expect(totals.getByRole("row").filter({ hasText: "Summarized" })).toContainText(`${SAMPLE}${SAMPLE}`);
    await expect(totals.getByRole("row").filter({ hasText: "Model and template" })).toContainText(`${NOVA.name}, ${templateName} v1`);

    // each arm's sentiments as a chart, with its numbers as text
    const chartA = page.getByRole("figure", { name: `Customer sentiment, arm A (${HAIKU.name})` });
    await expect(chartA).toBeVisible();
    await expect(chartA.getByRole("listitem").filter({ hasText: /^positive: \d+ calls$/ })).toHaveCount(1);
    await expect(page.getByRole("figure", { name: `Customer sentiment, arm B (${NOVA.name})` })).toBeVisible();

    // listed under Compare, and a manager may open it
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compare" }).click();
    await expect(page.getByRole("table", { name: "Comparisons" }).getByRole("link", { name: "Haiku vs Nova brief" })).toBeVisible();
    await managerPage.goto(url);
    await expect(managerPage.getByRole("table", { name: "Totals per arm" })).toBeVisible();
  } finally {
    await engine("PUT", "pacing", pacing);
    await engine("PUT", "quotas", quotas);
    // back to the seeded minimum (Bedrock's, 100)
    await setModelMinimum(adminPage, HAIKU, 100);
    await setModelMinimum(adminPage, NOVA, 100);
  }
});
