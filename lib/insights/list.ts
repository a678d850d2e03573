import "server-only";
// The summaries list: keyset pages (newest call first) over the partial indexes of migration
// 0003, a count that stops at COUNT_CAP unless asked, and the streamed export with the call's
// metadata. No OFFSET: page 5,000 costs what page 1 costs.
import { db, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import { COUNT_CAP, cappedCount, keysetDirection, keysetPage, type KeysetPage } from "@/lib/keyset";
import { isStatementTimeout } from "@/lib/errors";
import { callCount } from "./queries";
import { decodeCursor, encodeCursor, resultWhere, type Cursor, type InsightFilter } from "./filters";

export const PAGE_SIZE = 50;

export type SummaryListRow = {
  id: string; callId: string | null; summary: string | null; sentiment: string | null; modelName: string | null;
  inputTokens: number | null; outputTokens: number | null; callAt: Date; jobId: string;
  agent: string | null; team: string | null; durationSec: number | null;
};

/** FROM and WHERE of a filtered list; a topic filter drives the query from the topic index. */
function source(user: Actor, f: InsightFilter): { from: Prisma.Sql; where: Prisma.Sql; at: Prisma.Sql; id: Prisma.Sql } {
  const where = resultWhere(user, f);
  if (!f.topic) return { from: Prisma.sql`"Result" r`, where, at: Prisma.sql`r."callAt"`, id: Prisma.sql`r.id` };
  return {
    from: Prisma.sql`"ResultTopic" rt JOIN "Result" r ON r.id = rt."resultId"`,
    where: Prisma.sql`${where} AND rt.topic = ${f.topic}`,
    at: Prisma.sql`rt."callAt"`, id: Prisma.sql`rt."resultId"`,
  };
}

type Source = ReturnType<typeof source>;

/** `AND` the rows past `c` in the list's order ("<", newest first) or before it (">"). */
function beyond(s: Source, c: Cursor, op: "<" | ">"): Prisma.Sql {
  return Prisma.sql`AND (${s.at}, ${s.id}) ${Prisma.raw(op)} (${c.callAt.toISOString()}::timestamp, ${c.id})`;
}

export type SummaryPage = KeysetPage<SummaryListRow>;

/**
 * One page of summaries, newest call first. `after` continues past a row, `before` goes back to
 * the page ending just before it; both are cursors this function handed out (a bad one is page 1).
 */
export async function listSummaries(opts: { user: Actor; filter: InsightFilter; after?: string; before?: string; pageSize?: number; prisma?: Db }): Promise<SummaryPage> {
  const prisma = opts.prisma ?? (await db());
  const size = opts.pageSize ?? PAGE_SIZE;
  const s = source(opts.user, opts.filter);
  const after = opts.after ? decodeCursor(opts.after) : null;
  const before = !after && opts.before ? decodeCursor(opts.before) : null;
  const keyset = after ? beyond(s, after, "<") : before ? beyond(s, before, ">") : Prisma.empty;
  const order = before ? Prisma.sql`${s.at} ASC, ${s.id} ASC` : Prisma.sql`${s.at} DESC, ${s.id} DESC`;
  const rows = await prisma.$queryRaw<SummaryListRow[]>`
    SELECT r.id, t."callId", r.summary, r.sentiment, m.name AS "modelName", r."inputTokens", r."outputTokens",
           r."callAt", r."jobId", r.agent, r.team, r."durationSec"
    FROM ${s.from}
    LEFT JOIN "Transcript" t ON t.id = r."transcriptId"
    LEFT JOIN "ModelConfig" m ON m.id = r."modelConfigId"
    WHERE ${s.where} ${keyset}
    ORDER BY ${order} LIMIT ${size + 1}`;
  return keysetPage(rows, size, keysetDirection(after, before), encodeCursor);
}

/**
 * A count the page waits for at most this long (PostgreSQL's statement_timeout). Past it the page
 * says "count all" instead of a number: a search combined with a topic can match a few thousand
 * rows that take seconds to intersect at millions of results, and the list itself does not wait.
 */
export const COUNT_BUDGET_MS = 200;

export type SummaryCount = {
  /** null: not counted within COUNT_BUDGET_MS (ask for the exact count) */
  count: number | null;
  /** true: there are more than `count` (COUNT_CAP), or it was not counted */
  capped: boolean;
};

/**
 * How many summaries match: exact from the rollups when they carry the filter, else counted up to
 * COUNT_CAP + 1 within `budgetMs` (or all, however long it takes, when `exact`).
 */
export async function countSummaries(opts: { user: Actor; filter: InsightFilter; exact?: boolean; budgetMs?: number; prisma?: Db }): Promise<SummaryCount> {
  const prisma = opts.prisma ?? (await db());
  const fromRollup = await callCount({ user: opts.user, filter: opts.filter, prisma });
  if (fromRollup !== null) return { count: fromRollup, capped: false };
  const s = source(opts.user, opts.filter);
  if (opts.exact) {
    const [{ count }] = await prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM ${s.from} WHERE ${s.where}`;
    return { count: Number(count), capped: false };
  }
  const budget = Math.max(1, Math.round(opts.budgetMs ?? COUNT_BUDGET_MS));
  try {
    // PGlite accepts the setting and ignores it (it has no timer): there the count runs to the end.
    const [, [{ count }]] = await prisma.$transaction([
      prisma.$executeRawUnsafe(`SET LOCAL statement_timeout = ${budget}`),
      prisma.$queryRaw<{ count: bigint }[]>`
        SELECT count(*) AS count FROM (SELECT 1 FROM ${s.from} WHERE ${s.where} LIMIT ${COUNT_CAP + 1}) AS matches`,
    ]);
    return cappedCount(Number(count));
  } catch (e) {
    if (isStatementTimeout(e)) return { count: null, capped: true };
    throw e;
  }
}

export type ExportRow = SummaryListRow & {
  fields: unknown; batchName: string; createdAt: Date; costUsd: number | null;
  callStartAt: Date | null; direction: string | null; language: string | null; customerId: string | null; metadata: unknown;
};

/** Every matching summary, newest call first, a keyset page at a time, for the streamed CSV export. */
export async function* exportSummaries(opts: { user: Actor; filter: InsightFilter; pageSize?: number; prisma?: Db }): AsyncGenerator<ExportRow> {
  const prisma = opts.prisma ?? (await db());
  const size = opts.pageSize ?? 2000;
  const s = source(opts.user, opts.filter);
  let after: Cursor | null = null;
  for (;;) {
    const rows: ExportRow[] = await prisma.$queryRaw<ExportRow[]>`
      SELECT r.id, t."callId", r.summary, r.sentiment, r.fields, m.name AS "modelName", b.name AS "batchName",
             r."inputTokens", r."outputTokens", r."costUsd", r."callAt", r."createdAt", r."jobId", r.agent, r.team, r."durationSec",
             t."callStartAt", t.direction, t.language, t."customerId", t.metadata
      FROM ${s.from}
      JOIN "Job" j ON j.id = r."jobId" JOIN "Batch" b ON b.id = j."batchId"
      LEFT JOIN "Transcript" t ON t.id = r."transcriptId"
      LEFT JOIN "ModelConfig" m ON m.id = r."modelConfigId"
      WHERE ${s.where} ${after ? beyond(s, after, "<") : Prisma.empty}
      ORDER BY ${s.at} DESC, ${s.id} DESC LIMIT ${size}`;
    yield* rows;
    if (rows.length < size) return;
    const last: ExportRow = rows[rows.length - 1];
    after = { callAt: last.callAt, id: last.id };
  }
}
