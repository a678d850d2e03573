"use client";
// Runs the same parser and validator the server runs, over the chosen files in the browser, so
// the report (counts, problems by line) is there before a byte is uploaded.
import { useEffect, useMemo, useState } from "react";
import { parseTranscriptFiles, parseTranscripts, type ParseNotes, type ParseResult, type Problem, type Transcript } from "@/lib/transcripts";

/** Same limit the upload route applies (lib/datasets/ingest.ts MAX_INPUT_TOKENS). */
const MAX_INPUT_TOKENS = 180_000;
const KEPT_PROBLEMS = 1000;
const SAMPLES = 3;

export type LocalReport = {
  running: boolean;
  accepted: number;
  problemCount: number;
  /** rows refused as a repeat of an earlier call id (all of them, not only the kept problems) */
  duplicates: number;
  problems: Problem[];
  samples: Transcript[];
  bytesRead: number;
  totalBytes: number;
  notes: ParseNotes;
  error?: string;
};

/** One file; several files of one kind sent as one .zip (texts, or JSON/JSONL); or a .zip. */
export type SelectionKind = "single" | "texts" | "zip";

export type LocalOptions = { idColumn?: string; textColumn?: string; grouping?: "calls" | "turns"; swapRoles?: boolean };

function counted(file: File, onBytes: (n: number) => void): ReadableStream<Uint8Array> {
  return file.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        onBytes(chunk.byteLength);
        controller.enqueue(chunk);
      },
    }),
  );
}

const empty = (totalBytes: number, running: boolean): LocalReport => ({
  running, accepted: 0, problemCount: 0, duplicates: 0, problems: [], samples: [], bytesRead: 0, totalBytes, notes: {},
});

/** Validates `files` whenever they or the chosen options change; a newer run cancels the older. */
export function useLocalValidation(files: File[], kind: SelectionKind | null, options: LocalOptions) {
  const { idColumn, textColumn, grouping, swapRoles } = options;
  const active = files.length > 0 && kind !== null && kind !== "zip";
  // One object per run: a report belongs to the run that made it, so a stale one is never shown.
  const run = useMemo(() => ({ files, kind, idColumn, textColumn, grouping, swapRoles }), [files, kind, idColumn, textColumn, grouping, swapRoles]);
  const [state, setState] = useState<{ run: typeof run; report: LocalReport } | null>(null);

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    const totalBytes = files.reduce((n, f) => n + f.size, 0);
    const r = empty(totalBytes, true);
    const notes: ParseNotes = {};
    const publish = () => !cancelled && setState({ run, report: { ...r, problems: [...r.problems], samples: [...r.samples], notes: { ...notes } } });
    let lastPublish = 0;
    const onBytes = (n: number) => {
      r.bytesRead += n;
    };
    const opts = { redact: true, maxInputTokens: MAX_INPUT_TOKENS, idColumn, textColumn, grouping, swapRoles, notes };
    const results: AsyncIterable<ParseResult> =
      kind === "single"
        ? parseTranscripts(counted(files[0], onBytes), { ...opts, fileName: files[0].name })
        : parseTranscriptFiles(files.map((f) => ({ name: f.name, source: counted(f, onBytes) })), opts);

    (async () => {
      try {
        for await (const result of results) {
          if (cancelled) return;
          if (result.ok) {
            r.accepted++;
            if (r.samples.length < SAMPLES) r.samples.push(result.value);
          } else {
            r.problemCount++;
            if (result.error.code === "DUPLICATE_CALL_ID") r.duplicates++;
            if (r.problems.length < KEPT_PROBLEMS) r.problems.push(result.error);
          }
          const now = performance.now();
          if (now - lastPublish > 150) {
            lastPublish = now;
            publish();
            // Let the page paint between bursts of parsing.
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
        }
        r.running = false;
        publish();
      } catch (e) {
        r.running = false;
        r.error = `The file could not be read in the browser: ${(e as Error).message}. You can still upload it; the server checks it again.`;
        publish();
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [active, run, files, kind, idColumn, textColumn, grouping, swapRoles]);

  if (!active) return null;
  if (state?.run !== run) return empty(files.reduce((n, f) => n + f.size, 0), true);
  return state.report;
}
