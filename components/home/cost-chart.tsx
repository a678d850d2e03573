"use client";
// Cost this month against last as two cumulative lines by day of the month. The chart is
// keyboard reachable (recharts' accessibility layer: Tab to it, arrows move the tooltip) and the
// table beside it says the same in text.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsd } from "@/components/ui/format";
import { PALETTE } from "@/components/ui/charts";
import type { CostThisMonth } from "@/lib/home/types";

function monthName(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}

function change(now: number, before: number): string {
  if (before === 0) return now === 0 ? "no change" : "nothing to compare with";
  const pct = Math.round(((now - before) / before) * 100);
  return pct === 0 ? "about the same" : `${pct > 0 ? "+" : ""}${pct}%`;
}

export function CostChart({ cost }: { cost: CostThisMonth }) {
  const { thisMonth, lastMonth, dayOfMonth } = cost;
  const [year, month] = thisMonth.month.split("-").map(Number);
  const days = Math.max(lastMonth.cumulativeUsd.length, new Date(Date.UTC(year, month, 0)).getUTCDate());
  const points = Array.from({ length: days }, (_, i) => ({
    day: i + 1,
    last: lastMonth.cumulativeUsd[i] ?? null,
    this: thisMonth.cumulativeUsd[i] ?? null,
  }));
  const thisLabel = `${monthName(thisMonth.month)} so far`;
  const lastLabel = monthName(lastMonth.month);
  const summary = `${thisLabel}: ${formatUsd(thisMonth.totalUsd)}; ${lastLabel} to day ${dayOfMonth}: ${formatUsd(cost.lastMonthToDateUsd)}, in all ${formatUsd(lastMonth.totalUsd)}.`;
  return (
    <figure className="grid gap-4 md:grid-cols-[2fr_1fr]">
      <div className="h-52 min-w-0">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ right: 8 }} title="Cumulative cost by day of the month" desc={summary}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="day" fontSize={12} />
            <YAxis fontSize={12} tickFormatter={(v: number) => `$${v}`} />
            <Tooltip formatter={(v) => formatUsd(Number(v))} labelFormatter={(d) => `Day ${d}`} />
            <Legend />
            <Line type="monotone" dataKey="last" name={lastLabel} stroke={PALETTE[5]} strokeDasharray="4 3" dot={false} isAnimationActive={false} connectNulls={false} />
            <Line type="monotone" dataKey="this" name={thisLabel} stroke={PALETTE[0]} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-sm">
        <table className="w-full text-left">
          <caption className="sr-only">Cost this month against last, at batch prices</caption>
          <tbody className="divide-y divide-slate-100">
            <tr><th scope="row" className="py-1.5 font-normal text-slate-600">{thisLabel}</th><td className="py-1.5 text-right font-semibold tabular-nums" data-testid="cost-this-month">{formatUsd(thisMonth.totalUsd)}</td></tr>
            <tr><th scope="row" className="py-1.5 font-normal text-slate-600">{lastLabel} to day {dayOfMonth}</th><td className="py-1.5 text-right tabular-nums">{formatUsd(cost.lastMonthToDateUsd)}</td></tr>
            <tr><th scope="row" className="py-1.5 font-normal text-slate-600">{lastLabel} in all</th><td className="py-1.5 text-right tabular-nums">{formatUsd(lastMonth.totalUsd)}</td></tr>
            <tr><th scope="row" className="py-1.5 font-normal text-slate-600">Change to the same day</th><td className="py-1.5 text-right tabular-nums">{change(thisMonth.totalUsd, cost.lastMonthToDateUsd)}</td></tr>
          </tbody>
        </table>
        <p className="mt-2 text-xs text-slate-500">From the jobs&apos; token counts at each model&apos;s batch prices, by the UTC day a job ended.</p>
      </figcaption>
    </figure>
  );
}
