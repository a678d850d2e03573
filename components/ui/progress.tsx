/** A labelled progress bar; without a value it is indeterminate (announced as busy). */
export function Progress({ value, max = 100, label, detail }: { value?: number; max?: number; label: string; detail?: string }) {
  const known = value !== undefined && Number.isFinite(value) && max > 0;
  const pct = known ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <div>
      <div className="mb-1 flex justify-between gap-4 text-sm">
        <span className="font-medium text-slate-700">{label}</span>
        {detail && <span className="tabular-nums text-slate-600">{detail}</span>}
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? max : undefined}
        aria-valuenow={known ? value : undefined}
        aria-valuetext={detail}
        aria-busy={!known || undefined}
        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full rounded-full bg-brand-600 transition-[width] duration-300 ${known ? "" : "w-1/3 animate-pulse"}`} style={known ? { width: `${pct}%` } : undefined} />
      </div>
    </div>
  );
}
