// JSONL -> records, one object a line. Lines that are already Bedrock batch records
// ({recordId, modelInput}) are recognised: their transcript is taken back out of the prompt so
// it can be summarized again with our own template.
import { splitLines } from "./lines";
import { guessObjectKeys, recordFromObject, type ObjectKeys } from "./parse-object";
import { problem, type ParseNotes, type ParseResult } from "./types";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// "Summarize the following call transcript:" and the like, in front of the transcript.
const INSTRUCTION = /^\s*(?:please\s+)?(?:summari[sz]e|analy[sz]e|review|read)\b[^:\n]{0,160}:\s*/i;

/** The user text of a Bedrock modelInput (Anthropic/Nova messages, Titan inputText, Llama/Mistral prompt). */
export function modelInputText(modelInput: Json): string {
  if (Array.isArray(modelInput?.messages)) {
    return modelInput.messages
      .filter((m: Json) => m?.role === "user")
      .flatMap((m: Json) => (typeof m.content === "string" ? [m.content] : (m.content ?? []).map((c: Json) => c?.text ?? "")))
      .join("\n");
  }
  return String(modelInput?.inputText ?? modelInput?.prompt ?? "");
}

/** Splits "Summarize ...: <transcript>" into the instruction and the transcript. */
export function splitInstruction(text: string): { instruction?: string; transcript: string } {
  const m = INSTRUCTION.exec(text);
  return m ? { instruction: m[0].trim(), transcript: text.slice(m[0].length).trim() } : { transcript: text.trim() };
}

/** Streams records from JSONL text chunks; bad lines become BAD_JSON problems. */
export async function* parseJsonl(
  chunks: AsyncIterable<string>,
  fileName: string,
  notes: ParseNotes = {},
  file?: string,
): AsyncIterable<ParseResult> {
  let keys: ObjectKeys | undefined;
  let any = false;
  for await (const { text, line } of splitLines(chunks)) {
    any = true;
    let obj: Json;
    try {
      obj = JSON.parse(text);
    } catch (error) {
      yield problem({ line, file, code: "BAD_JSON", message: `Line ${line} is not valid JSON (${(error as Error).message}). Each line must be one complete JSON object.` });
      continue;
    }
    if (obj && typeof obj === "object" && "recordId" in obj && obj.modelInput && typeof obj.modelInput === "object") {
      notes.bedrockBatchInput = true;
      const { instruction, transcript } = splitInstruction(modelInputText(obj.modelInput));
      const metadata = { recordId: String(obj.recordId), ...(instruction ? { instruction } : {}) };
      yield { ok: true, value: { callId: String(obj.recordId), text: transcript, metadata, line, file } };
      continue;
    }
    if (!keys && obj && typeof obj === "object" && !Array.isArray(obj)) keys = guessObjectKeys(obj);
    yield recordFromObject(obj, { line, file, fileName, where: `Line ${line}`, fallbackId: `line-${line}` }, keys ?? {});
  }
  if (!any) yield problem({ line: 0, file, code: "EMPTY_FILE", message: `${fileName} is empty. Upload one JSON object per line.` });
}
