import { splitAllLines } from "@/lib/transcripts/lines";

/** One line of a text stream, numbered from 1, without its line ending. */
export type Line = { line: string; lineNumber: number };

async function* utf8(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  // TextDecoder keeps a character split across chunks whole, drops a leading byte-order mark,
  // and turns invalid UTF-8 into U+FFFD rather than stopping the read.
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of source) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest !== "") yield rest;
}

/** Splits a UTF-8 byte stream (a job's `.out` file) into lines without holding it in memory. */
export async function* readLines(source: AsyncIterable<Uint8Array>): AsyncGenerator<Line> {
  for await (const l of splitAllLines(utf8(source))) yield { line: l.text, lineNumber: l.line };
}
