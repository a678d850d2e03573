"use client";
// The jobs list, paginated on the server; this page of it stays live (2 s while a job on it runs).
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { jobsListOptions, type JobsPage } from "@/lib/jobs/query-options";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/format";
import { JobStatusBadge } from "./job-status-badge";
import { progressText } from "./job-progress";

export function JobsTable({ initial }: { initial: JobsPage }) {
  const { data, error } = useQuery(jobsListOptions({ status: initial.status, page: initial.page }, initial));
  const page = data ?? initial;
  if (page.total === 0) {
    return initial.status ? (
      <EmptyState href="/jobs" action="Show all jobs">No jobs with this status.</EmptyState>
    ) : (
      <EmptyState href="/uploads/new" action="Upload transcripts">No jobs yet — upload transcripts, then submit them as a batch.</EmptyState>
    );
  }
  return (
    <div>
      {error && <p role="alert" className="mb-2 text-sm text-red-700">Live updates paused: {error.message}</p>}
      <Table caption="Jobs" head={<><Th>Job</Th><Th>Batch</Th><Th>Model</Th><Th>Status</Th><Th className="text-right">Processed</Th><Th>Created</Th></>}>
        {page.jobs.map((j) => (
          <tr key={j.id}>
            <Td>
              <Link href={`/jobs/${j.id}`} className="font-medium text-brand-700 hover:underline">{j.jobName}</Link>
            </Td>
            <Td>
              <Link href={`/batches/${j.batchId}`} className="text-slate-700 hover:underline">{j.batchName}</Link>
              <span className="text-slate-500"> · part {j.part}</span>
            </Td>
            <Td className="text-slate-600">{j.modelName}</Td>
            <Td><JobStatusBadge status={j.status} stopRequested={j.stopRequested} /></Td>
            <Td className="text-right tabular-nums">{progressText(j)}</Td>
            <Td className="whitespace-nowrap text-slate-600">{formatDateTime(j.createdAt)}</Td>
          </tr>
        ))}
      </Table>
      <Pagination page={page.page} pageCount={page.pageCount} total={page.total} basePath="/jobs" params={{ status: initial.status }} noun="jobs" />
    </div>
  );
}
