// CSV for spreadsheets. Model output and transcripts are untrusted: a cell that starts with
// = + - @ (or a tab / carriage return, which some spreadsheets skip before reading a formula)
// would run as a formula when opened, so such cells get a leading single quote (OWASP's advice).

export type CsvValue = string | number | boolean | null | undefined | Date;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A value as spreadsheet-safe text: formulas neutralised, nothing else changed. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  // Numbers we produce ourselves are safe, including negatives.
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = neutraliseFormula(value instanceof Date ? value.toISOString() : value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, ending in CRLF as RFC 4180 asks. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}

const CHUNK_CHARS = 64 * 1024;

/**
 * A byte stream of CSV from a header and an async source of rows, pulled as the client reads
 * (back-pressure: rows are read from the source only when the previous chunk has been taken).
 * Rows go out in chunks of about CHUNK_CHARS, not one enqueue per row.
 * Starts with a UTF-8 BOM so spreadsheet programs read non-ASCII text correctly.
 */
export function csvStream(header: readonly string[], rows: AsyncIterable<readonly CsvValue[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const it = rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode("\uFEFF" + csvRow(header)));
        return;
      }
      let text = "";
      while (text.length < CHUNK_CHARS) {
        const next = await it.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += csvRow(next.value);
      }
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await it.return?.();
    },
  });
}
