import "server-only";
// Everything the summaries page shows, in one loader (so `npm run bench:pages` measures exactly
// what the page reads): the keyset page, its count, and the rollup-backed charts and tables.
import { db, type Db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { modelFilterChoices } from "@/lib/results/queries";
import { InsightSearchParams } from "./filters";
import { countSummaries, listSummaries } from "./list";
import { agentTable, risingTopics, sentimentTrend, teamTable, topicsOverTime, topTopics } from "./queries";

export type SummariesView = Awaited<ReturnType<typeof loadSummariesView>>;

/** The summaries page's data for the URL's parameters; malformed parameters are dropped. */
export async function loadSummariesView(opts: { user: Actor; searchParams: Record<string, unknown>; prisma?: Db }) {
  const prisma = opts.prisma ?? (await db());
  const { filter, cursor, exactCount, bucket } = InsightSearchParams.parse(opts.searchParams);
  const user = opts.user;
  const [page, count, trend, topicSeries, top, rising, agents, teams, models] = await Promise.all([
    listSummaries({ user, filter, ...cursor, prisma }),
    countSummaries({ user, filter, exact: exactCount, prisma }),
    sentimentTrend({ user, filter, bucket, prisma }),
    topicsOverTime({ user, filter, bucket, limit: 5, prisma }),
    topTopics({ user, filter, limit: 10, prisma }),
    risingTopics({ user, filter, limit: 8, prisma }),
    agentTable({ user, filter, limit: 25, prisma }),
    teamTable({ user, filter, limit: 25, prisma }),
    modelFilterChoices({ prisma }),
  ]);
  return { filter, bucket, cursor, page, count, trend, topicSeries, top, rising, agents, teams, models };
}
