import { expect, test } from "./fixtures/auth";

test.describe("admin pages", () => {
  test("models: add one the engine lists, edit its quotas, disable it", async ({ adminPage: page }) => {
    await page.goto("/admin/models");
    const form = page.getByRole("form", { name: "Add a model" });
    // the picker is fed by ListFoundationModels from bedrock-local
    const first = await page.locator("#model-choices option").first().getAttribute("value");
    expect(first).toMatch(/^[a-z]+\.[a-z0-9.-]+(:\d+)?$/); // a Bedrock model id, e.g. amazon.nova-lite-v1:0
    await form.getByLabel("Model id").fill(first!);
    await form.getByLabel("Display name").fill("E2E model");
    await form.getByLabel("Input price (USD / M tokens)", { exact: true }).fill("0.125");
    await form.getByLabel("Output price (USD / M tokens)", { exact: true }).fill("0.625");
    await form.getByLabel("Min records per job").fill("100");
    await form.getByRole("button", { name: "Add model" }).click();
    const row = page.getByTestId(`model-${first}`);
    await expect(row).toContainText("E2E model");
    await expect(row).toContainText("100–50,000 records/job");

    await row.getByRole("button", { name: "Edit E2E model" }).click();
    const edit = row.getByRole("form", { name: "Edit E2E model" });
    await edit.getByLabel("Min records per job").fill("60000");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit.getByText("The minimum cannot be above the maximum.")).toBeVisible();
    await edit.getByLabel("Min records per job").fill("1000");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(row).toContainText("1,000–50,000 records/job");

    const enabled = row.getByRole("checkbox", { name: /Enabled/ });
    await expect(enabled).toBeChecked();
    await enabled.uncheck();
    await page.reload();
    await expect(page.getByTestId(`model-${first}`).getByRole("checkbox", { name: /Enabled/ })).not.toBeChecked();
    await page.getByTestId(`model-${first}`).getByRole("checkbox", { name: /Enabled/ }).check();
  });

  test("templates: create, edit into v2, and the history keeps v1", async ({ adminPage: page }) => {
    const name = `E2E template ${Date.now()}`;
    await page.goto("/admin/templates");
    const form = page.getByRole("form", { name: "New template" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Prompt").fill("Summarize this call: {{transcript}} {{agent}}");
    await form.getByRole("button", { name: "Create template" }).click();
    await expect(form.getByText("Unknown placeholder {{agent}}")).toBeVisible();
    await form.getByLabel("Prompt").fill("Summarize this call: {{transcript}}");
    await form.getByRole("button", { name: "Create template" }).click();
    await expect(page.getByText("Template created (v1).")).toBeVisible();
    await page.getByRole("link", { name }).click();
    await page.waitForURL(/\/admin\/templates\/[^/]+$/);
    const edit = page.getByRole("form", { name: "Edit template" });
    await edit.getByLabel("Prompt").fill("Summarize this call in two sentences: {{transcript}}");
    await edit.getByRole("button", { name: "Save new version" }).click();
    await expect(page.getByText("Saved as v2.")).toBeVisible();
    await expect(page.getByTestId("version-2")).toBeVisible();
    await expect(page.getByTestId("version-1")).toContainText("v1");
  });

  test("service roles: the ARN is validated, and a check against bedrock-local shows its result", async ({ adminPage: page }) => {
    await page.goto("/admin/service-roles");
    const form = page.getByRole("form", { name: "Add a service role" });
    await form.getByLabel("Name").fill("E2E role");
    await form.getByLabel("Role ARN").fill("arn:aws:iam::123:user/nope");
    await form.getByRole("button", { name: "Add service role" }).click();
    await expect(form.getByText("Enter an IAM role ARN like")).toBeVisible();
    await form.getByLabel("Role ARN").fill("arn:aws:iam::123456789012:role/RecapE2E");
    await form.getByRole("button", { name: "Add service role" }).click();
    const row = page.getByTestId("service-role-E2E role");
    await expect(row).toContainText("Not checked yet.");
    await row.getByRole("button", { name: "Check E2E role" }).click();
    // the probe job needs a model: the models test (or the seed) added one bedrock-local serves
    await expect(row.getByTestId("role-check")).toContainText("✓ Usable: The engine accepted the role");
  });

  test("storage: saved with validation beside the field", async ({ adminPage: page }) => {
    await page.goto("/admin/storage");
    await page.getByLabel("Input prefix").fill("/leading-slash");
    await page.getByRole("button", { name: "Save storage settings" }).click();
    await expect(page.getByText("No leading or trailing '/'.")).toBeVisible();
    await page.getByLabel("Input prefix").fill("recap/input");
    await page.getByRole("button", { name: "Save storage settings" }).click();
    await expect(page.getByText("Storage settings saved.")).toBeVisible();
  });

  test("the audit log lists sign-ins and configuration changes, filterable by action", async ({ adminPage: page }) => {
    await page.goto("/admin/audit");
    await expect(page.getByTestId("audit-row").first()).toBeVisible();
    await page.getByLabel("Action").selectOption("storage.update");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=storage.update/);
    const rows = page.getByTestId("audit-row");
    await expect(rows.first()).toContainText("storage.update");
    for (const text of await rows.allTextContents()) expect(text).toContain("storage.update");
    await page.goto("/admin/audit?action=auth.sign-in");
    await expect(page.getByTestId("audit-row").first()).toContainText("e2e-");
  });

  test("managers and supervisors cannot open any admin page", async ({ managerPage, supervisorPage }) => {
    for (const page of [managerPage, supervisorPage]) {
      for (const path of ["/admin/users", "/admin/models", "/admin/templates", "/admin/service-roles", "/admin/storage", "/admin/audit"]) {
        await page.goto(path);
        await expect(page).toHaveURL(/\/forbidden\?need=admin/);
      }
    }
  });
});
