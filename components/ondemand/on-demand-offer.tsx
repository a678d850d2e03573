import { Button } from "@/components/ui/button";
import { formatNumber, formatUsd } from "@/components/ui/format";
import type { BatchEstimate } from "@/lib/jobs/estimate";

/** Below the job minimum: run the calls one by one through InvokeModel, with both prices side by side. */
export function OnDemandOffer({ estimate, disabled, running, onRun }: { estimate: BatchEstimate; disabled: boolean; running: boolean; onRun: () => void }) {
  const { records, onDemand, minimums } = estimate;
  const minimum = Math.max(minimums.recap, minimums.bedrock);
  return (
    <section aria-labelledby="ondemand-title" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-slate-800">
      <h3 id="ondemand-title" className="font-medium">Run on demand instead</h3>
      <p className="mt-1">
        A batch job for this model needs at least {formatNumber(minimum)} records. Recap can send the {formatNumber(records)}{" "}
        {records === 1 ? "call" : "calls"} to the model one at a time (Bedrock InvokeModel, a few at once), tracked like a job: progress, stop, results on the same pages.
      </p>
      <dl className="mt-2 grid max-w-md grid-cols-2 gap-2">
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500">On demand (est.)</dt>
          <dd className="font-semibold tabular-nums">{formatUsd(onDemand.costUsd)}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500">As a batch (est.)</dt>
          <dd className="tabular-nums">{formatUsd(estimate.costUsd)}</dd>
        </div>
      </dl>
      <p className="mt-1 text-xs text-slate-600">On-demand calls cost about twice the batch price; a set this small costs little either way.</p>
      <Button className="mt-3" variant="secondary" onClick={onRun} disabled={disabled}>
        {running ? "Starting…" : `Run ${formatNumber(records)} ${records === 1 ? "call" : "calls"} on demand`}
      </Button>
    </section>
  );
}
