"use client";
// Sentiment over time, topics over time and top topics. A click on a bar or a point opens the
// matching list (its href is computed by the server); the same links are in the table under each
// chart, which is the keyboard's and the screen reader's way in. recharts' accessibility layer
// also lets the chart take focus and walk its points with the arrow keys.
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import Link from "next/link";
import { PALETTE } from "@/components/ui/charts";

export const SENTIMENT_COLORS = { positive: "#10b981", neutral: "#64748b", negative: "#ef4444", mixed: "#f59e0b", unknown: "#cbd5e1" } as const;
const SENTIMENTS = ["positive", "neutral", "negative", "mixed", "unknown"] as const;

export type TrendDatum = { period: string; href: string; positive: number; neutral: number; negative: number; mixed: number; unknown: number; calls: number };

function DataTable({ label, head, rows }: { label: string; head: string[]; rows: Array<{ key: string; href: string; cells: Array<string | number> }> }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand-700 hover:underline">{label}: show as a table</summary>
      <div className="max-h-64 overflow-auto">
        <table className="mt-2 w-full text-left text-xs">
          <caption className="sr-only">{label}</caption>
          <thead><tr>{head.map((h) => <th key={h} scope="col" className="px-2 py-1 font-medium">{h}</th>)}</tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-t border-slate-100">
                <th scope="row" className="px-2 py-1 font-normal"><Link href={r.href} className="text-brand-700 hover:underline">{r.key}</Link></th>
                {r.cells.map((c, i) => <td key={i} className="px-2 py-1 tabular-nums">{typeof c === "number" ? c.toLocaleString("en-US") : c}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Calls per day or week, stacked by sentiment; a bar opens that period's calls. */
export function SentimentTrendChart({ caption, data }: { caption: string; data: TrendDatum[] }) {
  const router = useRouter();
  const total = data.reduce((s, d) => s + d.calls, 0);
  const negative = data.reduce((s, d) => s + d.negative, 0);
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm font-medium text-slate-700">{caption}</figcaption>
      <p className="sr-only">{`${total.toLocaleString("en-US")} calls over ${data.length} periods, ${negative.toLocaleString("en-US")} negative.`}</p>
      <div style={{ height: 240 }} data-testid="sentiment-trend">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ right: 8 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="period" fontSize={11} minTickGap={16} />
            <YAxis allowDecimals={false} fontSize={11} />
            <Tooltip />
            <Legend />
            {SENTIMENTS.map((s) => (
              <Bar key={s} dataKey={s} stackId="s" fill={SENTIMENT_COLORS[s]} isAnimationActive={false} cursor="pointer"
                onClick={(_d, index) => data[index] && router.push(data[index].href)} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <DataTable label={caption} head={["Period", "Calls", ...SENTIMENTS]} rows={data.map((d) => ({ key: d.period, href: d.href, cells: [d.calls, ...SENTIMENTS.map((s) => d[s])] }))} />
    </figure>
  );
}

export type TopicSeriesData = { topics: Array<{ topic: string; href: string }>; points: Array<{ period: string; counts: Record<string, number> }> };

/** Calls per period for the top topics, one line each; a point opens that topic's calls. */
export function TopicsOverTimeChart({ caption, data }: { caption: string; data: TopicSeriesData }) {
  const router = useRouter();
  const rows = data.points.map((p) => ({ period: p.period, ...p.counts }));
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm font-medium text-slate-700">{caption}</figcaption>
      <div style={{ height: 240 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ right: 8 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="period" fontSize={11} minTickGap={16} />
            <YAxis allowDecimals={false} fontSize={11} />
            <Tooltip />
            <Legend />
            {data.topics.map((t, i) => (
              <Line key={t.topic} dataKey={t.topic} stroke={PALETTE[i % PALETTE.length]} strokeWidth={2} dot={false} isAnimationActive={false}
                activeDot={{ r: 5, cursor: "pointer", onClick: () => router.push(t.href) }} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <DataTable label={caption} head={["Topic", ...data.points.map((p) => p.period)]}
        rows={data.topics.map((t) => ({ key: t.topic, href: t.href, cells: data.points.map((p) => p.counts[t.topic] ?? 0) }))} />
    </figure>
  );
}

/** The most frequent topics as bars; a bar opens that topic's calls. */
export function TopTopicsChart({ caption, data }: { caption: string; data: Array<{ topic: string; calls: number; href: string }> }) {
  const router = useRouter();
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm font-medium text-slate-700">{caption}</figcaption>
      <div style={{ height: Math.max(160, data.length * 26) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ left: 24, right: 8 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis type="number" allowDecimals={false} fontSize={11} />
            <YAxis type="category" dataKey="topic" width={120} fontSize={11} />
            <Tooltip />
            <Bar dataKey="calls" name="calls" fill={PALETTE[0]} isAnimationActive={false} cursor="pointer"
              onClick={(_d, index) => data[index] && router.push(data[index].href)} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul aria-label={caption} className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs">
        {data.map((d) => (
          <li key={d.topic}><Link href={d.href} className="text-brand-700 hover:underline">{d.topic}: {d.calls.toLocaleString("en-US")}</Link></li>
        ))}
      </ul>
    </figure>
  );
}
