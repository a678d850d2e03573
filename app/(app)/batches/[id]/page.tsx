import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { formatDateTime, formatNumber, formatUsd } from "@/components/ui/format";
import { BatchJobs } from "@/components/jobs/batch-jobs";
import { JobOptionsView } from "@/components/jobs/job-options-view";
import { DeleteButton } from "@/components/retention/delete-button";
import { page } from "@/lib/auth/page";
import { can, ownsOrOversees } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { getBatch } from "@/lib/jobs/queries";
import { batchOperations } from "@/lib/jobs/retry";
import { deleteBatch } from "../actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Batch" };

export default page<{ id: string }>({ role: "supervisor" }, async ({ user, params: { id } }) => {
  const [batch, ops] = await Promise.all([getBatch({ user, batchId: id }), batchOperations({ prisma: await db(), user, batchId: id })]);
  if (!batch || !ops) notFound();
  const failed = ops.failed.recordIds.length;
  const mayAct = ownsOrOversees(user, ops.createdById);
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
            {ops.retryOf && <> Retry of <Link href={`/batches/${ops.retryOf.id}`} className="text-brand-700 hover:underline">{ops.retryOf.name}</Link>.</>}
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
        <div className="mt-4">
          <JobOptionsView timeoutHours={ops.timeoutHours} tags={ops.tags} batchId={batch.id} userEmail={ops.createdBy.email} />
        </div>
      </Card>
      {(failed > 0 || ops.chain) && (
        <Card title="Failed records" description="Error records, and records a Stopped, PartiallyCompleted, Expired or Failed job never processed.">
          {failed > 0 && (!ops.chain || ops.chain.stillFailed > 0) && mayAct && can(user, "batches.submit") && (
            <Link href={`/batches/${batch.id}/retry`} className={buttonClass("primary")}>Rerun the {formatNumber(failed)} failed records</Link>
          )}
          {ops.chain && (
            <div className="mt-4">
              <p className="text-sm text-slate-700" data-testid="retry-totals">
                Across this batch&apos;s first run and its retries: {formatNumber(ops.chain.records)} calls, {formatNumber(ops.chain.summarized)} summarized, {formatNumber(ops.chain.stillFailed)} still failed.
              </p>
              <table className="mt-2 w-full text-left text-sm" aria-label="Runs of these records">
                <thead className="text-slate-500"><tr><th className="py-1 font-medium">Batch</th><th className="font-medium">Records</th><th className="font-medium">Summarized</th><th className="font-medium">Failed</th></tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {ops.chain.batches.map((b) => (
                    <tr key={b.id}>
                      <td className="py-1"><Link href={`/batches/${b.id}`} className="text-brand-700 hover:underline">{b.name}</Link></td>
                      <td className="tabular-nums">{formatNumber(b.records)}</td>
                      <td className="tabular-nums">{formatNumber(b.ok)}</td>
                      <td className="tabular-nums">{formatNumber(b.failed)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      )}
      <Card
        title="Jobs"
        description={batch.onDemand
          ? "Run on demand: one job that sends each call to the model through InvokeModel. Open it for its progress, results and errors."
          : "Each job is one Bedrock batch inference job. Open one for its history, results and errors."}
      >
        <BatchJobs initial={batch} />
      </Card>
      {mayAct && can(user, "data.delete") && (
        <Card title="Delete">
          <DeleteButton what="batch" consequence="Its jobs, results and every input and output file in S3 go with it." input={{ batchId: batch.id }} run={deleteBatch} />
        </Card>
      )}
    </div>
  );
});
