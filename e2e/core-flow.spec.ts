// Issue 4's walk: a CSV built from the 1,100 synthetic calls goes up, is submitted, runs to
// Completed in bedrock-local, and its summaries open; a job with injected record failures shows
// its error records beside the successes; a second job is stopped from its page.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";
import { syntheticCalls, toCsv } from "../test/synthetic";

test.describe.configure({ mode: "serial" });

// bedrock-local's operator API on the e2e stack (playwright.config.ts: BEDROCK_LOCAL_PORT 4670).
const ENGINE = `http://127.0.0.1:${process.env.E2E_BEDROCK_PORT ?? 4670}`;
async function setJobTags(tags: { key: string; value: string }[]) {
  const res = await fetch(`${ENGINE}/_local/job-tags`, { method: "PUT", body: JSON.stringify({ tags }), headers: { "content-type": "application/json" } });
  expect(res.ok).toBe(true);
}

let datasetUrl = "";

async function submitFromDataset(page: Page, name: string): Promise<void> {
  await page.goto(datasetUrl);
  await expect(page.getByText("Runs as one Bedrock batch job")).toBeVisible();
  await page.getByLabel(/Batch name/).fill(name);
  await page.getByRole("button", { name: "Submit batch" }).click();
  await page.waitForURL(/\/batches\/[a-z0-9]+$/);
  await page.getByRole("link", { name: /^recap-/ }).first().click();
  await page.waitForURL(/\/jobs\/[a-z0-9]+$/);
}

test.afterEach(() => setJobTags([]));

test("a CSV of the synthetic calls is summarized end to end", async ({ supervisorPage: page }) => {
  test.setTimeout(300_000);
  const csv = toCsv(await syntheticCalls(1100));
  await page.goto("/uploads/new");
  await page.locator("input[type=file]").setInputFiles({ name: "oktank-calls.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByLabel("Call id column")).toHaveValue("call_id");
  await expect(page.getByLabel("Transcript column")).toHaveValue("transcript");
  await expect(page.getByText("1,100 transcripts", { exact: true })).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/, { timeout: 120_000 });
  datasetUrl = new URL(page.url()).pathname;

  await submitFromDataset(page, "October calls");
  await expect(page.getByText("Completed").first()).toBeVisible({ timeout: 240_000 });
  const results = page.getByRole("table", { name: "Results per transcript" });
  await expect(results).toBeVisible({ timeout: 60_000 });
  // 50 a page in record order, by cursor both ways
  const pages = page.getByRole("navigation", { name: "Pagination" });
  await expect(pages).toContainText("1,100 results");
  await pages.getByRole("link", { name: "Next" }).click();
  await page.waitForURL(/[?&]after=/);
  await expect(results.getByRole("link", { name: "call-50", exact: true })).toBeVisible();
  await expect(results.getByRole("link", { name: "call-0", exact: true })).toHaveCount(0);
  await pages.getByRole("link", { name: "Previous" }).click();
  await page.waitForURL(/[?&]before=/);
  await expect(pages.getByText("Previous")).toHaveAttribute("aria-disabled", "true");
  await results.getByRole("link", { name: "call-0", exact: true }).click();
  await page.waitForURL(/\/results\/[\w-]+$/);
  await expect(page.getByLabel("Transcript text")).toContainText("Customer:");
  for (const field of ["Reason for call", "Resolution", "Customer sentiment", "Action items", "Topics"]) {
    await expect(page.getByText(field, { exact: true })).toBeVisible();
  }
});

test("a job with failed records shows its error records beside the successes", async ({ supervisorPage: page }) => {
  test.setTimeout(300_000);
  await setJobTags([{ key: "bedrock-local:fail-records", value: "0.1" }]);
  await submitFromDataset(page, "With failures");
  await expect(page.getByText("Completed").first()).toBeVisible({ timeout: 240_000 });
  const results = page.getByRole("table", { name: "Results per transcript" });
  await expect(results).toBeVisible({ timeout: 60_000 });
  await page.getByRole("navigation", { name: "Filter results" }).getByRole("link", { name: "Errors" }).click();
  await expect(results.getByText("Injected failure").first()).toBeVisible();
  await expect(results.getByRole("link", { name: /^call-\d+$/ }).first()).toBeVisible();
  await page.getByRole("navigation", { name: "Filter results" }).getByRole("link", { name: "Succeeded" }).click();
  await expect(results.getByRole("link", { name: /^call-\d+$/ }).first()).toBeVisible();
  await expect(results.getByText("Injected failure")).toHaveCount(0);
});

test("a running job is stopped from its page", async ({ supervisorPage: page }) => {
  test.setTimeout(300_000);
  // slow records (and one at a time) keep the job running long enough to stop it
  await setJobTags([{ key: "bedrock-local:slow-ms", value: "200" }]);
  await submitFromDataset(page, "To stop");
  await expect(page.getByText("In progress").first()).toBeVisible({ timeout: 120_000 });
  await page.getByRole("button", { name: "Stop job" }).click();
  await page.getByRole("group", { name: "Confirm stopping the job" }).getByRole("button", { name: "Yes, stop it" }).click();
  await expect(page.getByText("Stopped").first()).toBeVisible({ timeout: 120_000 });
});
