// Text chunks -> lines with their numbers. One splitter for input files (lib/transcripts,
// lib/jsonl) and job output (lib/results). Accepts LF and CRLF, even with the CR and the LF in
// different chunks, and a last line without a newline (the real Bedrock sample input ends that way).

export type Line = { text: string; line: number };

/** Every line, blank ones included, numbered from 1; `last` marks an unterminated final line. */
export async function* splitAllLines(chunks: AsyncIterable<string>): AsyncGenerator<Line & { last?: true }> {
  // Pieces of the unfinished line, joined once its newline arrives, so tiny chunks stay linear.
  let pending: string[] = [];
  let line = 0;
  const finish = (tail: string): string => {
    const whole = pending.length === 0 ? tail : pending.join("") + tail;
    pending = [];
    return whole.endsWith("\r") ? whole.slice(0, -1) : whole;
  };
  for await (const text of chunks) {
    let start = 0;
    let nl = text.indexOf("\n");
    while (nl !== -1) {
      yield { text: finish(text.slice(start, nl)), line: ++line };
      start = nl + 1;
      nl = text.indexOf("\n", start);
    }
    if (start < text.length) pending.push(text.slice(start));
  }
  if (pending.length > 0) yield { text: finish(""), line: ++line, last: true };
}

/** Splits streamed text into lines (without their terminators), skipping blank lines. */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncIterable<Line> {
  for await (const l of splitAllLines(chunks)) {
    // a trailing line of only spaces is the end of the file, not a record
    if (l.text === "" || (l.last && l.text.trim() === "")) continue;
    yield { text: l.text, line: l.line };
  }
}
