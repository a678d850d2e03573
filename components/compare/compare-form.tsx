"use client";
// Two arms (model + template version) over every call or a sample of N. Each arm runs as a
// Bedrock batch job, so N must reach each chosen model's minimum records per job: the form shows
// that minimum and refuses below it; the server checks it again.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action";
import type { PrepareChoices } from "@/lib/datasets/queries";
import { Button } from "@/components/ui/button";

type ArmChoice = { modelConfigId: string; templateVersionId: string };
type Props = {
  datasetId: string;
  recordCount: number;
  requestKey: string;
  defaultName: string;
  choices: PrepareChoices;
  initial: { A: ArmChoice; B: ArmChoice };
  start: (input: unknown) => Promise<ActionResult<{ comparisonId: string }>>;
};

const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500";
const n = (v: number) => v.toLocaleString("en-US");

export function CompareForm({ datasetId, recordCount, requestKey, defaultName, choices, initial, start }: Props) {
  const router = useRouter();
  const [arms, setArms] = useState(initial);
  const [sample, setSample] = useState<"all" | "sample">("all");
  const [size, setSize] = useState("");
  const [name, setName] = useState("");
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const [sent, setSent] = useState(false);

  const modelOf = (arm: "A" | "B") => choices.models.find((m) => m.id === arms[arm].modelConfigId);
  const minimum = Math.max(modelOf("A")?.minRecordsPerJob ?? 0, modelOf("B")?.minRecordsPerJob ?? 0);
  const calls = sample === "all" ? recordCount : Number(size);
  const same = arms.A.modelConfigId === arms.B.modelConfigId && arms.A.templateVersionId === arms.B.templateVersionId;
  const tooSmall = Number.isFinite(calls) && calls > 0 && calls < minimum;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    startTransition(async () => {
      const out = await start({ datasetId, requestKey, name, sample, sampleSize: sample === "sample" ? size : undefined, A: arms.A, B: arms.B });
      if (out.ok) {
        setSent(true);
        router.push(`/compare/${out.data.comparisonId}`);
      } else setError({ message: out.error.message, field: out.error.field });
    });
  }

  const armFields = (arm: "A" | "B") => (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">Arm {arm}</legend>
      <div>
        <label htmlFor={`model-${arm}`} className="block text-sm font-medium text-slate-700">Model {arm}</label>
        <select id={`model-${arm}`} className={control} value={arms[arm].modelConfigId} onChange={(e) => setArms({ ...arms, [arm]: { ...arms[arm], modelConfigId: e.target.value } })}>
          {choices.models.map((m) => (
            <option key={m.id} value={m.id}>{m.name} (${m.inputPricePerMTok} / ${m.outputPricePerMTok} per M tokens; at least {n(m.minRecordsPerJob)} records per job)</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`template-${arm}`} className="block text-sm font-medium text-slate-700">Prompt template {arm}</label>
        <select id={`template-${arm}`} className={control} value={arms[arm].templateVersionId} onChange={(e) => setArms({ ...arms, [arm]: { ...arms[arm], templateVersionId: e.target.value } })}>
          {choices.templates.map((t) => (
            <option key={t.versionId} value={t.versionId}>{t.name} v{t.version}</option>
          ))}
        </select>
      </div>
    </fieldset>
  );

  return (
    <form onSubmit={onSubmit} className="space-y-6" aria-label="Compare models">
      <div className="grid gap-4 sm:grid-cols-2">
        {armFields("A")}
        {armFields("B")}
      </div>
      {same && <p role="alert" className="text-sm text-amber-800">Both arms use the same model and template version. Change the model or the template of one of them.</p>}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Calls to compare</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="sample" value="all" checked={sample === "all"} onChange={() => setSample("all")} />
          Every call of the dataset ({n(recordCount)})
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="sample" value="sample" checked={sample === "sample"} onChange={() => setSample("sample")} />
          A random sample of
        </label>
        <div className="ml-6 max-w-xs">
          <label htmlFor="sample-size" className="block text-sm font-medium text-slate-700">Sample size</label>
          <input
            id="sample-size" type="number" inputMode="numeric" min={minimum || 1} max={recordCount} value={size}
            onChange={(e) => { setSize(e.target.value); setSample("sample"); }}
            aria-describedby="sample-minimum" aria-invalid={error?.field === "sampleSize" || (sample === "sample" && tooSmall) || undefined} className={control}
          />
        </div>
        <p id="sample-minimum" className="text-sm text-slate-600">
          Each arm runs as a Bedrock batch job, so compare at least {n(minimum)} calls: the larger minimum records per job of the two models. Smaller samples cannot run yet.
        </p>
        {tooSmall && <p role="alert" className="text-sm text-red-700">{n(calls)} calls are below the minimum of {n(minimum)} records per batch job.</p>}
      </fieldset>
      <div className="max-w-md">
        <label htmlFor="comparison-name" className="block text-sm font-medium text-slate-700">Comparison name <span className="font-normal text-slate-500">(optional)</span></label>
        <input id="comparison-name" maxLength={100} placeholder={defaultName} value={name} onChange={(e) => setName(e.target.value)} className={control} />
      </div>
      {error && <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error.message}</p>}
      <Button type="submit" disabled={same || tooSmall || pending || sent}>{pending || sent ? "Starting…" : "Start the comparison"}</Button>
    </form>
  );
}
