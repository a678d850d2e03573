"use client";
// Summarize one call again with another template (or model), on demand; the job page follows it.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action";
import type { ModelChoice, TemplateChoice } from "@/lib/datasets/queries";
import { Button } from "@/components/ui/button";

type Props = {
  resultId: string;
  requestKey: string;
  templates: TemplateChoice[];
  models: ModelChoice[];
  current: { templateVersionId: string; modelConfigId: string };
  resummarize: (input: unknown) => Promise<ActionResult<{ batchId: string; jobId: string }>>;
};

const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500";

export function ResummarizeForm({ resultId, requestKey, templates, models, current, resummarize }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const otherTemplate = templates.find((t) => t.versionId !== current.templateVersionId)?.versionId ?? current.templateVersionId;
  const model = models.some((m) => m.id === current.modelConfigId) ? current.modelConfigId : (models[0]?.id ?? "");

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = Object.fromEntries(new FormData(e.currentTarget).entries());
    setError(null);
    start(async () => {
      const out = await resummarize(input);
      if (out.ok) {
        setSent(true);
        router.push(`/jobs/${out.data.jobId}`);
      } else setError(out.error.message);
    });
  }

  if (templates.length === 0 || models.length === 0) return <p className="text-sm text-slate-600">No enabled model or prompt template to summarize with; an admin adds them.</p>;
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-describedby={error ? "resummarize-error" : undefined}>
      <input type="hidden" name="resultId" value={resultId} />
      <input type="hidden" name="requestKey" value={requestKey} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="resummarize-template" className="block text-sm font-medium text-slate-700">Prompt template</label>
          <select id="resummarize-template" name="templateVersionId" defaultValue={otherTemplate} className={control}>
            {templates.map((t) => (
              <option key={t.versionId} value={t.versionId}>{t.name} v{t.version}{t.versionId === current.templateVersionId ? " (used here)" : ""}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="resummarize-model" className="block text-sm font-medium text-slate-700">Model</label>
          <select id="resummarize-model" name="modelConfigId" defaultValue={model} className={control}>
            {models.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        </div>
      </div>
      <p className="text-xs text-slate-500">One on-demand call (InvokeModel) at on-demand prices. The new summary is added to this call&apos;s history; this one stays.</p>
      {error && <p id="resummarize-error" role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
      <Button type="submit" disabled={pending || sent}>{pending || sent ? "Starting…" : "Re-summarize on demand"}</Button>
    </form>
  );
}
