import { Card, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SummaryFilters } from "@/components/summaries/summary-filters";
import { SummariesTable } from "@/components/summaries/summaries-table";
import { KeysetPagination } from "@/components/ui/keyset-pagination";
import { GroupTable, RisingTopicsList } from "@/components/summaries/group-tables";
import { SentimentTrendChart, TopicsOverTimeChart, TopTopicsChart } from "@/components/summaries/trend-charts";
import { page } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { filterParams, summariesHref, type InsightFilter } from "@/lib/insights/filters";
import type { Ignored } from "@/lib/insights/queries";
import { loadSummariesView } from "@/lib/insights/summaries-view";

export const dynamic = "force-dynamic";
export const metadata = { title: "Summaries" };

const FILTER_NAMES: Record<keyof InsightFilter, string> = {
  q: "the search text", agent: "agent", team: "team", sentiment: "sentiment", topic: "topic", modelConfigId: "model", from: "from", to: "to",
};

function IgnoredNote({ ignored }: { ignored: Ignored }) {
  if (!ignored.length) return null;
  return <p className="mt-1 text-xs text-slate-500">Not applied here (the chart is kept per day): {ignored.map((k) => FILTER_NAMES[k]).join(", ")}.</p>;
}

const addDays = (day: string, n: number) => new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);

export default page({ role: "supervisor" }, async ({ user, searchParams }) => {
  const v = await loadSummariesView({ user, searchParams });
  const f = v.filter;
  const filtered = Object.values(f).some(Boolean);
  const keep = { bucket: v.bucket === "week" ? "week" : undefined };
  const href = (change: Record<string, string | undefined>) => summariesHref(f, { ...keep, ...change });
  const exportQuery = new URLSearchParams(Object.entries(filterParams(f)).filter((e): e is [string, string] => !!e[1])).toString();
  const periodHref = (p: string) => href({ from: p, to: v.bucket === "week" ? addDays(p, 6) : p });
  const risingPeriod = `${v.rising.from} to ${v.rising.to} against ${v.rising.previousFrom} to ${v.rising.previousTo}`;
  const empty = v.page.rows.length === 0;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Summaries"
        description={can(user, "results.viewAll") ? "Every call summary, from every user's batches." : "Summaries from your batches."}
        actions={
          can(user, "results.export") && !empty ? (
            // A plain link: the route answers a CSV download, not a page.
            <a className={buttonClass("secondary")} href={`/api/exports/summaries${exportQuery ? `?${exportQuery}` : ""}`} download>
              Export CSV{v.count.count === null ? "" : ` (${v.count.count.toLocaleString("en-US")}${v.count.capped ? "+" : ""} rows)`}
            </a>
          ) : undefined
        }
      />
      <Card>
        <SummaryFilters filter={f} models={v.models} bucket={v.bucket} agents={v.agents.rows.map((a) => a.agent).filter(Boolean)}
          teams={v.teams.rows.map((t) => t.team).filter(Boolean)} topics={v.top.topics.map((t) => t.topic)} />
      </Card>
      {empty && !v.cursor.after && !v.cursor.before ? (
        filtered ? (
          <EmptyState href="/summaries" action="Clear the filters">No summary matches these filters. Try fewer words, another agent or wider dates.</EmptyState>
        ) : (
          <EmptyState href="/uploads/new" action="Upload transcripts">No summaries yet — upload transcripts and submit a batch; summaries appear here when its jobs finish.</EmptyState>
        )
      ) : (
        <>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title="Sentiment over time" description={`Calls per ${v.bucket} by call date; a bar opens that ${v.bucket}'s calls.`}>
              <SentimentTrendChart caption={`Calls per ${v.bucket} by customer sentiment`} data={v.trend.points.map((p) => ({ ...p, href: periodHref(p.period) }))} />
              <IgnoredNote ignored={v.trend.ignored} />
            </Card>
            <Card title="Topics over time" description="The five most frequent topics of the selection; a point opens that topic's calls.">
              <TopicsOverTimeChart caption={`Calls per ${v.bucket} for the top topics`}
                data={{ topics: v.topicSeries.topics.map((t) => ({ topic: t, href: href({ topic: t }) })), points: v.topicSeries.points }} />
              <IgnoredNote ignored={v.topicSeries.ignored} />
            </Card>
            <Card title="Top topics">
              <TopTopicsChart caption="Calls per topic" data={v.top.topics.map((t) => ({ ...t, href: href({ topic: t.topic }) }))} />
            </Card>
            <Card title="Rising topics" description={risingPeriod}>
              <RisingTopicsList period={risingPeriod} topics={v.rising.topics.map((t) => ({ ...t, href: href({ topic: t.topic, from: v.rising.from, to: v.rising.to }) }))} />
            </Card>
          </div>
          <div className="grid gap-6 xl:grid-cols-2">
            <Card title="Agents" description="Most calls first; an agent opens their calls.">
              <GroupTable caption="Calls per agent" kind="agent" rows={v.agents.rows.map((a) => ({ ...a, name: a.agent, href: href({ agent: a.agent || undefined, team: a.team || undefined }) }))} />
              <IgnoredNote ignored={v.agents.ignored} />
            </Card>
            <Card title="Teams" description="Team or queue; a team opens its calls.">
              <GroupTable caption="Calls per team" kind="team" rows={v.teams.rows.map((t) => ({ ...t, name: t.team, href: href({ team: t.team || undefined }) }))} />
              <IgnoredNote ignored={v.teams.ignored} />
            </Card>
          </div>
          <Card title="Calls">
            <SummariesTable rows={v.page.rows} />
            <KeysetPagination noun="summaries" total={v.count.count} capped={v.count.capped} exactHref={href({ count: "all" })}
              previousHref={v.page.previous ? href({ before: v.page.previous }) : null} nextHref={v.page.next ? href({ after: v.page.next }) : null} />
          </Card>
        </>
      )}
    </div>
  );
});
