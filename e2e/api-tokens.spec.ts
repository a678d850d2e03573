// Personal API tokens, walked as a person and a script would: a supervisor creates a token in the
// UI and sees it once; the README's session (upload a CSV, create a batch, wait, read results) runs
// with it, with fetch and then as the README's own curl block; the token is revoked and refused.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "./fixtures/auth";
import { syntheticCalls, toCsv } from "../test/synthetic";

test.describe.configure({ mode: "serial" });

let token = "";
let csv: Buffer;

const auth = () => ({ authorization: `Bearer ${token}` });

async function api<T>(baseURL: string, route: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseURL}${route}`, { ...init, headers: { ...auth(), ...(init.headers as Record<string, string>) } });
  return { status: res.status, body: (await res.json()) as T };
}

test("a supervisor creates a token in the UI and sees it once", async ({ supervisorPage: page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "API tokens" }).click();
  await page.waitForURL("**/settings/tokens");
  await page.getByLabel("Token name").fill("nightly import");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Copy it now")).toBeVisible();
  token = await page.getByRole("textbox", { name: "New API token" }).inputValue();
  expect(token).toMatch(/^recap_pat_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId("token-nightly import");
  await expect(row).toContainText(token.slice(0, 16));
  await expect(row).toContainText("never");

  await page.reload();
  await expect(page.getByTestId("token-nightly import")).toContainText("Active");
  expect(await page.content()).not.toContain(token.slice(16));
  await expect(page.getByRole("textbox", { name: "New API token" })).toHaveCount(0);
});

test("the README's steps with fetch: upload a CSV, create a batch, wait, read every result", async ({ baseURL }) => {
  test.setTimeout(300_000);
  csv = Buffer.from(toCsv(await syntheticCalls(1100)));
  const up = await api<{ datasetId: string; accepted: number }>(baseURL!, "/api/v1/datasets?fileName=calls.csv&name=API%20calls", {
    method: "POST", body: new Uint8Array(csv),
    headers: { "x-recap-size": String(csv.length), "x-recap-sha256": createHash("sha256").update(csv).digest("hex") },
  });
  expect(up).toMatchObject({ status: 201, body: { accepted: 1100 } });

  const options = await api<{ models: { id: string; modelId: string }[]; templates: { versionId: string }[] }>(baseURL!, "/api/v1/batch-options");
  const model = options.body.models.find((m) => m.modelId === "anthropic.claude-3-haiku-20240307-v1:0")!;
  const created = await api<{ batchId: string }>(baseURL!, "/api/v1/batches", {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ datasetId: up.body.datasetId, modelConfigId: model.id, templateVersionId: options.body.templates[0].versionId, name: "API batch" }),
  });
  expect(created.status).toBe(201);

  const batchUrl = `/api/v1/batches/${created.body.batchId}`;
  await expect.poll(async () => (await api<{ settled: boolean }>(baseURL!, batchUrl)).body.settled, { timeout: 240_000, intervals: [2_000] }).toBe(true);
  const batch = await api<{ jobs: { status: string; successRecordCount: number }[] }>(baseURL!, batchUrl);
  expect(batch.body.jobs).toEqual([expect.objectContaining({ status: "Completed", successRecordCount: 1100 })]);

  const ids = new Set<string>();
  let cursor = "";
  do {
    const page = await api<{ results: { id: string; callId: string; summary: string }[]; nextCursor: string | null }>(baseURL!, `/api/v1/results?batchId=${created.body.batchId}&limit=500&cursor=${cursor}`);
    expect(page.status).toBe(200);
    for (const r of page.body.results) ids.add(r.id);
    cursor = page.body.nextCursor ?? "";
  } while (cursor);
  expect(ids.size).toBe(1100);

  // a supervisor's token may not export; the OpenAPI document is public
  expect((await fetch(`${baseURL}/api/v1/export`, { headers: auth() })).status).toBe(403);
  const doc = await (await fetch(`${baseURL}/api/v1/openapi.json`)).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toContain("/api/v1/results");
});

test("the README's curl block runs as written", async ({ baseURL }) => {
  test.setTimeout(300_000);
  const readme = fs.readFileSync(path.join(__dirname, "../README.md"), "utf8");
  const block = /A session with curl[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  // the README's block: it uploads, creates a batch, waits and pages through results
  expect(block).toMatch(/\/api\/v1\/datasets[\s\S]*\/api\/v1\/batches[\s\S]*\/api\/v1\/results/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "recap-readme-"));
  fs.writeFileSync(path.join(dir, "calls.csv"), csv);
  // RECAP and TOKEN come from here rather than the block's placeholder line
  const script = "set -euo pipefail\n" + block!.replace(/^export RECAP=.*$/m, "");
  try {
    const { stdout } = await promisify(execFile)("bash", ["-c", script], { cwd: dir, env: { ...process.env, RECAP: baseURL!, TOKEN: token }, timeout: 280_000, maxBuffer: 64 * 1024 * 1024 });
    const rows = stdout.split("\n").filter((l) => /^call-\d+\t/.test(l));
    expect(rows).toHaveLength(1100);
    expect(stdout).toContain('"status": "Completed"');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the token's use shows on its row; revoked in the UI, it is refused with 401", async ({ supervisorPage: page, baseURL }) => {
  await page.goto("/settings/tokens");
  const row = page.getByTestId("token-nightly import");
  await expect(row).not.toContainText("never");
  await row.getByRole("button", { name: "Revoke nightly import" }).click();
  await page.getByRole("group", { name: "Confirm revoking nightly import" }).getByRole("button", { name: "Yes, revoke" }).click();
  await expect(row).toContainText("Revoked");
  const refused = await api<{ error: { code: string } }>(baseURL!, "/api/v1/batches");
  expect(refused).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
});
