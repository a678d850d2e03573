"use client";
import { useState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import { useActionForm, type Action } from "./use-action-form";

type Values = { bucket: string; inputPrefix: string; outputPrefix: string; uploadPrefix: string; kmsKeyId?: string };

export function StorageForm({ values, run }: { values: Values; run: Action<void> }) {
  const [saved, setSaved] = useState(false);
  const f = useActionForm(run, { onOk: () => setSaved(true) });
  return (
    <form onSubmit={f.onSubmit} className="space-y-4" aria-label="Storage settings">
      {f.message && <FormMessage>{f.message}</FormMessage>}
      {saved && <FormMessage kind="ok">Storage settings saved.</FormMessage>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Bucket" name="bucket" defaultValue={values.bucket} required error={f.errors.bucket} />
        <Field label="KMS key id (optional)" name="kmsKeyId" defaultValue={values.kmsKeyId ?? ""} error={f.errors.kmsKeyId} hint="Key id, key ARN or alias; empty means the bucket's default encryption." />
        <Field label="Input prefix" name="inputPrefix" defaultValue={values.inputPrefix} required error={f.errors.inputPrefix} hint="Batch input JSONL goes under it." />
        <Field label="Output prefix" name="outputPrefix" defaultValue={values.outputPrefix} required error={f.errors.outputPrefix} hint="Bedrock writes job output under it." />
        <Field label="Upload prefix" name="uploadPrefix" defaultValue={values.uploadPrefix} required error={f.errors.uploadPrefix} hint="Raw uploaded files." />
      </div>
      <SubmitButton pending={f.pending}>Save storage settings</SubmitButton>
    </form>
  );
}
