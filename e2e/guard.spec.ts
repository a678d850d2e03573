// Issue 8, item 2: every page and route, found by listing app/, requested without a session, with a
// forged session cookie and as each lower role, plainly, as an RSC request and as a router prefetch:
// no answer carries a private marker (a dataset's and a batch's name, a transcript, a summary, the
// data folder, the stand-ins' endpoints, the bucket). Non-admins never see the system status.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { PERMISSIONS, type Permission } from "../lib/auth/permissions";
import { expect, test, type Role } from "./fixtures/auth";

const APP = path.join(__dirname, "..", "app");
const ROLES: Role[] = ["supervisor", "manager", "admin"];
const rank = (r: Role) => ROLES.indexOf(r);
const S3_PORT = process.env.E2E_S3_PORT ?? "4669";
const BEDROCK_PORT = process.env.E2E_BEDROCK_PORT ?? "4670";

const stamp = `${Date.now().toString(36)}${crypto.randomBytes(3).toString("hex")}`;
const DATASET = `guard-dataset-${stamp}`;
const TRANSCRIPT = `the parcel code is zebra-${stamp}`;
// What only an admin may see anywhere: the system status panel's contents.
const SYSTEM = [path.resolve(__dirname, "..", ".test-data", "e2e"), `127.0.0.1:${S3_PORT}`, `127.0.0.1:${BEDROCK_PORT}`, "bucket recap", "answers;", "PGlite"];

const VARIANTS: Record<string, Record<string, string>> = {
  plain: {},
  rsc: { rsc: "1" },
  prefetch: { rsc: "1", "next-router-prefetch": "1" },
};

function files(dir: string, name: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, name) : name.test(e.name) ? [p] : [];
  });
}
/** app/(app)/datasets/[id]/page.tsx -> /datasets/[id] */
const urlOf = (file: string) => "/" + path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join("/");

function pageRole(source: string): Role | null {
  const m = source.match(/^export default page(?:<[^\n]*>)?\(\{ role: "(\w+)" \}/m);
  return m ? (m[1] as Role) : null;
}
function routeRole(source: string): Role | "public" | null {
  const m = source.match(/guardRoute\(req, (?:"(\w+)"|roleFor\("([\w.]+)"\))(?:, \{[^}]*\})?\)/);
  if (!m) return null;
  return (m[1] as Role | "public") ?? PERMISSIONS[m[2] as Permission].role;
}

const SYNTHETIC_ZIP = path.join(__dirname, "..", "..", "shared", "data", "aws-bedrock-samples-synthetic-calls", "synthetic_call_transcript_data.zip");
const BATCH = `guard-batch-${stamp}`;
// the real ids of one of each, so the dynamic pages are asked for something that exists
const ids: Record<string, string> = {};
let summary = "";

test.beforeAll(async ({ authStates, baseURL, browser }) => {
  test.setTimeout(300_000);
  // a supervisor's dataset: its name and one transcript are private data to look for
  const api = await playwrightRequest.newContext({ baseURL, storageState: authStates.supervisor, extraHTTPHeaders: { origin: baseURL! } });
  const upload = async (fileName: string, name: string, body: Buffer) => {
    const res = await api.post(`/api/uploads?fileName=${fileName}&name=${name}`, {
      data: body,
      headers: { "content-type": "application/octet-stream", "x-recap-size": String(body.length), "x-recap-sha256": crypto.createHash("sha256").update(body).digest("hex") },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()).datasetId as string;
  };
  await upload(`guard-${stamp}.csv`, `${DATASET}-small`, Buffer.from(`call_id,transcript\nc-1,"Agent: Hello.\nCustomer: ${TRANSCRIPT}."\n`));
  ids.datasets = await upload(`guard-${stamp}.zip`, DATASET, fs.readFileSync(SYNTHETIC_ZIP));
  await api.dispose();

  // a batch of it, run to the end, and one of its summaries
  const context = await browser.newContext({ baseURL, storageState: authStates.supervisor });
  const page = await context.newPage();
  await page.goto(`/datasets/${ids.datasets}`);
  await page.getByLabel(/Batch name/).fill(BATCH);
  await page.getByRole("button", { name: "Submit batch" }).click();
  await page.waitForURL(/\/batches\/[a-z0-9]+$/);
  ids.batches = page.url().split("/").pop()!;
  await page.getByRole("link", { name: /^recap-/ }).first().click();
  await page.waitForURL(/\/jobs\/[a-z0-9]+$/);
  ids.jobs = page.url().split("/").pop()!;
  await expect(page.getByText("Completed").first()).toBeVisible({ timeout: 240_000 });
  await expect(page.getByRole("table", { name: "Results per transcript" })).toBeVisible({ timeout: 60_000 });
  await page.getByRole("table", { name: "Results per transcript" }).getByRole("link").first().click();
  await page.waitForURL(/\/results\/[\w-]+$/);
  ids.results = page.url().split("/").pop()!;
  summary = ((await page.locator("dd").first().textContent()) ?? "").trim().slice(0, 60);
  expect(summary.length).toBeGreaterThan(20);
  await context.close();
});

const privateMarkers = () => [DATASET, BATCH, TRANSCRIPT, summary, ...SYSTEM];

type Who = { name: string; role?: Role; context: () => Promise<APIRequestContext> };

function whoList(baseURL: string, states: Record<Role, unknown>, below: Role | null): Who[] {
  const list: Who[] = [
    { name: "stranger", context: () => playwrightRequest.newContext({ baseURL }) },
    { name: "forged cookie", context: () => playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: "recap.session_token=forged.value" } }) },
  ];
  for (const role of ROLES) {
    if (below && rank(role) < rank(below)) {
      list.push({ name: role, role, context: () => playwrightRequest.newContext({ baseURL, storageState: states[role] as never }) });
    }
  }
  return list;
}

