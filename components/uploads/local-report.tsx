"use client";
import { Progress } from "@/components/ui/progress";
import { formatLabel } from "@/lib/transcripts";
import { formatBytes, truncate } from "@/components/ui/format";
import type { LocalReport } from "./use-local-validation";
import { ProblemsTable } from "./problems-table";

/** The browser-side validation: progress while reading, then counts, problems and a sample of what is sent. */
export function LocalReportView({ report, showSamples }: { report: LocalReport; showSamples: boolean }) {
  const pct = report.totalBytes ? Math.round((report.bytesRead / report.totalBytes) * 100) : 0;
  return (
    <div className="space-y-4" aria-live="polite">
      {report.running ? (
        <Progress label="Checking the file in your browser" value={report.bytesRead} max={report.totalBytes} detail={`${formatBytes(report.bytesRead)} of ${formatBytes(report.totalBytes)} (${pct}%)`} />
      ) : (
        <p className="text-sm text-slate-700">
          <strong className="text-emerald-700">{report.accepted.toLocaleString("en-US")} transcripts</strong> will be uploaded
          {report.problemCount > 0 ? (
            <>
              ; <strong className="text-red-700">{report.problemCount.toLocaleString("en-US")} rows have problems</strong> and will be skipped.
            </>
          ) : (
            "; no problems found."
          )}
          {report.notes.format && ` Format: ${formatLabel(report.notes)}${report.notes.encoding ? `, ${report.notes.encoding}` : ""}.`}
          {report.notes.grouping === "turns" && ` Rows grouped into calls by ${report.notes.idColumn}${report.notes.turnColumn ? `, ordered by ${report.notes.turnColumn}` : ""}.`}
          {report.notes.bedrockBatchInput && " This file is already Bedrock batch input: the transcript is taken from each modelInput."}
        </p>
      )}
      {report.error && <p role="alert" className="text-sm text-red-700">{report.error}</p>}
      {!report.running && report.accepted === 0 && !report.error && (
        <p role="alert" className="text-sm text-red-700">Nothing in this file can be summarized. Fix the problems below (or choose other columns) and choose the file again.</p>
      )}
      <ProblemsTable problems={report.problems} total={report.problemCount} />
      {showSamples && report.samples.length > 0 && (
        <div>
          <h3 className="mb-2 text-sm font-medium text-slate-700">First transcripts as they will be sent (PII redacted)</h3>
          <ul className="space-y-2">
            {report.samples.map((t) => (
              <li key={`${t.file ?? ""}:${t.callId}`} className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
                <span className="font-mono text-xs text-slate-500">{t.callId}</span>
                <p className="mt-1 whitespace-pre-wrap text-slate-700">{truncate(t.text, 400)}</p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
