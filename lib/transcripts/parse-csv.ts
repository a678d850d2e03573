// CSV with a header row -> raw records, streamed. Rows with the wrong number of fields are
// reported and skipped: a stray delimiter shifts columns, so guessing would be worse.
import { CsvParser, type CsvRow } from "./csv-parser";
import { guessDelimiter, guessIdColumn, guessTextColumn, textColumnByName } from "./columns";
import { problem, type ParseNotes, type ParseResult, type RawRecord } from "./types";

export type CsvOptions = {
  idColumn?: string;
  textColumn?: string;
  delimiter?: "," | ";" | "\t";
  file?: string;
};

// Rows held back to guess the text column by average length when no header name matches.
const SAMPLE_ROWS = 20;

/** Streams records from CSV text chunks; problems are yielded in place of bad rows. */
export async function* parseCsv(
  chunks: AsyncIterable<string>,
  opts: CsvOptions = {},
  notes: ParseNotes = {},
): AsyncIterable<ParseResult> {
  const file = opts.file;
  let parser: CsvParser | undefined;
  let delimiter = opts.delimiter ?? ",";
  let header: string[] | undefined;
  const held: CsvRow[] = [];
  let columns: { id: number; text: number; extra: number[] } | undefined;
  let dataRows = 0;

  function* resolve(): Generator<ParseResult, boolean> {
    const cols = header!;
    const missing = (field: string, what: string) =>
      problem({
        line: 1, field, file, code: "MISSING_COLUMN",
        message: `The header (line 1) has no column "${field}" for the ${what}. Columns found: ${cols.join(", ")}. Pick one of them or rename the column.`,
      });
    if (opts.idColumn && !cols.includes(opts.idColumn)) {
      yield missing(opts.idColumn, "call id");
      return false;
    }
    if (opts.textColumn && !cols.includes(opts.textColumn)) {
      yield missing(opts.textColumn, "transcript");
      return false;
    }
    const idName = opts.idColumn ?? guessIdColumn(cols);
    const textName = opts.textColumn ?? guessTextColumn(cols, held.map((r) => r.fields), idName);
    if (!textName || textName === idName) {
      yield problem({
        line: 1, file, code: "MISSING_COLUMN",
        message: `Could not tell which column holds the transcript (columns: ${cols.join(", ")}). Choose the transcript column.`,
      });
      return false;
    }
    notes.idColumn = idName;
    notes.textColumn = textName;
    const id = idName ? cols.indexOf(idName) : -1;
    const text = cols.indexOf(textName);
    columns = { id, text, extra: cols.map((_, k) => k).filter((k) => k !== id && k !== text) };
    return true;
  }

  function toResult(row: CsvRow): ParseResult {
    const cols = header!;
    const { id, text, extra } = columns!;
    dataRows++;
    if (row.unterminated) {
      return problem({
        line: row.line, file, code: "BAD_ROW",
        message: `Line ${row.line}: a quoted field starts here and is never closed, so the rest of the file was read into it. Close the quote (and double any quote inside the field as "").`,
      });
    }
    if (row.fields.length !== cols.length) {
      return problem({
        line: row.line, file, code: "BAD_ROW",
        message: `Line ${row.line} has ${row.fields.length} field(s) but the header has ${cols.length}. Quote fields that contain "${delimiter}", quotes or line breaks.`,
      });
    }
    // Without an id column, the row number is a stable id: the same file gives the same ids.
    const callId = id >= 0 ? row.fields[id].trim() : `row-${dataRows}`;
    const value: RawRecord = { callId, text: row.fields[text], line: row.line, file };
    if (extra.length) {
      const metadata: Record<string, string> = {};
      for (const k of extra) metadata[cols[k]] = row.fields[k];
      value.metadata = metadata;
    }
    return { ok: true, value };
  }

  function* handle(rows: CsvRow[], atEnd: boolean): Generator<ParseResult, boolean> {
    for (const row of rows) {
      if (!header) {
        header = row.fields.map((f) => f.trim());
        // Hold rows back only when the text column must be guessed from their lengths.
        if ((opts.textColumn || textColumnByName(header)) && !(yield* flush())) return false;
        continue;
      }
      if (columns) {
        yield toResult(row);
        continue;
      }
      held.push(row);
      if (held.length >= SAMPLE_ROWS && !(yield* flush())) return false;
    }
    if (atEnd && header && !columns && !(yield* flush())) return false;
    return true;
  }

  function* flush(): Generator<ParseResult, boolean> {
    if (!(yield* resolve())) return false;
    for (const row of held.splice(0)) yield toResult(row);
    return true;
  }

  for await (const chunk of chunks) {
    if (!chunk) continue;
    if (!parser) {
      delimiter = opts.delimiter ?? guessDelimiter(chunk);
      parser = new CsvParser(delimiter);
    }
    if (!(yield* handle(parser.push(chunk), false))) return;
  }
  if (parser && !(yield* handle(parser.end(), true))) return;
  if (!header || dataRows === 0) {
    yield problem({
      line: header ? 1 : 0, file, code: "EMPTY_FILE",
      message: header
        ? `The CSV has a header (line 1) but no rows. Add one row per call below the header.`
        : `The file is empty. Upload a CSV with a header row and one row per call.`,
    });
  }
}
