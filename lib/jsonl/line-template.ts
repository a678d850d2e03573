// Fast JSONL lines: the modelInput is serialised once with a placeholder where the transcript
// goes, split around it, and each line is the fragments concatenated around the escaped
// transcript. This skips JSON.stringify of the whole object per record (see bench/convert.ts).

import { utf8Length } from "./byte-length";

export const TRANSCRIPT_PLACEHOLDER = "{{transcript}}";

export type LineTemplate = {
  /** One compact JSONL line (no newline): {"recordId":..., "modelInput":{...}}. */
  buildLine(recordId: string, text: string): string;
  /** The line and its UTF-8 size (newline excluded), measured without a second scan when ASCII. */
  buildLineWithBytes(recordId: string, text: string): { line: string; bytes: number };
};

// Characters JSON.stringify would escape that the fast path below does not handle: other
// control characters and lone surrogates (escaped as \udXXX by well-formed JSON.stringify).
const HARD = /[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]/;
// Printable ASCII plus tab/LF/CR: nothing hard to escape, and UTF-8 size equals length.
const NOT_PLAIN = /[^\t\n\r\x20-\x7e]/;

/** True when `s` is printable ASCII, tabs and line breaks only (one fast regex scan). */
export function isPlainAscii(s: string): boolean {
  return !NOT_PLAIN.test(s);
}

/** JSON string body of `s` (escaped, without the surrounding quotes), exactly as JSON.stringify. */
export function escapeJsonString(s: string, plain = isPlainAscii(s)): string {
  // JSON.stringify escapes ~300 MB/s here; transcripts need little beyond "\n", and
  // replaceAll of a few single characters runs about twice as fast. Anything rarer falls back.
  if (!plain && HARD.test(s)) {
    const quoted = JSON.stringify(s);
    return quoted.slice(1, quoted.length - 1);
  }
  let out = s;
  if (out.includes("\\")) out = out.replaceAll("\\", "\\\\");
  if (out.includes('"')) out = out.replaceAll('"', '\\"');
  if (out.includes("\n")) out = out.replaceAll("\n", "\\n");
  if (out.includes("\r")) out = out.replaceAll("\r", "\\r");
  if (out.includes("\t")) out = out.replaceAll("\t", "\\t");
  return out;
}

/** Compiles a modelInput holding the placeholder exactly once, inside one of its strings. */
export function compileLineTemplate(modelInput: object, placeholder = TRANSCRIPT_PLACEHOLDER): LineTemplate {
  const json = JSON.stringify(modelInput);
  const marker = escapeJsonString(placeholder);
  const at = json.indexOf(marker);
  if (at < 0 || json.indexOf(marker, at + marker.length) >= 0) {
    throw new Error(`modelInput must contain ${placeholder} exactly once, inside a string`);
  }
  const before = '","modelInput":' + json.slice(0, at);
  const after = json.slice(at + marker.length) + "}";
  const asciiTemplate = isPlainAscii(before + after);
  const buildLine = (recordId: string, text: string, plain = isPlainAscii(text)) =>
    '{"recordId":"' + recordId + before + escapeJsonString(text, plain) + after;
  return {
    buildLine: (recordId, text) => buildLine(recordId, text),
    buildLineWithBytes(recordId, text) {
      const plain = isPlainAscii(text);
      const line = buildLine(recordId, text, plain);
      return { line, bytes: plain && asciiTemplate && isPlainAscii(recordId) ? line.length : utf8Length(line) };
    },
  };
}

/** The plain way: one JSON.stringify per record, for a modelInput built by a function. */
export function lineFromModelInput(recordId: string, modelInput: unknown): string {
  return JSON.stringify({ recordId, modelInput });
}
