import { RECAP_TAG_KEYS } from "@/lib/jobs/job-options";

/** A batch's job options as CreateModelInvocationJob got them: the timeout, the user's tags and Recap's own. */
export function JobOptionsView({ timeoutHours, tags, batchId, userEmail }: { timeoutHours: number | null; tags: { key: string; value: string }[]; batchId: string; userEmail?: string }) {
  const all = [...tags, { key: RECAP_TAG_KEYS.batchId, value: batchId }, ...(userEmail ? [{ key: RECAP_TAG_KEYS.user, value: userEmail }] : [])];
  return (
    <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]" aria-label="Job options">
      <dt className="text-slate-500">Timeout</dt>
      <dd className="text-slate-800">{timeoutHours ? `${timeoutHours} hours` : "Bedrock's default (168 hours)"}</dd>
      <dt className="text-slate-500">Tags</dt>
      <dd>
        <ul className="flex flex-wrap gap-1.5">
          {all.map((t) => (
            <li key={t.key} className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700">{t.key}={t.value}</li>
          ))}
        </ul>
      </dd>
    </dl>
  );
}
