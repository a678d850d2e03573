// /api/v1 costs (issue 12): what a bearer token adds to each request (lookup by hash, rate-limit
// count, last-use stamp, audit row), and a results page by keyset cursor against the summaries
// page's OFFSET paging, deep into 50,000 results. Median of repeated runs; nothing is asserted.
import { Prisma } from "@/lib/generated/prisma/client";
import { createPgliteTestDb, createPostgresTestDb, postgresTestUrl, type TestDb } from "@/test/db";
import { createApiToken, userFromApiToken } from "@/lib/auth/api-tokens";
import { listResults } from "@/lib/api/results";
import { searchSummaries } from "@/lib/results/queries";

const round = (n: number) => Math.round(n * 100) / 100;

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)]);
}

async function seed(db: TestDb, results: number) {
  const { prisma } = db;
  const user = await prisma.user.create({ data: { id: "u", name: "u", email: "u@x.io", role: "manager" } });
  const model = await prisma.modelConfig.create({ data: { modelId: "anthropic.claude-3-haiku-20240307-v1:0", name: "Haiku", family: "anthropic", inputPricePerMTok: 0.125, outputPricePerMTok: 0.625 } });
  const tpl = await prisma.promptTemplate.create({ data: { name: "t", versions: { create: { version: 1, body: "{{transcript}}" } } }, include: { versions: true } });
  const ds = await prisma.dataset.create({ data: { name: "d", fileName: "d.csv", format: "csv", sizeBytes: 1n, sha256: "x", createdById: user.id, recordCount: results } });
  const batch = await prisma.batch.create({ data: { name: "b", datasetId: ds.id, modelConfigId: model.id, templateVersionId: tpl.versions[0].id, createdById: user.id, recordCount: results } });
  const job = await prisma.job.create({ data: { batchId: batch.id, part: 1, jobName: "j", clientRequestToken: "t", status: "Completed", inputS3Uri: "s3://recap/in/", outputS3Uri: "s3://recap/out/", recordCount: results } });
  const sentiments = Prisma.sql`(ARRAY['positive','neutral','negative','mixed'])[1 + i % 4]`;
  await prisma.$executeRaw`
    INSERT INTO "Result" (id, "jobId", "recordId", ok, summary, sentiment, "inputTokens", "outputTokens", "createdAt")
    SELECT 'r' || lpad(i::text, 9, '0'), ${job.id}, 'RC' || lpad(i::text, 9, '0'), true,
           'The customer called about a billing question number ' || i || ' and the agent resolved it.', ${sentiments}, 900, 120, now()
    FROM generate_series(1, ${results}) AS i`;
  // as autovacuum would after a real ingestion: the planner sees 50,000 rows, not an empty table
  for (const table of ["Result", "Job", "Batch"]) await prisma.$executeRawUnsafe(`ANALYZE "${table}"`);
  return { user: { id: user.id, email: user.email, name: user.name, role: "manager" as const }, batchId: batch.id };
}

export async function benchApi(kind: "pglite" | "postgres", results = 50_000) {
  const label = kind === "pglite" ? "PGlite" : "PostgreSQL";
  let db: TestDb;
  if (kind === "postgres") {
    const pg = await postgresTestUrl();
    if (!pg.url) return [{ name: `api (${label})`, skipped: pg.reason }];
    db = await createPostgresTestDb(pg.url);
  } else db = await createPgliteTestDb();
  try {
    const { user, batchId } = await seed(db, results);
    const prisma = db.prisma;
    const { token } = await createApiToken({ user, name: "bench", prisma });
    const authMs = await median(200, () => userFromApiToken({ token, use: { method: "GET", path: "/api/v1/results" }, limitPerMinute: 1_000_000, prisma }));
    const sessionlessFloor = await median(200, () => prisma.$queryRaw`SELECT 1`);

    const deep = `r${String(results / 2).padStart(9, "0")}`;
    const cursor = Buffer.from(`r:${deep}`, "utf8").toString("base64url");
    const filters = { batchId };
    const keysetFirst = await median(30, () => listResults({ user, filters, limit: 100, prisma }));
    const keysetDeep = await median(30, () => listResults({ user, filters, limit: 100, cursor, prisma }));
    const keysetSentiment = await median(30, () => listResults({ user, filters: { ...filters, sentiment: "negative" }, limit: 100, cursor, prisma }));
    const offsetFirst = await median(10, () => searchSummaries({ user, search: {}, page: 1, pageSize: 100, prisma }));
    const offsetDeep = await median(10, () => searchSummaries({ user, search: {}, page: results / 200, pageSize: 100, prisma }));
    return [
      { name: `bearer token check (${label})`, medianMs: authMs, note: `SELECT 1 round trip: ${sessionlessFloor} ms` },
      { name: `results, keyset, first page of 100 (${label})`, medianMs: keysetFirst, note: `${results} results` },
      { name: `results, keyset, page at row ${results / 2} (${label})`, medianMs: keysetDeep, note: "" },
      { name: `results, keyset + sentiment, at row ${results / 2} (${label})`, medianMs: keysetSentiment, note: "" },
      { name: `summaries page, OFFSET, page 1 (${label})`, medianMs: offsetFirst, note: "count(*) + page" },
      { name: `summaries page, OFFSET, at row ${results / 2} (${label})`, medianMs: offsetDeep, note: "count(*) + page" },
    ];
  } finally {
    await db.close();
  }
}

if (process.argv[1]?.endsWith("api.ts")) {
  (async () => {
    console.table(await benchApi("pglite"));
    console.table(await benchApi("postgres"));
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
