"use client";
// The upload flow: choose files -> columns and a redacted preview (CSV) -> the same validation the
// server runs, in the browser -> upload with progress -> the dataset page.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { formatFromFileName, mostlyDuplicates, sniffCsv, type CsvSniff } from "@/lib/transcripts";
import { storeZip } from "@/lib/export/store-zip";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatBytes } from "@/components/ui/format";
import { CsvColumns, type CsvChoice } from "./csv-columns";
import { CallFieldColumnsChooser, callFieldParams } from "./call-field-columns";
import { guessCallFieldColumns, type CallFieldColumns } from "@/lib/transcripts/call-metadata";
import { DropZone } from "./drop-zone";
import { LocalReportView } from "./local-report";
import { RolesChoice } from "./roles-choice";
import { SameFileNotice } from "./same-file-notice";
import { useSameFile, type FindSameUpload } from "./use-same-file";
import { UploadProgressView, type UploadState } from "./upload-progress";
import { sendUpload, sha256Hex, type UploadError } from "./upload-request";
import { useLocalValidation, type SelectionKind } from "./use-local-validation";

const SNIFF_BYTES = 64 * 1024;

function classify(files: File[]): { kind: SelectionKind | null; error?: string } {
  if (files.length === 0) return { kind: null };
  const isZip = (f: File) => /\.zip$/i.test(f.name);
  if (files.length === 1) return { kind: isZip(files[0]) ? "zip" : "single" };
  // Several files travel as one .zip; each keeps its own name, so its own format.
  const formats = new Set(files.map((f) => formatFromFileName(f.name)));
  if (formats.size === 1 && formats.has("text")) return { kind: "texts" };
  if ([...formats].every((f) => f === "json" || f === "jsonl")) return { kind: "texts" };
  return { kind: null, error: "Choose one CSV file, one .zip, several JSON or JSONL files, or several .txt files (not a mix of those)." };
}

