import Link from "next/link";
import type { BatchEstimate } from "@/lib/jobs/estimate";
import { formatNumber, formatUsd } from "@/components/ui/format";

/** Records, estimated tokens and cost, and how the dataset splits into jobs (one bar per part). */
export function EstimatePanel({ estimate, pending, isAdmin, minRecords, retry }: { estimate: BatchEstimate; pending: boolean; isAdmin: boolean; minRecords?: number; retry?: boolean }) {
  const { plan } = estimate;
  const largest = plan.ok ? Math.max(...plan.parts.map((p) => p.records)) : 1;
  return (
    <div aria-live="polite" aria-busy={pending} className={`space-y-4 transition-opacity ${pending ? "opacity-60" : ""}`}>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
        <Item label="Transcripts" value={formatNumber(estimate.records)} />
        <Item label="Input tokens (est.)" value={formatNumber(estimate.inputTokens)} />
        <Item label="Output tokens (est.)" value={formatNumber(estimate.outputTokens)} />
        <Item label="Cost at batch prices (est.)" value={formatUsd(estimate.costUsd)} />
        <Item label="Cost on demand (est.)" value={formatUsd(estimate.onDemand.costUsd)} />
      </dl>
      <p className="text-xs text-slate-500">Tokens are estimated at about 4 characters each; the job&apos;s manifest has the real counts afterwards.</p>
      {estimate.overContext.count > 0 && <OverContextNotice over={estimate.overContext} />}
      {estimate.minimums.recap < estimate.minimums.bedrock && <MinimumNotice minimums={estimate.minimums} isAdmin={isAdmin} />}
      {plan.ok ? (
        <div>
          <h3 className="text-sm font-medium text-slate-700">
            {plan.parts.length === 1 ? "Runs as one Bedrock batch job" : `Splits into ${plan.parts.length} Bedrock batch jobs`}
          </h3>
          <ul className="mt-2 space-y-1.5">
            {plan.parts.map((p) => (
              <li key={p.part} className="grid grid-cols-[4rem_1fr_10rem] items-center gap-3 text-sm">
                <span className="text-slate-600">Part {p.part}</span>
                <span className="h-2.5 rounded-full bg-slate-100" aria-hidden>
                  <span className="block h-full rounded-full bg-brand-500" style={{ width: `${(p.records / largest) * 100}%` }} />
                </span>
                <span className="tabular-nums text-slate-700">
                  {formatNumber(p.records)} records · {(p.approxBytes / 1e6).toFixed(1)} MB
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : retry ? (
        <RetryBelowMinimum message={plan.error.message} isAdmin={isAdmin} />
      ) : (
        <div role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-medium">This dataset cannot be submitted with this model as it is.</p>
          <p className="mt-1">{plan.error.message}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {estimate.onDemand.available && <li>Run the calls one by one on demand (below), at on-demand prices.</li>}
            <li>
              <Link href="/uploads/new" className="underline">Upload a larger file</Link> (or combine several files into one .zip) so the dataset reaches the minimum{minRecords ? ` of ${formatNumber(minRecords)}` : ""}.
            </li>
            <li>Choose another model above, if its quota differs.</li>
            {isAdmin ? (
              <li>
                As an admin you can lower this model&apos;s minimum records per job under <Link href="/admin/models" className="underline">Admin → Models</Link>, if AWS allows it for the model (some models accept 100).
              </li>
            ) : (
              <li>Ask an admin whether the model&apos;s minimum records per job can be lowered (AWS allows 100 for some models).</li>
            )}
          </ul>
        </div>
      )}
    </div>
  );
}

/** Recap's minimum for the model is below Bedrock's: jobs it plans between the two would fail in Validating. */
function MinimumNotice({ minimums, isAdmin }: { minimums: BatchEstimate["minimums"]; isAdmin: boolean }) {
  return (
    <div role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">
        Recap&apos;s minimum for this model ({formatNumber(minimums.recap)} records per job) is below Bedrock&apos;s ({formatNumber(minimums.bedrock)}).
      </p>
      <p className="mt-1">
        A batch job with fewer than {formatNumber(minimums.bedrock)} records fails in Bedrock&apos;s validation; sets that small are offered on demand instead.{" "}
        {isAdmin ? (
          <>Set the minimum to {formatNumber(minimums.bedrock)} under <Link href="/admin/models" className="underline">Admin → Models</Link>, unless AWS has lowered the quota for your account.</>
        ) : (
          <>An admin can correct it under Admin → Models.</>
        )}
      </p>
    </div>
  );
}

/** A rerun of a few failures is often below Bedrock's minimum records per job: say so, and the ways out. */
function RetryBelowMinimum({ message, isAdmin }: { message: string; isAdmin: boolean }) {
  return (
    <div role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">These failed records cannot be rerun as a Bedrock batch job with this model.</p>
      <p className="mt-1">{message}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>Choose another model above, if its minimum records per job is lower.</li>
        {isAdmin ? (
          <li>
            As an admin you can lower this model&apos;s minimum records per job under <Link href="/admin/models" className="underline">Admin → Models</Link>, if AWS&apos;s quota for the model allows it (100 for many models), then come back to this page.
          </li>
        ) : (
          <li>Ask an admin to lower this model&apos;s minimum records per job under Admin → Models, if AWS&apos;s quota for the model allows it (100 for many models).</li>
        )}
      </ul>
    </div>
  );
}

function OverContextNotice({ over }: { over: BatchEstimate["overContext"] }) {
  const limit = over.contextTokens
    ? `${formatNumber(over.limitTokens)} input tokens (its ${formatNumber(over.contextTokens)}-token context less the summary's maximum length)`
    : `${formatNumber(over.limitTokens)} input tokens`;
  return (
    <div role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">
        {formatNumber(over.count)} {over.count === 1 ? "transcript is" : "transcripts are"} too long for {over.modelName}, which reads at most {limit}.
      </p>
      <p className="mt-1">
        With the prompt, {over.count === 1 ? "it" : "they"} would come back as error records: {over.callIds.join(", ")}
        {over.count > over.callIds.length ? ` and ${formatNumber(over.count - over.callIds.length)} more` : ""}. Choose a model with a larger
        context, or shorten or split those calls and upload them again.
      </p>
    </div>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
