import "server-only";
// Reads of Result rows for the job, result and summaries pages and the CSV export. Scoped by
// batchScope; full-text search uses the generated tsvector column with a bound parameter.
import { db, type Db } from "@/lib/db";
import { batchScope, type Actor } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import { COUNT_CAP, cappedCount, decodeKey, encodeKey, keysetDirection, keysetPage, type KeysetPage } from "@/lib/keyset";
import { z } from "zod";
import { Sentiment, SummaryFields } from "./parse-summary";

export const RESULTS_PAGE_SIZE = 50;

export type ResultFilter = "all" | "ok" | "errors";
export type JobResultRow = {
  id: string; recordId: string; callId: string | null; ok: boolean; summary: string | null; sentiment: string | null;
  inputTokens: number | null; outputTokens: number | null; errorCode: number | null; errorMessage: string | null;
};

function jobResultsWhere(opts: { user: Actor; jobId: string; filter?: ResultFilter }): Prisma.ResultWhereInput {
  return {
    jobId: opts.jobId, job: { batch: batchScope(opts.user) },
    ...(opts.filter === "ok" ? { ok: true } : opts.filter === "errors" ? { ok: false } : {}),
  };
}

const recordCursor = (recordId: string) => encodeKey([recordId]);
const fromRecordCursor = (cursor: string) => decodeKey(cursor, 1)?.[0] ?? null;

/**
 * One keyset page of a job's results in record order, all, successes only or errors only, over
 * (jobId, recordId) and, for errors, migration 0010's partial index. `after` continues past a
 * record, `before` goes back to the page ending just before it; both are cursors this function
 * handed out (a bad one is page 1).
 */
export async function listJobResults(opts: { user: Actor; jobId: string; filter?: ResultFilter; after?: string; before?: string; pageSize?: number; prisma?: Db }): Promise<KeysetPage<JobResultRow>> {
  const prisma = opts.prisma ?? (await db());
  const size = opts.pageSize ?? RESULTS_PAGE_SIZE;
  const after = opts.after ? fromRecordCursor(opts.after) : null;
  const before = !after && opts.before ? fromRecordCursor(opts.before) : null;
  const rows = await prisma.result.findMany({
    where: { ...jobResultsWhere(opts), ...(after ? { recordId: { gt: after } } : before ? { recordId: { lt: before } } : {}) },
    orderBy: { recordId: before ? "desc" : "asc" }, take: size + 1,
    select: {
      id: true, recordId: true, ok: true, summary: true, sentiment: true, inputTokens: true, outputTokens: true,
      errorCode: true, errorMessage: true, transcript: { select: { callId: true } },
    },
  });
  const results: JobResultRow[] = rows.map(({ transcript, ...r }) => ({ ...r, callId: transcript?.callId ?? null }));
  return keysetPage(results, size, keysetDirection(after, before), (r) => recordCursor(r.recordId));
}

/** How many results a job's table lists: counted up to COUNT_CAP + 1 (so "10,000+"), or all when `exact`. */
export async function countJobResults(opts: { user: Actor; jobId: string; filter?: ResultFilter; exact?: boolean; prisma?: Db }): Promise<{ count: number; capped: boolean }> {
  const prisma = opts.prisma ?? (await db());
  const n = await prisma.result.count({ where: jobResultsWhere(opts), ...(opts.exact ? {} : { take: COUNT_CAP + 1 }) });
  return cappedCount(n, opts.exact);
}

export type ResultView = {
  id: string; ok: boolean; recordId: string; summary: string | null; fields: SummaryFields | null; sentiment: string | null;
  inputTokens: number | null; outputTokens: number | null; errorCode: number | null; errorMessage: string | null;
  callId: string | null; transcriptText: string | null; jobId: string; jobName: string; batchId: string; batchName: string;
  modelName: string; templateLabel: string; createdAt: string;
  transcriptId: string | null; datasetId: string; templateVersionId: string; modelConfigId: string;
  /** the call's fields (mapped at upload) and the rest of its metadata, for the call page */
  call: { agent: string | null; team: string | null; callStartAt: string | null; durationSec: number | null; direction: string | null; language: string | null; customerId: string | null };
  metadata: Record<string, unknown> | null;
};

