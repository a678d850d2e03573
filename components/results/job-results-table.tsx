import Link from "next/link";
import type { JobResultRow, ResultFilter } from "@/lib/results/queries";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPagination } from "@/components/ui/keyset-pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { formatNumber, truncate } from "@/components/ui/format";
import { SentimentBadge } from "./sentiment-badge";

type Props = {
  jobId: string; filter: ResultFilter; rows: JobResultRow[]; ingested: boolean;
  /** cursors of the neighbouring pages (keyset), and the count, capped at 10,000 until asked */
  next: string | null; previous: string | null; total: number; capped: boolean;
};

const FILTERS: { value: ResultFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "ok", label: "Succeeded" },
  { value: "errors", label: "Errors" },
];

/** A job's per-transcript results, one server page at a time; error rows show Bedrock's code and message. */
export function JobResultsTable({ jobId, filter, rows, ingested, next, previous, total, capped }: Props) {
  const base = `/jobs/${jobId}`;
  const href = (change: Record<string, string>) => {
    const q = new URLSearchParams({ ...(filter === "all" ? {} : { filter }), ...change }).toString();
    return q ? `${base}?${q}` : base;
  };
  return (
    <div>
      <nav aria-label="Filter results" className="mb-3 flex gap-2">
        {FILTERS.map((f) => (
          <Link
            key={f.value}
            href={f.value === "all" ? base : `${base}?filter=${f.value}`}
            aria-current={filter === f.value ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-500 ${filter === f.value ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState>
          {!ingested
            ? "Results appear here when the job has ended and its output has been read from S3."
            : filter === "errors"
              ? "No errors: every record of this job was summarized."
              : filter === "ok"
                ? "No record succeeded. Look at the errors for the reason."
                : "This job has no results."}
        </EmptyState>
      ) : (
        <Table caption="Results per transcript" head={<><Th>Call id</Th><Th>Summary or error</Th><Th>Sentiment</Th><Th className="text-right">Tokens in / out</Th><Th>Status</Th></>}>
          {rows.map((r) => (
            <tr key={r.id}>
              <Td className="whitespace-nowrap font-mono text-xs">
                <Link href={`/results/${r.id}`} className="text-brand-700 hover:underline">{r.callId ?? r.recordId}</Link>
              </Td>
              <Td className="max-w-xl">
                {r.ok ? (
                  <span className="text-slate-700">{truncate(r.summary ?? "", 160)}</span>
                ) : (
                  <span className="text-red-800">
                    <span className="font-mono text-xs">{r.errorCode ?? "error"}</span> {r.errorMessage}
                  </span>
                )}
              </Td>
              <Td><SentimentBadge sentiment={r.sentiment} /></Td>
              <Td className="whitespace-nowrap text-right tabular-nums">{formatNumber(r.inputTokens)} / {formatNumber(r.outputTokens)}</Td>
              <Td>{r.ok ? <Badge tone="green">Summarized</Badge> : <Badge tone="red">Error</Badge>}</Td>
            </tr>
          ))}
        </Table>
      )}
      {(rows.length > 0 || previous) && (
        <KeysetPagination noun="results" total={total} capped={capped} exactHref={href({ count: "all" })}
          previousHref={previous ? href({ before: previous }) : null} nextHref={next ? href({ after: next }) : null} />
      )}
    </div>
  );
}
