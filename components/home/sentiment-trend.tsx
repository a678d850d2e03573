"use client";
// Calls per day of this period, stacked by customer sentiment. Clicking a segment opens that day's
// summaries of that sentiment; by keyboard, Tab reaches the chart (arrows move its tooltip) and the
// table under it holds the same numbers with a link per day.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/components/ui/format";
import type { SentimentDay } from "@/lib/home/types";

const SERIES = [
  { key: "positive", label: "Positive", color: "#10b981" },
  { key: "neutral", label: "Neutral", color: "#64748b" },
  { key: "mixed", label: "Mixed", color: "#f59e0b" },
  { key: "negative", label: "Negative", color: "#ef4444" },
  { key: "unknown", label: "Unknown", color: "#cbd5e1" },
] as const;

const linkClass = "text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500";

export function SentimentTrend({ days }: { days: SentimentDay[] }) {
  const router = useRouter();
  if (days.length === 0) return <p className="text-sm text-slate-600">No calls in this period yet: the trend appears when results come in.</p>;
  const calls = days.reduce((n, d) => n + d.calls, 0);
  const negative = days.reduce((n, d) => n + d.negative, 0);
  const summary = `${formatNumber(calls)} calls over ${days.length} days, ${calls ? Math.round((negative / calls) * 100) : 0}% negative.`;
  const open = (i: number, sentiment: string) => {
    const d = days[i];
    if (d) router.push(sentiment === "unknown" ? d.href : `${d.href}&sentiment=${sentiment}`);
  };
  return (
    <figure className="space-y-3">
      <div className="h-56 min-w-0">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={days} margin={{ right: 8 }} title="Calls per day by customer sentiment" desc={summary}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="period" fontSize={12} tickFormatter={(d: string) => d.slice(5)} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Legend />
            {SERIES.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId="calls" fill={s.color} isAnimationActive={false} cursor="pointer" onClick={(_, i) => open(i, s.key)} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-sm text-slate-600">{summary} Click a bar to open that day&apos;s summaries of that sentiment.</figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-slate-700">The numbers, day by day</summary>
        <table className="mt-2 w-full text-left tabular-nums">
          <caption className="sr-only">Calls per day by customer sentiment</caption>
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-1">Day</th>
              <th scope="col" className="py-1 text-right">Calls</th>
              {SERIES.map((s) => <th key={s.key} scope="col" className="py-1 text-right">{s.label}</th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {days.map((d) => (
              <tr key={d.period}>
                <th scope="row" className="py-1 font-normal"><Link href={d.href} className={linkClass}>{d.period}</Link></th>
                <td className="py-1 text-right">{formatNumber(d.calls)}</td>
                {SERIES.map((s) => <td key={s.key} className="py-1 text-right">{formatNumber(d[s.key])}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
