// Which CSV columns hold the call id and the transcript. Exported transcripts come from many
// contact-center tools, each with its own header names, so we guess and let the user override.

const ID_NAMES = [
  "callid", "id", "contactid", "conversationid", "interactionid", "transcriptid",
  "sessionid", "ticketid", "caseid", "recordid", "uuid", "key",
];
const TEXT_NAMES = [
  "transcript", "transcripttext", "calltranscript", "text", "conversation", "content",
  "dialogue", "dialog", "body", "message", "messages", "utterances",
];

const norm = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The first header (case and punctuation ignored) named like one of `names`, in `names`' order. */
function columnNamed(columns: string[], names: string[]): string | undefined {
  const normalised = columns.map(norm);
  for (const want of names) {
    const k = normalised.indexOf(want);
    if (k >= 0) return columns[k];
  }
  return undefined;
}

/** The header most likely to be the call id (call_id, callId, id, contact_id, ...). */
export function guessIdColumn(columns: string[]): string | undefined {
  return columnNamed(columns, ID_NAMES) ?? columns.find((c) => norm(c).endsWith("id"));
}

/** The header named like a transcript column (transcript, text, conversation, ...), if any. */
export function textColumnByName(columns: string[]): string | undefined {
  return columnNamed(columns, TEXT_NAMES);
}

/** The header most likely to be the transcript: a known name, else the longest on average. */
export function guessTextColumn(columns: string[], rows: string[][], idColumn?: string): string | undefined {
  const byName = textColumnByName(columns);
  if (byName) return byName;
  let best = -1;
  let bestAvg = 0;
  columns.forEach((c, k) => {
    if (c === idColumn) return;
    const avg = rows.reduce((sum, r) => sum + (r[k]?.length ?? 0), 0) / Math.max(rows.length, 1);
    if (avg > bestAvg) [best, bestAvg] = [k, avg];
  });
  return best >= 0 ? columns[best] : undefined;
}

/** The delimiter of a CSV header line: comma, semicolon or tab, whichever occurs most. */
export function guessDelimiter(text: string): "," | ";" | "\t" {
  // Look at the first line only (outside quotes), where a header has no commas of its own.
  let quoted = false;
  const counts = { ",": 0, ";": 0, "\t": 0 };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && (c === "," || c === ";" || c === "\t")) counts[c]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","]) return "\t";
  return ",";
}

const TURN_NAMES = ["turn", "turnnumber", "turnindex", "turnno", "turnid", "seq", "sequence", "seqno", "order", "position", "utteranceindex", "messageindex", "linenumber"];
const SPEAKER_NAMES = ["speaker", "speakerrole", "role", "participant", "participantrole", "speakerlabel", "from", "author", "sender", "party"];

/** The header that orders turns within a call (turn, seq, order, ...), if any. */
export function guessTurnColumn(columns: string[]): string | undefined {
  return columnNamed(columns, TURN_NAMES);
}

/** The header naming who speaks (speaker, role, participant, ...), if any. */
export function guessSpeakerColumn(columns: string[]): string | undefined {
  return columnNamed(columns, SPEAKER_NAMES);
}
