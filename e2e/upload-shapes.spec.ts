// Real transcript shapes in the upload preview (issue 9): speaker roles and their swap, one row per
// turn grouped into calls (and the block when it is read per call), several JSON files, the same file twice.
import fs from "node:fs";
import path from "node:path";
import { test, expect } from "./fixtures/auth";

const SHAPES = path.join(__dirname, "..", "test", "fixtures", "shapes");
const fixture = (name: string, as = name) => ({ name: as, mimeType: "application/octet-stream", buffer: fs.readFileSync(path.join(SHAPES, name)) });

test("Transcribe speakers are read as Agent / Customer, and the uploader can swap them for the dataset", async ({ supervisorPage: page }) => {
  await page.goto("/uploads/new");
  await page.locator("input[type=file]").setInputFiles(fixture("transcribe-speakers.json", `speakers-${Date.now()}.json`));
  await expect(page.getByText("Format: Amazon Transcribe")).toBeVisible();
  const sample = page.getByText(/^Customer: Hello\?/);
  await expect(sample).toContainText("Agent: Hi, thank you for calling Contoso Internet");
  const swap = page.getByRole("group", { name: "Speaker roles" }).getByLabel("Swap Agent/Customer");
  await swap.check();
  await expect(page.getByText(/^Agent: Hello\?/)).toContainText("Customer: Hi, thank you for calling Contoso Internet");
  const sent = page.waitForRequest((r) => r.url().includes("/api/uploads?") && new URL(r.url()).searchParams.get("swapRoles") === "1");
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await sent;
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.getByRole("region", { name: "Upload report" }).getByText("Amazon Transcribe")).toBeVisible();
});

test("a CSV of one row per turn is grouped into calls; read as one row per call it is blocked with the reason", async ({ supervisorPage: page }) => {
  await page.goto("/uploads/new");
  await page.locator("input[type=file]").setInputFiles(fixture("per-turn.csv", `turns-${Date.now()}.csv`));
  const rows = page.getByLabel("Rows are");
  await expect(rows).toHaveValue("turns");
  await expect(page.getByText("3 transcripts", { exact: true })).toBeVisible();
  await expect(page.getByText("Rows grouped into calls by conversation_id, ordered by turn.")).toBeVisible();
  await rows.selectOption("calls");
  await expect(page.getByRole("alert").filter({ hasText: "Upload blocked: 60 of 63 rows repeat an earlier call id" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Upload", exact: true })).toBeDisabled();
  await rows.selectOption("turns");
  await expect(page.getByText("3 transcripts", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  const report = page.getByRole("region", { name: "Upload report" });
  await expect(report.getByRole("definition").first()).toHaveText("3");
  await expect(report.getByText("CSV, one row per turn")).toBeVisible();
});

test("several JSON files form one dataset, and choosing the same file again links the earlier dataset", async ({ supervisorPage: page }) => {
  await page.goto("/uploads/new");
  await page.locator("input[type=file]").setInputFiles([fixture("contact-lens.json"), fixture("pca.json")]);
  await expect(page.getByText("2 transcripts", { exact: true })).toBeVisible();
  await page.getByLabel("Dataset name").fill("Two JSON calls");
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.getByRole("region", { name: "Upload report" }).getByRole("definition").first()).toHaveText("2");

  const name = `once-${Date.now()}`;
  await page.goto("/uploads/new");
  await page.locator("input[type=file]").setInputFiles(fixture("contact-lens.json"));
  await expect(page.getByText("Format: Contact Lens")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "You uploaded this same file" })).toHaveCount(0);
  await page.getByLabel("Dataset name").fill(name);
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  const first = page.url();

  await page.goto("/uploads/new");
  await page.locator("input[type=file]").setInputFiles(fixture("contact-lens.json"));
  const notice = page.getByRole("status").filter({ hasText: "You uploaded this same file" });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole("link", { name })).toHaveAttribute("href", new URL(first).pathname);
  await expect(page.getByRole("button", { name: "Upload", exact: true })).toBeEnabled();
});
