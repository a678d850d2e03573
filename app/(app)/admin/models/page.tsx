import { ModelForm } from "@/components/admin/model-form";
import { ModelsTable } from "@/components/admin/models-table";
import { EmptyState, Section } from "@/components/admin/section";
import { foundationModelChoices, listModels } from "@/lib/admin/models";
import { page } from "@/lib/auth/page";
import { addModel, setModelEnabled, updateModel } from "./actions";

export const metadata = { title: "Models" };

export default page({ role: "admin" }, async () => {
  const [models, { choices, error }] = await Promise.all([listModels(), foundationModelChoices()]);
  const rows = models.map((m) => ({ ...m, maxFileBytes: undefined, maxJobBytes: undefined }));
  return (
    <div className="space-y-6">
      <Section title="Enabled models" description="Supervisors pick from the enabled models. Prices are Bedrock's batch prices (USD per million tokens); quotas are per model, as AWS sets them for your account.">
        {rows.length === 0 ? <EmptyState>No models yet. Add one below; Recap lists what the batch engine offers.</EmptyState> : <ModelsTable models={rows} updateModel={updateModel} setEnabled={setModelEnabled} />}
      </Section>
      <Section title="Add a model" description={error ?? "Pick a model the batch engine offers (ListFoundationModels), or type its id."}>
        <ModelForm mode="add" choices={choices} run={addModel} />
      </Section>
    </div>
  );
});
