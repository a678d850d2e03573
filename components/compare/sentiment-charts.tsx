import { BarChartFigure } from "@/components/ui/charts";
import { sentimentCounts, type CallPair } from "@/lib/compare/metrics";
import type { ArmView } from "@/lib/compare/queries";

const COLORS: Record<string, string> = { positive: "#10b981", neutral: "#64748b", negative: "#ef4444", mixed: "#f59e0b", none: "#cbd5e1" };

/** Each arm's sentiments as bars, with the numbers as a list for screen readers (components/ui/charts). */
export function SentimentCharts({ pairs, arms }: { pairs: CallPair[]; arms: ArmView[] }) {
  return (
    <div className="grid gap-6 sm:grid-cols-2">
      {arms.map((a) => (
        <BarChartFigure
          key={a.arm}
          caption={`Customer sentiment, arm ${a.arm} (${a.modelName})`}
          data={sentimentCounts(pairs, a.arm).map((d) => ({ ...d, color: COLORS[d.name] }))}
          unit="calls"
        />
      ))}
    </div>
  );
}
