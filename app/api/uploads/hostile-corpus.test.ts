// The hostile-input corpus (test/hostile/) through the real POST /api/uploads handler, signed in
// for real, against PGlite and PostgreSQL (DATABASE_URL_TEST), s3rver and bedrock-local: for each
// input the status, the message, and that /api/health still answers afterwards.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/auth/testing/next-headers-mock"));
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

import { NextRequest } from "next/server";
import { startBedrockLocal, type BedrockLocal } from "@/bedrock-local/server";
import { setDbForTests } from "@/lib/db";
import { resetAuthForTests } from "@/lib/auth/auth";
import { actAs, seedUser, TEST_ORIGIN } from "@/lib/auth/testing/sessions";
import { getRequestHeaders } from "@/lib/auth/testing/request-headers";
import { type TestDb, databaseTargets } from "@/test/db";
import { startTestS3, tempDir } from "@/test/stack";
import { HOSTILE_CASES, type HostileCase } from "@/test/hostile/corpus";
import { POST } from "./route";
import { GET as health } from "../health/route";

const targets = await databaseTargets("hostile-corpus");

let s3: Awaited<ReturnType<typeof startTestS3>>;
let engine: BedrockLocal;
const dataDir = tempDir("hostile");
const engineDir = tempDir("hostile-engine");

beforeAll(async () => {
  s3 = await startTestS3();
  engine = await startBedrockLocal({ port: 0, dataDir: engineDir, s3: { endpoint: s3.endpoint }, summarizerWorkers: 0 });
  // read once by lib/config, on the first request
  Object.assign(process.env, { RECAP_DATA_DIR: dataDir, RECAP_S3_ENDPOINT: s3.endpoint, RECAP_BEDROCK_ENDPOINT: engine.endpoint, RECAP_S3_BUCKET: s3.bucket, RECAP_TRACKER: "off" });
});
afterAll(async () => {
  await engine?.close();
  await s3?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(engineDir, { recursive: true, force: true });
});

type Init = NonNullable<ConstructorParameters<typeof NextRequest>[1]> & { duplex: "half" };

/** The request a browser's upload-request.ts sends, with the case's changes. */
function uploadRequest(c: HostileCase, body: Buffer): NextRequest {
  const q = new URLSearchParams({ fileName: c.fileName, ...c.query });
  const headers = new Headers(getRequestHeaders());
  headers.set("origin", TEST_ORIGIN);
  headers.set("content-type", "application/octet-stream");
  headers.set("x-recap-size", String(body.length));
  headers.set("x-recap-sha256", createHash("sha256").update(body).digest("hex"));
  for (const [k, v] of Object.entries(c.headers ?? {})) {
    if (v === null) headers.delete(k);
    else headers.set(k, v);
  }
  return new NextRequest(`${TEST_ORIGIN}/api/uploads?${q}`, { method: "POST", headers, body: new Uint8Array(body), duplex: "half" } as Init);
}

describe.each(targets)("the hostile-input corpus through POST /api/uploads on %s", (_name, create) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await create();
    setDbForTests(t.prisma);
    resetAuthForTests();
    await actAs(await seedUser(t, "supervisor"));
  });
  afterAll(() => t?.close());

  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))("%s", async (_case, c) => {
    const res = await POST(uploadRequest(c, c.body()));
    const json = await res.json();
    expect({ status: res.status, message: json.error?.message ?? "" }).toEqual({ status: c.status, message: expect.stringMatching(c.message) });
    expect(json.error?.message ?? "").not.toMatch(/Something went wrong/);
    if (c.status === 201) {
      expect(json.accepted).toBe(c.accepted);
      expect(json.problems.map((p: { line: number; code: string }) => ({ line: p.line, code: p.code }))).toEqual(c.problems);
      const rows = await t.prisma.transcript.findMany({ where: { datasetId: json.datasetId }, select: { text: true } });
      expect(rows).toHaveLength(c.accepted!);
      for (const r of rows) expect(r.text).not.toMatch(/[\r\0]/);
    }
    const alive = await health(new NextRequest(`${TEST_ORIGIN}/api/health`));
    expect(alive.status).toBe(200);
  });

  it("stores what the CRLF shapes said, line by line", async () => {
    const c = HOSTILE_CASES.find((x) => x.fileName === "crlf.csv")!;
    const json = await (await POST(uploadRequest(c, c.body()))).json();
    const rows = await t.prisma.transcript.findMany({ where: { datasetId: json.datasetId }, orderBy: { recordId: "asc" }, select: { text: true } });
    expect(rows.map((r) => r.text)).toEqual(["Agent: Hello.\nCustomer: My order is late.\nAgent: Let me check.", "Agent: Bye.\nCustomer: Bye."]);
  });

  it("refuses a non-numeric X-Recap-Size before reading the body", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({ pull: (ctl) => (pulled++, ctl.enqueue(new Uint8Array(1024))) });
    const headers = new Headers(getRequestHeaders());
    headers.set("origin", TEST_ORIGIN);
    headers.set("x-recap-size", "lots");
    headers.set("x-recap-sha256", "0".repeat(64));
    const req = new NextRequest(`${TEST_ORIGIN}/api/uploads?fileName=a.csv`, { method: "POST", headers, body, duplex: "half" } as Init);
    const res = await POST(req);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/X-Recap-Size header must be the file's size in bytes/);
    expect(pulled).toBeLessThanOrEqual(1); // a ReadableStream pulls once on its own to fill its queue; the route read none of it
  });
});
