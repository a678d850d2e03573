import Link from "next/link";
import type { SummaryListRow } from "@/lib/insights/list";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime, formatNumber, truncate } from "@/components/ui/format";
import { SentimentBadge } from "@/components/results/sentiment-badge";

export function SummariesTable({ rows }: { rows: SummaryListRow[] }) {
  return (
    <Table caption="Summaries" head={<><Th>Call id</Th><Th>Summary</Th><Th>Sentiment</Th><Th>Agent</Th><Th>Team</Th><Th>Model</Th><Th className="text-right">Tokens</Th><Th>Call time</Th></>}>
      {rows.map((r) => (
        <tr key={r.id}>
          <Td className="whitespace-nowrap font-mono text-xs">
            <Link href={`/results/${r.id}`} className="text-brand-700 hover:underline">{r.callId ?? "(no call id)"}</Link>
          </Td>
          <Td className="max-w-xl text-slate-700">{truncate(r.summary ?? "", 200)}</Td>
          <Td><SentimentBadge sentiment={r.sentiment} /></Td>
          <Td className="whitespace-nowrap text-slate-600">{r.agent ?? "—"}</Td>
          <Td className="whitespace-nowrap text-slate-600">{r.team ?? "—"}</Td>
          <Td className="whitespace-nowrap text-slate-600">{r.modelName}</Td>
          <Td className="whitespace-nowrap text-right tabular-nums">{formatNumber((r.inputTokens ?? 0) + (r.outputTokens ?? 0))}</Td>
          <Td className="whitespace-nowrap text-slate-600">{formatDateTime(r.callAt)}</Td>
        </tr>
      ))}
    </Table>
  );
}
