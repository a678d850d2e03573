// Finds the call transcript inside a prompt and splits it into speaker turns and sentences.
// Transcripts come as `Speaker: utterance` lines (the synthetic calls) or as inline quoted
// turns on one line (`Customer Service Agent: "..." Customer: "..."`, the AWS sample input).

export type Role = "customer" | "agent" | "other";
export type Turn = { speaker: string; role: Role; sentences: string[] };

const AGENT = /agent|representative|\brep\b|advisor|supervisor|manager|specialist|associate|operator|technician|support|service|assistant|banker|officer/i;
const CUSTOMER = /customer|caller|client|consumer|patient|member|guest|user|buyer|account holder/i;

export function roleOf(speaker: string): Role {
  if (AGENT.test(speaker)) return "agent";
  if (CUSTOMER.test(speaker)) return "customer";
  return "other";
}

/** The transcript and the instructions around it (where a JSON template would be). */
export function splitPrompt(prompt: string): { transcript: string; instructions: string } {
  const tagged = /<(transcript|call|conversation)>([\s\S]*?)<\/\1>/i.exec(prompt);
  if (tagged) return { transcript: tagged[2]!, instructions: prompt.slice(0, tagged.index) + prompt.slice(tagged.index + tagged[0].length) };
  // The transcript starts at the first speaker with a known role ("Agent:", "Customer:").
  for (const m of prompt.matchAll(TURN_START)) {
    if (roleOf(m[1]!) === "other") continue;
    return { transcript: prompt.slice(m.index), instructions: prompt.slice(0, m.index) };
  }
  return { transcript: prompt, instructions: "" };
}

// A speaker is one to four capitalised words: "Agent", "Customer Service Agent", "Financial Advisor".
const SPEAKER = String.raw`[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3}`;
const TURN_START = new RegExp(String.raw`(?<=^|\s)(${SPEAKER}):[ \t]*(?=["\w*{(\[])`, "gm");
const INLINE_TURN = new RegExp(String.raw`(${SPEAKER}):\s*"([^"]*)"`, "g");
const LINE_TURN = new RegExp(String.raw`^\s*(${SPEAKER}):[ \t]*(.*)$`);

export function parseTurns(transcript: string): Turn[] {
  const inline = [...transcript.matchAll(INLINE_TURN)];
  if (inline.length >= 2) return inline.map((m) => makeTurn(m[1]!, m[2]!));

  const raw: { speaker: string; text: string }[] = [];
  const counts = new Map<string, number>();
  for (const line of transcript.split("\n")) {
    const m = LINE_TURN.exec(line);
    if (m) {
      const speaker = m[1]!.trim();
      counts.set(speaker, (counts.get(speaker) ?? 0) + 1);
      raw.push({ speaker, text: m[2]! });
    } else if (line.trim() && raw.length > 0) {
      raw[raw.length - 1]!.text += " " + line.trim();
    }
  }
  // "Order number: 12345" inside a turn looks like a speaker once; real speakers recur or have a role.
  const turns: { speaker: string; text: string }[] = [];
  for (const t of raw) {
    const isSpeaker = (counts.get(t.speaker) ?? 0) > 1 || roleOf(t.speaker) !== "other";
    if (isSpeaker || turns.length === 0) turns.push({ ...t });
    else turns[turns.length - 1]!.text += ` ${t.speaker}: ${t.text}`;
  }
  if (turns.length === 0) return [makeTurn("Speaker", transcript)];
  return turns.map((t) => makeTurn(t.speaker, t.text));
}

function makeTurn(speaker: string, text: string): Turn {
  return { speaker, role: roleOf(speaker), sentences: splitSentences(text) };
}

const STAGE_DIRECTION = /\*[^*\n]{0,120}\*/g;
const FILLER = /^(?:(?:oh|well|um+|uh+|hmm+|ah|okay|ok|so|yes|yeah|alright|great|perfect|sure|certainly|absolutely|(?:hi|hello|hey)(?: [A-Z][a-z]+)?),?\s+)+/i;

// A sentence ends at . ! or ? followed by a space and a capital, digit, quote or bracket.
// A hand-written scan: this runs on every sentence of every record, thousands a second.
const startsSentence = (c: number) => (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 39 || c === 123 || c === 40;

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
    if ((c === 46 || c === 33 || c === 63) && clean.charCodeAt(i + 1) === 32 && startsSentence(clean.charCodeAt(i + 2))) {
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
