import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { formatDateTime, formatNumber, formatUsd } from "@/components/ui/format";
import { BatchJobs } from "@/components/jobs/batch-jobs";
import { page } from "@/lib/auth/page";
import { getBatch } from "@/lib/jobs/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Batch" };

export default page<{ id: string }>({ role: "supervisor" }, async ({ user, params: { id } }) => {
  const batch = await getBatch({ user, batchId: id });
  if (!batch) notFound();
  return (
    <div className="space-y-6">
      <PageHeader
        title={batch.name}
        description={
          <>
            Batch of <Link href={`/datasets/${batch.datasetId}`} className="text-brand-700 hover:underline">{batch.datasetName}</Link>, submitted {formatDateTime(batch.createdAt)}.
            {batch.comparison && (
              <> Arm {batch.comparison.arm} of the comparison <Link href={`/compare/${batch.comparison.id}`} className="text-brand-700 hover:underline">{batch.comparison.name}</Link>: its summaries are read there, not in Summaries.</>
            )}
          </>
        }
      />
      <Card>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label="Transcripts" value={formatNumber(batch.recordCount)} />
          <Stat label="Model" value={batch.modelName} />
          <Stat label="Template" value={batch.templateLabel} />
          <Stat label={batch.onDemand ? "Estimated cost (on demand)" : "Estimated cost"} value={formatUsd(batch.estCostUsd)} />
        </dl>
      </Card>
      <Card
        title="Jobs"
        description={batch.onDemand
          ? "Run on demand: one job that sends each call to the model through InvokeModel. Open it for its progress, results and errors."
          : "Each job is one Bedrock batch inference job. Open one for its history, results and errors."}
      >
        <BatchJobs initial={batch} />
      </Card>
    </div>
  );
});
