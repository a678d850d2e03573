import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatBytes, formatDateTime, formatNumber } from "@/components/ui/format";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { ProblemsTable } from "@/components/uploads/problems-table";
import { PrepareBatchForm } from "@/components/jobs/prepare-batch-form";
import { hasRole } from "@/lib/auth/guards";
import { page } from "@/lib/auth/page";
import { getDataset, prepareChoices } from "@/lib/datasets/queries";
import { submitBatch } from "../../batches/actions";
import { deleteDataset, estimateForDataset, runOnDemand } from "./actions";
import { DeleteButton } from "@/components/retention/delete-button";
import { can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Prepare a batch" };

export default page<{ id: string }>({ role: "supervisor" }, async ({ user, params: { id } }) => {
  const dataset = await getDataset({ user, datasetId: id });
  if (!dataset) notFound();
  const choices = await prepareChoices();
  const isAdmin = hasRole(user.role, "admin");
  const initial = { modelConfigId: choices.models[0]?.id ?? "", templateVersionId: choices.templates[0]?.versionId ?? "" };
  const ready = initial.modelConfigId !== "" && initial.templateVersionId !== "";
  const initialEstimate = ready ? await estimateForDataset({ datasetId: dataset.id, ...initial }) : null;
  const { report } = dataset;

  return (
    <div className="space-y-6">
      <PageHeader
        title={dataset.name}
        description={<>Dataset from <span className="font-mono text-sm">{dataset.fileName}</span>, uploaded by {dataset.createdBy} on {formatDateTime(dataset.createdAt)}.</>}
        actions={<ButtonLink href={`/compare/new?dataset=${dataset.id}`} variant="secondary">Compare models</ButtonLink>}
      />
      <Card title="Upload report">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
          <Stat label="Transcripts accepted" value={formatNumber(dataset.recordCount)} />
          <Stat label="Rows skipped" value={formatNumber(report.problemCount)} />
          <Stat label="Size" value={formatBytes(dataset.sizeBytes)} />
          <Stat label="Format" value={dataset.format} hint={report.encoding} />
          <Stat label="Columns" value={report.columns?.text ?? "—"} hint={report.columns?.id ? `call id: ${report.columns.id}` : undefined} />
        </dl>
        {report.problemCount > 0 && (
          <div className="mt-6">
            <ProblemsTable problems={report.problems} total={report.problemCount} caption="Rows with problems" />
          </div>
        )}
      </Card>

      <Card title="Summarize with a model" description="Pick the model and prompt; the estimate and the split into Bedrock batch jobs update as you choose.">
        {!ready ? (
          <EmptyState href={isAdmin ? (choices.models.length === 0 ? "/admin/models" : "/admin/templates") : undefined} action={isAdmin ? "Open the admin settings" : undefined}>
            {choices.models.length === 0 ? "No model is enabled yet." : "No prompt template exists yet."}{" "}
            {isAdmin ? "Add one, then come back to this page." : "Ask an admin to enable a model and add a prompt template, then come back to this page."}
          </EmptyState>
        ) : (
          <PrepareBatchForm
            datasetId={dataset.id}
            requestKey={crypto.randomUUID()}
            defaultName={dataset.name}
            choices={choices}
            initial={initial}
            initialEstimate={initialEstimate}
            isAdmin={isAdmin}
            estimate={estimateForDataset}
            submit={submitBatch}
            runOnDemand={runOnDemand}
          />
        )}
      </Card>

      {dataset.batches.length > 0 && (
        <Card title="Batches from this dataset">
          <ul className="divide-y divide-slate-100 text-sm">
            {dataset.batches.map((b) => (
              <li key={b.id} className="flex items-center justify-between gap-3 py-2">
                <Link href={`/batches/${b.id}`} className="font-medium text-brand-700 hover:underline">{b.name}</Link>
                <span className="flex items-center gap-3 text-slate-600">
                  <Badge tone={b.status === "failed" ? "red" : b.status === "ready" ? "green" : "blue"}>{b.status}</Badge>
                  {formatDateTime(b.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}

      {/* getDataset is scoped: a supervisor sees only their own datasets */}
      {can(user, "data.delete") && (
        <Card title="Delete">
          <DeleteButton what="dataset" consequence="Its transcripts, every batch run on it with their results, and every file of theirs in S3 go with it." input={{ datasetId: dataset.id }} run={deleteDataset} />
        </Card>
      )}
    </div>
  );
});
