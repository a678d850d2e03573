import { Table, Td, Th } from "@/components/ui/table";
import { formatNumber, formatUsd } from "@/components/ui/format";
import { SentimentBadge } from "@/components/results/sentiment-badge";
import { jaccard, resultCostUsd, type ArmResult, type CallPair } from "@/lib/compare/metrics";
import type { ArmView } from "@/lib/compare/queries";

// Model output is shown as text (React escapes it), never as HTML.
function ArmCell({ result, arm }: { result?: ArmResult; arm: ArmView }) {
  if (!result) return <Td className="text-slate-500">Not back yet</Td>;
  if (!result.ok) return <Td className="text-red-700">Failed: {result.errorMessage ?? "no message"}</Td>;
  return (
    <Td className="max-w-md space-y-1">
      <p className="whitespace-pre-wrap text-slate-800">{result.summary ?? ""}</p>
      <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <SentimentBadge sentiment={result.sentiment} />
        <span>Topics: {result.topics.length ? result.topics.join(", ") : "none"}</span>
      </p>
      <p className="text-xs tabular-nums text-slate-500">
        {formatNumber(result.inputTokens)} in · {formatNumber(result.outputTokens)} out · {formatUsd(resultCostUsd(result, arm))}
      </p>
    </Td>
  );
}

/** One row per call: arm A, arm B, and whether they agree. */
export function SideBySide({ pairs, arms, caption }: { pairs: CallPair[]; arms: ArmView[]; caption: string }) {
  const [a, b] = arms;
  return (
    <Table caption={caption} head={<><Th>Call</Th><Th>Arm A: {a.modelName}, {a.templateLabel}</Th><Th>Arm B: {b.modelName}, {b.templateLabel}</Th><Th>Agreement</Th></>}>
      {pairs.map((p) => {
        const both = p.A?.ok && p.B?.ok;
        return (
          <tr key={p.recordId}>
            <Th scope="row" className="align-top font-mono text-xs normal-case text-slate-800">{p.callId}</Th>
            <ArmCell result={p.A} arm={a} />
            <ArmCell result={p.B} arm={b} />
            <Td className="text-xs text-slate-700">
              {both ? (
                <>
                  <div>Sentiment: {p.A!.sentiment && p.B!.sentiment ? (p.A!.sentiment === p.B!.sentiment ? "same" : "differs") : "—"}</div>
                  <div>Topics: {(jaccard(p.A!.topics, p.B!.topics) * 100).toFixed(0)}% overlap</div>
                </>
              ) : "—"}
            </Td>
          </tr>
        );
      })}
    </Table>
  );
}
