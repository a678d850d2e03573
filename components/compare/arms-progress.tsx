"use client";
// Both arms' batches, polled (lib/jobs/query-options.ts) while they run; once every job of both
// has ended and its results are in, the page is rendered again with the side-by-side view.
import Link from "next/link";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useQueries } from "@tanstack/react-query";
import { batchJobsOptions, isSettled, type BatchView } from "@/lib/jobs/query-options";
import { Progress } from "@/components/ui/progress";
import { formatNumber } from "@/components/ui/format";

const batchSettled = (b: BatchView) => b.status === "failed" || (b.jobs.length > 0 && b.jobs.every(isSettled));

export function ArmsProgress({ arms }: { arms: { arm: string; batch: BatchView }[] }) {
  const router = useRouter();
  const queries = useQueries({ queries: arms.map((a) => batchJobsOptions(a.batch.id, a.batch)) });
  const batches = queries.map((q, i) => q.data ?? arms[i].batch);
  const done = batches.every(batchSettled);
  useEffect(() => {
    if (done) router.refresh();
  }, [done, router]);
  const error = queries.find((q) => q.error)?.error;
  return (
    <div className="space-y-4">
      {batches.map((b, i) => {
        const processed = b.jobs.reduce((n, j) => n + (j.processedRecordCount ?? 0), 0);
        const statuses = [...new Set(b.jobs.map((j) => j.status))].join(", ") || b.status;
        return (
          <div key={b.id}>
            <Progress label={`Arm ${arms[i].arm}: ${b.modelName}, ${b.templateLabel}`} value={processed} max={b.recordCount} detail={`${formatNumber(processed)} of ${formatNumber(b.recordCount)} calls · ${statuses}`} />
            <Link href={`/batches/${b.id}`} className="text-xs text-brand-700 hover:underline">Batch {b.name}</Link>
            {b.status === "failed" && <p role="alert" className="text-sm text-red-700">This arm could not be prepared: {b.message ?? "no reason was given"}.</p>}
          </div>
        );
      })}
      {error && <p role="alert" className="text-sm text-red-700">Live updates paused: {error.message}</p>}
      <p className="text-xs text-slate-500" aria-live="polite">{done ? "Both arms have ended; loading the results." : "Updating every 2 seconds. The side-by-side view appears when both arms have ended."}</p>
    </div>
  );
}
