import Link from "next/link";
import { Stat } from "@/components/ui/card";
import { formatNumber } from "@/components/ui/format";
import type { PeriodOverview } from "@/lib/home/types";

const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500";

function change(now: number, before: number | null): string {
  if (!before) return now ? "new" : "—";
  const pct = Math.round(((now - before) / before) * 100);
  return `${pct > 0 ? "+" : ""}${pct}%`;
}

/** Calls this period against the one before. */
export function PeriodCalls({ overview: o }: { overview: PeriodOverview }) {
  return (
    <dl className="grid grid-cols-3 gap-4">
      <Stat label="Calls this period" value={<Link href={o.callsHref} className={linkClass} data-testid="period-calls">{formatNumber(o.calls)}</Link>} hint={`${o.period.from} to ${o.period.to}`} />
      <Stat label="Period before" value={formatNumber(o.previousCalls)} hint={`${o.previous.from} to ${o.previous.to}`} />
      <Stat label="Change" value={change(o.calls, o.previousCalls)} />
    </dl>
  );
}

/** The topics that grew most against the period before, each opening its summaries. */
export function RisingTopics({ overview: o }: { overview: PeriodOverview }) {
  if (o.rising.length === 0) return <p className="text-sm text-slate-600">No topic grew against the period before (or the summaries carry no topics).</p>;
  return (
    <table className="w-full text-left text-sm tabular-nums">
      <caption className="sr-only">Rising topics, this period against the one before</caption>
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="py-1.5">Topic</th>
          <th scope="col" className="py-1.5 text-right">Calls</th>
          <th scope="col" className="py-1.5 text-right">Before</th>
          <th scope="col" className="py-1.5 text-right">Change</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {o.rising.map((t) => (
          <tr key={t.topic}>
            <th scope="row" className="py-1.5 font-normal"><Link href={t.href} className={linkClass}>{t.topic}</Link></th>
            <td className="py-1.5 text-right">{formatNumber(t.calls)}</td>
            <td className="py-1.5 text-right">{formatNumber(t.previous)}</td>
            <td className="py-1.5 text-right">{t.change === null ? "new" : `+${Math.round(t.change * 100)}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
