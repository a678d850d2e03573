"use client";
// The prepare form's job options: Bedrock's timeoutDurationInHours and the job's tags (key/value
// rows). The tags travel as one JSON field; Recap adds its own batch id and user when it creates each job.
import { useState } from "react";
import { Button } from "@/components/ui/button";

type Tag = { key: string; value: string };
const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500";

export function JobOptionsFields({ defaultTimeoutHours, errors }: { defaultTimeoutHours: number; errors?: Record<string, string> }) {
  const [tags, setTags] = useState<Tag[]>([]);
  const set = (i: number, next: Partial<Tag>) => setTags(tags.map((t, n) => (n === i ? { ...t, ...next } : t)));
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-medium text-slate-700">Job options</legend>
      <div className="max-w-xs">
        <label htmlFor="timeoutHours" className="block text-sm font-medium text-slate-700">Timeout (hours)</label>
        {/* keyed by the default, so choosing another model shows that model's default */}
        <input key={defaultTimeoutHours} id="timeoutHours" name="timeoutHours" type="number" min={24} max={168} step={1} defaultValue={defaultTimeoutHours}
          className={control} aria-describedby="timeoutHours-hint" aria-invalid={errors?.timeoutHours ? true : undefined} />
        <p id="timeoutHours-hint" className="mt-1 text-xs text-slate-500">24 to 168. A job not finished by then ends PartiallyCompleted; one not started, Expired.</p>
        {errors?.timeoutHours && <p className="mt-1 text-xs text-red-700">{errors.timeoutHours}</p>}
      </div>
      <input type="hidden" name="tags" value={JSON.stringify(tags)} />
      <div>
        <p className="text-sm font-medium text-slate-700">Tags</p>
        <p className="text-xs text-slate-500">Set on every Bedrock job of the batch (for cost allocation, for example). Recap adds recap:batch-id and recap:user.</p>
        {tags.length > 0 && (
          <ul className="mt-2 space-y-2">
            {tags.map((t, i) => (
              <li key={i} className="grid grid-cols-[1fr_1fr_auto] items-end gap-2">
                <label className="text-xs text-slate-600">Tag {i + 1} key
                  <input value={t.key} maxLength={128} onChange={(e) => set(i, { key: e.target.value })} className={control} />
                </label>
                <label className="text-xs text-slate-600">Tag {i + 1} value
                  <input value={t.value} maxLength={256} onChange={(e) => set(i, { value: e.target.value })} className={control} />
                </label>
                <Button type="button" variant="secondary" onClick={() => setTags(tags.filter((_, n) => n !== i))} aria-label={`Remove tag ${i + 1}`}>Remove</Button>
              </li>
            ))}
          </ul>
        )}
        {errors?.tags && <p role="alert" className="mt-1 text-xs text-red-700">{errors.tags}</p>}
        <Button type="button" variant="secondary" className="mt-2" onClick={() => setTags([...tags, { key: "", value: "" }])} disabled={tags.length >= 48}>Add a tag</Button>
      </div>
    </fieldset>
  );
}
