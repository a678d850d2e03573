import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { formatNumber } from "@/components/ui/format";
import { SummaryCard } from "@/components/results/summary-card";
import { TranscriptView } from "@/components/results/transcript-view";
import { CallHistory } from "@/components/results/call-history";
import { ResummarizeForm } from "@/components/ondemand/resummarize-form";
import { CallDetails } from "@/components/results/call-details";
import { page } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { prepareChoices } from "@/lib/datasets/queries";
import { callHistory } from "@/lib/results/history";
import { getResult } from "@/lib/results/queries";
import { resummarizeCall } from "./actions";
import { DeleteButton } from "@/components/retention/delete-button";
import { deleteCall } from "../actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Call summary" };

export default page<{ id: string }>({ role: "supervisor" }, async ({ user, params: { id } }) => {
  const r = await getResult({ user, resultId: id });
  if (!r) notFound();
  // The result is in the caller's scope, so its batch and dataset are too; the action checks again.
  const mayRerun = !!r.transcriptId && can(user, "batches.submit");
  const [history, choices] = await Promise.all([
    r.transcriptId ? callHistory({ user, transcriptId: r.transcriptId }) : [],
    mayRerun ? prepareChoices() : null,
  ]);
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
      {mayRerun && choices && (
        <Card title="Summarize this call again" description="With another prompt template or model, to compare or to fix a poor summary.">
          <ResummarizeForm
            resultId={r.id}
            requestKey={crypto.randomUUID()}
            templates={choices.templates}
            models={choices.models}
            current={{ templateVersionId: r.templateVersionId, modelConfigId: r.modelConfigId }}
            resummarize={resummarizeCall}
          />
        </Card>
      )}
      {r.transcriptId && (
        <Card title="History of this call" description="Every summary this call has had, newest first.">
          <CallHistory entries={history} currentId={r.id} />
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
