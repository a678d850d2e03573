"use client";

/** The per-dataset speaker-role choice (PCA calls it "Swap Agent/Caller"), shown when the files have speaker turns. */
export function RolesChoice({ swapped, onChange, disabled }: { swapped: boolean; onChange: (swapped: boolean) => void; disabled?: boolean }) {
  return (
    <fieldset className="rounded-md border border-slate-200 px-4 py-3">
      <legend className="px-1 text-sm font-medium text-slate-700">Speaker roles</legend>
      <p className="text-sm text-slate-600">
        Each turn is labelled Agent or Customer: from the file&apos;s participant roles when it has them, otherwise the speaker who
        greets with the company&apos;s phrasing (&ldquo;thank you for calling&rdquo;, &ldquo;how can I help&rdquo;) is the Agent and the one
        who states the problem is the Customer. Check the preview below; if they are the wrong way round, swap them for this dataset.
      </p>
      <label className="mt-2 inline-flex items-center gap-2 text-sm font-medium text-slate-800">
        <input type="checkbox" checked={swapped} disabled={disabled} onChange={(e) => onChange(e.target.checked)} className="h-4 w-4 rounded border-slate-300" />
        Swap Agent/Customer
      </label>
    </fieldset>
  );
}
