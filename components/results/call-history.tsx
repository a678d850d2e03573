import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, truncate } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";
import type { CallHistoryEntry } from "@/lib/results/history";
import { SentimentBadge } from "./sentiment-badge";

/** Every summary this call has had, newest first; the one on the page is marked. */
export function CallHistory({ entries, currentId }: { entries: CallHistoryEntry[]; currentId: string }) {
  if (entries.length <= 1) return <p className="text-sm text-slate-600">This is the call&apos;s only summary so far. Summarize it again with another template above to compare.</p>;
  return (
    <Table caption="Summaries of this call" head={<><Th>When</Th><Th>Batch</Th><Th>Model · template</Th><Th>Result</Th></>}>
      {entries.map((e) => (
        <tr key={e.id} aria-current={e.id === currentId ? "true" : undefined} className={e.id === currentId ? "bg-slate-50" : undefined}>
          <Td className="whitespace-nowrap">
            {e.id === currentId ? formatDateTime(e.createdAt) : <Link href={`/results/${e.id}`} className="text-brand-700 hover:underline">{formatDateTime(e.createdAt)}</Link>}
            {e.id === currentId && <span className="ml-2 text-xs text-slate-500">(this page)</span>}
          </Td>
          <Td>
            <Link href={`/jobs/${e.jobId}`} className="text-brand-700 hover:underline">{e.batchName}</Link> {e.onDemand && <Badge tone="violet">on demand</Badge>}
          </Td>
          <Td>{e.modelName} · {e.templateLabel}</Td>
          <Td>
            {e.ok ? (
              <span className="flex flex-wrap items-center gap-2"><SentimentBadge sentiment={e.sentiment} /> <span className="text-slate-700">{truncate(e.summary ?? "", 120)}</span></span>
            ) : (
              <span className="text-red-800">Error: {truncate(e.errorMessage ?? "", 120)}</span>
            )}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