/** One result with its transcript; null outside the caller's scope. */
export async function getResult(opts: { user: Actor; resultId: string; prisma?: Db }): Promise<ResultView | null> {
  const prisma = opts.prisma ?? (await db());
  const r = await prisma.result.findFirst({
    where: { id: opts.resultId, job: { batch: batchScope(opts.user) } },
    select: {
      id: true, ok: true, recordId: true, summary: true, fields: true, sentiment: true, inputTokens: true, outputTokens: true,
      errorCode: true, errorMessage: true, createdAt: true,
      transcript: { select: { id: true, callId: true, text: true, metadata: true, agent: true, team: true, callStartAt: true, durationSec: true, direction: true, language: true, customerId: true } },
      job: {
        select: {
          id: true, jobName: true,
          batch: { select: { id: true, name: true, datasetId: true, templateVersionId: true, modelConfigId: true, modelConfig: { select: { name: true } }, templateVersion: { select: { version: true, template: { select: { name: true } } } } } },
        },
      },
    },
  });
  if (!r) return null;
  const fields = r.fields === null ? null : SummaryFields.safeParse(r.fields);
  const b = r.job.batch;
  const t = r.transcript;
  return {
    id: r.id, ok: r.ok, recordId: r.recordId, summary: r.summary, fields: fields?.success ? fields.data : null, sentiment: r.sentiment,
    inputTokens: r.inputTokens, outputTokens: r.outputTokens, errorCode: r.errorCode, errorMessage: r.errorMessage,
    callId: r.transcript?.callId ?? null, transcriptText: r.transcript?.text ?? null, jobId: r.job.id, jobName: r.job.jobName,
    batchId: b.id, batchName: b.name, modelName: b.modelConfig.name,
    templateLabel: `${b.templateVersion.template.name} v${b.templateVersion.version}`, createdAt: r.createdAt.toISOString(),
    transcriptId: r.transcript?.id ?? null, datasetId: b.datasetId, templateVersionId: b.templateVersionId, modelConfigId: b.modelConfigId,
    call: {
      agent: t?.agent ?? null, team: t?.team ?? null, callStartAt: t?.callStartAt?.toISOString() ?? null, durationSec: t?.durationSec ?? null,
      direction: t?.direction ?? null, language: t?.language ?? null, customerId: t?.customerId ?? null,
    },
    metadata: t?.metadata && typeof t.metadata === "object" && !Array.isArray(t.metadata) ? (t.metadata as Record<string, unknown>) : null,
  };
}

export type CallHistoryRow = {
  id: string; ok: boolean; createdAt: string; batchId: string; batchName: string; retryOf: string | null; modelName: string;
  templateLabel: string; errorMessage: string | null;
  /** the newest successful result: the one the summaries page shows and searches */
  current: boolean;
};

/** Every result of one call, newest first, in the caller's scope; the newest successful one is marked current. */
export async function callHistory(opts: { user: Actor; transcriptId: string; prisma?: Db }): Promise<CallHistoryRow[]> {
  const prisma = opts.prisma ?? (await db());
  const rows = await prisma.result.findMany({
    where: { transcriptId: opts.transcriptId, job: { batch: batchScope(opts.user) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true, ok: true, createdAt: true, errorMessage: true,
      job: { select: { batch: { select: { id: true, name: true, retryOf: { select: { name: true } }, modelConfig: { select: { name: true } }, templateVersion: { select: { version: true, template: { select: { name: true } } } } } } } },
    },
  });
  const currentId = rows.find((r) => r.ok)?.id;
  return rows.map((r) => {
    const b = r.job.batch;
    return {
      id: r.id, ok: r.ok, createdAt: r.createdAt.toISOString(), batchId: b.id, batchName: b.name, retryOf: b.retryOf?.name ?? null,
      modelName: b.modelConfig.name, templateLabel: `${b.templateVersion.template.name} v${b.templateVersion.version}`,
      errorMessage: r.errorMessage, current: r.id === currentId,
    };
  });
}

export type SummarySearch = { q?: string; sentiment?: string; modelConfigId?: string; from?: string; to?: string };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(d)));
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

/** The summaries page's URL parameters (?q=&sentiment=&model=&from=&to=&page=); anything malformed is dropped. */
export const SummarySearchParams = z
  .object({
    q: optional(z.string().trim().min(1).max(200)),
    sentiment: optional(Sentiment),
    model: optional(z.string().max(64)),
    from: optional(day),
    to: optional(day),
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
  })
  .transform(({ model, page, ...rest }) => ({ page, search: { ...rest, modelConfigId: model } satisfies SummarySearch }));
export type SummaryRow = {
  id: string; callId: string | null; summary: string | null; sentiment: string | null; modelName: string;
  inputTokens: number | null; outputTokens: number | null; createdAt: Date; jobId: string;
};

const FROM = Prisma.sql`FROM "Result" r
  JOIN "Job" j ON j.id = r."jobId"
  JOIN "Batch" b ON b.id = j."batchId"
  JOIN "ModelConfig" m ON m.id = b."modelConfigId"
  LEFT JOIN "Transcript" t ON t.id = r."transcriptId"`;

/**
 * The WHERE of a summaries search: listed successful results in the caller's scope, every filter a
 * bound parameter. Not listed: a comparison's arms (read on the comparison page) and a call's
 * summaries that a newer one replaced (see lib/results/ingest.ts), so no call is listed twice.
 */
