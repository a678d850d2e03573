// The comparison page's read, measured: every call of a comparison with both arms' results
// (lib/compare/queries comparisonPairs) and the totals over them (compareArms), on PGlite and on
// PostgreSQL, for comparisons of 1,100 and 10,000 calls; and compareArms alone over 50,000 pairs.
import { comparisonPairs } from "@/lib/compare/queries";
import { compareArms, type CallPair } from "@/lib/compare/metrics";
import { createPgliteTestDb, createPostgresTestDb, postgresTestUrl, type TestDb } from "@/test/db";

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const SENTIMENTS = ["positive", "neutral", "negative", "mixed"];
const TOPICS = ["refund", "return", "delivery", "order", "payment", "membership"];
const SUMMARY = "The customer called about a delayed delivery of their order and asked for a refund. The agent checked the order, apologised and arranged a refund. The call ended resolved and the customer was positive.";

async function seed(db: TestDb, calls: number) {
  const { prisma } = db;
  const user = await prisma.user.create({ data: { id: "u", name: "u", email: "u@x.io" } });
  const models = await Promise.all(["a", "b"].map((m, i) => prisma.modelConfig.create({ data: { modelId: `m.${m}`, name: m, family: "anthropic", inputPricePerMTok: 0.1 * (i + 1), outputPricePerMTok: 0.5 * (i + 1) } })));
  const tpl = await prisma.promptTemplate.create({ data: { name: "t", versions: { create: { version: 1, body: "{{transcript}}" } } }, include: { versions: true } });
  const ds = await prisma.dataset.create({ data: { name: "d", fileName: "d.csv", format: "csv", sizeBytes: 1n, sha256: "x", createdById: user.id, recordCount: calls } });
  const recordId = (i: number) => `RC${String(i + 1).padStart(9, "0")}`;
  for (let i = 0; i < calls; i += 5000) {
    await prisma.transcript.createMany({ data: Array.from({ length: Math.min(5000, calls - i) }, (_, k) => ({ datasetId: ds.id, callId: `c${i + k}`, recordId: recordId(i + k), text: "Customer: hi", charCount: 12 })) });
  }
  const comparison = await prisma.comparison.create({ data: { name: "c", datasetId: ds.id, createdById: user.id } });
  await prisma.$executeRaw`INSERT INTO "ComparisonCall" ("comparisonId", "transcriptId") SELECT ${comparison.id}, id FROM "Transcript"`;
  const arms = [];
  for (const [i, arm] of (["A", "B"] as const).entries()) {
    const batch = await prisma.batch.create({ data: { name: arm, datasetId: ds.id, modelConfigId: models[i].id, templateVersionId: tpl.versions[0].id, createdById: user.id, recordCount: calls, comparisonId: comparison.id, comparisonArm: arm } });
    const job = await prisma.job.create({ data: { batchId: batch.id, part: 1, jobName: arm, clientRequestToken: arm, status: "Completed", inputS3Uri: "s3://r/i/", outputS3Uri: "s3://r/o/", recordCount: calls } });
    for (let s = 0; s < calls; s += 2000) {
      await prisma.result.createMany({
        data: Array.from({ length: Math.min(2000, calls - s) }, (_, k) => {
          const n = s + k;
          const sentiment = SENTIMENTS[(n * (i + 1)) % 4];
          return { jobId: job.id, recordId: recordId(n), ok: true, summary: SUMMARY, sentiment, inputTokens: 900, outputTokens: 120, fields: { summary: SUMMARY, customer_sentiment: sentiment, topics: TOPICS.slice(n % 3, (n % 3) + 2 + i) } };
        }),
      });
    }
    arms.push({ arm, batchId: batch.id, inputPricePerMTok: models[i].inputPricePerMTok, outputPricePerMTok: models[i].outputPricePerMTok });
  }
  return { id: comparison.id, arms } as unknown as Parameters<typeof comparisonPairs>[0]["comparison"];
}

async function benchRead(kind: "pglite" | "postgres", calls: number) {
  const name = `comparison page read, ${calls.toLocaleString("en-US")} calls (${kind === "pglite" ? "PGlite" : "PostgreSQL"})`;
  let db: TestDb;
  if (kind === "postgres") {
    const pg = await postgresTestUrl();
    if (!pg.url) return { name, skipped: pg.reason };
    db = await createPostgresTestDb(pg.url);
  } else db = await createPgliteTestDb();
  try {
    const comparison = await seed(db, calls);
    await comparisonPairs({ comparison, prisma: db.prisma }); // warm
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const start = performance.now();
      const { totals } = await comparisonPairs({ comparison, prisma: db.prisma });
      runs.push(performance.now() - start);
      if (totals.bothSucceeded !== calls) throw new Error("unexpected totals");
    }
    return { name, medianMs: round(runs.sort((a, b) => a - b)[1]!), rssMb: round(process.memoryUsage().rss / 1e6, 0) };
  } finally {
    await db.close();
  }
}

function benchMetrics(pairsCount = 50_000) {
  const result = (i: number, arm: number) => ({ ok: true, summary: SUMMARY, sentiment: SENTIMENTS[(i * arm) % 4]!, topics: TOPICS.slice(i % 3, (i % 3) + 1 + arm), inputTokens: 900, outputTokens: 120, errorMessage: null });
  const pairs: CallPair[] = Array.from({ length: pairsCount }, (_, i) => ({ recordId: String(i), callId: String(i), A: result(i, 1), B: result(i, 2) }));
  const prices = { inputPricePerMTok: 0.1, outputPricePerMTok: 0.5 };
  const start = performance.now();
  compareArms(pairs, { A: prices, B: prices });
  return { name: `compareArms over ${pairsCount.toLocaleString("en-US")} pairs`, medianMs: round(performance.now() - start) };
}

export async function benchCompare() {
  const rows: object[] = [benchMetrics()];
  for (const calls of [1_100, 10_000]) for (const kind of ["pglite", "postgres"] as const) rows.push(await benchRead(kind, calls));
  return rows;
}

if (process.argv[1]?.endsWith("compare.ts")) {
  benchCompare().then((rows) => console.table(rows)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
