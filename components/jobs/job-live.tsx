"use client";
// The live part of the job page: status, elapsed time, progress, stop, history and totals,
// polled every 2 s until the job has ended and its results are in. Then the server-rendered
// results table below is refreshed once.
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/action";
import { isIngestible } from "@/lib/bedrock/statuses";
import { jobDetailOptions, isSettled, type JobDetail } from "@/lib/jobs/query-options";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatDuration } from "@/components/ui/format";
import { FailureHelp } from "./failure-help";
import { JobProgress } from "./job-progress";
import { JobStatusBadge } from "./job-status-badge";
import { JobTimeline } from "./job-timeline";
import { JobTotals } from "./job-totals";
import { StopButton } from "./stop-button";

const STOPPABLE = ["Pending", "Submitted", "Validating", "Scheduled", "InProgress"];

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

type Props = { initial: JobDetail; canStop: boolean; isAdmin: boolean; datasetHref: string; stop: (input: unknown) => Promise<ActionResult<void>> };

export function JobLive({ initial, canStop, isAdmin, datasetHref, stop }: Props) {
  const router = useRouter();
  const { data, error } = useQuery(jobDetailOptions(initial.id, initial));
  const job = data ?? initial;
  const settled = isSettled(job);
  const now = useNow(!settled);
  const wasSettled = useRef(isSettled(initial));
  useEffect(() => {
    if (settled && !wasSettled.current) router.refresh();
    wasSettled.current = settled;
  }, [settled, router]);

  const started = Date.parse(job.submitTime ?? job.createdAt);
  const ended = job.endTime ? Date.parse(job.endTime) : settled ? Date.parse(job.events.at(-1)?.at ?? job.createdAt) : now;
  const showStop = canStop && STOPPABLE.includes(job.status) && !job.stopRequested;

  return (
    <div className="space-y-6">
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="space-y-1" aria-live="polite">
            <div className="flex items-center gap-3">
              <span className="text-sm text-slate-600">Status</span>
              <JobStatusBadge status={job.status} stopRequested={job.stopRequested} />
            </div>
            <p className="text-sm text-slate-600">
              Elapsed <span className="font-medium tabular-nums text-slate-900" suppressHydrationWarning>{formatDuration(ended - started)}</span>
              {job.submitTime && <> · submitted {formatDateTime(job.submitTime)}</>}
              {job.endTime && <> · ended {formatDateTime(job.endTime)}</>}
            </p>
            {!settled && <p className="text-xs text-slate-500">Updating every 2 seconds.</p>}
            {!settled && isIngestible(job.status) && (
              <p className="text-xs text-slate-500">Reading the results from S3…</p>
            )}
          </div>
          {showStop && <StopButton jobId={job.id} stop={stop} />}
        </div>
        <div className="mt-4">
          <JobProgress job={job} />
        </div>
        {error && <p role="alert" className="mt-2 text-sm text-red-700">Live updates paused: {error.message}</p>}
        {job.message && !["Failed", "Expired", "PartiallyCompleted"].includes(job.status) && <p className="mt-3 text-sm text-slate-700">{job.message}</p>}
      </Card>
      <FailureHelp status={job.status} message={job.message} datasetHref={datasetHref} isAdmin={isAdmin} />
      <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
        <Card title="Status history">
          <JobTimeline events={job.events} />
        </Card>
        <Card title="Totals" description={`${job.modelName} · ${job.templateLabel}`}>
          <JobTotals job={job} />
        </Card>
      </div>
    </div>
  );
}
