// A quick look at the start of a CSV for the upload preview: columns, guesses, first rows.
import { CsvParser } from "./csv-parser";
import { guessDelimiter, guessIdColumn, guessSpeakerColumn, guessTextColumn, guessTurnColumn } from "./columns";
import { idsRepeat } from "./group-turns";

export type CsvSniff = {
  columns: string[];
  guessedIdColumn?: string;
  guessedTextColumn?: string;
  delimiter: "," | ";" | "\t";
  firstRows: Record<string, string>[];
  guessedTurnColumn?: string;
  guessedSpeakerColumn?: string;
  /** One row per turn: a turn or speaker column, and call ids that repeat on the next row. */
  looksLikeTurns: boolean;
};

function decodeHead(chunk: Uint8Array): string {
  if (chunk[0] === 0xff && chunk[1] === 0xfe) return new TextDecoder("utf-16le").decode(chunk.subarray(2));
  if (chunk[0] === 0xfe && chunk[1] === 0xff) return new TextDecoder("utf-16be").decode(chunk.subarray(2));
  // The chunk may end inside a character; stream:true keeps that partial character out.
  return new TextDecoder("utf-8").decode(chunk, { stream: true });
}

/** Columns, guessed id/text columns, delimiter and up to `maxRows` rows from the file's first chunk. */
export function sniffCsv(firstChunk: Uint8Array | string, opts: { maxRows?: number; complete?: boolean } = {}): CsvSniff {
  const text = typeof firstChunk === "string" ? firstChunk.replace(/^\uFEFF/, "") : decodeHead(firstChunk);
  const delimiter = guessDelimiter(text);
  const parser = new CsvParser(delimiter);
  // Unless the chunk is the whole file, its last row may be cut short: leave it out.
  const rows = opts.complete ? [...parser.push(text), ...parser.end()] : parser.push(text);
  const [header, ...data] = rows.map((r) => r.fields);
  const columns = header ?? [];
  const sample = data.slice(0, opts.maxRows ?? 5);
  const guessedIdColumn = guessIdColumn(columns);
  const guessedTurnColumn = guessTurnColumn(columns);
  const guessedSpeakerColumn = guessSpeakerColumn(columns);
  const id = guessedIdColumn ? columns.indexOf(guessedIdColumn) : -1;
  const looksLikeTurns = id >= 0 && Boolean(guessedTurnColumn || guessedSpeakerColumn) && idsRepeat(data.slice(0, 50).map((r) => r[id]?.trim() ?? ""));
  return {
    guessedTurnColumn,
    guessedSpeakerColumn,
    looksLikeTurns,
    columns,
    guessedIdColumn,
    guessedTextColumn: guessTextColumn(columns, data, guessedIdColumn),
    delimiter,
    firstRows: sample.map((r) => Object.fromEntries(columns.map((c, k) => [c, r[k] ?? ""]))),
  };
}
