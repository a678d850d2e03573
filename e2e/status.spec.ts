import { expect, test } from "./fixtures/auth";

test("the first screen shows the app shell and that the stack answers", async ({ adminPage: page }) => {
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
