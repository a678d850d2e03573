"use client";
// Choose model, template and service role; the estimate recomputes on every change (server
// action). Submitting sends the form's one-time requestKey, so a double click makes one batch.
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action";
import type { BatchEstimate } from "@/lib/jobs/estimate";
import type { PrepareChoices } from "@/lib/datasets/queries";
import { Button } from "@/components/ui/button";
import { OnDemandOffer } from "@/components/ondemand/on-demand-offer";
import { EstimatePanel } from "./estimate-panel";
import { JobOptionsFields } from "./job-options-fields";

type Selection = { modelConfigId: string; templateVersionId: string };
type Props = {
  datasetId: string;
  requestKey: string;
  defaultName: string;
  choices: PrepareChoices;
  initial: Selection;
  initialEstimate: ActionResult<BatchEstimate> | null;
  isAdmin: boolean;
  estimate: (input: unknown) => Promise<ActionResult<BatchEstimate>>;
  submit: (input: unknown) => Promise<ActionResult<{ batchId: string }>>;
  /** on demand below the job minimum (not for a rerun of failures: it would run the whole dataset) */
  runOnDemand?: (input: unknown) => Promise<ActionResult<{ batchId: string; jobId: string }>>;
  /** a rerun of a batch's (or one job's) failed records instead of the whole dataset */
  retryOf?: { batchId: string; jobId?: string; records: number };
};

const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500";

export function PrepareBatchForm({ datasetId, requestKey, defaultName, choices, initial, initialEstimate, isAdmin, estimate, submit, runOnDemand, retryOf }: Props) {
  const router = useRouter();
  const [selection, setSelection] = useState(initial);
  const [result, setResult] = useState(initialEstimate);
  const [estimating, startEstimate] = useTransition();
  const [submitting, startSubmit] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const retry = retryOf ? { retryOfBatchId: retryOf.batchId, retryOfJobId: retryOf.jobId } : {};
  const [sent, setSent] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const template = choices.templates.find((t) => t.versionId === selection.templateVersionId);
  const model = choices.models.find((m) => m.id === selection.modelConfigId);

  function select(next: Partial<Selection>) {
    const merged = { ...selection, ...next };
    setSelection(merged);
    startEstimate(async () => setResult(await estimate({ datasetId, ...merged, ...retry })));
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = Object.fromEntries(new FormData(e.currentTarget).entries());
    setError(null);
    setFieldErrors({});
    startSubmit(async () => {
      const out = await submit(input);
      if (out.ok) {
        setSent(true);
        router.push(`/batches/${out.data.batchId}`);
      } else {
        setError(out.error.message);
        setFieldErrors(out.error.fields ?? {});
      }
    });
  }

  function onRunOnDemand(form: HTMLFormElement | null) {
    if (!form || !runOnDemand) return;
    const input = Object.fromEntries(new FormData(form).entries());
    setError(null);
    startSubmit(async () => {
      const out = await runOnDemand(input);
      if (out.ok) {
        setSent(true);
        router.push(`/jobs/${out.data.jobId}`);
      } else setError(out.error.message);
    });
  }

  const planOk = result?.ok === true && result.data.plan.ok;
  const onDemand = runOnDemand && result?.ok === true && result.data.onDemand.available ? result.data : null;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-6" aria-describedby={error ? "prepare-error" : undefined}>
      <input type="hidden" name="datasetId" value={datasetId} />
      <input type="hidden" name="requestKey" value={requestKey} />
      {retryOf && <input type="hidden" name="retryOfBatchId" value={retryOf.batchId} />}
      {retryOf?.jobId && <input type="hidden" name="retryOfJobId" value={retryOf.jobId} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="modelConfigId" className="block text-sm font-medium text-slate-700">Model</label>
          <select id="modelConfigId" name="modelConfigId" className={control} value={selection.modelConfigId} onChange={(e) => select({ modelConfigId: e.target.value })}>
            {choices.models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} (${m.inputPricePerMTok} / ${m.outputPricePerMTok} per M tokens)
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="templateVersionId" className="block text-sm font-medium text-slate-700">Prompt template</label>
          <select id="templateVersionId" name="templateVersionId" className={control} value={selection.templateVersionId} onChange={(e) => select({ templateVersionId: e.target.value })}>
            {choices.templates.map((t) => (
              <option key={t.versionId} value={t.versionId}>
                {t.name} v{t.version}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="serviceRoleId" className="block text-sm font-medium text-slate-700">IAM service role <span className="font-normal text-slate-500">(optional)</span></label>
          <select id="serviceRoleId" name="serviceRoleId" className={control} defaultValue="">
            <option value="">Default{choices.serviceRoles[0] ? ` (${choices.serviceRoles[0].name})` : ""}</option>
            {choices.serviceRoles.map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="batch-name" className="block text-sm font-medium text-slate-700">Batch name <span className="font-normal text-slate-500">(optional)</span></label>
          <input id="batch-name" name="name" maxLength={100} placeholder={defaultName} className={control} />
        </div>
      </div>
      <JobOptionsFields defaultTimeoutHours={model?.defaultTimeoutHours ?? 168} errors={fieldErrors} />
      {template && (
        <details className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
          <summary className="cursor-pointer font-medium text-slate-700">Template body: {template.name} v{template.version}{template.expectsJson ? " (asks for JSON)" : ""}</summary>
          <pre className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap font-mono text-xs text-slate-700">{template.body}</pre>
        </details>
      )}
      {result?.ok && <EstimatePanel estimate={result.data} pending={estimating} isAdmin={isAdmin} minRecords={model?.minRecordsPerJob} retry={!!retryOf} />}
      {result && !result.ok && <p role="alert" className="text-sm text-red-700">{result.error.message}</p>}
      {onDemand && <OnDemandOffer estimate={onDemand} running={submitting || sent} disabled={estimating || submitting || sent} onRun={() => onRunOnDemand(formRef.current)} />}
      {error && <p id="prepare-error" role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
      <Button type="submit" disabled={!planOk || estimating || submitting || sent}>
        {submitting || sent ? "Submitting…" : retryOf ? `Rerun ${retryOf.records} failed records` : "Submit batch"}
      </Button>
    </form>
  );
}
