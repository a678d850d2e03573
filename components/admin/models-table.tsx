"use client";
import { useState } from "react";
import { ModelForm, type ModelValues } from "./model-form";
import { useActionButton, type Action } from "./use-action-form";

type Model = ModelValues & { id: string; modelId: string; family: string; enabled: boolean };

export function ModelsTable({ models, updateModel, setEnabled }: { models: Model[]; updateModel: Action<void>; setEnabled: Action<void> }) {
  return (
    <ul className="divide-y divide-slate-100">
      {models.map((m) => (
        <ModelRow key={m.id} model={m} updateModel={updateModel} setEnabled={setEnabled} />
      ))}
    </ul>
  );
}

function ModelRow({ model, updateModel, setEnabled }: { model: Model; updateModel: Action<void>; setEnabled: Action<void> }) {
  const [editing, setEditing] = useState(false);
  const toggle = useActionButton(setEnabled);
  return (
    <li className="py-3" data-testid={`model-${model.modelId}`}>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <label className="flex items-center gap-2 text-sm">
          <input
            key={String(model.enabled)}
            type="checkbox"
            defaultChecked={model.enabled}
            disabled={toggle.pending}
            onChange={(e) => toggle.trigger({ id: model.id, enabled: e.target.checked })}
            className="h-4 w-4 rounded border-slate-300"
          />
          <span className="sr-only">Enabled: </span>
          <span className="font-medium text-slate-900">{model.name}</span>
        </label>
        <code className="text-xs text-slate-500">{model.modelId}</code>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{model.family}</span>
        <span className="text-xs text-slate-600">
          ${model.inputPricePerMTok} in / ${model.outputPricePerMTok} out per M tokens · {model.minRecordsPerJob.toLocaleString("en-US")}–{model.maxRecordsPerJob.toLocaleString("en-US")} records/job · {model.maxConcurrentJobs} concurrent
        </span>
        <button type="button" onClick={() => setEditing((v) => !v)} aria-expanded={editing} className="ml-auto text-sm font-medium text-brand-700 hover:underline">
          {editing ? "Close" : `Edit ${model.name}`}
        </button>
      </div>
      {toggle.error && <p role="alert" className="mt-1 text-sm text-red-600">{toggle.error}</p>}
      {editing && (
        <div className="mt-3 rounded-lg bg-slate-50 p-4">
          <ModelForm mode="edit" id={model.id} values={model} run={updateModel} onSaved={() => setEditing(false)} />
        </div>
      )}
    </li>
  );
}
