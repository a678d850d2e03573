"use client";
import { useState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import { useActionForm, type Action } from "./use-action-form";

export function RetentionForm({ keepDays, run }: { keepDays: number | null; run: Action<void> }) {
  const [saved, setSaved] = useState(false);
  const f = useActionForm(run, { onOk: () => setSaved(true) });
  return (
    <form onSubmit={f.onSubmit} className="max-w-md space-y-4" aria-label="Retention settings">
      {f.message && <FormMessage>{f.message}</FormMessage>}
      {saved && <FormMessage kind="ok">Retention saved.</FormMessage>}
      <Field label="Keep transcripts and results (days)" name="keepDays" type="number" min="1" max="3650" step="1" defaultValue={keepDays === null ? "" : String(keepDays)} error={f.errors.keepDays}
        hint="Empty keeps everything until someone deletes it." />
      <SubmitButton pending={f.pending}>Save retention</SubmitButton>
    </form>
  );
}
