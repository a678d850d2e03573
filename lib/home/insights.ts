import "server-only";
// The manager's "this period" from lib/insights (read from the rollups kept by result ingestion,
// so the cost grows with days and topics, not with calls): calls in the last 30 days against the
// 30 before, sentiment per day and the rising topics, each with the /summaries link it opens.
import { db, type Db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { summariesHref } from "@/lib/insights/filters";
import { callCount, risingTopics, sentimentTrend } from "@/lib/insights/queries";
import type { PeriodOverview } from "./types";

export const PERIOD_DAYS = 30;
const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** This period (the PERIOD_DAYS call days ending today, UTC) against the one before, in the caller's scope. */
export async function periodOverview(opts: { user: Actor; now?: Date; prisma?: Db }): Promise<PeriodOverview> {
  const prisma = opts.prisma ?? (await db());
  const today = Date.parse((opts.now ?? new Date()).toISOString().slice(0, 10));
  const period = { from: iso(today - (PERIOD_DAYS - 1) * DAY_MS), to: iso(today) };
  const previous = { from: iso(today - (2 * PERIOD_DAYS - 1) * DAY_MS), to: iso(today - PERIOD_DAYS * DAY_MS) };
  const { user } = opts;
  const [calls, previousCalls, trend, rising] = await Promise.all([
    callCount({ user, filter: period, prisma }),
    callCount({ user, filter: previous, prisma }),
    sentimentTrend({ user, filter: period, bucket: "day", prisma }),
    risingTopics({ user, filter: period, limit: 5, prisma }),
  ]);
  return {
    period, previous, calls: calls ?? 0, previousCalls: previousCalls ?? 0, callsHref: summariesHref(period),
    trend: trend.points.map((p) => ({ ...p, href: summariesHref({ from: p.period, to: p.period }) })),
    rising: rising.topics.map((t) => ({
      topic: t.topic, calls: t.calls, previous: t.previous,
      change: Number.isFinite(t.change) ? t.change : null,
      href: summariesHref({ ...period, topic: t.topic }),
    })),
  };
}
