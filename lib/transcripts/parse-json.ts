// A JSON document -> records: an Amazon Transcribe output, an array of calls, an object holding
// such an array ({transcripts: [...]}), or a single call object. JSON needs the whole text.
import { callIdFromFileName } from "./parse-text";
import { guessObjectKeys, recordFromObject } from "./parse-object";
import { problem, type ParseResult } from "./types";

const LIST_KEYS = ["transcripts", "calls", "conversations", "records", "items", "data"];

/** Line number of a JSON.parse error, from the position V8 reports. */
export function jsonErrorLine(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  const byLine = /line (\d+)/.exec(message);
  if (byLine) return Number(byLine[1]);
  const byPos = /position (\d+)/.exec(message);
  if (!byPos) return 1;
  const pos = Number(byPos[1]);
  let line = 1;
  for (let k = text.indexOf("\n"); k >= 0 && k < pos; k = text.indexOf("\n", k + 1)) line++;
  return line;
}

/** Records of one JSON document; for arrays, `line` is the item number (1-based). */
export function parseJsonDocument(text: string, fileName: string, file?: string): ParseResult[] {
  if (!text.trim()) {
    return [problem({ line: 0, file, code: "EMPTY_FILE", message: `${fileName} is empty. Upload a JSON array of calls or an Amazon Transcribe output.` })];
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const line = jsonErrorLine(text, error);
    return [problem({ line, file, code: "BAD_JSON", message: `${fileName} is not valid JSON (line ${line}: ${(error as Error).message}). Fix the syntax or export the file again.` })];
  }
  const obj = doc as Record<string, unknown>;
  const listKey = doc && !Array.isArray(doc) && typeof doc === "object" ? LIST_KEYS.find((k) => Array.isArray(obj[k])) : undefined;
  const items = Array.isArray(doc) ? doc : listKey ? (obj[listKey] as unknown[]) : undefined;
  if (!items) {
    const keys = doc && typeof doc === "object" ? guessObjectKeys(obj) : {};
    const at = { line: 1, file, fileName, where: fileName, fallbackId: callIdFromFileName(fileName) };
    return [recordFromObject(doc, at, keys)];
  }
  if (items.length === 0) {
    return [problem({ line: 0, file, code: "EMPTY_FILE", message: `${fileName} holds an empty list. Add one object per call.` })];
  }
  const first = items.find((i) => i && typeof i === "object" && !Array.isArray(i)) as Record<string, unknown> | undefined;
  const keys = first ? guessObjectKeys(first) : {};
  return items.map((item, k) =>
    recordFromObject(item, { line: k + 1, file, fileName, where: `Item ${k + 1}`, fallbackId: `item-${k + 1}` }, keys),
  );
}
