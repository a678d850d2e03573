import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { jobIdFromArn } from "@/lib/bedrock/statuses";
import { isLockConflict } from "@/lib/errors";
import { keys, listObjects, readObject, type Target } from "@/lib/storage";
import { parseManifest } from "./parse-manifest";
import { parseOutputLine, type LineProblem } from "./parse-output";
import { parseSummary } from "./parse-summary";
import { readLines } from "./read-lines";

const FLUSH_EVERY = 2000;
const IN_FLIGHT = 2;

export type ResultRow = {
  jobId: string; recordId: string; ok: boolean; summary: string | null;
  fields?: object; sentiment: string | null; inputTokens: number | null; outputTokens: number | null;
  errorCode: number | null; errorMessage: string | null;
};

export type IngestReport = { files: number; records: number; inserted: number; problems: LineProblem[]; manifestFound: boolean };

/**
 * Read a finished job's `.out` files and `manifest.json.out` into Result rows and job counters.
 * Keyed by (job, recordId) with skipDuplicates, so running it twice, or again after a crash
 * half-way, adds nothing twice. Files are streamed line by line.
 */
export async function ingestJobResults(opts: { prisma: Db; storage: Target; jobId: string }): Promise<IngestReport> {
  const { prisma, storage } = opts;
  const job = await prisma.job.findUniqueOrThrow({
    where: { id: opts.jobId },
    select: {
      id: true, jobArn: true, outputS3Uri: true,
      batch: {
        select: {
          datasetId: true, templateVersion: { select: { expectsJson: true } },
        },
      },
    },
  });
  if (!job.jobArn) throw new Error(`job ${job.id} was never created in Bedrock`);
  const prefix = keys.jobOutputDir(job.outputS3Uri, jobIdFromArn(job.jobArn));
  const report: IngestReport = { files: 0, records: 0, inserted: 0, problems: [], manifestFound: false };
  const expectsJson = job.batch.templateVersion.expectsJson;

  const target = await insertTarget(prisma, job.id);
  let rows: ResultRow[] = [];
  // Two inserts in flight while the next rows are parsed: on PostgreSQL each runs on its own
  // connection (two cores' worth of the database), on PGlite they queue and the parser overlaps.
  const inFlight = new Set<Promise<void>>();
  let failed: unknown;
  const flush = async () => {
    if (!rows.length) return;
    const data = rows;
    rows = [];
    while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    if (failed) throw failed;
    const p: Promise<void> = insertResults(prisma, target, data).then(
      (count) => void (report.inserted += count),
      (e: unknown) => void (failed ??= e),
    ).finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  let manifestKey: string | undefined;
  for await (const obj of listObjects({ ...storage, prefix })) {
    if (obj.key.endsWith("/manifest.json.out")) manifestKey = obj.key;
    if (!obj.key.endsWith(".jsonl.out")) continue;
    report.files++;
    for await (const { line, lineNumber } of readLines(await readObject({ ...storage, key: obj.key }))) {
      const parsed = parseOutputLine(line, lineNumber);
      if (!parsed) continue;
      if (parsed.kind === "problem") {
        report.problems.push(parsed.problem);
        // A damaged line that still names its record is kept as that record's error.
        if (parsed.problem.recordId) rows.push(errorRow(job.id, parsed.problem.recordId, 0, parsed.problem.message));
        continue;
      }
      if (parsed.record.ok) {
        const s = parseSummary(parsed.record.text, expectsJson);
        rows.push({
          jobId: job.id, recordId: parsed.record.recordId, ok: true,
          summary: s.fields?.summary || s.summaryText, fields: s.fields ?? undefined, sentiment: s.sentiment,
          inputTokens: parsed.record.inputTokens ?? null, outputTokens: parsed.record.outputTokens ?? null,
          errorCode: null, errorMessage: null,
        });
      } else rows.push(errorRow(job.id, parsed.record.recordId, parsed.record.errorCode, parsed.record.errorMessage));
      report.records++;
      if (rows.length >= FLUSH_EVERY) await flush();
    }
  }
  await flush();
  await Promise.all(inFlight);
  if (failed) throw failed;

  const data: Record<string, unknown> = { ingestedAt: new Date() };
  if (manifestKey) {
    const chunks: Buffer[] = [];
    for await (const c of await readObject({ ...storage, key: manifestKey })) chunks.push(c as Buffer);
    const m = parseManifest(Buffer.concat(chunks).toString("utf8"));
    if (m.ok) {
      report.manifestFound = true;
      Object.assign(data, {
        totalRecordCount: m.manifest.totalRecordCount, processedRecordCount: m.manifest.processedRecordCount,
        successRecordCount: m.manifest.successRecordCount, errorRecordCount: m.manifest.errorRecordCount,
        inputTokenCount: BigInt(m.manifest.inputTokenCount), outputTokenCount: BigInt(m.manifest.outputTokenCount),
      });
    }
  }
  await prisma.job.update({ where: { id: job.id }, data });
  return report;
}

export type InsertTarget = {
  jobId: string; datasetId: string; ownerId: string; modelConfigId: string; inputPricePerMTok: number; outputPricePerMTok: number;
  /** false for a comparison arm: its summaries are read on the comparison page, not listed or counted */
  listed: boolean;
  /** the calls may have been summarized before (a retry, one call again, another batch over the dataset): a new summary replaces the call's listed one */
  supersede: boolean;
};

/** What every Result row of a job carries besides the model's answer (owner, model, prices, listing). */
export async function insertTarget(prisma: Db, jobId: string): Promise<InsertTarget> {
  const { batch: b } = await prisma.job.findUniqueOrThrow({
    where: { id: jobId },
    select: {
      batch: {
        select: {
          datasetId: true, createdById: true, modelConfigId: true, comparisonId: true, transcriptIds: true, recordIds: true,
          modelConfig: { select: { inputPricePerMTok: true, outputPricePerMTok: true } },
        },
      },
    },
  });
  // A call summarized before (another batch over the same dataset, a retry, one call again) lists its
  // newest summary. Datasets summarized once, the common case, skip the check.
  const listed = b.comparisonId === null;
  const supersede = listed && (b.transcriptIds.length > 0 || b.recordIds.length > 0
    || (await prisma.batch.count({ where: { datasetId: b.datasetId, comparisonId: null } })) > 1);
  return {
    jobId, datasetId: b.datasetId, ownerId: b.createdById, modelConfigId: b.modelConfigId,
    inputPricePerMTok: b.modelConfig.inputPricePerMTok, outputPricePerMTok: b.modelConfig.outputPricePerMTok,
    listed, supersede,
  };
}

/**
 * One statement per batch: INSERT ... SELECT FROM unnest(arrays) (a dozen array parameters instead
 * of Prisma's createMany with ~25,000 scalar parameters), joined to the transcripts for the call's
 * metadata, and, from the rows it actually inserted (RETURNING), the topic rows and the rollup
 * increments. ON CONFLICT DO NOTHING keeps it idempotent, and since the rollups count only what
 * this very statement inserted, a re-ingest (or a crash half-way and a rerun) adds nothing twice.
 * Rollup rows are upserted in key order, so statements running side by side (two in flight, two
 * workers) take their locks in one order; a deadlock that still happens rolls the whole statement
 * back, and it runs again. Calls that may have been summarized before are inserted under a lock on
 * their dataset (see supersedeLock), so two instances ingesting batches over the same calls take turns.
 */
export async function insertResults(prisma: Db, t: InsertTarget, rows: ResultRow[]): Promise<number> {
  const sql = insertStatement(t, rows);
  for (let attempt = 1; ; attempt++) {
    try {
      const insert = prisma.$queryRaw<{ inserted: number }[]>(sql);
      const [{ inserted }] = t.supersede ? (await prisma.$transaction([supersedeLock(prisma, t.datasetId), insert]))[1] : await insert;
      return inserted;
    } catch (e) {
      if (attempt >= 3 || !isLockConflict(e)) throw e;
    }
  }
}

/**
 * A statement sees the table as it was when it began: two at once over the same calls (two
 * instances reading two batches of one dataset) would each miss the other's new summaries, leave
 * both listed and count the calls twice in the rollups. Under READ COMMITTED the insert after
 * this lock begins once the other's transaction has committed, so it sees that one's rows.
 */
function supersedeLock(prisma: Db, datasetId: string) {
  return prisma.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`recap:results:${datasetId}`}, 0))::text AS locked`;
}

function insertStatement(t: InsertTarget, rows: ResultRow[]): Prisma.Sql {
  const col = <K extends keyof ResultRow>(k: K) => rows.map((r) => r[k]);
  return Prisma.sql`
    WITH u AS (
      SELECT * FROM unnest(
        ${rows.map(() => randomUUID())}::text[], ${col("recordId")}::text[], ${col("ok")}::boolean[], ${col("summary")}::text[],
        ${rows.map((r) => (r.fields ? JSON.stringify(r.fields) : null))}::jsonb[], ${col("sentiment")}::text[],
        ${col("inputTokens")}::int[], ${col("outputTokens")}::int[], ${col("errorCode")}::int[], ${col("errorMessage")}::text[])
        AS u(id, "recordId", ok, summary, fields, sentiment, "inputTokens", "outputTokens", "errorCode", "errorMessage")
    ), ins AS (
      INSERT INTO "Result" ("id", "jobId", "recordId", "transcriptId", "ok", "summary", "fields", "sentiment",
                            "inputTokens", "outputTokens", "errorCode", "errorMessage",
                            "ownerId", "modelConfigId", "callAt", "agent", "team", "durationSec", "costUsd", "listed")
      SELECT u.id, ${t.jobId}, u."recordId", tr.id, u.ok, u.summary, u.fields, u.sentiment,
             u."inputTokens", u."outputTokens", u."errorCode", u."errorMessage",
             ${t.ownerId}, ${t.modelConfigId}, coalesce(tr."callStartAt", now() AT TIME ZONE 'UTC'), tr.agent, tr.team, tr."durationSec",
             (coalesce(u."inputTokens", 0) * ${t.inputPricePerMTok}::float8 + coalesce(u."outputTokens", 0) * ${t.outputPricePerMTok}::float8) / 1000000.0,
             ${t.listed}
      FROM u LEFT JOIN "Transcript" tr ON tr."datasetId" = ${t.datasetId} AND tr."recordId" = u."recordId"
      ON CONFLICT ("jobId", "recordId") DO NOTHING
      RETURNING id, ok, listed, "transcriptId", fields, sentiment, "callAt", agent, team, "durationSec", "costUsd"
    ), okr AS (
      SELECT * FROM ins WHERE ok AND listed
    ), ${supersede(t)}, topics AS (
      INSERT INTO "ResultTopic" ("resultId", "topic", "ownerId", "callAt", "sentiment", "agent", "team")
      SELECT DISTINCT okr.id, lower(btrim(x.topic)), ${t.ownerId}, okr."callAt", okr.sentiment, okr.agent, okr.team
      FROM okr CROSS JOIN LATERAL jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(okr.fields->'topics') = 'array' THEN okr.fields->'topics' ELSE '[]'::jsonb END) AS x(topic)
      WHERE btrim(x.topic) <> '' AND length(x.topic) <= 200
      ON CONFLICT DO NOTHING
      RETURNING "resultId", topic, "callAt", sentiment
    ), day AS (
      INSERT INTO "RollupDay" AS d ("day", "ownerId", "modelConfigId", "team", "calls", "positive", "neutral", "negative", "mixed", "durationSum", "durationCount", "costUsd")
      SELECT "callAt"::date, ${t.ownerId}, ${t.modelConfigId}, coalesce(team, ''), count(*),
             count(*) FILTER (WHERE sentiment = 'positive'), count(*) FILTER (WHERE sentiment = 'neutral'),
             count(*) FILTER (WHERE sentiment = 'negative'), count(*) FILTER (WHERE sentiment = 'mixed'),
             coalesce(sum("durationSec"), 0), count("durationSec"), coalesce(sum("costUsd"), 0)
      FROM counted GROUP BY 1, 4 ORDER BY 1, 4
      ON CONFLICT ("day", "ownerId", "modelConfigId", "team") DO UPDATE SET
        calls = d.calls + excluded.calls, positive = d.positive + excluded.positive, neutral = d.neutral + excluded.neutral,
        negative = d.negative + excluded.negative, mixed = d.mixed + excluded.mixed, "durationSum" = d."durationSum" + excluded."durationSum",
        "durationCount" = d."durationCount" + excluded."durationCount", "costUsd" = d."costUsd" + excluded."costUsd"
    ), agent AS (
      INSERT INTO "RollupAgentDay" AS d ("day", "ownerId", "team", "agent", "calls", "positive", "neutral", "negative", "mixed", "durationSum", "durationCount", "costUsd")
      SELECT "callAt"::date, ${t.ownerId}, coalesce(team, ''), coalesce(agent, ''), count(*),
             count(*) FILTER (WHERE sentiment = 'positive'), count(*) FILTER (WHERE sentiment = 'neutral'),
             count(*) FILTER (WHERE sentiment = 'negative'), count(*) FILTER (WHERE sentiment = 'mixed'),
             coalesce(sum("durationSec"), 0), count("durationSec"), coalesce(sum("costUsd"), 0)
      FROM counted GROUP BY 1, 3, 4 ORDER BY 1, 3, 4
      ON CONFLICT ("day", "ownerId", "team", "agent") DO UPDATE SET
        calls = d.calls + excluded.calls, positive = d.positive + excluded.positive, neutral = d.neutral + excluded.neutral,
        negative = d.negative + excluded.negative, mixed = d.mixed + excluded.mixed, "durationSum" = d."durationSum" + excluded."durationSum",
        "durationCount" = d."durationCount" + excluded."durationCount", "costUsd" = d."costUsd" + excluded."costUsd"
    ), topic AS (
      INSERT INTO "RollupTopicDay" AS d ("day", "ownerId", "topic", "calls", "positive", "neutral", "negative", "mixed")
      SELECT "callAt"::date, ${t.ownerId}, topic, count(*),
             count(*) FILTER (WHERE sentiment = 'positive'), count(*) FILTER (WHERE sentiment = 'neutral'),
             count(*) FILTER (WHERE sentiment = 'negative'), count(*) FILTER (WHERE sentiment = 'mixed')
      FROM topics WHERE "resultId" IN (SELECT id FROM counted) GROUP BY 1, 3 ORDER BY 1, 3
      ON CONFLICT ("day", "ownerId", "topic") DO UPDATE SET
        calls = d.calls + excluded.calls, positive = d.positive + excluded.positive, neutral = d.neutral + excluded.neutral,
        negative = d.negative + excluded.negative, mixed = d.mixed + excluded.mixed
    )
    SELECT count(*)::int AS inserted FROM ins`;
}

/**
 * The CTEs `superseded` and `counted`. A batch that summarizes calls again unlists each call's
 * earlier listed summary (the newest is the one shown and searched; the call page keeps them all),
 * and its rows are not counted again in the rollups: the call was counted once already, with the
 * sentiment and topics of its first summary (the rollups are not moved to the new one's).
 * Statements see the table as it was before they ran, so `o` never matches the rows inserted here.
 */
function supersede(t: InsertTarget): Prisma.Sql {
  if (!t.supersede) return Prisma.sql`superseded AS (SELECT NULL::text AS id WHERE false), counted AS (SELECT * FROM okr)`;
  return Prisma.sql`superseded AS (
      UPDATE "Result" o SET listed = false FROM okr
      WHERE o."transcriptId" = okr."transcriptId" AND o.ok AND o.listed AND o.id <> okr.id
      RETURNING o.id
    ), counted AS (
      SELECT * FROM okr WHERE NOT EXISTS (
        SELECT 1 FROM "Result" o WHERE o."transcriptId" = okr."transcriptId" AND o.ok AND o.listed AND o.id <> okr.id)
    )`;
}

function errorRow(jobId: string, recordId: string, errorCode: number, errorMessage: string): ResultRow {
  return { jobId, recordId, ok: false, summary: null, sentiment: null, inputTokens: null, outputTokens: null, errorCode, errorMessage };
}
