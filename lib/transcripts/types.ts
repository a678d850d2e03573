// Shapes shared by every transcript parser. Problems are values so a UI can show them beside
// the row they concern, and a parse never stops at the first bad row.

/** One speaker turn, e.g. { speaker: "AGENT", text: "How can I help?" }. */
export type Turn = { speaker: string; text: string };

/** A call normalised from any input format; `line` is where it starts in its file (1-based;
 *  for a JSON array, the item number). */
export type Transcript = {
  callId: string;
  text: string;
  turns?: Turn[];
  metadata?: Record<string, unknown>;
  line: number;
  file?: string;
};

export type ProblemCode =
  | "EMPTY_FILE"
  | "EMPTY_TRANSCRIPT"
  | "MISSING_CALL_ID"
  | "DUPLICATE_CALL_ID"
  | "TOO_LONG"
  | "BAD_ENCODING"
  | "MISSING_COLUMN"
  | "BAD_ROW"
  | "BAD_JSON"
  | "UNSUPPORTED_FORMAT"
  | "SPLIT_CALL"
  | "MOSTLY_DUPLICATES"
  // Bedrock batch input lines (lib/jsonl validation)
  | "BAD_RECORD_ID"
  | "DUPLICATE_RECORD_ID"
  | "BAD_MODEL_INPUT"
  | "LINE_TOO_LONG";

/** A problem with one row (or the whole file when line is 0); the message says what to do. */
export type Problem = { line: number; field?: string; file?: string; code: ProblemCode; message: string };

/** What a parser streams: an accepted transcript or a problem. */
export type ParseResult = { ok: true; value: Transcript } | { ok: false; error: Problem };

export type InputFormat = "csv" | "text" | "json" | "jsonl";

/** A known producer's shape inside a format (see shape.ts for the names shown to people). */
export type TranscriptShape = "transcribe" | "transcribe-call-analytics" | "contact-lens" | "pca" | "csv-turns";

/** A record as a format parser produced it, before validation and redaction. */
export type RawRecord = Transcript & { badEncoding?: boolean };

/** Facts about the input found while parsing (e.g. that a JSONL file is already Bedrock input). */
export type ParseNotes = {
  format?: InputFormat;
  shape?: TranscriptShape;
  /** Some record has speaker turns, so Agent / Customer can be swapped. */
  hasRoles?: boolean;
  bedrockBatchInput?: boolean;
  encoding?: "utf-8" | "utf-16le" | "utf-16be";
  idColumn?: string;
  textColumn?: string;
  /** CSV: one row per call, or one row per turn grouped by call id (by these columns). */
  grouping?: "calls" | "turns";
  turnColumn?: string;
  speakerColumn?: string;
};

export const ok = (value: Transcript): ParseResult => ({ ok: true, value });
export const problem = (error: Problem): ParseResult => ({ ok: false, error });

/** "line 12" or "report.csv line 12", for messages. */
export function where(p: { line: number; file?: string }): string {
  const at = p.line > 0 ? `line ${p.line}` : "the file";
  return p.file ? `${p.file} ${at}` : at;
}
