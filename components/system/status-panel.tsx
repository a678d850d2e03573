import type { ComponentStatus } from "@/lib/system/status";

/** Whether the database, object store and batch engine answer, as the server sees them. */
export function StatusPanel({ statuses }: { statuses: ComponentStatus[] }) {
  return (
    <section aria-labelledby="status-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="status-heading" className="text-base font-semibold">
        System status
      </h2>
      <ul className="mt-4 grid gap-3 sm:grid-cols-3">
        {statuses.map((s) => (
          <li
            key={s.name}
            data-testid={`status-${s.name}`}
            data-ok={s.ok}
            className={`rounded-lg border p-4 ${s.ok ? "border-emerald-200 bg-emerald-50/60" : "border-rose-200 bg-rose-50/60"}`}
          >
            <div className="flex items-center gap-2">
              <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${s.ok ? "bg-emerald-500" : "bg-rose-500"}`} />
              <span className="font-medium">{s.label}</span>
              <span className={`ml-auto text-xs font-semibold uppercase ${s.ok ? "text-emerald-700" : "text-rose-700"}`}>
                {s.ok ? "Answering" : "Not answering"}
              </span>
            </div>
            <p className="mt-2 break-words text-sm text-slate-700">{s.where}</p>
            <p className="mt-1 break-words text-xs text-slate-500">
              {s.detail}
              {s.latencyMs !== undefined ? ` · ${s.latencyMs} ms` : ""}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
