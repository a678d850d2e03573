// The entry point: bytes of one upload (any format, any chunking) -> validated, redacted
// transcripts and problems, in file order. Pulled by the consumer, so it never reads ahead.
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
};

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

  let records: AsyncIterable<ParseResult> | Iterable<ParseResult>;
  if (format === "csv") records = parseCsv(chunks, { ...opts, file }, notes);
  else if (format === "jsonl") records = parseJsonl(chunks, fileName, notes, file);
  else {
    const text = await collectText(chunks);
    if (format === "json") records = parseJsonDocument(text, fileName, file);
    else if (!text.trim()) records = [problem({ line: 0, file, code: "EMPTY_FILE", message: `${fileName} is empty. Upload a transcript with one "Speaker: utterance" paragraph per turn.` })];
    else records = [{ ok: true, value: parseTextTranscript(text, fileName) }];
  }
  for await (const r of records) {
    notes.encoding = decoding.encoding; // known once the first bytes were read
    if (!r.ok) {
      yield r;
      continue;
    }
    validator.invalidBytes = decoding.invalidBytes;
    yield validator.check(finishRecord(r.value, opts, notes));
  }
}

/** Parses several files (a multi-file upload or a zip's entries) as one dataset. */
export async function* parseTranscriptFiles(
  files: AsyncIterable<{ name: string; source: ByteSource }> | Iterable<{ name: string; source: ByteSource }>,
  opts: Omit<ParseOptions, "fileName" | "validator"> = {},
): AsyncIterable<ParseResult> {
  const validator = new TranscriptValidator(opts);
  for await (const f of files) yield* parseTranscripts(f.source, { ...opts, fileName: f.name, validator });
}
