// The entry point: bytes of one upload (any format, any chunking) -> validated, redacted
// transcripts and problems, in file order. Pulled by the consumer, so it never reads ahead.
// Untrusted input: no one record may span more text than RECORD_LIMITS (a 600 MB "transcript"
// would end in a RangeError), and long parses pause for the event loop so other requests go on.
import { collectText, decodeText, toChunks, type DecodeState } from "./decode";
import { parseCsv, type CsvGrouping } from "./parse-csv";
import { parseJsonDocument } from "./parse-json";
import { parseJsonl } from "./parse-jsonl";
import { parseTextTranscript } from "./parse-text";
import { TranscriptValidator, type ValidateOptions } from "./validate";
import { finishRecord, type RoleOptions } from "./shape";
import { problem, type InputFormat, type ParseNotes, type ParseResult } from "./types";

export type ParseOptions = ValidateOptions & RoleOptions & {
  /** Defaults to the file name's extension, else the content's first character. */
  format?: InputFormat;
  fileName?: string;
  /** CSV only: override the guessed columns or delimiter. */
  idColumn?: string;
  textColumn?: string;
  delimiter?: "," | ";" | "\t";
  /** CSV only: one row per call or per turn (default: detected), and the turn/speaker columns. */
  grouping?: CsvGrouping;
  turnColumn?: string;
  speakerColumn?: string;
  /** Filled in while parsing: format, encoding, columns used, Bedrock input detected. */
  notes?: ParseNotes;
  /** Share one validator across files so duplicate ids are found across them. */
  validator?: TranscriptValidator;
  /** Override RECORD_LIMITS (characters of text one record may span), e.g. in tests. */
  recordLimits?: Partial<Record<InputFormat, number>>;
};

const M = 1024 * 1024;
/** Characters of text one record may span: a text file is one call (180k tokens is ~1 MB), a
 *  JSON call object may be a verbose Transcribe output, a CSV's first rows are held to guess columns. */
export const RECORD_LIMITS: Record<InputFormat, number> = { text: 8 * M, json: 32 * M, jsonl: 32 * M, csv: 64 * M };

// Work this long between pauses for the event loop (the browser and the server alike).
const SLICE_MS = 20;
// setImmediate lets pending I/O (other requests) run without setTimeout's clamped delay.
const pause = () => new Promise<void>((resolve) => (typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)));

class RecordTooLarge extends Error {
  constructor(readonly line: number) {
    super("record too large");
  }
}

/** Passes text through, counting what arrives since the last record; throws past `limit`. */
function capped(chunks: AsyncIterable<string>, limit: number) {
  const state = { since: 0, line: 1, startLine: 1 };
  async function* source(): AsyncIterable<string> {
    for await (const c of chunks) {
      state.since += c.length;
      if (state.since > limit) throw new RecordTooLarge(state.startLine);
      for (let k = c.indexOf("\n"); k >= 0; k = c.indexOf("\n", k + 1)) state.line++;
      yield c;
    }
  }
  return { source: source(), recordSeen: () => ((state.since = 0), (state.startLine = state.line)) };
}

function tooLarge(format: InputFormat, fileName: string, limit: number, line: number, file?: string): ParseResult {
  const size = `${Math.round(limit / M)} MB`;
  const what = format === "text" ? `${fileName} is larger than ${size}, the most one text transcript may be`
    : format === "json" ? `${fileName}: one call (starting near line ${line}) is larger than ${size}, the most one call may be`
    : `${fileName}: line ${line} starts a row larger than ${size}, the most one call may be`;
  return problem({ line: format === "text" ? 0 : line, file, code: "TOO_LONG", message: `${what}. Split it into smaller calls; no model reads that much text at once.` });
}

export type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

const EXTENSIONS: Record<string, InputFormat> = {
  csv: "csv", tsv: "csv", txt: "text", text: "text", json: "json", jsonl: "jsonl", ndjson: "jsonl",
};

