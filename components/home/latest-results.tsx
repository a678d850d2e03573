import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, formatNumber, truncate } from "@/components/ui/format";
import { SentimentBadge } from "@/components/results/sentiment-badge";
import type { LatestJobResults } from "@/lib/home/types";

const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500";

/** The jobs whose results came in last, each with its first few summaries (as text) and a link to all. */
export function LatestResults({ jobs }: { jobs: LatestJobResults[] }) {
  if (jobs.length === 0) return <EmptyState href="/uploads/new" action="Upload transcripts">No results yet: they appear here when a job of yours ends.</EmptyState>;
  return (
    <div className="space-y-5">
      {jobs.map((j) => (
        <section key={j.jobId} aria-label={`Results of ${j.jobName}`} className="space-y-2">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
            <Link href={`/jobs/${j.jobId}`} className={linkClass}>{j.jobName}</Link>
            <span className="text-slate-500">{j.batchName} · read in {formatDateTime(j.ingestedAt)}</span>
            <span className="ml-auto tabular-nums text-slate-600">
              {formatNumber(j.successRecordCount)} summaries{j.errorRecordCount ? `, ${formatNumber(j.errorRecordCount)} errors` : ""}
            </span>
          </div>
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {j.results.map((r) => (
              <li key={r.id} className="flex gap-3 px-3 py-2 text-sm">
                <Link href={`/results/${r.id}`} className={`shrink-0 ${linkClass}`}>{r.callId ?? "record"}</Link>
                {r.ok ? (
                  <>
                    <p className="min-w-0 flex-1 text-slate-700">{truncate(r.summary ?? "", 200)}</p>
                    <SentimentBadge sentiment={r.sentiment} />
                  </>
                ) : (
                  <>
                    <p className="min-w-0 flex-1 text-slate-600">{truncate(r.errorMessage ?? "", 200)}</p>
                    <Badge tone="red">error</Badge>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
