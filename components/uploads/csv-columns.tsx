"use client";
import { redactPii, type CsvSniff } from "@/lib/transcripts";
import { truncate } from "@/components/ui/format";

export type CsvChoice = { idColumn: string; textColumn: string; grouping: "calls" | "turns" };

type Props = CsvChoice & {
  sniff: CsvSniff;
  onChange: (next: CsvChoice) => void;
  disabled?: boolean;
};

const select = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500";

/** Column choice for a CSV and its first rows as they will be sent: the chosen columns, PII redacted. */
export function CsvColumns({ sniff, idColumn, textColumn, grouping, onChange, disabled }: Props) {
  const turnHint = [sniff.guessedTurnColumn, sniff.guessedSpeakerColumn].filter(Boolean).join(", ");
  return (
    <div className="space-y-4">
      <div className="max-w-xl">
        <label htmlFor="csv-grouping" className="block text-sm font-medium text-slate-700">
          Rows are
        </label>
        <select id="csv-grouping" className={select} value={grouping} disabled={disabled} onChange={(e) => onChange({ idColumn, textColumn, grouping: e.target.value as CsvChoice["grouping"] })}>
          <option value="calls">One row per call{sniff.looksLikeTurns ? "" : " (detected)"}</option>
          <option value="turns">One row per turn: group by call id, order by turn{sniff.looksLikeTurns ? " (detected)" : ""}</option>
        </select>
        {sniff.looksLikeTurns && (
          <p className="mt-1 text-xs text-slate-500">
            Call ids repeat on consecutive rows{turnHint ? ` and the file has ${turnHint}` : ""}: each row looks like one turn of a call.
          </p>
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="csv-id-column" className="block text-sm font-medium text-slate-700">
            Call id column
          </label>
          <select id="csv-id-column" className={select} value={idColumn} disabled={disabled} onChange={(e) => onChange({ idColumn: e.target.value, textColumn, grouping })}>
            <option value="">(none: number the rows)</option>
            {sniff.columns.map((c) => (
              <option key={c} value={c}>
                {c}
                {c === sniff.guessedIdColumn ? " (detected)" : ""}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="csv-text-column" className="block text-sm font-medium text-slate-700">
            {grouping === "turns" ? "Turn text column" : "Transcript column"}
          </label>
          <select id="csv-text-column" className={select} value={textColumn} disabled={disabled} onChange={(e) => onChange({ idColumn, textColumn: e.target.value, grouping })}>
            {sniff.columns.map((c) => (
              <option key={c} value={c}>
                {c}
                {c === sniff.guessedTextColumn ? " (detected)" : ""}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="text-xs text-slate-500">
        {sniff.columns.length} columns, delimiter {sniff.delimiter === "\t" ? "tab" : `"${sniff.delimiter}"`}. Other columns are kept as metadata{grouping === "turns" ? " (from the first row of each call); the calls as they will be sent are shown below" : ""}.
      </p>
      {grouping === "calls" && sniff.firstRows.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="mb-2 text-left text-sm font-medium text-slate-700">First rows as they will be sent (emails, phone and card numbers redacted)</caption>
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">Call id</th>
                <th scope="col" className="px-3 py-2">Transcript</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {sniff.firstRows.map((row, i) => (
                <tr key={i}>
                  <td className="px-3 py-2 align-top font-mono text-xs">{idColumn ? row[idColumn] : `row ${i + 1}`}</td>
                  <td className="whitespace-pre-wrap px-3 py-2 text-slate-700">{truncate(redactPii(row[textColumn] ?? ""), 400)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
