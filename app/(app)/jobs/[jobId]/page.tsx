import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { JobLive } from "@/components/jobs/job-live";
import { JobResultsTable } from "@/components/results/job-results-table";
import { JobOptionsView } from "@/components/jobs/job-options-view";
import { buttonClass } from "@/components/ui/button";
import { formatNumber } from "@/components/ui/format";
import { page } from "@/lib/auth/page";
import { can, ownsOrOversees } from "@/lib/auth/permissions";
import { hasRole } from "@/lib/auth/roles";
import { loadJobView } from "@/lib/results/job-view";
import { requestStop } from "../actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Job" };

export default page<{ jobId: string }>({ role: "supervisor" }, async ({ user, params: { jobId }, searchParams }) => {
  const view = await loadJobView({ user, jobId, searchParams });
  if (!view) notFound();
  const { job, filter, results, count, failed } = view;
  const mayRetry = failed > 0 && can(user, "batches.submit") && ownsOrOversees(user, job.createdById);
  return (
    <div className="space-y-6">
      <PageHeader
        title={job.jobName}
        description={
          <>
            Part {job.part} of batch <Link href={`/batches/${job.batchId}`} className="text-brand-700 hover:underline">{job.batchName}</Link> · {job.modelName} · {job.templateLabel} · by {job.createdBy}
            {job.jobArn && <span className="mt-1 block break-all font-mono text-xs text-slate-500">{job.jobArn}</span>}
            {job.onDemand && <span className="mt-1 block text-xs text-slate-500">Run on demand: one InvokeModel call per transcript, a few at a time, not a Bedrock batch job.</span>}
          </>
        }
      />
      <JobLive
        initial={job}
        canStop={can(user, "jobs.stop") && ownsOrOversees(user, job.createdById)}
        isAdmin={hasRole(user.role, "admin")}
        datasetHref={`/datasets/${job.datasetId}`}
        stop={requestStop}
      />
      <Card title="Job options">
        <JobOptionsView timeoutHours={job.timeoutHours} tags={job.tags} batchId={job.batchId} userEmail={job.createdByEmail} />
        {mayRetry && (
          <Link href={`/batches/${job.batchId}/retry?job=${job.id}`} className={`${buttonClass("primary")} mt-4`}>Rerun the {formatNumber(failed)} failed records</Link>
        )}
      </Card>
      <Card title="Results" description="One row per transcript. Open a call to read its transcript beside the summary.">
        <JobResultsTable jobId={job.id} filter={filter} rows={results.rows} next={results.next} previous={results.previous}
          total={count.count} capped={count.capped} ingested={job.ingestedAt !== null} />
      </Card>
    </div>
  );
});
