// No AWS credential, secret or session token reaches the browser: not in the built client bundles,
// not in the HTML of any page (fetched as admin, who sees the most).
import fs from "node:fs";
import path from "node:path";
import { filesUnder, findSecrets, knownSecrets } from "../lib/auth/secret-scan";
import { expect, test } from "./fixtures/auth";

const root = path.join(__dirname, "..");

test("client bundles contain no secrets", async ({ request }) => {
  // the server makes its auth secret on first use of auth; make sure it exists to be searched for
  expect((await request.get("/api/auth/get-session")).status()).toBe(200);
  const files = filesUnder(path.join(root, ".next", "static")).filter((f) => /\.(js|css|html|json|txt|map)$/.test(f));
  expect(files.length).toBeGreaterThan(0);
  const secrets = knownSecrets(root, { ...process.env, RECAP_DATA_DIR: ".test-data/e2e" });
  expect(secrets.length).toBeGreaterThan(0); // the e2e server's generated auth secret, at least
  const leaks = files.flatMap((f) => findSecrets(fs.readFileSync(f, "utf8"), secrets).map((l) => `${path.relative(root, f)}: ${l}`));
  expect(leaks).toEqual([]);
});

test("no page's HTML contains a secret", async ({ adminPage, page }) => {
  const secrets = knownSecrets(root, { ...process.env, RECAP_DATA_DIR: ".test-data/e2e" });
  const paths = ["/sign-in", "/setup", "/set-password?token=x", "/forbidden", "/", "/uploads/new", "/jobs", "/summaries", "/admin/users", "/admin/models", "/admin/templates", "/admin/service-roles", "/admin/storage", "/admin/audit"];
  // any template detail page too
  await adminPage.goto("/admin/templates");
  const detail = await adminPage.locator('a[href^="/admin/templates/"]').first().getAttribute("href").catch(() => null);
  if (detail) paths.push(detail);
  for (const p of paths) {
    const res = await adminPage.request.get(p);
    expect(res.status(), p).toBeLessThan(500);
    expect(findSecrets(await res.text(), secrets), p).toEqual([]);
  }
  const signedOut = await page.request.get("/sign-in");
  expect(findSecrets(await signedOut.text(), secrets)).toEqual([]);
});

test("the session token stays in its httpOnly cookie: sign-in and session answers do not carry it", async ({ playwright, baseURL }) => {
  const { E2E_USERS } = await import("./fixtures/auth");
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL!, "x-forwarded-for": "10.99.0.1" } });
  const res = await api.post("/api/auth/sign-in/email", { data: { email: E2E_USERS.manager.email, password: E2E_USERS.manager.password } });
  expect(res.status()).toBe(200);
  const cookie = (await api.storageState()).cookies.find((c) => c.name.endsWith("session_token"));
  expect(cookie?.httpOnly).toBe(true);
  const body = await res.json();
  expect(body.user.email).toBe(E2E_USERS.manager.email);
  expect(JSON.stringify(body)).not.toContain(cookie!.value.split(".")[0]);
  expect(body).not.toHaveProperty("token");
  const session = await (await api.get("/api/auth/get-session")).json();
  expect(session.user.email).toBe(E2E_USERS.manager.email);
  expect(session.session).not.toHaveProperty("token");
  await api.dispose();
});
