"use client";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { useActionButton, type Action } from "@/components/admin/use-action-form";

export type SourceRow = {
  id: string; name: string; location: string; format: string; lastScanAt: string | null; waiting: number; batches: number; objects: number;
  waitingNote: string | null; lastError: string | null; lastErrorAt: string | null; failed: { key: string; error: string }[];
  recent: { id: string; name: string; records: number; at: string }[]; scanIntervalSec: number; maxWaitSec: number;
};

/** Each source as a card: where it reads, when it last looked, what waits, what it made, what went wrong. */
export function SourceList({ sources, remove, scan }: { sources: SourceRow[]; remove: Action<void>; scan: Action<void> }) {
  return (
    <ul className="space-y-4" aria-label="Sources">
      {sources.map((s) => <SourceCard key={s.id} source={s} remove={remove} scan={scan} />)}
    </ul>
  );
}

function SourceCard({ source: s, remove, scan }: { source: SourceRow; remove: Action<void>; scan: Action<void> }) {
  const scanning = useActionButton(scan);
  const removing = useActionButton(remove);
  return (
    <li className="rounded-lg border border-slate-200 p-4" aria-labelledby={`source-${s.id}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 id={`source-${s.id}`} className="font-medium text-slate-900">{s.name}</h3>
          <p className="text-sm text-slate-600"><code>{s.location}</code> · {s.format} · every {s.scanIntervalSec} s, waits at most {s.maxWaitSec} s</p>
        </div>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={() => scanning.trigger({ id: s.id })} disabled={scanning.pending}>{scanning.pending ? "Asking…" : "Scan now"}</Button>
          <Button variant="danger" onClick={() => confirm(`Stop watching ${s.location}? Batches it made stay.`) && removing.trigger({ id: s.id })} disabled={removing.pending}>Remove</Button>
        </div>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <Stat label="Last scan" value={s.lastScanAt ? formatDateTime(s.lastScanAt) : "not yet"} />
        <Stat label="Calls waiting" value={formatNumber(s.waiting)} />
        <Stat label="Batches made" value={formatNumber(s.batches)} />
        <Stat label="Files seen" value={formatNumber(s.objects)} />
      </dl>
      {s.waitingNote && <p className="mt-2 text-sm text-slate-700" role="status">{s.waitingNote}</p>}
      {(scanning.error || removing.error) && <p role="alert" className="mt-2 text-sm text-red-700">{scanning.error ?? removing.error}</p>}
      {s.recent.length > 0 && (
        <p className="mt-2 text-sm text-slate-700">
          Latest batches:{" "}
          {s.recent.map((b, i) => (
            <span key={b.id}>{i > 0 && ", "}<Link className="text-brand-700 underline" href={`/batches/${b.id}`}>{b.name}</Link> ({formatNumber(b.records)} calls)</span>
          ))}
        </p>
      )}
      {s.failed.length > 0 && (
        <div className="mt-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">Files that could not be read</p>
          <ul className="mt-1 list-disc pl-5">
            {s.failed.map((f) => <li key={f.key}><code>{f.key}</code>: {f.error}</li>)}
          </ul>
        </div>
      )}
      {s.lastError && s.failed.length === 0 && (
        <p className="mt-2 text-sm text-red-700">Last error{s.lastErrorAt ? ` (${formatDateTime(s.lastErrorAt)})` : ""}: {s.lastError}</p>
      )}
    </li>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-900">{value}</dd>
    </div>
  );
}
