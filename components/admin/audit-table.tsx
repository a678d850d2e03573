import type { AuditRow } from "@/lib/audit/query";

/** Audit entries as text (before/after are shown as JSON text, never as HTML). */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">When (UTC)</th>
            <th scope="col" className="py-2 pr-4 font-medium">Who</th>
            <th scope="col" className="py-2 pr-4 font-medium">Action</th>
            <th scope="col" className="py-2 pr-4 font-medium">Target</th>
            <th scope="col" className="py-2 font-medium">Change</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((r) => (
            <tr key={r.id} data-testid="audit-row">
              <td className="whitespace-nowrap py-2 pr-4 text-slate-600">{r.at.toISOString().slice(0, 19).replace("T", " ")}</td>
              <td className="py-2 pr-4">{r.actorEmail ?? "system"}</td>
              <td className="py-2 pr-4 font-mono text-xs">{r.action}</td>
              <td className="py-2 pr-4 text-xs text-slate-600">{r.targetType ? `${r.targetType} ${r.targetId ?? ""}` : ""}</td>
              <td className="py-2 text-xs">
                {r.before != null || r.after != null ? (
                  <details>
                    <summary className="cursor-pointer text-brand-700">before / after</summary>
                    <div className="mt-1 grid gap-2 md:grid-cols-2">
                      <pre className="max-h-64 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2">{r.before == null ? "—" : JSON.stringify(r.before, null, 2)}</pre>
                      <pre className="max-h-64 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2">{r.after == null ? "—" : JSON.stringify(r.after, null, 2)}</pre>
                    </div>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
