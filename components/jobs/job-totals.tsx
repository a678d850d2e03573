"use client";
import type { JobDetail } from "@/lib/jobs/query-options";
import { DonutFigure } from "@/components/ui/charts";
import { formatNumber, formatUsd } from "@/components/ui/format";

/** The manifest's totals and the cost at the model's batch prices, with succeeded vs failed. */
export function JobTotals({ job }: { job: JobDetail }) {
  const ok = job.successRecordCount ?? 0;
  const failed = job.errorRecordCount ?? 0;
  return (
    <div className="grid gap-6 md:grid-cols-[1fr_16rem]">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
        {[
          ["Records", formatNumber(job.totalRecordCount ?? job.recordCount)],
          ["Succeeded", formatNumber(job.successRecordCount)],
          ["Failed", formatNumber(job.errorRecordCount)],
          ["Input tokens", formatNumber(job.inputTokenCount)],
          ["Output tokens", formatNumber(job.outputTokenCount)],
          [job.onDemand ? "Cost at on-demand prices" : "Cost at batch prices", formatUsd(job.costUsd)],
        ].map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {ok + failed > 0 ? (
        <DonutFigure caption="Succeeded and failed records" data={[{ name: "Succeeded", value: ok, color: "#10b981" }, { name: "Failed", value: failed, color: "#ef4444" }]} height={180} />
      ) : (
        <p className="self-center text-sm text-slate-600">Totals appear when Bedrock writes the job&apos;s manifest.</p>
      )}
    </div>
  );
}
