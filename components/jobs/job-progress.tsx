import { Progress } from "@/components/ui/progress";
import { formatNumber } from "@/components/ui/format";
import type { JobRow } from "@/lib/jobs/query-options";
import { isSettled } from "@/lib/jobs/query-options";
import { isTerminal } from "@/lib/bedrock/statuses";

/** Records processed of total from the job's counters; indeterminate while Bedrock has not reported any. */
export function JobProgress({ job, label = "Records processed" }: { job: JobRow; label?: string }) {
  const total = job.totalRecordCount ?? job.recordCount;
  const processed = job.processedRecordCount;
  if (processed !== null) {
    return <Progress label={label} value={processed} max={total} detail={`${formatNumber(processed)} of ${formatNumber(total)}`} />;
  }
  if (isTerminal(job.status)) return <Progress label={label} value={0} max={total} detail={`0 of ${formatNumber(total)}`} />;
  return <Progress label={label} detail={job.status === "Pending" ? "waiting for a free job slot" : `${formatNumber(total)} records`} />;
}

/** A one-line text version for tables. */
export function progressText(job: JobRow): string {
  const total = job.totalRecordCount ?? job.recordCount;
  if (job.processedRecordCount === null) return isSettled(job) ? `— of ${formatNumber(total)}` : `… of ${formatNumber(total)}`;
  return `${formatNumber(job.processedRecordCount)} of ${formatNumber(total)}`;
}
