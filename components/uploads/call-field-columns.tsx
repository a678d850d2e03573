"use client";
import { CALL_FIELD_LABELS, CALL_FIELDS, type CallField, type CallFieldColumns } from "@/lib/transcripts/call-metadata";

const select = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500";

/** The URL parameters of a chosen mapping: callFields=1 says it was chosen (so "none" is not guessed again). */
export function callFieldParams(columns: CallFieldColumns): Record<string, string> {
  return { callFields: "1", ...Object.fromEntries(CALL_FIELDS.filter((f) => columns[f]).map((f) => [`${f}Column`, columns[f]!])) };
}

/** Optional columns for the call's agent, team, start time, duration, direction, language and customer id. */
export function CallFieldColumnsChooser({ columns, guessed, value, onChange, disabled }: {
  columns: string[]; guessed: CallFieldColumns; value: CallFieldColumns; onChange: (next: CallFieldColumns) => void; disabled?: boolean;
}) {
  const set = (field: CallField, column: string) => onChange({ ...value, [field]: column || undefined });
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">Call details (optional): filter and chart summaries by them</legend>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {CALL_FIELDS.map((f) => (
          <div key={f}>
            <label htmlFor={`csv-${f}-column`} className="block text-xs font-medium text-slate-600">{CALL_FIELD_LABELS[f]} column</label>
            <select id={`csv-${f}-column`} className={select} value={value[f] ?? ""} disabled={disabled} onChange={(e) => set(f, e.target.value)}>
              <option value="">(none)</option>
              {columns.map((c) => (
                <option key={c} value={c}>{c}{c === guessed[f] ? " (detected)" : ""}</option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <p className="text-xs text-slate-500">Times without a zone are read as UTC; durations as seconds, mm:ss or hh:mm:ss. Other columns are kept and shown on the call page.</p>
    </fieldset>
  );
}
