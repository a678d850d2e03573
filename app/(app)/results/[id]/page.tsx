import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { formatNumber } from "@/components/ui/format";
import { SummaryCard } from "@/components/results/summary-card";
import { TranscriptView } from "@/components/results/transcript-view";
import { page } from "@/lib/auth/page";
import { callHistory, getResult } from "@/lib/results/queries";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/components/ui/format";
import { Badge } from "@/components/ui/badge";
import { DeleteButton } from "@/components/retention/delete-button";
import { deleteCall } from "../actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Call summary" };

export default page<{ id: string }>({ role: "supervisor" }, async ({ user, params: { id } }) => {
  const r = await getResult({ user, resultId: id });
  if (!r) notFound();
  const history = r.transcriptId ? await callHistory({ user, transcriptId: r.transcriptId }) : [];
  return (
    <div className="space-y-6">
      <PageHeader
        title={<>Call <span className="font-mono">{r.callId ?? r.recordId}</span></>}
        description={
          <>
            <Link href={`/jobs/${r.jobId}`} className="text-brand-700 hover:underline">{r.jobName}</Link> · batch{" "}
            <Link href={`/batches/${r.batchId}`} className="text-brand-700 hover:underline">{r.batchName}</Link> · {r.modelName} · {r.templateLabel} · tokens{" "}
            {formatNumber(r.inputTokens)} in / {formatNumber(r.outputTokens)} out
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Transcript" description="As sent to the model, with personal data redacted.">
          {r.transcriptText ? <TranscriptView text={r.transcriptText} /> : <p className="text-sm text-slate-600">The transcript is no longer stored (its dataset was deleted).</p>}
        </Card>
        <Card title={r.ok ? "Summary" : "Error"}>
          {r.ok ? (
            <SummaryCard fields={r.fields} summary={r.summary} sentiment={r.sentiment} />
          ) : (
            <div role="alert" className="space-y-2 text-sm">
              <p className="text-red-800">
                <span className="font-mono">{r.errorCode ?? "error"}</span> {r.errorMessage ?? "Bedrock gave no message."}
              </p>
              <p className="text-slate-700">This record was not summarized. If the message names the input, fix this call in the file and upload it again; other records of the job are unaffected.</p>
            </div>
          )}
        </Card>
      </div>
      {history.length > 1 && (
        <Card title="History of this call" description="Every run of this call, newest first. The newest summary is the one the summaries page shows and searches.">
          <table className="w-full text-left text-sm" aria-label="Results of this call">
            <thead className="text-slate-500"><tr><th className="py-1 font-medium">When</th><th className="font-medium">Batch</th><th className="font-medium">Model and template</th><th className="font-medium">Outcome</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {history.map((h) => (
                <tr key={h.id} aria-current={h.id === r.id ? "true" : undefined}>
                  <td className="py-1"><Link href={`/results/${h.id}`} className="text-brand-700 hover:underline">{formatDateTime(h.createdAt)}</Link></td>
                  <td>{h.batchName}{h.retryOf && <span className="text-slate-500"> (retry of {h.retryOf})</span>}</td>
                  <td>{h.modelName} · {h.templateLabel}</td>
                  <td>{h.ok ? <Badge tone={h.current ? "green" : "slate"}>{h.current ? "summary shown" : "earlier summary"}</Badge> : <Badge tone="red">error</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      {r.transcriptId && can(user, "data.delete") && (
        <Card title="Delete">
          <DeleteButton what="call" consequence="Its transcript, all its results, and its lines in the uploaded copy and in every job file in S3 go." input={{ transcriptId: r.transcriptId, next: `/batches/${r.batchId}` }} run={deleteCall} />
        </Card>
      )}
    </div>
  );
});