function concrete(url: string): string {
  return url.replace(/\[\w+\]/, ids[url.split("/")[1]!] ?? "nonexistent").replace(/\[\w+\]/g, "nonexistent");
}

test("no page answers a stranger, a forged session or a lower role with private data", async ({ authStates, baseURL }) => {
  test.setTimeout(300_000);
  const pages = files(APP, /^page\.tsx$/);
  expect(pages.length).toBeGreaterThanOrEqual(20);
  const leaks: string[] = [];
  for (const file of pages) {
    const source = fs.readFileSync(file, "utf8");
    const underApp = file.includes(`${path.sep}(app)${path.sep}`);
    const role = pageRole(source);
    if (underApp) expect(role, `${file} is not built with page()`).not.toBeNull();
    const url = concrete(urlOf(file));
    for (const who of whoList(baseURL!, authStates, underApp ? role : null)) {
      const api = await who.context();
      for (const [variant, headers] of Object.entries(VARIANTS)) {
        const res = await api.get(url, { headers, maxRedirects: 0 });
        const body = await res.text();
        const where = `${url} as ${who.name} (${variant}) answered ${res.status()}`;
        expect(res.status(), where).toBeLessThan(500);
        if (underApp && !who.role) expect([303, 307], where).toContain(res.status());
        for (const marker of privateMarkers()) if (body.includes(marker)) leaks.push(`${where} with "${marker}"`);
      }
      await api.dispose();
    }
  }
  expect(leaks).toEqual([]);
});

test("the system status is for admins only, on every page a supervisor or manager may open", async ({ authStates, baseURL, adminPage }) => {
  test.setTimeout(300_000);
  const leaks: string[] = [];
  for (const file of files(path.join(APP, "(app)"), /^page\.tsx$/)) {
    const role = pageRole(fs.readFileSync(file, "utf8"))!;
    const url = concrete(urlOf(file));
    for (const who of ["supervisor", "manager"] as const) {
      if (rank(who) < rank(role)) continue;
      const api = await playwrightRequest.newContext({ baseURL, storageState: authStates[who] });
      for (const [variant, headers] of Object.entries(VARIANTS)) {
        const body = await (await api.get(url, { headers, maxRedirects: 0 })).text();
        for (const marker of SYSTEM) if (body.includes(marker)) leaks.push(`${url} as ${who} (${variant}) with "${marker}"`);
      }
      await api.dispose();
    }
  }
  expect(leaks).toEqual([]);
  // and an admin still has it
  await adminPage.goto("/");
  await expect(adminPage.getByRole("region", { name: "System status" })).toContainText(`127.0.0.1:${S3_PORT}`);
});

test("no route answers a stranger, a forged session or a lower role with private data; /api/health says only up or down", async ({ authStates, baseURL }) => {
  const routes = files(path.join(APP, "api"), /^route\.ts$/).filter((f) => !f.includes("[...all]"));
  expect(routes.length).toBeGreaterThanOrEqual(7);
  for (const file of routes) {
    const source = fs.readFileSync(file, "utf8");
    const role = routeRole(source);
    expect(role, `${file} does not open with guardRoute`).not.toBeNull();
    const url = concrete(urlOf(file)).replace("[batchId]", "nonexistent");
    const methods = ["GET", "POST"].filter((m) => new RegExp(`export async function ${m}\\b`).test(source));
    for (const who of whoList(baseURL!, authStates, role === "public" ? null : role)) {
      const api = await who.context();
      for (const method of methods) {
        const res = await api.fetch(url, { method, headers: { origin: baseURL! }, maxRedirects: 0 });
        const body = await res.text();
        const where = `${method} ${url} as ${who.name} answered ${res.status()}`;
        // the public routes: the health check (up or down, nothing else) and the API's OpenAPI document
        if (role === "public" && url === "/api/health") expect(JSON.parse(body), where).toEqual({ ok: true });
        else if (role === "public") expect(res.status(), where).toBe(200);
        else expect(who.role ? 403 : 401, where).toBe(res.status());
        for (const marker of privateMarkers()) expect(body, `${where}: "${marker}"`).not.toContain(marker);
      }
      await api.dispose();
    }
  }
});

test("a NUL in a query parameter is a 400 naming it, on pages and the export alike", async ({ managerPage, adminPage }) => {
  for (const [page, url, field] of [
    [managerPage, "/summaries?q=%00", "q"],
    [adminPage, "/admin/audit?actor=%00", "actor"],
    [adminPage, "/admin/audit?q=%00", "q"],
    [managerPage, "/api/exports/summaries?q=%00", "q"],
    [managerPage, "/jobs?status=Completed%00", "status"],
  ] as const) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(400);
    expect(await res.text(), url).toMatch(new RegExp(`\\\\?"${field}\\\\?" contains a NUL character`));
  }
});
