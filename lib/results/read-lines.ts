/** One line of a text stream, numbered from 1, without its line ending. */
export type Line = { line: string; lineNumber: number };

/**
 * Splits a byte stream into UTF-8 lines without holding the stream in memory.
 * A character split across chunks is decoded whole; LF and CRLF both end a line, even when the
 * CR and LF arrive in different chunks; a last line without a newline is still yielded; a
 * leading byte-order mark is dropped. Invalid UTF-8 becomes U+FFFD rather than stopping the read.
 */
export async function* readLines(source: AsyncIterable<Uint8Array>): AsyncGenerator<Line> {
  const decoder = new TextDecoder("utf-8");
  // Pieces of the unfinished line; joined once its newline arrives, so tiny chunks stay linear.
  let pending: string[] = [];
  let lineNumber = 0;
  const finish = (tail: string): string => {
    const whole = pending.length === 0 ? tail : pending.join("") + tail;
    pending = [];
    return whole.endsWith("\r") ? whole.slice(0, -1) : whole;
  };

  for await (const chunk of source) {
    const text = decoder.decode(chunk, { stream: true });
    let start = 0;
    let newline = text.indexOf("\n");
    while (newline !== -1) {
      yield { line: finish(text.slice(start, newline)), lineNumber: ++lineNumber };
      start = newline + 1;
      newline = text.indexOf("\n", start);
    }
    if (start < text.length) pending.push(text.slice(start));
  }
  const rest = decoder.decode();
  if (rest !== "") pending.push(rest);
  if (pending.length > 0) yield { line: finish(""), lineNumber: ++lineNumber };
}
