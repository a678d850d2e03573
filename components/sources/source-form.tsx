"use client";
import { useState } from "react";
import { Field, FormMessage, SelectField, SubmitButton } from "@/components/ui/form";
import { useActionForm, type Action } from "@/components/admin/use-action-form";

type Choices = {
  models: { id: string; name: string; minRecordsPerJob: number }[];
  templates: { id: string; label: string }[];
  roles: { id: string; name: string; isDefault: boolean }[];
};

export function SourceForm({ run, choices, formats, defaultBucket }: { run: Action<{ id: string }>; choices: Choices; formats: { value: string; label: string }[]; defaultBucket: string }) {
  const [saved, setSaved] = useState(false);
  const f = useActionForm(run, { reset: true, onOk: () => setSaved(true) });
  return (
    <form onSubmit={f.onSubmit} className="space-y-4" aria-label="Register a source">
      {f.message && <FormMessage>{f.message}</FormMessage>}
      {saved && <FormMessage kind="ok">Source registered. The first scan runs within seconds.</FormMessage>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="source-name" label="Name" name="name" required error={f.errors.name} />
        <SelectField id="source-format" label="Transcript format" name="format" error={f.errors.format}>
          {formats.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </SelectField>
        <Field id="source-bucket" label="Bucket" name="bucket" defaultValue={defaultBucket} required error={f.errors.bucket} />
        <Field id="source-prefix" label="Prefix" name="prefix" placeholder="transcribe/output/" error={f.errors.prefix} hint="Only keys under it are read; empty means the whole bucket." />
        <SelectField id="source-model" label="Model" name="modelConfigId" error={f.errors.modelConfigId}>
          {choices.models.map((m) => <option key={m.id} value={m.id}>{m.name} (at least {m.minRecordsPerJob.toLocaleString("en-US")} calls a job)</option>)}
        </SelectField>
        <SelectField id="source-template" label="Prompt template" name="templateVersionId" error={f.errors.templateVersionId}>
          {choices.templates.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
        </SelectField>
        <SelectField id="source-role" label="IAM service role" name="serviceRoleId" error={f.errors.serviceRoleId}>
          <option value="">The default role</option>
          {choices.roles.map((r) => <option key={r.id} value={r.id}>{r.name}{r.isDefault ? " (default)" : ""}</option>)}
        </SelectField>
        <Field id="source-interval" label="Scan every (seconds)" name="scanIntervalSec" type="number" defaultValue={300} min={10} required error={f.errors.scanIntervalSec} />
        <Field id="source-wait" label="Longest wait for a batch (seconds)" name="maxWaitSec" type="number" defaultValue={3600} min={60} required error={f.errors.maxWaitSec}
          hint="After this, calls below the model's minimum go to an on-demand runner if there is one; otherwise they keep waiting and the source says so." />
      </div>
      <SubmitButton pending={f.pending}>Register source</SubmitButton>
    </form>
  );
}
