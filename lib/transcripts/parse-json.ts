// A JSON document -> records: an Amazon Transcribe output, an array of calls, an object holding
// such an array ({transcripts: [...]}), or a single call object. Streamed: the items of a list
// are parsed and handed on one at a time and dropped, so memory follows the largest item, not
// the file. Only a single call object is assembled whole (parse-transcripts caps its size).
import { Tokenizer, TokenParser, TokenType } from "@streamparser/json";
import { callIdFromFileName } from "./parse-text";
import { guessObjectKeys, recordFromObject, type ObjectKeys } from "./parse-object";
import { problem, type ParseResult } from "./types";

const LIST_KEYS = ["transcripts", "calls", "conversations", "records", "items", "data"];

type Parsed = { value?: unknown; key?: string | number; stack: { key?: string | number }[] };

/** Line of a byte position in a chunk, given the lines before that chunk. */
function lineAt(chunk: string, bytePos: number, linesBefore: number): number {
  const bytes = new TextEncoder().encode(chunk).subarray(0, Math.max(0, bytePos));
  let line = linesBefore;
  for (const b of bytes) if (b === 10) line++;
  return line;
}

/** Records of one JSON document, streamed; for lists, `line` is the item number (1-based). */
export async function* parseJsonDocument(chunks: AsyncIterable<string>, fileName: string, file?: string): AsyncIterable<ParseResult> {
  // Two parsers share one tokenizer: `items` emits list items and forgets them; `whole` keeps the
  // document in case it is one call, and is dropped as soon as the first list item shows up.
  const tokenizer = new Tokenizer();
  let items: TokenParser | undefined;
  let whole: TokenParser | undefined = new TokenParser({ paths: ["$"], keepStack: false });
  let top: "array" | "object" | undefined;
  let listKey: string | undefined;
  let doc: { value: unknown } | undefined;
  let out: ParseResult[] = [];
  let count = 0;
  let keys: ObjectKeys | undefined;
  let seen = false;

  const onItem = ({ value, key, stack }: Parsed) => {
    if (typeof key !== "number") return;
    const parent = top === "array" ? "" : String(stack[1]?.key);
    listKey ??= parent;
    if (parent !== listKey) return; // a second list in the same object: the first one holds the calls
    whole = undefined;
    count++;
    if (!keys) keys = value && typeof value === "object" && !Array.isArray(value) ? guessObjectKeys(value as Record<string, unknown>) : {};
    out.push(recordFromObject(value, { line: count, file, fileName, where: `Item ${count}`, fallbackId: `item-${count}` }, keys));
  };
  const fail = (err: Error) => tokenizer.error(err);
  const end = () => void (tokenizer.isEnded || tokenizer.end());
  whole.onValue = ({ value }: Parsed) => void (doc = { value });
  whole.onError = fail;
  whole.onEnd = () => undefined;
  tokenizer.onToken = (t) => {
    if (!items) {
      // Items of a top-level array, or of a list-valued key of a top-level object.
      top = t.token === TokenType.LEFT_BRACKET ? "array" : "object";
      items = new TokenParser({ paths: top === "array" ? ["$.*"] : LIST_KEYS.map((k) => `$.${k}.*`), keepStack: false });
      items.onValue = onItem;
      items.onError = fail;
      items.onEnd = end;
    }
    items.write(t);
    whole?.write(t);
  };
  tokenizer.onEnd = () => undefined;

  let lines = 1;
  for await (const chunk of chunks) {
    if (!seen && chunk.trim()) seen = true;
    try {
      if (!tokenizer.isEnded) tokenizer.write(chunk);
      else if (chunk.trim()) throw new Error(`Unexpected "${chunk.trim()[0]}" after the end of the document at chunk position "${chunk.length - chunk.trimStart().length}"`);
    } catch (error) {
      const message = (error as Error).message;
      const pos = /chunk position "?(\d+)/.exec(message);
      const line = pos ? lineAt(chunk, Number(pos[1]), lines) : lines;
      yield* out;
      yield problem({ line, file, code: "BAD_JSON", message: `${fileName} is not valid JSON (line ${line}: ${message}). Fix the syntax or export the file again.` });
      return;
    }
    for (let k = chunk.indexOf("\n"); k >= 0; k = chunk.indexOf("\n", k + 1)) lines++;
    if (out.length) {
      yield* out;
      out = [];
    }
  }
  if (!seen) {
    yield problem({ line: 0, file, code: "EMPTY_FILE", message: `${fileName} is empty. Upload a JSON array of calls or an Amazon Transcribe output.` });
    return;
  }
  try {
    end(); // a top-level number ends only with the input
  } catch {
    // reported below
  }
  if (!tokenizer.isEnded || !items?.isEnded) {
    yield problem({ line: lines, file, code: "BAD_JSON", message: `${fileName} is not valid JSON (line ${lines}: the document ends before it is complete). Fix the syntax or export the file again.` });
    return;
  }
  yield* out;
  if (count > 0) return;
  const value = doc?.value;
  if (top === "array" || (listKey === undefined && isEmptyList(value))) {
    yield problem({ line: 0, file, code: "EMPTY_FILE", message: `${fileName} holds an empty list. Add one object per call.` });
    return;
  }
  const obj = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  yield recordFromObject(value, { line: 1, file, fileName, where: fileName, fallbackId: callIdFromFileName(fileName) }, guessObjectKeys(obj));
}

function isEmptyList(value: unknown): boolean {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const obj = value as Record<string, unknown>;
  return LIST_KEYS.some((k) => Array.isArray(obj[k]) && obj[k].length === 0);
}
