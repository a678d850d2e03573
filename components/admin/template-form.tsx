"use client";
import { useState } from "react";
import { Field, FormMessage, SubmitButton, Checkbox } from "@/components/ui/form";
import { useActionForm, type Action } from "./use-action-form";

type Props =
  | { mode: "create"; run: Action<{ id: string; versionId: string }>; templateId?: never; body?: never; expectsJson?: never }
  | { mode: "revise"; run: Action<{ versionId: string; version: number }>; templateId: string; body: string; expectsJson: boolean };

export function TemplateForm(props: Props) {
  const [saved, setSaved] = useState<string | null>(null);
  const f = useActionForm<unknown>(props.run as Action<unknown>, {
    reset: props.mode === "create",
    onOk: (d) => setSaved(props.mode === "create" ? "Template created (v1)." : `Saved as v${(d as { version: number }).version}.`),
  });
  return (
    <form onSubmit={f.onSubmit} className="space-y-4" aria-label={props.mode === "create" ? "New template" : "Edit template"}>
      {f.message && <FormMessage>{f.message}</FormMessage>}
      {saved && <FormMessage kind="ok">{saved}</FormMessage>}
      {props.mode === "create" ? <Field label="Name" name="name" required error={f.errors.name} /> : <input type="hidden" name="templateId" value={props.templateId} />}
      <div>
        <label htmlFor="template-body" className="block text-sm font-medium text-slate-700">Prompt</label>
        <textarea
          id="template-body"
          name="body"
          rows={14}
          required
          defaultValue={props.body}
          aria-invalid={f.errors.body ? true : undefined}
          aria-describedby="template-body-hint"
          className={`mt-1 block w-full rounded-md border px-3 py-2 font-mono text-xs shadow-sm focus:outline-2 focus:outline-brand-500 ${f.errors.body ? "border-red-400" : "border-slate-300"}`}
        />
        <p id="template-body-hint" className="mt-1 text-xs text-slate-500">
          {"{{transcript}}"} is replaced by the call transcript (required), {"{{call_id}}"} by the call&apos;s id.
        </p>
        {f.errors.body && <p role="alert" className="mt-1 text-sm text-red-600">{f.errors.body}</p>}
      </div>
      <Checkbox label="Asks the model for JSON" name="expectsJson" defaultChecked={props.expectsJson ?? true} hint="Results then read summary, sentiment and the other fields from the model's JSON." />
      <SubmitButton pending={f.pending}>{props.mode === "create" ? "Create template" : "Save new version"}</SubmitButton>
    </form>
  );
}
