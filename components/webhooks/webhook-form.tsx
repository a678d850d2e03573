"use client";
import { useState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import { useActionForm, type Action } from "@/components/admin/use-action-form";

export function WebhookForm({ run, events }: { run: Action<{ id: string; secret: string }>; events: string[] }) {
  const [secret, setSecret] = useState<string | null>(null);
  const f = useActionForm(run, { reset: true, onOk: (data) => setSecret(data.secret) });
  return (
    <form
      onSubmit={(e) => {
        // Checkboxes with one name post several values: send them as one comma-separated field.
        const form = e.currentTarget;
        const picked = [...form.querySelectorAll<HTMLInputElement>('input[data-event]:checked')].map((i) => i.value);
        (form.elements.namedItem("events") as HTMLInputElement).value = picked.join(",");
        f.onSubmit(e);
      }}
      className="space-y-4"
      aria-label="Add an endpoint"
    >
      {f.message && <FormMessage>{f.message}</FormMessage>}
      {secret && (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Endpoint added. Its signing secret is shown this once; keep it where the receiver can read it:
          <code className="mt-1 block break-all font-mono" data-testid="webhook-secret">{secret}</code>
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="webhook-name" label="Name" name="name" required error={f.errors.name} />
        <Field id="webhook-url" label="URL" name="url" type="url" placeholder="https://hooks.example.com/recap" required error={f.errors.url} />
      </div>
      <fieldset aria-describedby={f.errors.events ? "webhook-events-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">Events</legend>
        <input type="hidden" name="events" />
        <div className="mt-1 grid gap-1 sm:grid-cols-3">
          {events.map((e) => (
            <label key={e} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" data-event value={e} defaultChecked={e.startsWith("batch.") || e === "source.error"} className="h-4 w-4 rounded border-slate-300" />
              <code>{e}</code>
            </label>
          ))}
        </div>
        {f.errors.events && <p id="webhook-events-error" role="alert" className="mt-1 text-sm text-red-600">{f.errors.events}</p>}
      </fieldset>
      <SubmitButton pending={f.pending}>Add endpoint</SubmitButton>
    </form>
  );
}
