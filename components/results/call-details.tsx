import { formatDateTime } from "@/components/ui/format";
import type { ResultView } from "@/lib/results/queries";

// Producer bookkeeping kept in metadata that says nothing to a reader of the call.
const HIDDEN = new Set(["source", "rolesFrom", "roles", "turnCount"]);

/** The call's fields and its other metadata (free columns of the upload), rendered as text. */
export function CallDetails({ call, metadata }: Pick<ResultView, "call" | "metadata">) {
  const duration = call.durationSec === null ? null : `${Math.floor(call.durationSec / 60)} min ${call.durationSec % 60} s`;
  const fields: Array<[string, string | null]> = [
    ["Agent", call.agent], ["Team or queue", call.team], ["Call start", call.callStartAt ? formatDateTime(call.callStartAt) : null],
    ["Duration", duration], ["Direction", call.direction], ["Language", call.language], ["Customer id", call.customerId],
  ];
  const other = Object.entries(metadata ?? {}).filter(([k]) => !HIDDEN.has(k));
  const shown = [...fields.filter(([, v]) => v !== null), ...other.map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v)])];
  if (!shown.length) return <p className="text-sm text-slate-600">No call metadata: map the agent, team and call time columns when uploading.</p>;
  return (
    <dl aria-label="Call metadata" className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      {shown.map(([k, v]) => (
        <div key={k} className="min-w-0">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{k}</dt>
          <dd className="truncate text-slate-800" title={v ?? ""}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
