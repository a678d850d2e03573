import { expect, test } from "./fixtures/auth";

test("an admin's home shows the app shell and that the stack answers", async ({ adminPage: page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const item of ["Upload", "Jobs", "Summaries", "Admin"]) {
    await expect(nav.getByRole("link", { name: item })).toBeVisible();
  }
  const panel = page.getByRole("region", { name: "System status" });
  const database = panel.getByTestId("status-database");
  await expect(database).toHaveAttribute("data-ok", "true");
  await expect(database).toContainText("PGlite");
  const store = panel.getByTestId("status-objectStore");
  await expect(store).toHaveAttribute("data-ok", "true");
  await expect(store).toContainText(`local S3 at http://127.0.0.1:${process.env.E2E_S3_PORT ?? 4669}`);
  const engine = panel.getByTestId("status-batchEngine");
  await expect(engine).toHaveAttribute("data-ok", "true");
  await expect(engine).toContainText(`bedrock-local at http://127.0.0.1:${process.env.E2E_BEDROCK_PORT ?? 4670}`);
});

test("the status moved off the page everyone sees: a manager's and a supervisor's home have none", async ({ managerPage, supervisorPage }) => {
  for (const page of [managerPage, supervisorPage]) {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Recap", level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "System status" })).toHaveCount(0);
    const html = await (await page.request.get("/")).text();
    expect(html).not.toContain("System status");
    expect(html).not.toContain(`127.0.0.1:${process.env.E2E_S3_PORT ?? 4669}`);
  }
});
