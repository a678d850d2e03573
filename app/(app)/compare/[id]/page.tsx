import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { formatDateTime, formatNumber, formatUsd } from "@/components/ui/format";
import { ArmsProgress } from "@/components/compare/arms-progress";
import { ComparisonTotals } from "@/components/compare/comparison-totals";
import { SideBySide } from "@/components/compare/side-by-side";
import { SentimentCharts } from "@/components/compare/sentiment-charts";
import { page } from "@/lib/auth/page";
import { comparisonPairs, getComparison } from "@/lib/compare/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Comparison" };

const PAGE_SIZE = 25;

export default page<{ id: string }, { page?: string }>({ role: "supervisor" }, async ({ user, params: { id }, searchParams }) => {
  const comparison = await getComparison({ user, comparisonId: id });
  if (!comparison) notFound();
  const { arms, batches } = comparison;
  return (
    <div className="space-y-6">
      <PageHeader
        title={comparison.name}
        description={
          <>
            {comparison.sampleSize === null ? "Every call" : `A random sample of ${formatNumber(comparison.sampleSize)} calls`} of{" "}
            <Link href={`/datasets/${comparison.datasetId}`} className="text-brand-700 hover:underline">{comparison.datasetName}</Link>, started by {comparison.createdBy} on {formatDateTime(comparison.createdAt)}.
          </>
        }
      />
      <Card title="Arms">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label="Calls" value={formatNumber(comparison.calls)} />
          {arms.map((a) => (
            <Stat key={a.arm} label={`Arm ${a.arm}`} value={a.modelName} hint={`${a.templateLabel} · estimated ${formatUsd(a.estCostUsd)}`} />
          ))}
        </dl>
      </Card>
      {arms.length < 2 || batches.length < 2 ? (
        <Card title="Progress">
          <p role="status" className="text-sm text-slate-600">The arms are being prepared. Reload this page in a moment.</p>
        </Card>
      ) : !comparison.settled ? (
        <Card title="Progress" description="Each arm runs as its own Bedrock batch job over the same calls.">
          <ArmsProgress arms={arms.map((a) => ({ arm: a.arm, batch: batches.find((b) => b.id === a.batchId)! }))} />
        </Card>
      ) : (
        <Results comparison={comparison} pageParam={searchParams.page} />
      )}
    </div>
  );
});

async function Results({ comparison, pageParam }: { comparison: NonNullable<Awaited<ReturnType<typeof getComparison>>>; pageParam?: string }) {
  const { pairs, totals } = await comparisonPairs({ comparison });
  const pageCount = Math.max(1, Math.ceil(pairs.length / PAGE_SIZE));
  const current = Math.min(pageCount, Math.max(1, Number.parseInt(pageParam ?? "1", 10) || 1));
  return (
    <>
      <Card title="Totals" description="Agreement counts only the calls both arms summarized. Cost is each arm's token counts at its model's batch prices.">
        <ComparisonTotals totals={totals} arms={comparison.arms} />
        <div className="mt-6">
          <SentimentCharts pairs={pairs} arms={comparison.arms} />
        </div>
      </Card>
      <Card title="Side by side" description="Each call's summary, sentiment, topics, tokens and cost from both arms.">
        <SideBySide pairs={pairs.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE)} arms={comparison.arms} caption="Summaries per call, side by side" />
        <Pagination page={current} pageCount={pageCount} total={pairs.length} basePath={`/compare/${comparison.id}`} params={{}} noun="calls" />
      </Card>
    </>
  );
}