export function UploadForm({ findSameUpload }: { findSameUpload: FindSameUpload }) {
  const router = useRouter();
  const [files, setFiles] = useState<File[]>([]);
  const [sniff, setSniff] = useState<CsvSniff | null>(null);
  const [columns, setColumns] = useState<CsvChoice>({ idColumn: "", textColumn: "", grouping: "calls" });
  const [callColumns, setCallColumns] = useState<{ guessed: CallFieldColumns; chosen: CallFieldColumns }>({ guessed: {}, chosen: {} });
  const [swapRoles, setSwapRoles] = useState(false);
  const [name, setName] = useState("");
  const [upload, setUpload] = useState<UploadState>({ phase: "idle" });
  const abort = useRef<(() => void) | null>(null);

  const { kind, error: selectError } = classify(files);
  const isCsv = kind === "single" && formatFromFileName(files[0].name) === "csv";
  // A CSV is validated once its columns are known, with the columns chosen.
  const report = useLocalValidation(files, isCsv && !sniff ? null : kind, { ...(isCsv ? columns : {}), swapRoles });
  const same = useSameFile(files.length === 1 ? files[0] : undefined, findSameUpload);
  const busy = upload.phase === "preparing" || upload.phase === "sending" || upload.phase === "done";
  // Most rows repeating an earlier call id is a silent loss of most of the file: never let it through.
  const lost = report && !report.running ? mostlyDuplicates(report) : undefined;
  const ready = kind === "zip" || (report !== null && !report.running && report.accepted > 0 && !lost);
  const many = kind === "texts" && files.length > 1;
  const defaultName = files.length > 1 ? `${files[0].name} and ${files.length - 1} more` : (files[0]?.name ?? "");

  async function choose(chosen: File[]) {
    setFiles(chosen);
    setSniff(null);
    setSwapRoles(false);
    setUpload({ phase: "idle" });
    const [first] = chosen;
    if (chosen.length === 1 && formatFromFileName(first.name) === "csv") {
      const head = new Uint8Array(await first.slice(0, SNIFF_BYTES).arrayBuffer());
      const s = sniffCsv(head, { complete: first.size <= SNIFF_BYTES, maxRows: 5 });
      setColumns({ idColumn: s.guessedIdColumn ?? "", textColumn: s.guessedTextColumn ?? s.columns[0] ?? "", grouping: s.looksLikeTurns ? "turns" : "calls" });
      const guessed = guessCallFieldColumns(s.columns, [s.guessedIdColumn, s.guessedTextColumn ?? s.columns[0], s.guessedTurnColumn, s.guessedSpeakerColumn]);
      setCallColumns({ guessed, chosen: guessed });
      setSniff(s);
    }
  }

  async function start() {
    if (!kind) return;
    try {
      setUpload({ phase: "preparing" });
      const body = many ? await storeZip(files.map((f) => ({ name: f.name, data: f }))) : files[0];
      const fileName = many ? `${files.length}-transcripts.zip` : files[0].name;
      const sha256 = same?.file === body ? same.sha256 : await sha256Hex(body, (hashed) => setUpload({ phase: "preparing", hashed, total: body.size }));
      const params = { fileName, name: name.trim() || defaultName, ...(isCsv ? { ...columns, ...callFieldParams(callColumns.chosen) } : {}), swapRoles: swapRoles ? ("1" as const) : ("" as const) };
      const req = sendUpload(body, params, sha256, (progress) => setUpload({ phase: "sending", progress }));
      abort.current = req.abort;
      const answer = await req.done;
      setUpload({ phase: "done", answer });
      router.push(`/datasets/${answer.datasetId}`);
    } catch (e) {
      const err = e as UploadError;
      setUpload(err.code === "ABORTED" ? { phase: "idle" } : { phase: "error", error: err.message ?? String(e) });
    } finally {
      abort.current = null;
    }
  }

  return (
    <div className="space-y-6">
      <DropZone onFiles={choose} disabled={busy} />
      {selectError && <p role="alert" className="text-sm text-red-700">{selectError}</p>}

      {kind && (
        <Card
          title={files.length === 1 ? files[0].name : `${files.length} files`}
          description={`${formatBytes(files.reduce((n, f) => n + f.size, 0))}${many ? ", sent as one .zip so they form one dataset" : ""}`}
          actions={
            <Button variant="secondary" onClick={() => setFiles([])} disabled={busy}>
              Choose other files
            </Button>
          }
        >
          <div className="space-y-6">
            {same?.earlier && <SameFileNotice earlier={same.earlier} />}
            {many && (
              <ul className="max-h-32 overflow-auto text-sm text-slate-600">
                {files.map((f) => (
                  <li key={f.name}>
                    {f.name} · {formatBytes(f.size)}
                  </li>
                ))}
              </ul>
            )}
            {isCsv && sniff && <CsvColumns sniff={sniff} {...columns} onChange={setColumns} disabled={busy} />}
            {isCsv && sniff && sniff.columns.length > 0 && (
              <CallFieldColumnsChooser columns={sniff.columns} guessed={callColumns.guessed} value={callColumns.chosen} disabled={busy}
                onChange={(chosen) => setCallColumns((c) => ({ ...c, chosen }))} />
            )}
            {(kind === "zip" || report?.notes.hasRoles || swapRoles) && <RolesChoice swapped={swapRoles} onChange={setSwapRoles} disabled={busy} />}
            {isCsv && sniff && sniff.columns.length === 0 && <p role="alert" className="text-sm text-red-700">No header row was found. The first line of a CSV must name its columns.</p>}
            {kind === "zip" && <p className="text-sm text-slate-600">A .zip is unpacked and checked on the server; its report appears on the next page.</p>}
            {report && <LocalReportView report={report} showSamples={!isCsv || columns.grouping === "turns"} />}
            {lost && (
              <p role="alert" className="text-sm text-red-700">
                Upload blocked: {lost}
              </p>
            )}
            <div className="max-w-md">
              <label htmlFor="dataset-name" className="block text-sm font-medium text-slate-700">
                Dataset name <span className="font-normal text-slate-500">(optional)</span>
              </label>
              <input
                id="dataset-name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder={defaultName}
                maxLength={200}
                disabled={busy}
                className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500"
              />
            </div>
            <UploadProgressView state={upload} onCancel={() => abort.current?.()} />
            <div className="flex items-center gap-3">
              <Button onClick={start} disabled={!ready || busy}>
                {upload.phase === "error" ? "Try the upload again" : "Upload"}
              </Button>
              {!ready && report?.running && <span className="text-sm text-slate-600">Upload is possible once the check has finished.</span>}
            </div>
          </div>
        </Card>
      )}
    </div>
  );
}
