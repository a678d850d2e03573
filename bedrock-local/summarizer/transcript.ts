// Finds the call transcript inside a prompt and splits it into speaker turns and sentences.
// Transcripts come as `Speaker: utterance` lines (the synthetic calls, Amazon Transcribe as
// Recap renders it: `AGENT:`, `spk_0:`, `ch_1:`), as inline quoted turns on one line
// (`Customer Service Agent: "..." Customer: "..."`, the AWS sample input), or as plain text.
import { assignRoles, roleOf, type Role } from "./roles";

export type { Role };
export type Turn = { speaker: string; role: Role; sentences: string[] };

const TAGS = ["transcript", "call", "conversation"];

/**
 * The transcript and the instructions around it (where a JSON template would be).
 * A template may name its tags in prose ("the call between the <transcript> tags") before the
 * real block, so the block is the LAST closing tag and the opening tag that starts its own line
 * before it (else the nearest opening tag before it).
 */
export function splitPrompt(prompt: string): { transcript: string; instructions: string } {
  const lower = prompt.length < 200_000 ? prompt.toLowerCase() : prompt.slice(-200_000).toLowerCase();
  const shift = prompt.length - lower.length;
  for (const tag of TAGS) {
    const close = lower.lastIndexOf(`</${tag}>`);
    if (close < 0) continue;
    const open = openingBefore(lower, `<${tag}>`, close);
    if (open < 0) continue;
    const start = shift + open;
    const end = shift + close;
    return {
      transcript: prompt.slice(start + tag.length + 2, end),
      instructions: prompt.slice(0, start) + prompt.slice(end + tag.length + 3),
    };
  }
  // No tags: the transcript starts at the first line that opens a speaker turn.
  const first = firstTurnStart(prompt);
  if (first > 0) return { transcript: prompt.slice(first), instructions: prompt.slice(0, first) };
  return { transcript: prompt, instructions: "" };
}

function openingBefore(lower: string, openTag: string, close: number): number {
  let nearest = -1;
  for (let i = lower.lastIndexOf(openTag, close); i >= 0; i = i === 0 ? -1 : lower.lastIndexOf(openTag, i - 1)) {
    if (nearest < 0) nearest = i;
    if (i === 0 || lower[i - 1] === "\n") return i;
  }
  return nearest;
}

// A speaker is one to four capitalised words ("Agent", "Customer Service Agent", "AGENT"), or
// one lowercase or opaque label ("agent", "spk_0", "ch_1").
const SPEAKER = String.raw`(?:[A-Z][A-Za-z0-9.'\-]*(?: [A-Z][A-Za-z0-9.'\-]*){0,3}|[a-z][a-z]*(?:_\d+)?)`;
// Inline quoted turns only with capitalised speakers: `he said: "..."` inside a turn is not one.
const CAPITALISED = String.raw`[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3}`;
const INLINE_TURN = new RegExp(String.raw`(${CAPITALISED}):\s*"([^"]*)"`, "g");
const LINE_TURN = new RegExp(String.raw`^\s*\[?(${SPEAKER})\]?:[ \t]*(.*)$`);
const INLINE_START = new RegExp(String.raw`(?<=^|\s)(${CAPITALISED}):\s*"`, "g");

/** Where the first turn starts in a prompt without tags: a speaker label that recurs or has a role. */
function firstTurnStart(prompt: string): number {
  const lines = prompt.split("\n");
  const labels = new Map<string, number>();
  for (const line of lines) {
    const m = LINE_TURN.exec(line);
    if (m) labels.set(m[1]!, (labels.get(m[1]!) ?? 0) + 1);
  }
  let offset = 0;
  for (const line of lines) {
    const m = LINE_TURN.exec(line);
    if (m && ((labels.get(m[1]!) ?? 0) > 1 || roleOf(m[1]!) !== "other")) return offset;
    offset += line.length + 1;
  }
  const inline = [...prompt.matchAll(INLINE_START)];
  return inline.length >= 2 ? inline[0]!.index : -1;
}

