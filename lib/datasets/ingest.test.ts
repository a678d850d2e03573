import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteTestDb, type TestDb } from "@/test/db";
import { startTestS3, tempDir } from "@/test/stack";
import { readObject } from "@/lib/storage/objects";
import { ingestUpload } from "./ingest";

const DATA = path.resolve(__dirname, "../../../shared/data");
let db: TestDb;
let s3: Awaited<ReturnType<typeof startTestS3>>;
const dir = tempDir("ingest");

beforeAll(async () => {
  db = await createPgliteTestDb();
  s3 = await startTestS3();
  await db.prisma.user.create({ data: { id: "sup", name: "Sam", email: "sam@example.com" } });
});
afterAll(async () => {
  await s3?.close();
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function ingest(fileName: string, bytes: Buffer | string) {
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, bytes);
  return ingestUpload({
    prisma: db.prisma,
    storage: { client: s3.client, bucket: s3.bucket, uploadPrefix: "uploads" },
    filePath: file, fileName, sizeBytes: fs.statSync(file).size,
    sha256: createHash("sha256").update(bytes).digest("hex"), userId: "sup",
  });
}

async function objectText(key: string) {
  let text = "";
  for await (const c of await readObject({ client: s3.client, bucket: s3.bucket, key })) text += c;
  return text;
}

describe("ingesting uploads from the real data and the ugly cases", () => {
  it("reads a real Amazon Transcribe Call Analytics output as one call with speaker turns", async () => {
    const out = await ingest("example-call.json", fs.readFileSync(path.join(DATA, "transcribe-call-analytics-example/example-call.json")));
    expect(out.accepted).toBe(1);
    const [t] = await db.prisma.transcript.findMany({ where: { datasetId: out.datasetId } });
    expect(t.callId).toBe("example-call.wav");
    expect(t.text).toMatch(/^Agent: /);
    expect(t.text.split("\n").filter((l) => l.startsWith("Customer: "))).toHaveLength(18);
    expect(t.text).toContain("[PII]");
  });

  it("recognises a real Bedrock batch input file and keeps its 105 records", async () => {
    const out = await ingest("input.jsonl", fs.readFileSync(path.join(DATA, "serverless-patterns-batch-input/input.jsonl")));
    expect(out.accepted).toBe(105);
    const rows = await db.prisma.transcript.findMany({ where: { datasetId: out.datasetId }, orderBy: { recordId: "asc" }, take: 2 });
    expect(rows.map((r) => r.callId)).toEqual(["CALL0000001", "CALL0000002"]);
    expect(rows[0].text).toContain("Customer");
    // the normalised copy that submission converts holds exactly the accepted transcripts
    const normalised = (await objectText(out.report.normalizedKey)).trimEnd().split("\n");
    expect(normalised).toHaveLength(105);
    expect(JSON.parse(normalised[0])).toEqual({ callId: "CALL0000001", text: rows[0].text });
  });

  it("decodes a UTF-16 LE CSV with a BOM, redacts PII, and reports bad rows by line while keeping the good ones", async () => {
    const csv = 'call_id,transcript\r\nc1,"Customer: ¿Dónde está mi pedido? Write to ana@example.com"\r\nc2,""\r\nc1,"Customer: again"\r\nc3,"Agent: Call 555-867-5309."\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, "utf16le")]);
    const out = await ingest("utf16.csv", bytes);
    expect(out.accepted).toBe(2);
    expect(out.report.encoding).toBe("utf-16le");
    expect(out.report.problems.map((p) => [p.line, p.code])).toEqual([[3, "EMPTY_TRANSCRIPT"], [4, "DUPLICATE_CALL_ID"]]);
    const rows = await db.prisma.transcript.findMany({ where: { datasetId: out.datasetId }, orderBy: { recordId: "asc" } });
    expect(rows.map((r) => [r.callId, r.recordId])).toEqual([["c1", "RC000000001"], ["c3", "RC000000002"]]);
    expect(rows[0].text).toBe("Customer: ¿Dónde está mi pedido? Write to {EMAIL}");
    expect(rows[1].text).toBe("Agent: Call {PHONE}.");
  });

  it("refuses a file with no usable transcript, says why, and leaves no dataset behind", async () => {
    const before = await db.prisma.dataset.count();
    await expect(ingest("empty.csv", "call_id,transcript\nc1,\n")).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("No usable transcripts") });
    await expect(ingest("blank.txt", "")).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db.prisma.dataset.count()).toBe(before);
  });
});

describe("call metadata at upload", () => {
  it("stores the agent, team, call time and duration columns (guessed by name) as columns, the rest as metadata", async () => {
    const csv = "call_id,agent_name,queue,start_time,duration,site,transcript\nc1,Ana,Billing,2026-11-02 10:15,05:12,Austin,Agent: Hello. Customer: My refund is late.\n";
    const out = await ingest("with-agents.csv", csv);
    const t = await db.prisma.transcript.findFirstOrThrow({ where: { datasetId: out.datasetId } });
    expect(t).toMatchObject({ agent: "Ana", team: "Billing", callStartAt: new Date("2026-11-02T10:15:00Z"), durationSec: 312, metadata: { site: "Austin" } });
    expect(out.report.columns).toMatchObject({ agent: "agent_name", team: "queue", callStart: "start_time", duration: "duration" });
  });

  it("reads the duration and language of a real Transcribe Call Analytics output", async () => {
    const out = await ingest("example-call-2.json", fs.readFileSync(path.join(DATA, "transcribe-call-analytics-example/example-call.json")));
    const t = await db.prisma.transcript.findFirstOrThrow({ where: { datasetId: out.datasetId } });
    expect(t.language).toBe("en-US");
    expect(t.durationSec).toBeGreaterThan(60);
  });
});
