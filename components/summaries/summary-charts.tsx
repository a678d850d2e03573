"use client";
import { BarChartFigure } from "@/components/ui/charts";

const SENTIMENT_COLORS: Record<string, string> = { positive: "#10b981", neutral: "#64748b", negative: "#ef4444", mixed: "#f59e0b", unknown: "#cbd5e1" };

/** Sentiment breakdown and the most frequent topics over the current search. */
export function SummaryCharts({ sentiments, topics }: { sentiments: { sentiment: string; count: number }[]; topics: { topic: string; count: number }[] }) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <BarChartFigure caption="Customer sentiment" unit="calls" data={sentiments.map((s) => ({ name: s.sentiment, value: s.count, color: SENTIMENT_COLORS[s.sentiment] }))} />
      {topics.length > 0 ? (
        <BarChartFigure caption="Top topics" unit="calls" horizontal height={Math.max(160, topics.length * 28)} data={topics.map((t) => ({ name: t.topic, value: t.count }))} />
      ) : (
        <p className="self-center text-sm text-slate-600">No topics: the summaries here are plain text, or the template does not ask for topics.</p>
      )}
    </div>
  );
}