/** The format a file name implies, or undefined when its extension says nothing. */
export function formatFromFileName(fileName = ""): InputFormat | undefined {
  return EXTENSIONS[fileName.split(".").pop()?.toLowerCase() ?? ""];
}

/** The format the first text of a file suggests. */
export function formatFromContent(head: string): InputFormat {
  const t = head.trimStart();
  if (t.startsWith("[")) return "json";
  if (t.startsWith("{")) {
    // One object per line looks like JSONL: "}" ends the first line and "{" starts the next.
    return /^\{[^\n]*\}\s*\r?\n\s*\{/.test(t) ? "jsonl" : "json";
  }
  return /^[^\n]*[,;\t][^\n]*\r?\n/.test(t) && !/^[A-Za-z][\w .'-]{0,39}:\s/.test(t) ? "csv" : "text";
}

async function* prepend(head: string[], rest: AsyncIterator<string>): AsyncIterable<string> {
  yield* head;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

/** Parses one file into transcripts and problems; see ParseOptions. */
export async function* parseTranscripts(source: ByteSource, opts: ParseOptions = {}): AsyncIterable<ParseResult> {
  const fileName = opts.fileName ?? "upload";
  const notes = opts.notes ?? {};
  const validator = opts.validator ?? new TranscriptValidator(opts);
  const decoding: DecodeState = { encoding: "utf-8", invalidBytes: false };
  const file = opts.fileName;
  let chunks = decodeText(toChunks(source), decoding);

  let format = opts.format ?? formatFromFileName(opts.fileName);
  if (!format) {
    // Peek at the first 4 KB of text to tell the format, then replay it.
    const it = chunks[Symbol.asyncIterator]();
    const head: string[] = [];
    let seen = 0;
    for (let r = await it.next(); !r.done && seen < 4096; r = await it.next()) {
      head.push(r.value);
      seen += r.value.length;
    }
    format = formatFromContent(head.join(""));
    chunks = prepend(head, it);
  }
  notes.format = format;
  const limit = opts.recordLimits?.[format] ?? RECORD_LIMITS[format];
  const cap = capped(chunks, limit);

  let records: AsyncIterable<ParseResult>;
  if (format === "csv") records = parseCsv(cap.source, { ...opts, file }, notes);
  else if (format === "jsonl") records = parseJsonl(cap.source, fileName, notes, file);
  else if (format === "json") records = parseJsonDocument(cap.source, fileName, file);
  else records = textRecord(cap.source, fileName, file);
  let sliceStart = Date.now();
  try {
    for await (const r of records) {
      cap.recordSeen();
      notes.encoding = decoding.encoding; // known once the first bytes were read
      if (!r.ok) yield r;
      else {
        validator.invalidBytes = decoding.invalidBytes;
        yield validator.check(finishRecord(r.value, opts, notes));
      }
      if (Date.now() - sliceStart > SLICE_MS) {
        await pause();
        sliceStart = Date.now();
      }
    }
  } catch (e) {
    if (!(e instanceof RecordTooLarge)) throw e;
    notes.encoding = decoding.encoding;
    yield tooLarge(format, fileName, limit, e.line, file);
  }
}

async function* textRecord(chunks: AsyncIterable<string>, fileName: string, file?: string): AsyncIterable<ParseResult> {
  const text = await collectText(chunks);
  if (!text.trim()) yield problem({ line: 0, file, code: "EMPTY_FILE", message: `${fileName} is empty. Upload a transcript with one "Speaker: utterance" paragraph per turn.` });
  else yield { ok: true, value: parseTextTranscript(text, fileName) };
}

/** Parses several files (a multi-file upload or a zip's entries) as one dataset. */
export async function* parseTranscriptFiles(
  files: AsyncIterable<{ name: string; source: ByteSource }> | Iterable<{ name: string; source: ByteSource }>,
  opts: Omit<ParseOptions, "fileName" | "validator"> = {},
): AsyncIterable<ParseResult> {
  const validator = new TranscriptValidator(opts);
  for await (const f of files) yield* parseTranscripts(f.source, { ...opts, fileName: f.name, validator });
}
