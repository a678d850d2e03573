// Issue 12's watched S3 source, walked by an admin: register a prefix of the local bucket, drop
// files into it (one malformed), watch calls gather, and see a batch made from them; when that
// batch ends (and when a file cannot be read), the bell in the header says so.
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { expect, test } from "./fixtures/auth";
import { syntheticCalls, toCsv } from "../test/synthetic";
import { editModel } from "./fixtures/ops";

// The e2e stack's s3rver (playwright.config.ts: RECAP_S3_PORT), with its fixed key pair.
const s3 = new S3Client({
  region: "us-east-1", endpoint: `http://127.0.0.1:${process.env.E2E_S3_PORT ?? 4669}`, forcePathStyle: true,
  credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED",
});
const put = (key: string, body: string) => s3.send(new PutObjectCommand({ Bucket: "recap", Key: key, Body: body }));

test("an admin registers a source, drops files into it, and sees a batch made and announced", async ({ adminPage: page }) => {
  test.setTimeout(400_000);
  // calls gather until the model's job minimum: 1,000 here, so the first drop of 550 waits
  await editModel(page, "Claude 3 Haiku", { min: 1000 });
  try {
  const prefix = `drop-${Date.now().toString(36)}/`;
  const name = `Contact center ${prefix.slice(5, -1)}`;
  await page.goto("/admin/sources");
  await expect(page.getByText("No sources yet")).toBeVisible();
  const form = page.getByRole("form", { name: "Register a source" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Transcript format").selectOption("csv");
  await expect(form.getByLabel("Bucket")).toHaveValue("recap");
  await form.getByLabel("Prefix").fill(prefix);
  await form.getByLabel("Model").selectOption({ label: "Claude 3 Haiku (at least 1,000 calls a job)" });
  await form.getByLabel("Scan every (seconds)").fill("10");
  await form.getByRole("button", { name: "Register source" }).click();
  await expect(page.getByText("Source registered.")).toBeVisible();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
  await expect(card).toBeVisible();

  // First drop: half the calls, and a file that is not CSV at all.
  const calls = await syntheticCalls(1100);
  await put(`${prefix}monday.csv`, toCsv(calls.slice(0, 550)));
  await put(`${prefix}garbled.csv`, "");
  await card.getByRole("button", { name: "Scan now" }).click();
  await expect(async () => {
    await page.reload();
    await expect(card.getByText("550 of 1000 calls (Claude 3 Haiku's job minimum) have gathered.")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(card.getByText("Files that could not be read")).toBeVisible();
  await expect(card.getByText(`${prefix}garbled.csv`, { exact: true })).toBeVisible();

  // Second drop brings it over the model's minimum: a batch is made from all 1,100.
  await put(`${prefix}tuesday.csv`, toCsv(calls.slice(550)));
  await card.getByRole("button", { name: "Scan now" }).click();
  await expect(async () => {
    await page.reload();
    await expect(card.getByText("Batches made").locator("..").getByText("1", { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 90_000 });
  await expect(card.getByText("Calls waiting").locator("..").getByText("0", { exact: true })).toBeVisible();
  await card.getByRole("link", { name: new RegExp(`^${name}`) }).click();
  await page.waitForURL(/\/batches\/[a-z0-9]+$/);
  await expect(page.getByText("1,100").first()).toBeVisible();

  // When it ends, its owner (this admin) is told: the bell counts it, /notifications says what happened.
  const bell = page.getByRole("link", { name: /^Notifications/ });
  await expect(async () => {
    await page.goto("/notifications");
    await expect(page.getByRole("link", { name: new RegExp(`^Batch "${name}.*" completed$`) })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 300_000, intervals: [3000] });
  await expect(page.getByText(`Source "${name}" could not read a file`)).toBeVisible();
  await expect(bell).toHaveAccessibleName(/^Notifications, \d+ unread$/);
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(bell).toHaveAccessibleName("Notifications");
  } finally {
    await editModel(page, "Claude 3 Haiku", { min: 100 });
  }
});
