// Text chunks -> lines with their numbers, for JSONL. Accepts LF and CRLF, and a last line
// without a newline (common: the real Bedrock sample input ends that way).

export type Line = { text: string; line: number };

/** Splits streamed text into lines (without their terminators), skipping blank lines. */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncIterable<Line> {
  let rest = "";
  let line = 0;
  for await (const chunk of chunks) {
    const s = rest + chunk;
    let start = 0;
    let nl = s.indexOf("\n");
    while (nl >= 0) {
      line++;
      const end = nl > start && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (end > start) yield { text: s.slice(start, end), line };
      start = nl + 1;
      nl = s.indexOf("\n", start);
    }
    rest = s.slice(start);
  }
  line++;
  const last = rest.endsWith("\r") ? rest.slice(0, -1) : rest;
  if (last.trim()) yield { text: last, line };
}
