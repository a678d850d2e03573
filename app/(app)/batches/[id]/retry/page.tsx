import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber } from "@/components/ui/format";
import { PrepareBatchForm } from "@/components/jobs/prepare-batch-form";
import { hasRole } from "@/lib/auth/roles";
import { page } from "@/lib/auth/page";
import { db } from "@/lib/db";
import { prepareChoices } from "@/lib/datasets/queries";
import { retryView } from "@/lib/jobs/retry";
import { submitBatch } from "../../actions";
import { estimateForDataset } from "../../../datasets/[id]/actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Rerun the failed records" };

export default page<{ id: string }, { job?: string }>({ role: "supervisor" }, async ({ user, params: { id }, searchParams }) => {
  const view = await retryView({ prisma: await db(), user, batchId: id, jobId: searchParams.job || undefined });
  if (!view) notFound();
  const { batch, job, failed } = view;
  const n = failed.recordIds.length;
  const choices = await prepareChoices();
  const initial = {
    modelConfigId: choices.models.some((m) => m.id === batch.modelConfigId) ? batch.modelConfigId : (choices.models[0]?.id ?? ""),
    templateVersionId: choices.templates.some((t) => t.versionId === batch.templateVersionId) ? batch.templateVersionId : (choices.templates[0]?.versionId ?? ""),
  };
  const retryOf = { batchId: batch.id, jobId: job?.id, records: n };
  const initialEstimate = n > 0 && initial.modelConfigId && initial.templateVersionId
    ? await estimateForDataset({ datasetId: batch.datasetId, ...initial, retryOfBatchId: batch.id, retryOfJobId: job?.id })
    : null;
  const from = job ? <>job <Link href={`/jobs/${job.id}`} className="text-brand-700 hover:underline">{job.jobName}</Link> of batch </> : <>batch </>;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Rerun the ${formatNumber(n)} failed records`}
        description={<>From {from}<Link href={`/batches/${batch.id}`} className="text-brand-700 hover:underline">{batch.name}</Link>, as a new batch linked to it. Each call keeps its earlier results in its history; its newest summary is the one shown and searched.</>}
      />
      <Card title="What failed">
        <p className="text-sm text-slate-700">
          {formatNumber(failed.errors)} error {failed.errors === 1 ? "record" : "records"} and {formatNumber(failed.unprocessed)} {failed.unprocessed === 1 ? "record" : "records"} a job ended without processing (Stopped, PartiallyCompleted, Expired or Failed).
          {failed.pendingJobs > 0 && ` ${failed.pendingJobs} ${failed.pendingJobs === 1 ? "job is" : "jobs are"} still running; their failures can be rerun once they end.`}
        </p>
      </Card>
      <Card title="Rerun with" description="The same model and template as before, or another.">
        {n === 0 ? (
          <EmptyState href={`/batches/${batch.id}`} action="Back to the batch">Nothing to rerun: every record that has ended has a summary.</EmptyState>
        ) : (
          <PrepareBatchForm
            datasetId={batch.datasetId}
            requestKey={crypto.randomUUID()}
            defaultName={`Retry of ${batch.name}`}
            choices={choices}
            initial={initial}
            initialEstimate={initialEstimate}
            isAdmin={hasRole(user.role, "admin")}
            estimate={estimateForDataset}
            submit={submitBatch}
            retryOf={retryOf}
          />
        )}
      </Card>
    </div>
  );
});
