// A JSON object describing one call (an item of a JSON array or a JSONL line) -> raw record.
// Field names vary by exporter, so the id and text keys are guessed like CSV columns.
import { guessIdColumn, guessTextColumn } from "./columns";
import { turnsToText } from "./parse-text";
import { isPca, looksLikePca, parsePca, pcaAdvice } from "./parse-pca";
import { isCallAnalytics, isStandardTranscribe, parseCallAnalytics, parseStandardTranscribe } from "./parse-transcribe";
import { canonicalRole } from "./roles";
import { problem, type ParseResult, type Turn } from "./types";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TURN_KEYS = ["turns", "messages", "segments", "utterances", "dialogue", "conversation", "transcript"];

export type ObjectKeys = { id?: string; text?: string };

/** Guesses the id and text keys from a sample object (its string values stand in for rows). */
export function guessObjectKeys(sample: Json): ObjectKeys {
  const keys = Object.keys(sample);
  const id = guessIdColumn(keys);
  const stringKeys = keys.filter((k) => typeof sample[k] === "string");
  return { id, text: guessTextColumn(stringKeys, [stringKeys.map((k) => sample[k])], id) };
}

function turnsOf(value: unknown): Turn[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const turns = value
    .filter((t) => t && typeof t === "object")
    .map((t: Json) => ({
      // "AGENT", "agent", "Caller": one spelling of each role, whatever the exporter wrote.
      speaker: canonicalRole(String(t.speaker ?? t.role ?? t.participant ?? t.ParticipantRole ?? t.Speaker ?? "")),
      text: String(t.text ?? t.content ?? t.utterance ?? t.Content ?? t.Text ?? ""),
    }));
  return turns.length ? turns : undefined;
}

/** What to do about an object with no transcript, fitted to the shape it seems to have. */
function adviceFor(o: Json): string {
  if (looksLikePca(o)) return pcaAdvice(o);
  if (o.TranscriptionJob || o.TranscriptionJobName || o.CallAnalyticsJob) {
    return "This is a Transcribe job description, not its transcript. Download the file at TranscriptFileUri and upload that.";
  }
  if (o.results && typeof o.results === "object") {
    return `It looks like Amazon Transcribe output but has no "results.transcripts". Upload the job's output JSON unchanged.`;
  }
  if (Array.isArray(o.Transcript) || Array.isArray(o.Participants)) {
    return `It looks like Transcribe Call Analytics or Contact Lens output, but its "Transcript" segments have no "Content". Upload the analysis output file unchanged.`;
  }
  return `Add a "transcript" or "text" field, or a "turns" list of {"speaker", "text"}.`;
}

/** One call from one object; `where` is "line 3" or "item 3" for messages. */
export function recordFromObject(
  obj: unknown,
  at: { line: number; file?: string; fileName: string; where: string; fallbackId: string },
  keys: ObjectKeys,
): ParseResult {
  const { line, file } = at;
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) {
    return problem({ line, file, code: "BAD_ROW", message: `${at.where} is not an object. Give each call as {"id": ..., "transcript": ...}.` });
  }
  const o = obj as Json;
  if (isCallAnalytics(o)) return { ok: true, value: { ...parseCallAnalytics(o, at.fileName), line, file } };
  if (isStandardTranscribe(o)) return { ok: true, value: { ...parseStandardTranscribe(o, at.fileName), line, file } };
  if (isPca(o)) return { ok: true, value: { ...parsePca(o, at.fileName), line, file } };
  // A list of turns beats a guessed string key (which might be, say, the agent's name).
  const textKey = TURN_KEYS.find((k) => Array.isArray(o[k])) ?? (keys.text && keys.text in o ? keys.text : undefined);
  if (!textKey) {
    return problem({
      line, file, code: "MISSING_COLUMN", field: keys.text,
      message: `${at.where} has no transcript field (keys: ${Object.keys(o).join(", ")}). ${adviceFor(o)}`,
    });
  }
  const raw = o[textKey];
  const turns = turnsOf(raw);
  const text = turns ? turnsToText(turns) : typeof raw === "string" ? raw : "";
  const idValue = keys.id !== undefined ? o[keys.id] : undefined;
  const metadata: Record<string, unknown> = {};
  for (const k of Object.keys(o)) if (k !== keys.id && k !== textKey) metadata[k] = o[k];
  return {
    ok: true,
    value: {
      // No id key at all: the position is a stable id. An id key with no value is a problem.
      callId: keys.id === undefined ? at.fallbackId : idValue === undefined || idValue === null ? "" : String(idValue).trim(),
      text,
      turns,
      metadata: Object.keys(metadata).length ? metadata : undefined,
      line,
      file,
    },
  };
}
