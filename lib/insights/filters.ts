// The summaries page's filters (they live in the URL) and the SQL they become. Every value is a
// bound parameter; the caller's scope (a supervisor sees only their own batches) is always applied.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { batchScope, type Actor } from "@/lib/auth/permissions";
import { encodeKey, decodeKey } from "@/lib/keyset";
import { Sentiment } from "@/lib/results/parse-summary";

export type InsightFilter = {
  q?: string; agent?: string; team?: string; sentiment?: Sentiment; topic?: string; modelConfigId?: string;
  /** whole UTC call days, inclusive */
  from?: string; to?: string;
};

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(d)));
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);
const text = (max: number) => optional(z.string().trim().min(1).max(max));

/** ?q=&agent=&team=&sentiment=&topic=&model=&from=&to=&after=&before=&count=: anything malformed is dropped. */
export const InsightSearchParams = z
  .object({
    q: text(200), agent: text(200), team: text(200), sentiment: optional(Sentiment),
    topic: optional(z.string().trim().toLowerCase().min(1).max(200)), model: text(64), from: optional(day), to: optional(day),
    after: text(200), before: text(200), count: optional(z.literal("all")), bucket: optional(z.enum(["day", "week"])),
  })
  .transform(({ model, after, before, count, bucket, ...rest }) => ({
    filter: { ...rest, modelConfigId: model } satisfies InsightFilter,
    cursor: after ? { after } : before ? { before } : {},
    exactCount: count === "all",
    bucket: bucket ?? ("day" as const),
  }));

/** The filter as URL parameters (the names the page uses), for links that keep it. */
export function filterParams(f: InsightFilter): Record<string, string | undefined> {
  return { q: f.q, agent: f.agent, team: f.team, sentiment: f.sentiment, topic: f.topic, model: f.modelConfigId, from: f.from, to: f.to };
}

/** A /summaries link with the filter plus `change` (undefined removes a parameter). */
export function summariesHref(f: InsightFilter, change: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filterParams(f), ...change })) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `/summaries?${s}` : "/summaries";
}

/** The owner a caller is limited to, or undefined for everyone's. */
export function ownerScope(user: Actor): string | undefined {
  return batchScope(user).createdById;
}

/** WHERE over Result rows aliased `r` (successful results only). `topic` is joined by the caller. */
export function resultWhere(user: Actor, f: InsightFilter): Prisma.Sql {
  // listed: not a comparison arm's, nor a summary a newer one of the same call replaced
  const parts = [Prisma.sql`r.ok AND r.listed`];
  const owner = ownerScope(user);
  if (owner) parts.push(Prisma.sql`r."ownerId" = ${owner}`);
  if (f.q) parts.push(Prisma.sql`r.search @@ websearch_to_tsquery('english', ${f.q})`);
  if (f.agent) parts.push(Prisma.sql`r.agent = ${f.agent}`);
  if (f.team) parts.push(Prisma.sql`r.team = ${f.team}`);
  if (f.sentiment) parts.push(Prisma.sql`r.sentiment = ${f.sentiment}`);
  if (f.modelConfigId) parts.push(Prisma.sql`r."modelConfigId" = ${f.modelConfigId}`);
  if (f.from) parts.push(Prisma.sql`r."callAt" >= ${f.from}::date`);
  if (f.to) parts.push(Prisma.sql`r."callAt" < (${f.to}::date + 1)`);
  return Prisma.join(parts, " AND ");
}

/** A keyset position: the call time and id of a row, opaque in the URL. */
export type Cursor = { callAt: Date; id: string };

export function encodeCursor(c: Cursor): string {
  return encodeKey([c.callAt.toISOString(), c.id]);
}

/** The cursor in a URL, or null when it is not one we made. */
export function decodeCursor(s: string): Cursor | null {
  const [at, id] = decodeKey(s, 2) ?? [];
  const callAt = new Date(at ?? "");
  if (!id || Number.isNaN(callAt.getTime()) || !/^[\w-]+$/.test(id)) return null;
  return { callAt, id };
}
