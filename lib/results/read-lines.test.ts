import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseOutputLine } from "./parse-output";
import { parseSummary } from "./parse-summary";
import { readLines, type Line } from "./read-lines";

async function* chunks(bytes: Uint8Array, size: number | ((i: number) => number)): AsyncGenerator<Uint8Array> {
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const n = typeof size === "number" ? size : size(i);
    yield bytes.subarray(at, at + n);
    at += n;
  }
}
async function collect(source: AsyncIterable<Uint8Array>): Promise<Line[]> {
  const lines: Line[] = [];
  for await (const line of readLines(source)) lines.push(line);
  return lines;
}
const utf8 = (text: string) => new TextEncoder().encode(text);

// Two-, three- and four-byte characters, CRLF and LF, an empty line, and no final newline.
const TEXT = 'é€😀 first\r\nsecond "line" 漢字\n\r\n€€€€\r\nlast 😀 no newline';
const EXPECTED: Line[] = [
  { line: "é€😀 first", lineNumber: 1 },
  { line: 'second "line" 漢字', lineNumber: 2 },
  { line: "", lineNumber: 3 },
  { line: "€€€€", lineNumber: 4 },
  { line: "last 😀 no newline", lineNumber: 5 },
];

describe("readLines", () => {
  it("splits one chunk into numbered lines, LF and CRLF alike", async () => {
    expect(await collect(chunks(utf8(TEXT), 1 << 20))).toEqual(EXPECTED);
  });

  it("gives the same lines from 1-byte chunks (split inside characters and between CR and LF)", async () => {
    expect(await collect(chunks(utf8(TEXT), 1))).toEqual(EXPECTED);
  });

  it("gives the same lines for every chunk size from 2 to 13", async () => {
    for (let size = 2; size <= 13; size++) expect(await collect(chunks(utf8(TEXT), size))).toEqual(EXPECTED);
  });

  it("does not yield an empty line after a final newline", async () => {
    expect(await collect(chunks(utf8("a\nb\n"), 1))).toEqual([
      { line: "a", lineNumber: 1 },
      { line: "b", lineNumber: 2 },
    ]);
    expect(await collect(chunks(utf8("a\r\n"), 1))).toEqual([{ line: "a", lineNumber: 1 }]);
  });

  it("yields nothing for an empty stream and one empty line for a lone newline", async () => {
    expect(await collect(chunks(new Uint8Array(0), 1))).toEqual([]);
    expect(await collect(chunks(utf8("\n"), 1))).toEqual([{ line: "", lineNumber: 1 }]);
  });

  it("drops a UTF-8 byte-order mark, even split across chunks", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("x\ny")]);
    expect(await collect(chunks(bytes, 1))).toEqual([
      { line: "x", lineNumber: 1 },
      { line: "y", lineNumber: 2 },
    ]);
  });

  it("replaces invalid UTF-8 with U+FFFD and keeps going", async () => {
    const bytes = new Uint8Array([0x61, 0xff, 0x62, 0x0a, 0xe2, 0x82, 0x0a, 0x63]);
    expect(await collect(chunks(bytes, 1))).toEqual([
      { line: "a\ufffdb", lineNumber: 1 },
      { line: "\ufffd", lineNumber: 2 },
      { line: "c", lineNumber: 3 },
    ]);
  });

  it("keeps a lone CR inside a line", async () => {
    expect(await collect(chunks(utf8("a\rb\n"), 1))).toEqual([{ line: "a\rb", lineNumber: 1 }]);
  });
});

describe("streaming a whole .jsonl.out built from the real input file", () => {
  // The real input, turned into the output Bedrock would write: every 10th record an error line.
  const input = readFileSync(new URL("../../../shared/data/serverless-patterns-batch-input/input.jsonl", import.meta.url), "utf8");
  const summary = { summary: "Customer returns a faulty coffee maker for a refund.", customer_sentiment: "Positive", action_items: ["Email label"], topics: ["returns"] };
  const out = input
    .split("\n")
    .map((text, i) => {
      const { recordId, modelInput } = JSON.parse(text) as { recordId: string; modelInput: unknown };
      if ((i + 1) % 10 === 0) return JSON.stringify({ modelInput, error: { errorCode: 400, errorMessage: "Bad request" }, recordId });
      const modelOutput = {
        id: `msg_bdrk_${String(i).padStart(24, "0")}`, type: "message", role: "assistant", model: "claude-3-5-haiku-20241022",
        content: [{ type: "text", text: "```json\n" + JSON.stringify(summary) + "\n```" }],
        stop_reason: "end_turn", stop_sequence: null, usage: { input_tokens: 470, output_tokens: 60 },
      };
      return JSON.stringify({ modelInput, modelOutput, recordId });
    })
    .join("\n");
  const corrupted = out + "\n" + '{"modelInput":{},"modelOutput":{"id":"msg_bdrk_trunc'; // a cut-off final line

  it("reads 105 records and one problem, in any chunking", async () => {
    for (const size of [1 << 16, 4093, (i: number) => 1 + (i % 7)]) {
      let ok = 0;
      let errors = 0;
      let tokens = 0;
      const problems: number[] = [];
      for await (const { line, lineNumber } of readLines(chunks(utf8(corrupted), size))) {
        const parsed = parseOutputLine(line, lineNumber);
        if (parsed?.kind === "problem") problems.push(parsed.problem.lineNumber);
        else if (parsed?.record.ok) {
          ok++;
          tokens += parsed.record.outputTokens ?? 0;
          expect(parseSummary(parsed.record.text)).toMatchObject({ sentiment: "positive", summaryText: summary.summary });
        } else if (parsed) {
          errors++;
          expect(parsed.record).toMatchObject({ errorCode: 400, errorMessage: "Bad request" });
        }
      }
      expect({ ok, errors, tokens, problems }).toEqual({ ok: 95, errors: 10, tokens: 95 * 60, problems: [106] });
    }
  });
});
