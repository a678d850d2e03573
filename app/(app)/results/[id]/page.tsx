import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { formatNumber } from "@/components/ui/format";
import { SummaryCard } from "@/components/results/summary-card";
import { TranscriptView } from "@/components/results/transcript-view";
import { CallDetails } from "@/components/results/call-details";
import { page } from "@/lib/auth/page";
import { getResult } from "@/lib/results/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Call summary" };

export default page<{ id: string }>({ role: "supervisor" }, async ({ user, params: { id } }) => {
  const r = await getResult({ user, resultId: id });
  if (!r) notFound();
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
      <Card title="Call details">
        <CallDetails call={r.call} metadata={r.metadata} />
      </Card>
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
    </div>
  );
});
