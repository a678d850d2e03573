// Plain-text transcripts: one call per file, "Speaker: utterance" paragraphs (the shape of the
// synthetic Bedrock sample calls). The file name is the call id.
import type { RawRecord, Turn } from "./types";

// A speaker label: a short name starting with a letter, then ":" and the utterance.
const SPEAKER = /^([A-Za-z][A-Za-z0-9 ._'-]{0,39}):[ \t]*(.*)$/;

/** The call id a file name implies: its base name without directory or extension. */
export function callIdFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Speaker turns of a "Speaker: utterance" text; undefined when no line names a speaker. */
export function parseTurns(text: string): Turn[] | undefined {
  const turns: Turn[] = [];
  for (const raw of text.split("\n")) {
    const lineText = raw.trim();
    if (!lineText) continue;
    const m = SPEAKER.exec(lineText);
    if (m) turns.push({ speaker: m[1].trim(), text: m[2] });
    else if (turns.length) turns[turns.length - 1].text += (turns[turns.length - 1].text ? "\n" : "") + lineText;
    else turns.push({ speaker: "", text: lineText });
  }
  return turns.some((t) => t.speaker) ? turns : undefined;
}

/** One call from a whole text file. */
export function parseTextTranscript(text: string, fileName: string): RawRecord {
  const normalised = text.replace(/\r\n?/g, "\n").trim();
  return {
    callId: callIdFromFileName(fileName),
    text: normalised,
    turns: parseTurns(normalised),
    line: 1,
    file: fileName,
  };
}

/** "AGENT: ...\nCUSTOMER: ..." from turns, the text form every model sees. */
export function turnsToText(turns: Turn[]): string {
  return turns.map((t) => (t.speaker ? `${t.speaker}: ${t.text}` : t.text)).join("\n");
}