export function summaryWhere(user: Actor, s: SummarySearch, opts: { replaced?: boolean } = {}): Prisma.Sql {
  // replaced: also a call's summaries a newer one replaced (one batch's or job's own results)
  const parts = [opts.replaced ? Prisma.sql`r.ok AND (r.listed OR b."comparisonId" IS NULL)` : Prisma.sql`r.ok AND r.listed`];
  const scope = batchScope(user);
  if (scope.createdById) parts.push(Prisma.sql`b."createdById" = ${scope.createdById}`);
  if (s.q) parts.push(Prisma.sql`r.search @@ websearch_to_tsquery('english', ${s.q})`);
  if (s.sentiment) parts.push(Prisma.sql`r.sentiment = ${s.sentiment}`);
  if (s.modelConfigId) parts.push(Prisma.sql`b."modelConfigId" = ${s.modelConfigId}`);
  // Dates are whole UTC days: "to" includes the day it names.
  if (s.from) parts.push(Prisma.sql`r."createdAt" >= ${s.from}::date`);
  if (s.to) parts.push(Prisma.sql`r."createdAt" < (${s.to}::date + 1)`);
  return Prisma.join(parts, " AND ");
}

/** One page of summaries, best match first when searching, else newest first. */
export async function searchSummaries(opts: { user: Actor; search: SummarySearch; page?: number; pageSize?: number; prisma?: Db }) {
  const prisma = opts.prisma ?? (await db());
  const pageSize = opts.pageSize ?? RESULTS_PAGE_SIZE;
  const where = summaryWhere(opts.user, opts.search);
  const [{ count }] = await prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count ${FROM} WHERE ${where}`;
  const total = Number(count);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, opts.page ?? 1), pageCount);
  const rank = opts.search.q ? Prisma.sql`ts_rank(r.search, websearch_to_tsquery('english', ${opts.search.q})) DESC,` : Prisma.empty;
  const rows = await prisma.$queryRaw<SummaryRow[]>`
    SELECT r.id, t."callId", r.summary, r.sentiment, m.name AS "modelName", r."inputTokens", r."outputTokens", r."createdAt", r."jobId"
    ${FROM} WHERE ${where}
    ORDER BY ${rank} r."createdAt" DESC, r.id
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  return { rows, total, page, pageCount };
}

/** Counts by sentiment and the most frequent topics, over the same filters as the table. */
export async function summaryStats(opts: { user: Actor; search: SummarySearch; topics?: number; prisma?: Db }) {
  const prisma = opts.prisma ?? (await db());
  const where = summaryWhere(opts.user, opts.search);
  const [sentiments, topics] = await Promise.all([
    prisma.$queryRaw<{ sentiment: string | null; count: bigint }[]>`
      SELECT r.sentiment, count(*) AS count ${FROM} WHERE ${where} GROUP BY r.sentiment ORDER BY count DESC`,
    prisma.$queryRaw<{ topic: string; count: bigint }[]>`
      SELECT lower(topic) AS topic, count(*) AS count ${FROM}
      CROSS JOIN LATERAL jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(r.fields->'topics') = 'array' THEN r.fields->'topics' ELSE '[]'::jsonb END) AS topic
      WHERE ${where} GROUP BY 1 ORDER BY count DESC, 1 LIMIT ${opts.topics ?? 10}`,
  ]);
  return {
    sentiments: sentiments.map((s) => ({ sentiment: s.sentiment ?? "unknown", count: Number(s.count) })),
    topics: topics.map((t) => ({ topic: t.topic, count: Number(t.count) })),
  };
}

export type ExportRow = SummaryRow & { fields: unknown; batchName: string };

/** Every matching summary, a page at a time by id (keyset), for the streamed CSV export. */
export async function* exportSummaries(opts: { user: Actor; search: SummarySearch; pageSize?: number; prisma?: Db }): AsyncGenerator<ExportRow> {
  const prisma = opts.prisma ?? (await db());
  const where = summaryWhere(opts.user, opts.search);
  const size = opts.pageSize ?? 500;
  let after = "";
  for (;;) {
    const rows = await prisma.$queryRaw<ExportRow[]>`
      SELECT r.id, t."callId", r.summary, r.sentiment, r.fields, m.name AS "modelName", b.name AS "batchName",
             r."inputTokens", r."outputTokens", r."createdAt", r."jobId"
      ${FROM} WHERE ${where} AND r.id > ${after}
      ORDER BY r.id LIMIT ${size}`;
    yield* rows;
    if (rows.length < size) return;
    after = rows[rows.length - 1].id;
  }
}

/** Every model that has run (enabled or not), for the summaries filter. */
export async function modelFilterChoices(opts: { prisma?: Db } = {}): Promise<{ id: string; name: string }[]> {
  const prisma = opts.prisma ?? (await db());
  return prisma.modelConfig.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}
