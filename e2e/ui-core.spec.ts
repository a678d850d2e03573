// The core-flow pages as a person walks them: upload with the browser-side report, prepare,
// submit, watch the jobs, read a result, search and export. Runs against the embedded stack.
import fs from "node:fs";
import path from "node:path";
import { test, expect } from "./fixtures/auth";

const SYNTHETIC_ZIP = path.join(__dirname, "..", "..", "shared", "data", "aws-bedrock-samples-synthetic-calls", "synthetic_call_transcript_data.zip");

function smallCsv(): string {
  const rows = ["call_id,agent,transcript"];
  for (let i = 1; i <= 12; i++) rows.push(`c-${i},Ann,"Agent: Hello, how can I help?\nCustomer: My email is jo${i}@example.com and my router is broken."`);
  rows.push(`c-13,Ann,""`); // empty transcript
  rows.push(`c-1,Ann,"Agent: Hi.\nCustomer: duplicate id."`); // duplicate call id
  return rows.join("\n") + "\n";
}

test("a CSV is checked in the browser before upload, with columns, a redacted preview and problems by line", async ({ supervisorPage: page }) => {
  await page.goto("/uploads/new");
  await page.locator("input[type=file]").setInputFiles({ name: `calls-${Date.now()}.csv`, mimeType: "text/csv", buffer: Buffer.from(smallCsv()) });
  await expect(page.getByLabel("Call id column")).toHaveValue("call_id");
  await expect(page.getByLabel("Transcript column")).toHaveValue("transcript");
  await expect(page.getByText("{EMAIL}").first()).toBeVisible();
  await expect(page.getByText("12 transcripts", { exact: true })).toBeVisible();
  await expect(page.getByText("2 rows have problems")).toBeVisible();
  await expect(page.getByRole("cell", { name: "EMPTY_TRANSCRIPT" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "DUPLICATE_CALL_ID" })).toBeVisible();
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.getByText("Transcripts accepted")).toBeVisible();
  // 12 calls are below the model's minimum per job: the page says so and what to do.
  await expect(page.getByText("cannot be submitted with this model as it is")).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit batch" })).toBeDisabled();
});

test("several .txt files upload as one dataset", async ({ supervisorPage: page }) => {
  await page.goto("/uploads/new");
  const files = ["a", "b", "c"].map((n) => ({ name: `${n}-${Date.now()}.txt`, mimeType: "text/plain", buffer: Buffer.from(`Agent: Hello.\nCustomer: Question ${n} about my bill.\n`) }));
  await page.locator("input[type=file]").setInputFiles(files);
  await expect(page.getByText("3 transcripts", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.getByRole("region", { name: "Upload report" }).getByRole("definition").first()).toHaveText("3");
});

test("upload a zip, submit it, watch the job end, read a result, search and export", async ({ supervisorPage: page, managerPage }) => {
  test.setTimeout(300_000);
  await page.goto("/uploads/new");
  await page.locator("input[type=file]").setInputFiles(SYNTHETIC_ZIP);
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/, { timeout: 120_000 });
  await expect(page.getByText("Runs as one Bedrock batch job")).toBeVisible();
  await page.getByLabel("Model", { exact: true }).selectOption({ label: "Amazon Nova Lite ($0.03 / $0.12 per M tokens)" });
  // other specs add templates; this one reads the seeded JSON summary
  await page.getByLabel("Prompt template").selectOption({ label: "Call summary (JSON) v1" });
  await expect(page.getByText("Runs as one Bedrock batch job")).toBeVisible();
  await page.getByRole("button", { name: "Submit batch" }).click();
  await page.waitForURL(/\/batches\/[a-z0-9]+$/);
  await page.getByRole("link", { name: /^recap-/ }).first().click();
  await page.waitForURL(/\/jobs\/[a-z0-9]+$/);
  await expect(page.getByText("Amazon Nova Lite · Call summary (JSON) v1").first()).toBeVisible();
  await expect(page.getByText("Completed").first()).toBeVisible({ timeout: 240_000 });
  await expect(page.getByRole("table", { name: "Results per transcript" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("progressbar", { name: "Records processed" })).toHaveAttribute("aria-valuenow", /\d+/);
  await page.getByRole("table", { name: "Results per transcript" }).getByRole("link").first().click();
  await page.waitForURL(/\/results\/[\w-]+$/);
  await expect(page.getByLabel("Transcript text")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();

  await managerPage.goto("/summaries");
  await expect(managerPage.getByRole("table", { name: "Summaries" })).toBeVisible();
  await managerPage.getByLabel("Search", { exact: true }).fill("account");
  await managerPage.getByRole("button", { name: "Search" }).click();
  await managerPage.waitForURL(/q=account/);
  const download = managerPage.waitForEvent("download");
  await managerPage.getByRole("link", { name: /Export CSV/ }).click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file!, "utf8");
  expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("call_id,summary,reason_for_call,resolution,sentiment,action_items,topics,model,batch,input_tokens,output_tokens,created_at,result_id,call_start,agent,team,duration_sec,direction,language,customer_id,cost_usd,other_metadata");

  const refused = await page.request.get("/api/exports/summaries");
  expect(refused.status()).toBe(403);
});
