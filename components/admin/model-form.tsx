"use client";
import { useState } from "react";
import { Field, FormMessage, SubmitButton, Checkbox } from "@/components/ui/form";
import { useActionForm, type Action } from "./use-action-form";

export type ModelValues = {
  name: string;
  inputPricePerMTok: number;
  outputPricePerMTok: number;
  onDemandInputPricePerMTok: number | null;
  onDemandOutputPricePerMTok: number | null;
  minRecordsPerJob: number;
  maxRecordsPerJob: number;
  maxFileMb: number;
  maxJobMb: number;
  maxConcurrentJobs: number;
  maxTokens: number;
  temperature: number;
  defaultTimeoutHours: number;
  enabled: boolean;
};

// Bedrock's published batch quotas (DESIGN.md); an admin adjusts them to what AWS set for the account.
const DEFAULTS: ModelValues = {
  name: "",
  inputPricePerMTok: 0,
  outputPricePerMTok: 0,
  onDemandInputPricePerMTok: null,
  onDemandOutputPricePerMTok: null,
  minRecordsPerJob: 1000,
  maxRecordsPerJob: 50000,
  maxFileMb: 200,
  maxJobMb: 1024,
  maxConcurrentJobs: 3,
  maxTokens: 1024,
  temperature: 0.2,
  defaultTimeoutHours: 168,
  enabled: true,
};

type Choice = { modelId: string; name: string; provider: string; family: string };
type Props =
  | { mode: "add"; choices: Choice[]; run: Action<{ id: string }>; id?: never; values?: never; onSaved?: () => void }
  | { mode: "edit"; id: string; values: ModelValues; run: Action<void>; choices?: never; onSaved?: () => void };

export function ModelForm(props: Props) {
  const v = props.values ?? DEFAULTS;
  const [name, setName] = useState(v.name);
  const [saved, setSaved] = useState(false);
  const f = useActionForm<unknown>(props.run as Action<unknown>, { reset: props.mode === "add", onOk: () => (setSaved(true), props.mode === "add" && setName(""), props.onSaved?.()) });
  const num = (label: string, field: keyof ModelValues, step = "1", hint?: string) => (
    <Field label={label} name={field} type="number" step={step} min="0" defaultValue={String(v[field])} required error={f.errors[field]} hint={hint} />
  );
  // On-demand runs (sets under the job minimum) are billed at these; blank means twice the batch price.
  const optionalPrice = (label: string, field: "onDemandInputPricePerMTok" | "onDemandOutputPricePerMTok") => (
    <Field label={label} name={field} type="number" step="any" min="0" defaultValue={v[field] === null ? "" : String(v[field])} error={f.errors[field]} hint="blank: twice the batch price" />
  );
  return (
    <form onSubmit={f.onSubmit} className="space-y-4" aria-label={props.mode === "add" ? "Add a model" : `Edit ${v.name}`}>
      {f.message && <FormMessage>{f.message}</FormMessage>}
      {saved && props.mode === "add" && <FormMessage kind="ok">Model added.</FormMessage>}
      {props.id && <input type="hidden" name="id" value={props.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        {props.mode === "add" && (
          <div>
            <Field label="Model id" name="modelId" list="model-choices" required error={f.errors.modelId} hint="e.g. anthropic.claude-3-haiku-20240307-v1:0 or an inference profile id"
              onChange={(e) => { const c = props.choices.find((x) => x.modelId === e.target.value); if (c && !name) setName(c.name); }} />
            <datalist id="model-choices">
              {props.choices.map((c) => (
                <option key={c.modelId} value={c.modelId}>{`${c.name} (${c.provider}, ${c.family})`}</option>
              ))}
            </datalist>
          </div>
        )}
        <Field label="Display name" name="name" value={name} onChange={(e) => setName(e.target.value)} required error={f.errors.name} />
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        {num("Input price (USD / M tokens)", "inputPricePerMTok", "any")}
        {num("Output price (USD / M tokens)", "outputPricePerMTok", "any")}
        {optionalPrice("On-demand input price (USD / M tokens)", "onDemandInputPricePerMTok")}
        {optionalPrice("On-demand output price (USD / M tokens)", "onDemandOutputPricePerMTok")}
        {num("Default max tokens", "maxTokens")}
        {num("Default temperature", "temperature", "0.05", "0 to 1")}
        {num("Min records per job", "minRecordsPerJob")}
        {num("Max records per job", "maxRecordsPerJob")}
        {num("Max file size (MB)", "maxFileMb")}
        {num("Max job size (MB)", "maxJobMb")}
        {num("Concurrent jobs", "maxConcurrentJobs")}
        {num("Job timeout (hours)", "defaultTimeoutHours", "1", "24 to 168; the prepare form's default")}
      </div>
      <Checkbox label="Enabled" name="enabled" defaultChecked={v.enabled} hint="Supervisors can pick only enabled models." />
      <SubmitButton pending={f.pending}>{props.mode === "add" ? "Add model" : "Save"}</SubmitButton>
    </form>
  );
}
