import { apiSignIn, createUserThroughUi, E2E_USERS, ROLE_LABEL, expect, test, type Role } from "./fixtures/auth";

test.describe("sign-in", () => {
  test("a signed-out visitor is sent to sign-in, and the setup page refuses once a user exists", async ({ page, authStates }) => {
    expect(authStates.admin.cookies.length).toBeGreaterThan(0);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/setup");
    await expect(page.getByText("Setup is finished")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create the admin account" })).toHaveCount(0);
  });

  const sees: Record<Role, { nav: string[]; hidden: string[] }> = {
    supervisor: { nav: ["Upload", "Jobs", "Summaries"], hidden: ["Admin"] },
    manager: { nav: ["Upload", "Jobs", "Summaries"], hidden: ["Admin"] },
    admin: { nav: ["Upload", "Jobs", "Summaries", "Admin"], hidden: [] },
  };
  for (const role of ["supervisor", "manager", "admin"] as const) {
    test(`${role} signs in through the form and sees what a ${role} may`, async ({ page, context }) => {
      const who = E2E_USERS[role];
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(who.email);
      await page.getByLabel("Password").fill(who.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByTestId("current-role")).toHaveText(ROLE_LABEL[role]);
      const nav = page.getByRole("navigation", { name: "Main" });
      for (const item of sees[role].nav) await expect(nav.getByRole("link", { name: item })).toBeVisible();
      for (const item of sees[role].hidden) await expect(nav.getByRole("link", { name: item })).toHaveCount(0);

      const session = (await context.cookies()).find((c) => c.name.endsWith("session_token"));
      expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });

      // hiding the link is not the check: the page itself refuses
      await page.goto("/admin/users");
      if (role === "admin") {
        await expect(page.getByRole("heading", { name: "People" })).toBeVisible();
        await expect(page.getByTestId(`user-${E2E_USERS.supervisor.email}`)).toBeVisible();
      } else {
        await expect(page).toHaveURL(/\/forbidden\?need=admin/);
        await expect(page.getByText("403 · Not allowed")).toBeVisible();
        await expect(page.getByText("It needs the Admin role.", { exact: false })).toBeVisible();
        await page.goto("/");
      }

      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/sign-in/);
      await page.goto("/");
      await expect(page).toHaveURL(/\/sign-in$/);
    });
  }

  test("a wrong password is refused with a message beside the form", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(E2E_USERS.manager.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  });

  test("a burst of wrong passwords is rate limited (429) through the HTTP API", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL!, "x-forwarded-for": "10.66.0.1" } });
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const res = await api.post("/api/auth/sign-in/email", { data: { email: "burst-target@recap.test", password: `guess-${i}-wrong` } });
      statuses.push(res.status());
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
    await api.dispose();
  });

  test("disabling a user ends their session", async ({ adminPage, browser, baseURL }) => {
    const temp = { email: `temp-${Date.now()}@recap.test`, password: "temporary password", name: "Temp Person" };
    await adminPage.goto("/admin/users");
    await createUserThroughUi(adminPage, { ...temp, role: "supervisor" });
    const tempContext = await browser.newContext({ baseURL, storageState: await apiSignIn(baseURL!, temp) });
    const tempPage = await tempContext.newPage();
    await tempPage.goto("/");
    await expect(tempPage.getByTestId("current-role")).toHaveText("Supervisor");

    await adminPage.getByRole("button", { name: `Disable ${temp.email}` }).click();
    await expect(adminPage.getByTestId(`user-${temp.email}`)).toContainText("Disabled");
    await tempPage.goto("/");
    await expect(tempPage).toHaveURL(/\/sign-in$/);
    await tempContext.close();
  });
});
