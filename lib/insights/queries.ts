import "server-only";
// Reads for charts, trends and the per-agent / per-team tables. They read the rollup tables that
// result ingestion keeps (lib/results/ingest.ts), one row per call day and key, so their cost
// grows with days x agents (or teams, topics), never with the number of results. Every function
// takes the caller: a supervisor's numbers cover their own batches only.
import { db, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import { ownerScope, type InsightFilter } from "./filters";

export type Bucket = "day" | "week";
export type SentimentCounts = { positive: number; neutral: number; negative: number; mixed: number; unknown: number };
export type TrendPoint = SentimentCounts & { period: string; calls: number };
/** Which filters a rollup-backed figure could not apply (shown beside the chart). */
export type Ignored = Array<keyof InsightFilter>;

type Rollup = "RollupDay" | "RollupAgentDay" | "RollupTopicDay";
type Source = { table: Rollup; where: Prisma.Sql; ignored: Ignored };
const SENTIMENTS = ["positive", "neutral", "negative", "mixed"] as const;

/**
 * The rollup that carries the most of the filter: by topic, by agent, else by day/model/team.
 * Whatever that table has no column for is reported as ignored (the search text always is).
 */
function rollupSource(user: Actor, f: InsightFilter, prefer?: Rollup): Source {
  const table: Rollup = prefer ?? (f.topic ? "RollupTopicDay" : f.agent ? "RollupAgentDay" : "RollupDay");
  const has = {
    RollupDay: ["team", "modelConfigId"],
    RollupAgentDay: ["team", "agent"],
    RollupTopicDay: ["topic"],
  }[table] as Array<"team" | "agent" | "modelConfigId" | "topic">;
  const parts: Prisma.Sql[] = [Prisma.sql`true`];
  const owner = ownerScope(user);
  if (owner) parts.push(Prisma.sql`"ownerId" = ${owner}`);
  if (f.from) parts.push(Prisma.sql`"day" >= ${f.from}::date`);
  if (f.to) parts.push(Prisma.sql`"day" <= ${f.to}::date`);
  const ignored: Ignored = [];
  if (f.q) ignored.push("q");
  for (const k of ["team", "agent", "modelConfigId", "topic"] as const) {
    const v = f[k];
    if (!v) continue;
    if (has.includes(k)) parts.push(Prisma.sql`${Prisma.raw(`"${k}"`)} = ${v}`);
    else ignored.push(k);
  }
  return { table, where: Prisma.join(parts, " AND "), ignored };
}

/** The calls a row counts: every call, or only the filter's sentiment (a column of the rollup). */
function callsColumn(f: InsightFilter): Prisma.Sql {
  return Prisma.raw(f.sentiment ? `"${f.sentiment}"` : `"calls"`);
}

function periodExpr(bucket: Bucket): Prisma.Sql {
  return bucket === "week" ? Prisma.sql`date_trunc('week', "day")::date` : Prisma.sql`"day"`;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const num = (v: unknown) => Number(v ?? 0);

/** Calls per day or ISO week (by call date) split by customer sentiment, oldest first. */
export async function sentimentTrend(opts: { user: Actor; filter?: InsightFilter; bucket?: Bucket; prisma?: Db }): Promise<{ points: TrendPoint[]; ignored: Ignored }> {
  const prisma = opts.prisma ?? (await db());
  const f = opts.filter ?? {};
  const src = rollupSource(opts.user, f);
  const rows = await prisma.$queryRaw<Array<Record<string, unknown>>>`
    SELECT ${periodExpr(opts.bucket ?? "day")} AS period, sum(calls) AS calls,
           sum(positive) AS positive, sum(neutral) AS neutral, sum(negative) AS negative, sum(mixed) AS mixed
    FROM ${Prisma.raw(`"${src.table}"`)} WHERE ${src.where} GROUP BY 1 ORDER BY 1`;
  const points = rows.map((r) => {
    const counts = Object.fromEntries(SENTIMENTS.map((s) => [s, !f.sentiment || f.sentiment === s ? num(r[s]) : 0])) as Record<(typeof SENTIMENTS)[number], number>;
    const all = num(r.calls);
    const unknown = f.sentiment ? 0 : all - SENTIMENTS.reduce((sum, s) => sum + counts[s], 0);
    return { period: iso(r.period as Date), calls: f.sentiment ? counts[f.sentiment] : all, ...counts, unknown };
  });
  return { points, ignored: src.ignored };
}

/** Successful calls matching the filter, exact, from the rollups; null when the filter needs more than they hold (search text, or topic with agent). */
export async function callCount(opts: { user: Actor; filter?: InsightFilter; prisma?: Db }): Promise<number | null> {
  const prisma = opts.prisma ?? (await db());
  const f = opts.filter ?? {};
  const src = rollupSource(opts.user, f);
  if (src.ignored.length) return null;
  const [{ calls }] = await prisma.$queryRaw<{ calls: bigint | null }[]>`
    SELECT sum(${callsColumn(f)}) AS calls FROM ${Prisma.raw(`"${src.table}"`)} WHERE ${src.where}`;
  return num(calls);
}

/** The most frequent topics over the filter's call dates, most calls first. */
export async function topTopics(opts: { user: Actor; filter?: InsightFilter; limit?: number; prisma?: Db }): Promise<{ topics: { topic: string; calls: number }[]; ignored: Ignored }> {
  const prisma = opts.prisma ?? (await db());
  const f = opts.filter ?? {};
  const src = rollupSource(opts.user, { ...f, topic: undefined }, "RollupTopicDay");
  const rows = await prisma.$queryRaw<{ topic: string; calls: bigint }[]>`
    SELECT topic, sum(${callsColumn(f)}) AS calls FROM "RollupTopicDay" WHERE ${src.where}
    GROUP BY topic HAVING sum(${callsColumn(f)}) > 0 ORDER BY calls DESC, topic LIMIT ${opts.limit ?? 10}`;
  return { topics: rows.map((r) => ({ topic: r.topic, calls: num(r.calls) })), ignored: src.ignored };
}

export type TopicSeries = { topics: string[]; points: Array<{ period: string; counts: Record<string, number> }>; ignored: Ignored };

/** Calls per day or week for the `limit` most frequent topics of the period (topics over time). */
export async function topicsOverTime(opts: { user: Actor; filter?: InsightFilter; bucket?: Bucket; limit?: number; prisma?: Db }): Promise<TopicSeries> {
  const prisma = opts.prisma ?? (await db());
  const f = opts.filter ?? {};
  const top = (await topTopics({ ...opts, limit: opts.limit ?? 5 })).topics.map((t) => t.topic);
  const src = rollupSource(opts.user, { ...f, topic: undefined }, "RollupTopicDay");
  if (!top.length) return { topics: [], points: [], ignored: src.ignored };
  const rows = await prisma.$queryRaw<{ period: Date; topic: string; calls: bigint }[]>`
    SELECT ${periodExpr(opts.bucket ?? "day")} AS period, topic, sum(${callsColumn(f)}) AS calls
    FROM "RollupTopicDay" WHERE ${src.where} AND topic = ANY(${top}::text[]) GROUP BY 1, 2 ORDER BY 1`;
  const byPeriod = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const key = iso(r.period);
    const counts = byPeriod.get(key) ?? Object.fromEntries(top.map((t) => [t, 0]));
    counts[r.topic] = num(r.calls);
    byPeriod.set(key, counts);
  }
  return { topics: top, points: [...byPeriod].map(([period, counts]) => ({ period, counts })), ignored: src.ignored };
}

export type RisingTopic = { topic: string; calls: number; previous: number; change: number };

/**
 * Topics with the largest growth in calls in this period against the one before it, of the same
 * length. The period is the filter's from..to, else the `days` (default 30) days ending today (UTC).
 */
export async function risingTopics(opts: { user: Actor; filter?: InsightFilter; days?: number; limit?: number; now?: Date; prisma?: Db }): Promise<{ from: string; to: string; previousFrom: string; previousTo: string; topics: RisingTopic[] }> {
  const prisma = opts.prisma ?? (await db());
  const f = opts.filter ?? {};
  const dayMs = 86_400_000;
  const to = f.to ? new Date(f.to) : new Date(Date.parse(iso(opts.now ?? new Date())));
  const from = f.from ? new Date(f.from) : new Date(to.getTime() - ((opts.days ?? 30) - 1) * dayMs);
  const length = Math.round((to.getTime() - from.getTime()) / dayMs) + 1;
  const previousTo = new Date(from.getTime() - dayMs);
  const previousFrom = new Date(from.getTime() - length * dayMs);
  const src = rollupSource(opts.user, { ...f, topic: undefined, from: iso(previousFrom), to: iso(to) }, "RollupTopicDay");
  const rows = await prisma.$queryRaw<{ topic: string; calls: bigint; previous: bigint }[]>`
    SELECT topic, sum(${callsColumn(f)}) FILTER (WHERE "day" >= ${iso(from)}::date) AS calls,
           sum(${callsColumn(f)}) FILTER (WHERE "day" < ${iso(from)}::date) AS previous
    FROM "RollupTopicDay" WHERE ${src.where} GROUP BY topic`;
  const topics = rows
    .map((r) => ({ topic: r.topic, calls: num(r.calls), previous: num(r.previous) }))
    .filter((t) => t.calls > t.previous)
    .map((t) => ({ ...t, change: t.previous ? (t.calls - t.previous) / t.previous : Infinity }))
    .sort((a, b) => b.calls - b.previous - (a.calls - a.previous) || a.topic.localeCompare(b.topic))
    .slice(0, opts.limit ?? 10);
  return { from: iso(from), to: iso(to), previousFrom: iso(previousFrom), previousTo: iso(previousTo), topics };
}

export type GroupRow = {
  calls: number; negative: number; negativeShare: number; avgHandleSec: number | null; costUsd: number; topTopics: string[];
};
export type AgentRow = GroupRow & { agent: string; team: string };
export type TeamRow = GroupRow & { team: string };

type Totals = { calls: bigint; negative: bigint; durationSum: bigint; durationCount: bigint; costUsd: number };
function groupRow(r: Totals): Omit<GroupRow, "topTopics"> {
  const calls = num(r.calls);
  const negative = num(r.negative);
  const handled = num(r.durationCount);
  return { calls, negative, negativeShare: calls ? negative / calls : 0, avgHandleSec: handled ? num(r.durationSum) / handled : null, costUsd: num(r.costUsd) };
}

// Top topics of a row come from its latest listed calls (the Result keyset index on agent/team and
// call time, then each call's topic rows): "what they hear now", at a cost bounded by rows shown x
// TOPIC_SAMPLE, not by their whole history.
const TOPIC_SAMPLE = 100;
async function topTopicsBy(prisma: Db, user: Actor, f: InsightFilter, column: "agent" | "team", values: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const named = values.filter(Boolean);
  if (!named.length) return out;
  const owner = ownerScope(user);
  const col = Prisma.raw(`r."${column}"`);
  const rows = await prisma.$queryRaw<{ key: string; topic: string; n: bigint }[]>`
    SELECT v.key, rt.topic, count(*) AS n FROM unnest(${named}::text[]) AS v(key)
    CROSS JOIN LATERAL (
      SELECT r.id FROM "Result" r WHERE ${col} = v.key AND r.ok AND r.listed
        ${owner ? Prisma.sql`AND r."ownerId" = ${owner}` : Prisma.empty}
        ${f.from ? Prisma.sql`AND r."callAt" >= ${f.from}::date` : Prisma.empty}
        ${f.to ? Prisma.sql`AND r."callAt" < (${f.to}::date + 1)` : Prisma.empty}
      ORDER BY r."callAt" DESC, r.id DESC LIMIT ${TOPIC_SAMPLE}) s
    JOIN "ResultTopic" rt ON rt."resultId" = s.id
    GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2`;
  for (const r of rows) {
    const list = out.get(r.key) ?? [];
    if (list.length < 3) list.push(r.topic);
    out.set(r.key, list);
  }
  return out;
}

/** Per agent: calls, share negative, average handle time (where known), cost and top topics; most calls first. */
export async function agentTable(opts: { user: Actor; filter?: InsightFilter; limit?: number; prisma?: Db }): Promise<{ rows: AgentRow[]; ignored: Ignored }> {
  const prisma = opts.prisma ?? (await db());
  const f = opts.filter ?? {};
  const src = rollupSource(opts.user, { ...f, topic: undefined }, "RollupAgentDay");
  const rows = await prisma.$queryRaw<Array<Totals & { agent: string; team: string }>>`
    SELECT agent, team, sum(calls) AS calls, sum(negative) AS negative, sum("durationSum") AS "durationSum",
           sum("durationCount") AS "durationCount", sum("costUsd") AS "costUsd"
    FROM "RollupAgentDay" WHERE ${src.where} GROUP BY agent, team ORDER BY calls DESC, agent LIMIT ${opts.limit ?? 50}`;
  const topics = await topTopicsBy(prisma, opts.user, f, "agent", rows.map((r) => r.agent));
  const ignored = [...src.ignored, ...(f.sentiment ? (["sentiment"] as const) : []), ...(f.topic ? (["topic"] as const) : [])];
  return { rows: rows.map((r) => ({ agent: r.agent, team: r.team, ...groupRow(r), topTopics: topics.get(r.agent) ?? [] })), ignored };
}

/** Per team (queue): the same columns as agentTable; most calls first. */
export async function teamTable(opts: { user: Actor; filter?: InsightFilter; limit?: number; prisma?: Db }): Promise<{ rows: TeamRow[]; ignored: Ignored }> {
  const prisma = opts.prisma ?? (await db());
  const f = opts.filter ?? {};
  const src = rollupSource(opts.user, { ...f, topic: undefined, agent: undefined }, "RollupDay");
  const rows = await prisma.$queryRaw<Array<Totals & { team: string }>>`
    SELECT team, sum(calls) AS calls, sum(negative) AS negative, sum("durationSum") AS "durationSum",
           sum("durationCount") AS "durationCount", sum("costUsd") AS "costUsd"
    FROM "RollupDay" WHERE ${src.where} GROUP BY team ORDER BY calls DESC, team LIMIT ${opts.limit ?? 50}`;
  const topics = await topTopicsBy(prisma, opts.user, f, "team", rows.map((r) => r.team));
  const ignored = [...src.ignored, ...(f.agent ? (["agent"] as const) : []), ...(f.sentiment ? (["sentiment"] as const) : []), ...(f.topic ? (["topic"] as const) : [])];
  return { rows: rows.map((r) => ({ team: r.team, ...groupRow(r), topTopics: topics.get(r.team) ?? [] })), ignored };
}
