import { z } from "zod";
import { readModelOutput, type OutputShape } from "./model-output";

/** A record the model answered. */
export type OutputSuccess = {
  recordId: string;
  modelInput?: unknown;
  ok: true;
  text: string;
  shape: OutputShape;
  inputTokens?: number;
  outputTokens?: number;
  stopReason?: string;
};

/** A record Bedrock could not process; it does not fail the job, it is reported per record. */
export type OutputError = {
  recordId: string;
  modelInput?: unknown;
  ok: false;
  errorCode: number;
  errorMessage: string;
};

export type OutputRecord = OutputSuccess | OutputError;

export type ProblemReason = "not-json" | "not-an-object" | "no-record-id" | "no-output" | "unknown-output";

/** A line that is not a usable record. Reported with its line number; ingestion carries on. */
export type LineProblem = {
  lineNumber: number;
  reason: ProblemReason;
  message: string;
  /** Present when the line named its record, so the record can still be marked as failed. */
  recordId?: string;
};

export type ParsedOutputLine =
  | { kind: "record"; lineNumber: number; record: OutputRecord }
  | { kind: "problem"; problem: LineProblem };

// Real lines come as {modelInput, modelOutput, recordId}; zod reads keys by name, so order is irrelevant.
const OutputLine = z.looseObject({
  recordId: z.string().min(1),
  modelInput: z.unknown().optional(),
  modelOutput: z.unknown().optional(),
  error: z.unknown().optional(),
});
type OutputLine = z.infer<typeof OutputLine>;

const ErrorBody = z.looseObject({
  errorCode: z.union([z.number(), z.string()]).optional(),
  errorMessage: z.unknown().optional(),
});

// Bedrock writes a numeric errorCode; a string code (numeric or a name) is kept rather than lost.
function readError(error: unknown): { errorCode: number; errorMessage: string } {
  if (typeof error === "string") return { errorCode: 0, errorMessage: error };
  const parsed = ErrorBody.safeParse(error);
  if (!parsed.success) return { errorCode: 0, errorMessage: JSON.stringify(error) ?? "" };
  const { errorCode, errorMessage } = parsed.data;
  const message = typeof errorMessage === "string" ? errorMessage : errorMessage === undefined ? "" : JSON.stringify(errorMessage);
  if (typeof errorCode === "number") return { errorCode, errorMessage: message };
  if (typeof errorCode === "string" && /^\s*\d+\s*$/.test(errorCode)) return { errorCode: Number(errorCode), errorMessage: message };
  return { errorCode: 0, errorMessage: errorCode ? `${errorCode}: ${message}` : message };
}

const problem = (lineNumber: number, reason: ProblemReason, message: string, recordId?: string): ParsedOutputLine => ({
  kind: "problem",
  problem: { lineNumber, reason, message, ...(recordId !== undefined && { recordId }) },
});

function toRecord(line: OutputLine, lineNumber: number): ParsedOutputLine {
  const { recordId, modelInput } = line;
  const base = modelInput === undefined ? { recordId } : { recordId, modelInput };
  // An error line means Bedrock did not answer this record, whatever else the line holds.
  if (line.error !== undefined && line.error !== null) {
    return { kind: "record", lineNumber, record: { ...base, ok: false, ...readError(line.error) } };
  }
  if (line.modelOutput === undefined || line.modelOutput === null) {
    return problem(lineNumber, "no-output", `Line ${lineNumber}: record ${recordId} has neither modelOutput nor error.`, recordId);
  }
  const read = readModelOutput(line.modelOutput);
  if (read === null) {
    return problem(
      lineNumber,
      "unknown-output",
      `Line ${lineNumber}: record ${recordId} has a modelOutput of no known model family.`,
      recordId,
    );
  }
  const record: OutputSuccess = { ...base, ok: true, text: read.text, shape: read.shape };
  if (read.inputTokens !== undefined) record.inputTokens = read.inputTokens;
  if (read.outputTokens !== undefined) record.outputTokens = read.outputTokens;
  if (read.stopReason !== undefined) record.stopReason = read.stopReason;
  return { kind: "record", lineNumber, record };
}

/**
 * Parses one line of a `.jsonl.out` file. Never throws: a bad line becomes a problem with its
 * line number. Returns null for a blank line, which carries no record.
 */
export function parseOutputLine(line: string, lineNumber: number): ParsedOutputLine | null {
  if (line.trim() === "") return null;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return problem(lineNumber, "not-json", `Line ${lineNumber} is not valid JSON (${detail}).`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return problem(lineNumber, "not-an-object", `Line ${lineNumber} is JSON but not an object.`);
  }
  const parsed = OutputLine.safeParse(json);
  if (!parsed.success) {
    return problem(lineNumber, "no-record-id", `Line ${lineNumber} has no recordId string, so it cannot be matched to a transcript.`);
  }
  return toRecord(parsed.data, lineNumber);
}
