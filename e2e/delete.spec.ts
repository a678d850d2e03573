// Issue 11, item 6 in Chromium: a supervisor deletes one call and a batch of their own, a manager
// deletes the supervisor's dataset; after each, nothing of it is left in the bucket (read straight
// from s3rver) and its pages are gone. An admin sets the retention.
import { expect, test } from "./fixtures/auth";
import { bucketObjects, editModel, setEngineMinimum, uploadCalls } from "./fixtures/ops";

test.describe.configure({ mode: "serial" });

const CALLS = 12;
const MODEL = "Amazon Nova Lite";
let engineMinimum = 1000;

test.beforeAll(async () => {
  engineMinimum = await setEngineMinimum(2);
});
test.afterAll(async () => {
  await setEngineMinimum(engineMinimum);
});

/** The page is not found any more. */
async function gone(page: import("@playwright/test").Page, path: string) {
  await page.goto(path);
  await expect(page.getByText(/could not be found/i)).toBeVisible();
}

async function submit(page: import("@playwright/test").Page, datasetPath: string, name: string): Promise<string> {
  await page.goto(datasetPath);
  await expect(page.getByText("Runs as one Bedrock batch job")).toBeVisible();
  await page.getByLabel(/Batch name/).fill(name);
  await page.getByRole("button", { name: "Submit batch" }).click();
  await page.waitForURL(/\/batches\/[a-z0-9]+$/);
  const batchPath = new URL(page.url()).pathname;
  await page.getByRole("link", { name: /^recap-/ }).first().click();
  await expect(page.getByText("Completed").first()).toBeVisible({ timeout: 240_000 });
  await expect(page.getByRole("table", { name: "Results per transcript" }).getByRole("link", { name: /^call-\d+$/ }).first()).toBeVisible({ timeout: 60_000 });
  return batchPath;
}

test("a call, a batch and a dataset are deleted with every S3 object of theirs", async ({ supervisorPage: page, managerPage: manager, adminPage: admin }) => {
  test.setTimeout(400_000);
  await editModel(admin, MODEL, { min: 2 });
  try {
    const datasetPath = await uploadCalls(page, "delete-calls.csv", CALLS);
    const datasetId = datasetPath.split("/").pop()!;
    const keep = await submit(page, datasetPath, "Kept batch");
    const doomed = await submit(page, datasetPath, "Doomed batch");
    const doomedId = doomed.split("/").pop()!;
    const keepId = keep.split("/").pop()!;
    expect((await bucketObjects()).filter((o) => o.key.includes(doomedId)).length).toBeGreaterThanOrEqual(3);

    // one call, from its page: its lines go from the upload copy and from every job file
    const results = page.getByRole("table", { name: "Results per transcript" });
    await results.getByRole("link", { name: "call-3", exact: true }).click();
    await page.waitForURL(/\/results\/[\w-]+$/);
    const resultPath = new URL(page.url()).pathname;
    // call-3 is the 4th call of the CSV, so its recordId is RC000000004 (every dataset has one: look only at this one's files)
    const ours = async () => (await bucketObjects()).filter((o) => [datasetId, doomedId, keepId].some((id) => o.key.includes(id)));
    const holds = (o: { text: string }) => o.text.includes('"call-3"') || o.text.includes('"RC000000004"');
    expect((await ours()).filter(holds).length).toBeGreaterThanOrEqual(5); // upload copy, two inputs, two outputs
    await page.getByRole("button", { name: "Delete call" }).click();
    await page.getByRole("group", { name: "Confirm deleting the call" }).getByRole("button", { name: "Yes, delete the call" }).click();
    await page.waitForURL(/\/batches\/[a-z0-9]+$/);
    expect((await ours()).filter(holds).map((o) => o.key)).toEqual([]);
    expect((await ours()).filter((o) => o.text.includes('"RC000000005"')).length).toBeGreaterThanOrEqual(4);
    await gone(page, resultPath);

    // a batch: its jobs' input and output folders go, the other batch stays
    await page.goto(doomed);
    await page.getByRole("button", { name: "Delete batch" }).click();
    await page.getByRole("group", { name: "Confirm deleting the batch" }).getByRole("button", { name: "Yes, delete the batch" }).click();
    await page.waitForURL(new RegExp(`${datasetPath}$`));
    await expect(page.getByRole("link", { name: "Doomed batch" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Kept batch" })).toBeVisible();
    expect((await bucketObjects()).filter((o) => o.key.includes(doomedId))).toEqual([]);
    await gone(page, doomed);

    // the dataset, by a manager: nothing of it is left in the bucket
    await manager.goto(datasetPath);
    await manager.getByRole("button", { name: "Delete dataset" }).click();
    await manager.getByRole("group", { name: "Confirm deleting the dataset" }).getByRole("button", { name: "Yes, delete the dataset" }).click();
    await manager.waitForURL(/\/datasets$/);
    expect((await ours()).map((o) => o.key)).toEqual([]);
    await gone(page, datasetPath);
    await gone(page, keep);

    // each delete is in the audit log
    for (const action of ["call.delete", "batch.delete", "dataset.delete"]) {
      await admin.goto(`/admin/audit?action=${action}`);
      await expect(admin.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
    }
  } finally {
    await editModel(admin, MODEL, { min: 100 }); // the seeded minimum (Bedrock's)
  }
});

test("an admin sets how long transcripts and results are kept", async ({ adminPage: admin, supervisorPage: page }) => {
  await admin.goto("/admin/retention");
  const form = admin.getByRole("form", { name: "Retention settings" });
  await form.getByLabel("Keep transcripts and results (days)").fill("365");
  await form.getByRole("button", { name: "Save retention" }).click();
  await expect(form.getByText("Retention saved.")).toBeVisible();
  await admin.reload();
  await expect(admin.getByLabel("Keep transcripts and results (days)")).toHaveValue("365");
  await admin.getByLabel("Keep transcripts and results (days)").fill("");
  await admin.getByRole("button", { name: "Save retention" }).click();
  await expect(admin.getByText("Retention saved.")).toBeVisible();
  expect((await page.goto("/admin/retention"))!.url()).toContain("/forbidden");
});
