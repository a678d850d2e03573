// `npm run bench:home -- --results N`: the home page's reads (lib/home) against a database filled
// with N results over ~1,000 jobs spread across a year, two supervisors and a manager, timed 20
// times each (p50/p95/max, ms). PGlite in memory, and the PostgreSQL server at BENCH_DATABASE_URL
// (or DATABASE_URL_TEST) in a schema of its own that is dropped afterwards.
import os from "node:os";
import { costThisMonth } from "@/lib/home/cost";
import { batchesInProgress, jobsInFlight } from "@/lib/home/jobs";
import { periodOverview } from "@/lib/home/insights";
import { latestResults } from "@/lib/home/results";
import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { createPgliteTestDb, createPostgresTestDb, type TestDb } from "@/test/db";

const RUNS = 20;
const IN_FLIGHT = 20;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const n = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number above 0, got ${process.argv[i + 1]}`);
  return n;
}

/** Batches of three jobs; the newest IN_FLIGHT jobs still running, the others ended and read in. */
export async function seedHome(prisma: Db, opts: { results: number; jobs: number }) {
  const batches = Math.ceil(opts.jobs / 3);
  const jobs = batches * 3;
  const perJob = Math.ceil(opts.results / (jobs - IN_FLIGHT));
  const sql = (q: string) => prisma.$executeRawUnsafe(q);
  await sql(`INSERT INTO "user"(id, name, email, role, "updatedAt") VALUES
    ('b-sup1', 'Sup One', 'sup1@bench.test', 'supervisor', now()), ('b-sup2', 'Sup Two', 'sup2@bench.test', 'supervisor', now()),
    ('b-mgr', 'Manager', 'mgr@bench.test', 'manager', now())`);
  await sql(`INSERT INTO "ModelConfig"(id, "modelId", name, family, "inputPricePerMTok", "outputPricePerMTok", "updatedAt")
    VALUES ('m1', 'anthropic.claude-3-haiku-20240307-v1:0', 'Claude 3 Haiku', 'anthropic', 0.125, 0.625, now()),
           ('m2', 'amazon.nova-lite-v1:0', 'Nova Lite', 'nova', 0.03, 0.12, now())`);
  await sql(`INSERT INTO "PromptTemplate"(id, name) VALUES ('pt1', 'Call summary')`);
  await sql(`INSERT INTO "PromptTemplateVersion"(id, "templateId", version, body) VALUES ('tv1', 'pt1', 1, 'Summarize {{transcript}}')`);
  await sql(`INSERT INTO "Dataset"(id, name, "fileName", format, "sizeBytes", sha256, "createdById", "recordCount")
    SELECT 'd' || g, 'calls ' || g, 'calls-' || g || '.csv', 'csv', 1000, 'x', CASE WHEN g % 2 = 0 THEN 'b-sup1' ELSE 'b-sup2' END, ${perJob * 3}
    FROM generate_series(1, ${batches}) g`);
  await sql(`INSERT INTO "Batch"(id, name, "datasetId", "modelConfigId", "templateVersionId", "createdById", status, "recordCount", "createdAt")
    SELECT 'b' || g, 'batch ' || g, 'd' || g, CASE WHEN g % 3 = 0 THEN 'm2' ELSE 'm1' END, 'tv1', CASE WHEN g % 2 = 0 THEN 'b-sup1' ELSE 'b-sup2' END,
           'submitted', ${perJob * 3}, now() - (${batches} - g) * interval '365 days' / ${batches} - interval '2 hours'
    FROM generate_series(1, ${batches}) g`);
  await sql(`INSERT INTO "Job"(id, "batchId", part, "jobName", "clientRequestToken", "inputS3Uri", "outputS3Uri", "recordCount", status,
      "processedRecordCount", "successRecordCount", "errorRecordCount", "inputTokenCount", "outputTokenCount", "submitTime", "endTime", "ingestedAt", "createdAt")
    SELECT 'j' || g, 'b' || ((g - 1) / 3 + 1), (g - 1) % 3 + 1, 'recap-job-' || g, 'tok' || g, 's3://recap/in/', 's3://recap/out/', ${perJob},
      CASE WHEN g > ${jobs - IN_FLIGHT} THEN 'InProgress' ELSE 'Completed' END,
      CASE WHEN g > ${jobs - IN_FLIGHT} THEN ${perJob} / 2 ELSE ${perJob} END,
      CASE WHEN g > ${jobs - IN_FLIGHT} THEN NULL ELSE ${perJob} - ${perJob} / 50 END,
      CASE WHEN g > ${jobs - IN_FLIGHT} THEN NULL ELSE ${perJob} / 50 END,
      CASE WHEN g > ${jobs - IN_FLIGHT} THEN NULL ELSE ${perJob}::bigint * 1500 END,
      CASE WHEN g > ${jobs - IN_FLIGHT} THEN NULL ELSE ${perJob}::bigint * 200 END,
      e - interval '1 hour', CASE WHEN g > ${jobs - IN_FLIGHT} THEN NULL ELSE e END,
      CASE WHEN g > ${jobs - IN_FLIGHT} THEN NULL ELSE e + interval '5 minutes' END, e - interval '2 hours'
    FROM (SELECT g, now() - (${jobs} - g) * interval '365 days' / ${jobs} AS e FROM generate_series(1, ${jobs}) g) s`);
  await sql(`INSERT INTO "Result"(id, "jobId", "recordId", ok, summary, sentiment, "inputTokens", "outputTokens", "errorCode", "errorMessage")
    SELECT 'r' || g, 'j' || ((g - 1) / ${perJob} + 1), lpad(g::text, 11, '0'), g % 50 <> 0,
      CASE WHEN g % 50 <> 0 THEN 'Customer called about a ' || (ARRAY['refund', 'router fault', 'plan upgrade', 'late bill', 'moving home'])[g % 5 + 1]
        || '; the agent ' || (ARRAY['resolved it', 'opened a ticket', 'escalated it', 'offered a credit'])[g % 4 + 1] || '. Call ' || g END,
      CASE WHEN g % 50 <> 0 THEN (ARRAY['positive', 'neutral', 'negative', 'mixed'])[g % 4 + 1] END,
      1500, 200, CASE WHEN g % 50 = 0 THEN 400 END, CASE WHEN g % 50 = 0 THEN 'Malformed input request' END
    FROM generate_series(1, ${perJob * (jobs - IN_FLIGHT)}) g`);
  // the rollups result ingestion keeps (lib/results/ingest.ts), at the size a year of these calls
  // gives them: per day x owner x model x team, and per day x owner x topic (30 topics)
  const perDay = Math.max(1, Math.round(opts.results / 365 / 20));
  await sql(`INSERT INTO "RollupDay"(day, "ownerId", "modelConfigId", team, calls, positive, neutral, negative, mixed)
    SELECT current_date - d, o, m, t, ${perDay}, ${perDay} / 4, ${perDay} / 4, ${perDay} / 4, ${perDay} - 3 * (${perDay} / 4)
    FROM generate_series(0, 364) d, unnest(ARRAY['b-sup1', 'b-sup2']) o, unnest(ARRAY['m1', 'm2']) m,
         unnest(ARRAY['Billing', 'Tech', 'Sales', 'Retention', 'Moves']) t`);
  await sql(`INSERT INTO "RollupTopicDay"(day, "ownerId", topic, calls, negative)
    SELECT current_date - d, o, 'topic ' || k, (${perDay} * (k + d % 7)) / 10 + 1, k % 3
    FROM generate_series(0, 364) d, unnest(ARRAY['b-sup1', 'b-sup2']) o, generate_series(1, 30) k`);
  await sql(`ANALYZE`);
  return { jobs, batches, results: perJob * (jobs - IN_FLIGHT) };
}

async function time(run: () => Promise<unknown>) {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)] * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), max: at(1) };
}

async function benchHome(name: string, open: () => Promise<TestDb>, results: number) {
  const t = await open();
  try {
    const seedStart = performance.now();
    const size = await seedHome(t.prisma, { results, jobs: 1000 });
    console.log(`${name}: ${size.results.toLocaleString("en-US")} results, ${size.jobs} jobs seeded in ${Math.round((performance.now() - seedStart) / 1000)} s`);
    const prisma = t.prisma;
    const rows = [];
    for (const [who, user] of [["manager", { id: "b-mgr", role: "manager" }], ["supervisor", { id: "b-sup1", role: "supervisor" }]] as [string, Actor][]) {
      rows.push({ database: name, who, query: "jobsInFlight", ...(await time(() => jobsInFlight({ user, prisma }))) });
      rows.push({ database: name, who, query: "batchesInProgress", ...(await time(() => batchesInProgress({ user, prisma }))) });
      rows.push({ database: name, who, query: "costThisMonth", ...(await time(() => costThisMonth({ user, prisma }))) });
      rows.push({ database: name, who, query: "latestResults", ...(await time(() => latestResults({ user, prisma }))) });
      rows.push({ database: name, who, query: "periodOverview", ...(await time(() => periodOverview({ user, prisma }))) });
    }
    console.table(rows);
  } finally {
    await t.close();
  }
}

async function main() {
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`# ${new Date().toISOString()} on ${os.cpus().length} x ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load}`);
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL_TEST;
  if (!process.argv.includes("--postgres-only")) await benchHome("PGlite", createPgliteTestDb, arg("pglite-results", 100_000));
  if (url) await benchHome("PostgreSQL", () => createPostgresTestDb(url), arg("results", 1_000_000));
  else console.log("PostgreSQL skipped: set BENCH_DATABASE_URL or DATABASE_URL_TEST");
}

// importable for seeding a database by hand (e.g. to time the page itself over HTTP)
if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
