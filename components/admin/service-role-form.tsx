"use client";
import { useState } from "react";
import { Field, FormMessage, SubmitButton, Checkbox } from "@/components/ui/form";
import { useActionForm, type Action } from "./use-action-form";

type Values = { id: string; name: string; roleArn: string; isDefault: boolean };

export function ServiceRoleForm({ run, values, onSaved }: { run: Action<{ id: string }>; values?: Values; onSaved?: () => void }) {
  const [saved, setSaved] = useState(false);
  const f = useActionForm(run, { reset: !values, onOk: () => (setSaved(true), onSaved?.()) });
  const prefix = values ? `role-${values.id}-` : "new-role-";
  return (
    <form onSubmit={f.onSubmit} className="space-y-4" aria-label={values ? `Edit ${values.name}` : "Add a service role"}>
      {f.message && <FormMessage>{f.message}</FormMessage>}
      {saved && !values && <FormMessage kind="ok">Service role added. Check it to see whether the engine accepts it.</FormMessage>}
      {values && <input type="hidden" name="id" value={values.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${prefix}name`} label="Name" name="name" defaultValue={values?.name} required error={f.errors.name} />
        <Field id={`${prefix}arn`} label="Role ARN" name="roleArn" defaultValue={values?.roleArn} required error={f.errors.roleArn} placeholder="arn:aws:iam::123456789012:role/RecapBedrockBatch" />
      </div>
      <Checkbox label="Default for new batches" name="isDefault" defaultChecked={values?.isDefault ?? false} />
      <SubmitButton pending={f.pending}>{values ? "Save" : "Add service role"}</SubmitButton>
    </form>
  );
}
