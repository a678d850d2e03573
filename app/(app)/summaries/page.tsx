import { Card, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { SummaryCharts } from "@/components/summaries/summary-charts";
import { SummaryFilters } from "@/components/summaries/summary-filters";
import { SummariesTable } from "@/components/summaries/summaries-table";
import { page } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { modelFilterChoices, searchSummaries, summaryStats, SummarySearchParams } from "@/lib/results/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Summaries" };

export default page({ role: "supervisor" }, async ({ user, searchParams }) => {
  const { page: pageNumber, search } = SummarySearchParams.parse(searchParams);
  const [results, stats, models] = await Promise.all([
    searchSummaries({ user, search, page: pageNumber }),
    summaryStats({ user, search }),
    modelFilterChoices(),
  ]);
  const params = { q: search.q, sentiment: search.sentiment, model: search.modelConfigId, from: search.from, to: search.to };
  const filtered = Object.values(params).some(Boolean);
  const exportQuery = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Summaries"
        description={can(user, "results.viewAll") ? "Every call summary, from every user's batches." : "Summaries from your batches."}
        actions={
          can(user, "results.export") && results.total > 0 ? (
            // A plain link: the route answers a CSV download, not a page.
            <a className={buttonClass("secondary")} href={`/api/exports/summaries${exportQuery ? `?${exportQuery}` : ""}`} download>
              Export CSV ({results.total.toLocaleString("en-US")} rows)
            </a>
          ) : undefined
        }
      />
      <Card>
        <SummaryFilters search={search} models={models} />
      </Card>
      {results.total === 0 ? (
        filtered ? (
          <EmptyState href="/summaries" action="Clear the search">No summary matches this search. Try fewer words or wider dates.</EmptyState>
        ) : (
          <EmptyState href="/uploads/new" action="Upload transcripts">No summaries yet — upload transcripts and submit a batch; summaries appear here when its jobs finish.</EmptyState>
        )
      ) : (
        <>
          <Card title="Overview" description={`${results.total.toLocaleString("en-US")} summaries${filtered ? " match" : ""}.`}>
            <SummaryCharts sentiments={stats.sentiments} topics={stats.topics} />
          </Card>
          <Card title="Calls">
            <SummariesTable rows={results.rows} />
            <Pagination page={results.page} pageCount={results.pageCount} total={results.total} basePath="/summaries" params={params} noun="summaries" />
          </Card>
        </>
      )}
    </div>
  );
});
