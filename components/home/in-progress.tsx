"use client";
// The live part of the home page: jobs in flight (managers) and batches in progress (supervisors),
// polled while anything runs. When something finishes, the server part (results, cost) is re-read.
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "@/components/ui/empty-state";
import { Progress } from "@/components/ui/progress";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { JobProgress } from "@/components/jobs/job-progress";
import { JobStatusBadge } from "@/components/jobs/job-status-badge";
import { inProgressOptions, type InProgress } from "@/lib/home/query-options";

function useInProgress(initial: InProgress): InProgress {
  const { data } = useQuery(inProgressOptions(initial));
  const current = data ?? initial;
  const router = useRouter();
  const running = current.jobs.total + current.batches.length;
  const before = useRef(running);
  useEffect(() => {
    if (running < before.current) router.refresh();
    before.current = running;
  }, [running, router]);
  return current;
}

const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500";

/** Every job in flight in the caller's scope: records done over all of them, and the newest ten. */
export function JobsInFlight({ initial }: { initial: InProgress }) {
  const { jobs } = useInProgress(initial);
  if (jobs.total === 0) return <EmptyState href="/jobs" action="See finished jobs">No job is running or waiting.</EmptyState>;
  return (
    <div className="space-y-4">
      <Progress
        label={`Records done over ${formatNumber(jobs.total)} ${jobs.total === 1 ? "job" : "jobs"} in flight`}
        value={jobs.recordsDone}
        max={jobs.records}
        detail={`${formatNumber(jobs.recordsDone)} of ${formatNumber(jobs.records)}`}
      />
      <ul className="divide-y divide-slate-100" aria-label="Jobs in flight">
        {jobs.jobs.map((j) => (
          <li key={j.id} className="space-y-2 py-3">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <Link href={`/jobs/${j.id}`} className={linkClass}>{j.jobName}</Link>
              <JobStatusBadge status={j.status} stopRequested={j.stopRequested} />
              <span className="text-slate-500">{j.batchName} · {j.modelName}</span>
            </div>
            <JobProgress job={j} label={`Records done in ${j.jobName}`} />
          </li>
        ))}
      </ul>
      {jobs.total > jobs.jobs.length && (
        <Link href="/jobs" className={`text-sm ${linkClass}`}>All {formatNumber(jobs.total)} jobs in flight on the jobs page</Link>
      )}
    </div>
  );
}

/** The caller's batches with work left, each with records done over all its jobs. */
export function BatchesInProgress({ initial }: { initial: InProgress }) {
  const { batches } = useInProgress(initial);
  if (batches.length === 0) return <EmptyState href="/uploads/new" action="Upload transcripts">No batch of yours is running.</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100" aria-label="Batches in progress">
      {batches.map((b) => (
        <li key={b.id} className="space-y-2 py-3">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Link href={`/batches/${b.id}`} className={linkClass}>{b.name}</Link>
            <span className="text-slate-500">
              {b.modelName} · {b.jobsRunning} of {b.jobCount} {b.jobCount === 1 ? "job" : "jobs"} running · started {formatDateTime(b.createdAt)}
            </span>
          </div>
          <Progress label={`Records done in ${b.name}`} value={b.recordsDone} max={b.records} detail={`${formatNumber(b.recordsDone)} of ${formatNumber(b.records)}`} />
        </li>
      ))}
    </ul>
  );
}
