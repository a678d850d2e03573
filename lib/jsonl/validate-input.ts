// Checks Bedrock batch input JSONL before it is uploaded: what Bedrock's Validating step would
// otherwise reject after a wait (bad JSON, recordId pattern, modelInput not an object).
import { decodeText, toChunks } from "../transcripts/decode";
import { splitLines } from "../transcripts/lines";
import type { Problem } from "../transcripts/types";
import type { ByteSource } from "../transcripts/parse-transcripts";
import { utf8Length } from "./byte-length";
import { RECORD_ID_PATTERN } from "./record-id";

export type InputCheck = { records: number; bytes: number; problems: Problem[] };

/** Problems of one batch input line (1-based `line`); [] when it is a valid record. */
export function validateInputLine(text: string, line: number, maxLineBytes = Infinity): Problem[] {
  return checkLine(text, line, maxLineBytes).problems;
}

function checkLine(text: string, line: number, maxLineBytes = Infinity): { problems: Problem[]; recordId?: string } {
  const only = (p: Problem) => ({ problems: [p] });
  const bytes = utf8Length(text);
  if (bytes > maxLineBytes) {
    return only({ line, code: "LINE_TOO_LONG", message: `Line ${line} is ${bytes} bytes, above the ${maxLineBytes} allowed. Shorten its transcript.` });
  }
  let obj: Record<string, unknown>;
  try {
    obj = JSON.parse(text);
  } catch (error) {
    return only({ line, code: "BAD_JSON", message: `Line ${line} is not valid JSON (${(error as Error).message}). Each line must be one JSON object.` });
  }
  const problems: Problem[] = [];
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) {
    return only({ line, code: "BAD_JSON", message: `Line ${line} is not a JSON object. Each line must be {"recordId": ..., "modelInput": {...}}.` });
  }
  if (typeof obj.recordId !== "string" || !RECORD_ID_PATTERN.test(obj.recordId)) {
    problems.push({
      line, field: "recordId", code: "BAD_RECORD_ID",
      message: `Line ${line}: recordId ${JSON.stringify(obj.recordId ?? null)} must be exactly 11 letters or digits.`,
    });
  }
  const mi = obj.modelInput;
  if (!mi || typeof mi !== "object" || Array.isArray(mi)) {
    problems.push({ line, field: "modelInput", code: "BAD_MODEL_INPUT", message: `Line ${line}: modelInput must be a JSON object (the InvokeModel request body).` });
  }
  return { problems, recordId: obj.recordId as string };
}

/** Validates a whole batch input file, streamed; duplicate recordIds are reported with both lines. */
export async function validateBatchInput(source: ByteSource, opts: { maxLineBytes?: number } = {}): Promise<InputCheck> {
  const seen = new Map<string, number>();
  const result: InputCheck = { records: 0, bytes: 0, problems: [] };
  for await (const { text, line } of splitLines(decodeText(toChunks(source)))) {
    result.bytes += utf8Length(text) + 1;
    const { problems, recordId: id } = checkLine(text, line, opts.maxLineBytes);
    if (problems.length === 0 && id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) {
        problems.push({ line, field: "recordId", code: "DUPLICATE_RECORD_ID", message: `Line ${line}: recordId ${id} is also on line ${first}. Each record needs its own id.` });
      } else seen.set(id, line);
    }
    if (problems.length) result.problems.push(...problems);
    else result.records++;
  }
  if (result.records === 0 && result.problems.length === 0) {
    result.problems.push({ line: 0, code: "EMPTY_FILE", message: "The batch input file is empty. It needs one JSON record per line." });
  }
  return result;
}
