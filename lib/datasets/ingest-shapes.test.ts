// Ingesting the shapes of issue 9 (one row per turn, role swap, producer names) and the
// same-file check, on PGlite and, when DATABASE_URL_TEST answers, PostgreSQL.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDb, databaseTargets } from "@/test/db";
import { startTestS3, tempDir } from "@/test/stack";
import { ingestUpload, type IngestInput } from "./ingest";
import { findEarlierUpload } from "./queries";

const SHAPES = path.resolve(__dirname, "../../test/fixtures/shapes");
const targets = await databaseTargets("ingest-shapes.test");

describe.each(targets)("on %s", (_name, createDb) => {
  let db: TestDb;
  let s3: Awaited<ReturnType<typeof startTestS3>>;
  const dir = tempDir("ingest-shapes");

  beforeAll(async () => {
    db = await createDb();
    s3 = await startTestS3();
    await db.prisma.user.createMany({ data: [{ id: "sup", name: "Sam", email: "sam@example.com" }, { id: "other", name: "Olu", email: "olu@example.com" }] });
  });
  afterAll(async () => {
    await s3?.close();
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function ingest(fixture: string, extra: Partial<IngestInput> = {}) {
    const bytes = fs.readFileSync(path.join(SHAPES, fixture));
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}-${fixture}`);
    fs.writeFileSync(file, bytes);
    return ingestUpload({
      prisma: db.prisma, storage: { client: s3.client, bucket: s3.bucket, uploadPrefix: "uploads" },
      filePath: file, fileName: fixture, sizeBytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), userId: "sup", ...extra,
    });
  }

  it("a per-turn CSV becomes 3 calls of 21 turns, shown as one row per turn", async () => {
    const out = await ingest("per-turn.csv");
    expect(out.accepted).toBe(3);
    expect(out.report.problemCount).toBe(0);
    const ds = await db.prisma.dataset.findUniqueOrThrow({ where: { id: out.datasetId }, include: { transcripts: { orderBy: { lineNumber: "asc" } } } });
    expect(ds.format).toBe("CSV, one row per turn");
    expect(ds.transcripts.map((t) => [t.callId, t.text.split("\n").length])).toEqual([["conv-100", 21], ["conv-101", 21], ["conv-102", 21]]);
  });

  it("the per-turn CSV forced to one row per call is refused as mostly duplicates, and nothing is stored", async () => {
    const before = await db.prisma.dataset.count();
    await expect(ingest("per-turn.csv", { grouping: "calls" })).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("60 of 63 rows repeat an earlier call id"),
    });
    expect(await db.prisma.dataset.count()).toBe(before);
  });

  it("swapRoles stores Agent and Customer the other way round; Contact Lens is named and keyed by ContactId", async () => {
    const swapped = await ingest("transcribe-speakers.json", { swapRoles: true });
    const [t] = await db.prisma.transcript.findMany({ where: { datasetId: swapped.datasetId } });
    expect(t.text.split("\n")[1]).toMatch(/^Customer: Hi, thank you for calling Contoso/);
    const cl = await ingest("contact-lens.json");
    const ds = await db.prisma.dataset.findUniqueOrThrow({ where: { id: cl.datasetId }, include: { transcripts: true } });
    expect(ds.format).toBe("Contact Lens");
    expect(ds.transcripts[0].callId).toBe("7d1c2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f");
  });

  it("the same file again is found among the caller's own datasets only", async () => {
    const bytes = fs.readFileSync(path.join(SHAPES, "pca.json"));
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(await findEarlierUpload({ user: { id: "sup", role: "supervisor" }, sha256, prisma: db.prisma })).toBeNull();
    const out = await ingest("pca.json", { name: "November PCA" });
    const found = await findEarlierUpload({ user: { id: "sup", role: "supervisor" }, sha256: sha256.toUpperCase(), prisma: db.prisma });
    expect(found).toMatchObject({ id: out.datasetId, name: "November PCA", fileName: "pca.json" });
    expect(await findEarlierUpload({ user: { id: "other", role: "admin" }, sha256, prisma: db.prisma })).toBeNull();
  });
});
