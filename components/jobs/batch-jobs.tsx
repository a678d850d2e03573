"use client";
// A batch's job parts with live status: polled every 2 s until every part has ended and its
// results are in (lib/jobs/query-options.ts).
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { batchJobsOptions, isSettled, type BatchView } from "@/lib/jobs/query-options";
import { Table, Td, Th } from "@/components/ui/table";
import { formatNumber } from "@/components/ui/format";
import { JobStatusBadge } from "./job-status-badge";
import { progressText } from "./job-progress";

export function BatchJobs({ initial }: { initial: BatchView }) {
  const { data, error } = useQuery(batchJobsOptions(initial.id, initial));
  const batch = data ?? initial;
  const live = batch.status !== "failed" && !(batch.jobs.length > 0 && batch.jobs.every(isSettled));
  return (
    <div className="space-y-4">
      {batch.status === "submitting" && <p role="status" className="text-sm text-slate-600">Writing the batch input to S3; the jobs are submitted to Bedrock as soon as it is there.</p>}
      {batch.status === "failed" && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          The batch could not be prepared: {batch.message ?? "no reason was given"}. Fix the dataset or the settings named there, then submit the dataset again.
        </p>
      )}
      {error && <p role="alert" className="text-sm text-red-700">Live updates paused: {error.message}</p>}
      <p className="text-xs text-slate-500" aria-live="polite">{live ? "Updating every 2 seconds." : "All jobs have ended."}</p>
      <Table caption={`Jobs of batch ${batch.name}`} head={<><Th>Part</Th><Th>Job</Th><Th>Status</Th><Th className="text-right">Records</Th><Th className="text-right">Succeeded</Th><Th className="text-right">Failed</Th><Th>Message</Th></>}>
        {batch.jobs.map((j) => (
          <tr key={j.id}>
            <Td className="tabular-nums">{j.part}</Td>
            <Td>
              <Link href={`/jobs/${j.id}`} className="font-medium text-brand-700 hover:underline">{j.jobName}</Link>
            </Td>
            <Td><JobStatusBadge status={j.status} stopRequested={j.stopRequested} /></Td>
            <Td className="text-right tabular-nums">{progressText(j)}</Td>
            <Td className="text-right tabular-nums">{formatNumber(j.successRecordCount)}</Td>
            <Td className="text-right tabular-nums">{formatNumber(j.errorRecordCount)}</Td>
            <Td className="max-w-xs text-slate-600">{j.message ?? ""}</Td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
