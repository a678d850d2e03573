// The whole pipeline in one pull-driven call: bytes -> transcripts -> JSONL lines tagged with
// their job part. The server (to S3) and bench/convert.ts both run exactly this.
import { parseTranscripts, type ByteSource, type ParseOptions } from "../transcripts/parse-transcripts";
import type { ParseNotes, Problem, Transcript } from "../transcripts/types";
import { utf8Length } from "./byte-length";
import { lineFromModelInput, type LineTemplate } from "./line-template";
import { DEFAULT_QUOTAS, planJobs, type JobPlan, type Quotas } from "./plan-jobs";
import { recordIdFor } from "./record-id";
import { PartAssigner, type PartStats } from "./split-parts";

export type ConvertOptions = Omit<ParseOptions, "notes" | "validator"> & {
  quotas?: Quotas;
  /** Records and bytes from an earlier pass over the same file, to balance the parts. */
  expected?: { records: number; bytes: number };
  /** Fast path: a compiled template (see compileLineTemplate). Wins over buildModelInput. */
  lineTemplate?: LineTemplate;
  /** Flexible path: modelInput built per transcript and serialised with JSON.stringify. */
  buildModelInput?: (t: Transcript) => unknown;
  /** Called for every problem as it is found (the summary keeps only the first 1,000). */
  onProblem?: (p: Problem) => void;
};

/** One output line (no newline; write `line + "\n"`) and what it came from. */
export type ConvertedLine = { part: number; line: string; recordId: string; callId: string; bytes: number };

export type ConvertSummary = {
  accepted: number;
  problems: Problem[];
  problemCount: number;
  parts: PartStats[];
  bytes: number;
  notes: ParseNotes;
  /** Set when the lines are exhausted: how the accepted records fit the quotas. */
  plan?: JobPlan;
};

export type Conversion = { lines: AsyncIterable<ConvertedLine>; summary: ConvertSummary };

const KEPT_PROBLEMS = 1000;

/** Converts one upload to Bedrock batch JSONL; `summary` is live and final once `lines` ends. */
export function convertToJsonl(source: ByteSource, opts: ConvertOptions): Conversion {
  const quotas = opts.quotas ?? DEFAULT_QUOTAS;
  const notes: ParseNotes = {};
  const summary: ConvertSummary = { accepted: 0, problems: [], problemCount: 0, parts: [], bytes: 0, notes };
  const { lineTemplate, buildModelInput } = opts;
  if (!lineTemplate && !buildModelInput) throw new Error("convertToJsonl needs lineTemplate or buildModelInput");
  const toLine = lineTemplate
    ? (recordId: string, t: Transcript) => lineTemplate.buildLineWithBytes(recordId, t.text)
    : (recordId: string, t: Transcript) => {
        const line = lineFromModelInput(recordId, buildModelInput!(t));
        return { line, bytes: utf8Length(line) };
      };

  async function* lines(): AsyncIterable<ConvertedLine> {
    const assigner = new PartAssigner(quotas, opts.expected);
    summary.parts = assigner.parts;
    for await (const r of parseTranscripts(source, { ...opts, notes })) {
      if (!r.ok) {
        summary.problemCount++;
        if (summary.problems.length < KEPT_PROBLEMS) summary.problems.push(r.error);
        opts.onProblem?.(r.error);
        continue;
      }
      const recordId = recordIdFor(++summary.accepted);
      const { line, bytes: lineBytes } = toLine(recordId, r.value);
      const bytes = lineBytes + 1;
      summary.bytes += bytes;
      yield { part: assigner.assign(bytes), line, recordId, callId: r.value.callId, bytes };
    }
    summary.plan = planJobs(summary.accepted, summary.bytes, quotas);
  }
  return { lines: lines(), summary };
}
