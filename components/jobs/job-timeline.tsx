import type { JobEventRow } from "@/lib/jobs/query-options";
import { formatDateTime } from "@/components/ui/format";
import { JobStatusBadge } from "./job-status-badge";

/** The job's status history, oldest first, with Bedrock's message where it gave one. */
export function JobTimeline({ events }: { events: JobEventRow[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">No status yet: the job is queued until a job slot for its model is free.</p>;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5">
      {events.map((e) => (
        <li key={e.id} className="relative">
          <span aria-hidden className="absolute -left-[1.6rem] top-1 h-2.5 w-2.5 rounded-full bg-brand-500 ring-4 ring-white" />
          <div className="flex flex-wrap items-center gap-2">
            <JobStatusBadge status={e.status} />
            <time dateTime={e.at} className="text-xs text-slate-500">{formatDateTime(e.at)}</time>
          </div>
          {e.message && <p className="mt-1 text-sm text-slate-700">{e.message}</p>}
        </li>
      ))}
    </ol>
  );
}
