"use client";
import { useQuery } from "@tanstack/react-query";
import { jobStatsOptions, type JobStats } from "@/lib/jobs/query-options";
import { BarChartFigure, LineFigure } from "@/components/ui/charts";
import { statusLabel } from "./job-status-badge";

const COLORS: Record<string, string> = {
  Completed: "#10b981", PartiallyCompleted: "#f59e0b", Failed: "#ef4444", Expired: "#b91c1c", Stopped: "#64748b",
  Stopping: "#f59e0b", InProgress: "#8b5cf6", Pending: "#94a3b8",
};

/** Jobs by status, records processed and cost per day, live while jobs run. */
export function JobsCharts({ initial }: { initial: JobStats }) {
  const { data } = useQuery(jobStatsOptions(initial));
  const stats = data ?? initial;
  if (stats.byStatus.length === 0) return null;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <BarChartFigure caption="Jobs by status" unit="jobs" data={stats.byStatus.map((s) => ({ name: statusLabel(s.status), value: s.count, color: COLORS[s.status] ?? "#2359b8" }))} />
      {stats.processedByDay.length > 0 ? (
        <LineFigure caption="Records processed per day (last 30 days, by the day a job ended)" unit="records" points={stats.processedByDay.map((d) => ({ name: d.day.slice(5), value: d.records }))} />
      ) : (
        <p className="self-center text-sm text-slate-600">No job has finished in the last 30 days; processed records appear here when one does.</p>
      )}
      {stats.costByDay.some((d) => d.costUsd > 0) && (
        <LineFigure caption="Cost per day at batch prices (USD, from the jobs' token counts)" unit="USD" decimals points={stats.costByDay.map((d) => ({ name: d.day.slice(5), value: d.costUsd }))} />
      )}
    </div>
  );
}
