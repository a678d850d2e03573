import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CompareForm } from "@/components/compare/compare-form";
import { page } from "@/lib/auth/page";
import { getDataset, prepareChoices } from "@/lib/datasets/queries";
import { startComparison } from "../actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Compare models" };

export default page<Record<string, string>, { dataset?: string }>({ role: "supervisor" }, async ({ user, searchParams }) => {
  const datasetId = typeof searchParams.dataset === "string" ? searchParams.dataset : "";
  if (!datasetId) {
    return <EmptyState href="/datasets" action="Choose a dataset">A comparison runs over one dataset. Open a dataset and choose “Compare models”.</EmptyState>;
  }
  const dataset = await getDataset({ user, datasetId });
  if (!dataset) notFound();
  const choices = await prepareChoices();
  const first = choices.models[0]?.id ?? "";
  const template = choices.templates[0]?.versionId ?? "";
  // Start with two arms that differ: the first two models, or the first two templates with one model.
  const second = choices.models[1]?.id ?? first;
  const secondTemplate = second === first ? (choices.templates[1]?.versionId ?? template) : template;
  const canDiffer = choices.models.length > 1 || choices.templates.length > 1;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Compare models"
        description={<>Run two models or prompt templates over the same calls of <Link href={`/datasets/${dataset.id}`} className="text-brand-700 hover:underline">{dataset.name}</Link> and read them side by side.</>}
      />
      <Card title="Arms and calls" description="Each arm is its own batch; its summaries appear on the comparison page, not in Summaries.">
        {first === "" || template === "" || !canDiffer ? (
          <EmptyState>A comparison needs two enabled models or two prompt templates. Ask an admin to enable another model or add a template.</EmptyState>
        ) : (
          <CompareForm
            datasetId={dataset.id}
            recordCount={dataset.recordCount}
            requestKey={crypto.randomUUID()}
            defaultName={`${dataset.name} compared`}
            choices={choices}
            initial={{ A: { modelConfigId: first, templateVersionId: template }, B: { modelConfigId: second, templateVersionId: secondTemplate } }}
            start={startComparison}
          />
        )}
      </Card>
    </div>
  );
});
