import "server-only";
// Results for /api/v1: the summaries page's filters (lib/results/queries summaryWhere: the caller's
// scope, q, sentiment) plus a batch and a job, in keyset pages by result id. A small adapter, so
// it can move to lib/insights' queries when they land.
import { db, type Db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { summaryWhere } from "@/lib/results/queries";
import { SummaryFields } from "@/lib/results/parse-summary";
import type { SummaryCsvRow } from "@/lib/export/summaries-csv";
import type { ResultFilters } from "./schemas";

type Row = Omit<SummaryCsvRow, "modelName"> & { modelName: string; recordId: string; batchId: string; jobId: string };

/** An opaque cursor: the last result id of a page. */
export function encodeCursor(resultId: string): string {
  return Buffer.from(`r:${resultId}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const m = /^r:([A-Za-z0-9_-]{1,64})$/.exec(text);
  if (!m) throw new AppError("VALIDATION", "cursor is not one this API gave out: pass nextCursor from the previous page as it is.", "cursor");
  return m[1];
}

function where(user: Actor, f: ResultFilters, after: string | null): Prisma.Sql {
  // A batch's or a job's results are all its own, also those a newer summary of the call replaced
  // in the summaries list (which, like this API without batchId/jobId, shows each call once).
  const parts = [summaryWhere(user, { q: f.q, sentiment: f.sentiment }, { replaced: Boolean(f.batchId || f.jobId) })];
  if (f.batchId) parts.push(Prisma.sql`b.id = ${f.batchId}`);
  if (f.jobId) parts.push(Prisma.sql`r."jobId" = ${f.jobId}`);
  if (after !== null) parts.push(Prisma.sql`r.id > ${after}`);
  return Prisma.join(parts, " AND ");
}

async function page(prisma: Db, user: Actor, f: ResultFilters, after: string | null, take: number): Promise<Row[]> {
  return prisma.$queryRaw<Row[]>`
    SELECT r.id, r."recordId", t."callId", r.summary, r.sentiment, r.fields, m.name AS "modelName", b.id AS "batchId", b.name AS "batchName",
           r."jobId", r."inputTokens", r."outputTokens", r."createdAt",
           t."callStartAt", r.agent, r.team, r."durationSec", t.direction, t.language, t."customerId", r."costUsd", t.metadata
    FROM "Result" r
    JOIN "Job" j ON j.id = r."jobId"
    JOIN "Batch" b ON b.id = j."batchId"
    JOIN "ModelConfig" m ON m.id = b."modelConfigId"
    LEFT JOIN "Transcript" t ON t.id = r."transcriptId"
    WHERE ${where(user, f, after)}
    ORDER BY r.id LIMIT ${take}`;
}

function toView(r: Row) {
  const parsed = r.fields ? SummaryFields.safeParse(r.fields) : null;
  return {
    id: r.id, recordId: r.recordId, callId: r.callId, summary: r.summary, sentiment: r.sentiment, fields: parsed?.success ? parsed.data : null,
    modelName: r.modelName, batchId: r.batchId, batchName: r.batchName, jobId: r.jobId,
    inputTokens: r.inputTokens, outputTokens: r.outputTokens, createdAt: r.createdAt.toISOString(),
  };
}

/** One page of successful results in the caller's scope, oldest id first; nextCursor is null on the last. */
export async function listResults(opts: { user: Actor; filters: ResultFilters; limit: number; cursor?: string; prisma?: Db }) {
  const prisma = opts.prisma ?? (await db());
  const after = opts.cursor ? decodeCursor(opts.cursor) : null;
  const rows = await page(prisma, opts.user, opts.filters, after, opts.limit + 1);
  const more = rows.length > opts.limit;
  const shown = more ? rows.slice(0, opts.limit) : rows;
  return { results: shown.map(toView), nextCursor: more ? encodeCursor(shown[shown.length - 1].id) : null };
}

/** Every matching result, a keyset page at a time, for the streamed CSV export. */
export async function* exportResults(opts: { user: Actor; filters: ResultFilters; pageSize?: number; prisma?: Db }): AsyncGenerator<Row> {
  const prisma = opts.prisma ?? (await db());
  const size = opts.pageSize ?? 500;
  let after: string | null = null;
  for (;;) {
    const rows = await page(prisma, opts.user, opts.filters, after, size);
    yield* rows;
    if (rows.length < size) return;
    after = rows[rows.length - 1].id;
  }
}
