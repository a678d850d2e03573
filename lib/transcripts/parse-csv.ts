// CSV with a header row -> raw records, streamed. Rows with the wrong number of fields are
// reported and skipped: a stray delimiter shifts columns, so guessing would be worse. A CSV can
// hold one row per call or one row per turn (grouped by call id, ordered by turn: group-turns.ts).
import { CsvParser, type CsvRow } from "./csv-parser";
import { guessDelimiter, guessIdColumn, guessSpeakerColumn, guessTextColumn, guessTurnColumn, textColumnByName } from "./columns";
import { idsRepeat, TurnGrouper } from "./group-turns";
import { problem, type ParseNotes, type ParseResult, type RawRecord } from "./types";

/** "calls": one row per call; "turns": one row per turn; "auto": turns when a turn or speaker column exists and ids repeat. */
export type CsvGrouping = "auto" | "calls" | "turns";

export type CsvOptions = {
  idColumn?: string;
  textColumn?: string;
  delimiter?: "," | ";" | "\t";
  grouping?: CsvGrouping;
  turnColumn?: string;
  speakerColumn?: string;
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
  let columns: { id: number; text: number; extra: number[]; turn: number; speaker: number } | undefined;
  let grouper: TurnGrouper | undefined;
  let dataRows = 0;
  const grouping = opts.grouping ?? "auto";

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
    const other = (name?: string) => (name && name !== idName && name !== textName ? cols.indexOf(name) : -1);
    const turn = other(opts.turnColumn ?? guessTurnColumn(cols));
    const speaker = other(opts.speakerColumn ?? guessSpeakerColumn(cols));
    const byTurns = grouping === "turns" || (grouping === "auto" && id >= 0 && (turn >= 0 || speaker >= 0) && idsRepeat(held.map((r) => r.fields[id]?.trim() ?? "")));
    if (byTurns && id < 0) {
      yield problem({ line: 1, file, code: "MISSING_COLUMN", field: "callId", message: `One row per turn needs a call id column to group by (columns: ${cols.join(", ")}). Choose the call id column.` });
      return false;
    }
    notes.grouping = byTurns ? "turns" : "calls";
    if (byTurns) {
      grouper = new TurnGrouper(file);
      if (turn >= 0) notes.turnColumn = cols[turn];
      if (speaker >= 0) notes.speakerColumn = cols[speaker];
    }
    const used = byTurns ? [id, text, turn, speaker] : [id, text];
    columns = { id, text, turn, speaker, extra: cols.map((_, k) => k).filter((k) => !used.includes(k)) };
    return true;
  }

  function* emit(row: CsvRow): Generator<ParseResult> {
    const r = toResult(row);
    if (!grouper || !r.ok) return yield r;
    const { turn, speaker } = columns!;
    const metadata = r.value.metadata as Record<string, string> | undefined;
    yield* grouper.push({
      callId: r.value.callId, line: row.line, text: r.value.text, metadata,
      turn: turn >= 0 ? row.fields[turn] : undefined, speaker: speaker >= 0 ? row.fields[speaker] : undefined,
    });
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
        // Hold rows back only when the text column must be guessed from their lengths, or when
        // their ids tell one row per call from one row per turn.
        const mayBeTurns = grouping === "auto" && (guessTurnColumn(header) || guessSpeakerColumn(header));
        if ((opts.textColumn || textColumnByName(header)) && !mayBeTurns && !(yield* flush())) return false;
        continue;
      }
      if (columns) {
        yield* emit(row);
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
    for (const row of held.splice(0)) yield* emit(row);
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
  if (grouper) yield* grouper.end();
  if (!header || dataRows === 0) {
    yield problem({
      line: header ? 1 : 0, file, code: "EMPTY_FILE",
      message: header
        ? `The CSV has a header (line 1) but no rows. Add one row per call below the header.`
        : `The file is empty. Upload a CSV with a header row and one row per call.`,
    });
  }
}