export function parseTurns(transcript: string): Turn[] {
  const raw: { speaker: string; text: string }[] = [];
  const counts = new Map<string, number>();
  const paragraphs: string[] = [];
  let blank = true;
  for (const line of transcript.split("\n")) {
    const m = LINE_TURN.exec(line);
    if (m) {
      const speaker = m[1]!.trim();
      counts.set(speaker, (counts.get(speaker) ?? 0) + 1);
      raw.push({ speaker, text: m[2]! });
    } else if (line.trim() && raw.length > 0) {
      raw[raw.length - 1]!.text += " " + line.trim();
    }
    if (!line.trim()) blank = true;
    else if (blank || paragraphs.length === 0) {
      paragraphs.push(line.trim());
      blank = false;
    } else paragraphs[paragraphs.length - 1] += " " + line.trim();
  }
  // "Order number: 12345" inside a turn looks like a speaker once; real speakers recur or have a role.
  const turns: { speaker: string; text: string }[] = [];
  for (const t of raw) {
    const isSpeaker = (counts.get(t.speaker) ?? 0) > 1 || roleOf(t.speaker) !== "other";
    if (isSpeaker || turns.length === 0) turns.push({ ...t });
    else turns[turns.length - 1]!.text += ` ${t.speaker}: ${t.text}`;
  }
  if (turns.length >= 2) return finish(turns);
  const inline = [...transcript.matchAll(INLINE_TURN)];
  if (inline.length >= 2) return finish(inline.map((m) => ({ speaker: m[1]!, text: m[2]! })));
  // No speaker labels: one turn per paragraph (or line), speakers unknown.
  const parts = paragraphs.length > 1 ? paragraphs : transcript.split("\n").filter((l) => l.trim());
  return finish(parts.map((text) => ({ speaker: "", text })));
}

function finish(turns: { speaker: string; text: string }[]): Turn[] {
  const withSentences = turns.map((t) => ({ speaker: t.speaker, sentences: splitSentences(t.text) })).filter((t) => t.sentences.length > 0);
  const roles = assignRoles(withSentences);
  return withSentences.map((t, i) => ({ ...t, role: roles[i]! }));
}

const STAGE_DIRECTION = /\*[^*\n]{0,120}\*/g;
const FILLER = /^(?:(?:oh|well|um+|uh+|hmm+|ah|okay|ok|so|yes|yeah|alright|great|perfect|sure|certainly|absolutely|(?:hi|hello|hey)(?: [A-Z][a-z]+)?),?\s+)+/i;

// A sentence ends at . ! or ? followed by a space and a capital, digit, quote or bracket.
// A hand-written scan: this runs on every sentence of every record, thousands a second.
const startsSentence = (c: number) => (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 39 || c === 123 || c === 40;

// "Mr. {NAME}" is one sentence.
const TITLES = new Set(["Mr", "Mrs", "Ms", "Dr", "St", "Mx", "Prof", "Jr", "Sr"]);
function isTitle(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && text.charCodeAt(s - 1) !== 32) s--;
  return dot - s <= 4 && TITLES.has(text.slice(s, dot));
}

export function splitSentences(text: string): string[] {
  let clean = text.indexOf("*") === -1 ? text : text.replace(STAGE_DIRECTION, " ");
  if (/\s\s|[\t\n\r]/.test(clean)) clean = clean.replace(/\s+/g, " ");
  const out: string[] = [];
  const push = (part: string) => {
    const t = part.trim();
    if (t.length >= 2) out.push(t);
  };
  let start = 0;
  for (let i = 0; i < clean.length - 2; i++) {
    const c = clean.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63) && clean.charCodeAt(i + 1) === 32 && startsSentence(clean.charCodeAt(i + 2)) && !(c === 46 && isTitle(clean, i))) {
      push(clean.slice(start, i + 1));
      start = i + 2;
    }
  }
  push(clean.slice(start));
  return out;
}

/** A picked sentence without its opening filler ("Oh, um, ..."), capitalised. */
export function tidy(sentence: string): string {
  const s = sentence.replace(FILLER, "");
  return s.length < 2 ? sentence : s[0]!.toUpperCase() + s.slice(1);
}
