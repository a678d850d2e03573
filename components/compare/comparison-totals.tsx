import { Stat } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatNumber, formatUsd } from "@/components/ui/format";
import type { ArmView } from "@/lib/compare/queries";
import type { ArmTotals, ComparisonTotals as Totals } from "@/lib/compare/metrics";

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);
const chars = (v: number | null) => (v === null ? "—" : `${Math.round(v).toLocaleString("en-US")} characters`);
const signed = (v: number | null, format: (n: number) => string) => (v === null ? "—" : `${v > 0 ? "+" : v < 0 ? "−" : ""}${format(Math.abs(v))}`);

/** Agreement over the calls both arms summarized, then each arm's totals and B minus A. */
export function ComparisonTotals({ totals, arms }: { totals: Totals; arms: ArmView[] }) {
  const [a, b] = [totals.arms.A, totals.arms.B];
  const row = (label: string, value: (t: ArmTotals) => string, diff: string) => (
    <tr>
      <Th scope="row" className="text-slate-700 normal-case">{label}</Th>
      <Td className="text-right tabular-nums">{value(a)}</Td>
      <Td className="text-right tabular-nums">{value(b)}</Td>
      <Td className="text-right tabular-nums">{diff}</Td>
    </tr>
  );
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Stat label="Sentiment agreement" value={pct(totals.sentiment.agreement)} hint={`${formatNumber(totals.sentiment.agreed)} of ${formatNumber(totals.sentiment.compared)} calls with a sentiment from both`} />
        <Stat label="Topic overlap" value={pct(totals.topics.meanJaccard)} hint={`mean Jaccard over ${formatNumber(totals.topics.compared)} calls both summarized`} />
        <Stat label="Cost difference (B − A)" value={signed(totals.costDiffUsd, formatUsd)} />
        <Stat label="Summary length difference (B − A)" value={signed(totals.avgSummaryCharsDiff, (n) => `${Math.round(n).toLocaleString("en-US")} chars`)} />
      </dl>
      <Table caption="Totals per arm" head={<><Th><span className="sr-only">Measure</span></Th><Th className="text-right">Arm A</Th><Th className="text-right">Arm B</Th><Th className="text-right">B − A</Th></>}>
        <tr>
          <Th scope="row" className="text-slate-700 normal-case">Model and template</Th>
          {arms.map((arm) => <Td key={arm.arm} className="text-right">{arm.modelName}, {arm.templateLabel}</Td>)}
          <Td />
        </tr>
        {row("Summarized", (t) => formatNumber(t.succeeded), signed(b.succeeded - a.succeeded, formatNumber))}
        {row("Failed records", (t) => formatNumber(t.failed), signed(b.failed - a.failed, formatNumber))}
        {row("Input tokens", (t) => formatNumber(t.inputTokens), signed(b.inputTokens - a.inputTokens, formatNumber))}
        {row("Output tokens", (t) => formatNumber(t.outputTokens), signed(b.outputTokens - a.outputTokens, formatNumber))}
        {row("Cost at batch prices", (t) => formatUsd(t.costUsd), signed(totals.costDiffUsd, formatUsd))}
        {row("Average summary length", (t) => chars(t.avgSummaryChars), signed(totals.avgSummaryCharsDiff, (n) => `${Math.round(n).toLocaleString("en-US")} characters`))}
      </Table>
    </div>
  );
}
