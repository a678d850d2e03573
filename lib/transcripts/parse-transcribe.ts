// Amazon Transcribe output -> one record. Three shapes exist: Call Analytics (segments with
// ParticipantRole AGENT / CUSTOMER), Contact Lens (segments with a ParticipantId, roles in
// Participants) and standard jobs (results.transcripts, with speakers in audio_segments, in items'
// speaker_label, in speaker_labels.segments, or per channel). Speakers become Agent / Customer.
import type { RawRecord, Turn } from "./types";
import { callIdFromFileName, turnsToText } from "./parse-text";
import { applyRoles, canonicalRole, guessRoles } from "./roles";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** True for a Call Analytics or Contact Lens output document (segments with Content). */
export function isCallAnalytics(doc: Json): boolean {
  return Array.isArray(doc?.Transcript) && doc.Transcript.some((s: Json) => typeof s?.Content === "string");
}

/** True for a standard Transcribe job output document. */
export function isStandardTranscribe(doc: Json): boolean {
  return Array.isArray(doc?.results?.transcripts);
}

/** Contact Lens marks itself with Amazon Connect's ids and speaks by ParticipantId. */
function isContactLens(doc: Json): boolean {
  return Boolean(doc.CustomerMetadata || doc.InstanceId || doc.InitialContactId || doc.ContactId) ||
    (doc.Transcript as Json[]).some((s) => s?.ParticipantId !== undefined && s?.ParticipantRole === undefined);
}

/** The call id Amazon Connect gave the contact, else the Transcribe job name, else the file name. */
function callIdOf(doc: Json, fileName: string): string {
  const id = doc.CustomerMetadata?.ContactId ?? doc.ContactId ?? doc.InitialContactId ?? doc.JobName ?? doc.jobName;
  return typeof id === "string" && id.trim() ? id.trim() : callIdFromFileName(fileName);
}

/**
 * A Call Analytics or Contact Lens document: one turn per segment. The speaker is the segment's
 * ParticipantRole, or its ParticipantId looked up in `Participants`; an id with no role there
 * becomes "Speaker N", never the opaque id itself.
 */
export function parseCallAnalytics(doc: Json, fileName: string): RawRecord {
  const roleOf = new Map<string, string>();
  for (const p of Array.isArray(doc.Participants) ? doc.Participants : []) {
    if (p?.ParticipantId !== undefined && p?.ParticipantRole) roleOf.set(String(p.ParticipantId), canonicalRole(String(p.ParticipantRole)));
  }
  const unknown: string[] = [];
  const speakerOf = (s: Json): string => {
    if (s.ParticipantRole) return canonicalRole(String(s.ParticipantRole));
    const id = String(s.ParticipantId ?? "");
    const known = roleOf.get(id) ?? (canonicalRole(id) !== id ? canonicalRole(id) : undefined);
    if (known) return known;
    if (!unknown.includes(id)) unknown.push(id);
    return `Speaker ${unknown.indexOf(id) + 1}`;
  };
  const segments: Turn[] = doc.Transcript.filter((s: Json) => typeof s?.Content === "string").map((s: Json) => ({ speaker: speakerOf(s), text: s.Content }));
  const contactLens = isContactLens(doc);
  // No roles at all (opaque ids only): guess them from what is said. Some known: keep those.
  const guessed = unknown.length > 0 && segments.every((t) => t.speaker.startsWith("Speaker "));
  const turns = guessed ? applyRoles(segments, guessRoles(segments)) : segments;
  const metadata: Record<string, unknown> = {
    source: contactLens ? "contact-lens" : "transcribe-call-analytics",
    rolesFrom: guessed ? "heuristic" : "participants",
  };
  for (const k of ["LanguageCode", "Channel", "ContentMetadata", "ConversationCharacteristics", "InstanceId"]) {
    if (doc[k] !== undefined) metadata[k] = doc[k];
  }
  if (doc.Categories?.MatchedCategories) metadata.categories = doc.Categories.MatchedCategories;
  // The call's length: the conversation's own total when given, else the last segment's end.
  const total = doc.ConversationCharacteristics?.TotalConversationDurationMillis;
  const lastEnd = doc.Transcript.reduce((m: number, s: Json) => Math.max(m, Number(s?.EndOffsetMillis) || 0), 0);
  if (Number(total) > 0 || lastEnd > 0) metadata.durationSec = Math.round((Number(total) > 0 ? Number(total) : lastEnd) / 1000);
  if (doc.CustomerMetadata?.ContactId) metadata.ContactId = doc.CustomerMetadata.ContactId;
  return { callId: callIdOf(doc, fileName), text: turnsToText(turns), turns, metadata, line: 1, file: fileName };
}

type Word = { time: number; speaker: string; content: string; punctuation: boolean };

// Words with speakers from items (speaker_label on the item, or looked up in speaker_labels).
function wordsOf(results: Json): Word[] {
  const bySpeakerTime = new Map<string, string>();
  for (const seg of results.speaker_labels?.segments ?? []) {
    for (const it of seg.items ?? []) bySpeakerTime.set(String(it.start_time), String(it.speaker_label ?? seg.speaker_label));
  }
  const channelItems: [string, Json][] = (results.channel_labels?.channels ?? []).flatMap((ch: Json) =>
    (ch.items ?? []).map((it: Json) => [String(ch.channel_label), it] as [string, Json]),
  );
  const items: [string | undefined, Json][] = channelItems.length ? channelItems : (results.items ?? []).map((it: Json) => [undefined, it]);
  let lastTime = 0;
  const words = items.map(([channel, it]) => {
    const punctuation = it.type === "punctuation";
    const time = it.start_time !== undefined ? Number(it.start_time) : lastTime;
    lastTime = time;
    const speaker = channel ?? it.speaker_label ?? bySpeakerTime.get(String(it.start_time)) ?? "";
    return { time, speaker, content: String(it.alternatives?.[0]?.content ?? ""), punctuation };
  });
  if (channelItems.length) words.sort((a, b) => a.time - b.time);
  // Punctuation has no time and no speaker: it belongs to the word before it.
  for (let i = 1; i < words.length; i++) if (words[i].punctuation) words[i].speaker = words[i - 1].speaker;
  return words;
}

function turnsFromWords(words: Word[]): Turn[] {
  const turns: Turn[] = [];
  for (const w of words) {
    const last = turns[turns.length - 1];
    if (last && last.speaker === w.speaker) last.text += (w.punctuation ? "" : " ") + w.content;
    else turns.push({ speaker: w.speaker, text: w.content });
  }
  return turns;
}

/** A standard Transcribe document: speaker turns when the job labelled speakers or channels. */
export function parseStandardTranscribe(doc: Json, fileName: string): RawRecord {
  const results = doc.results;
  const plain = String(results.transcripts?.[0]?.transcript ?? "");
  let turns: Turn[] | undefined;
  if (Array.isArray(results.audio_segments) && results.audio_segments.some((s: Json) => s.speaker_label || s.channel_label)) {
    turns = applyRoles(
      results.audio_segments.map((s: Json) => ({ speaker: String(s.speaker_label ?? s.channel_label ?? ""), text: String(s.transcript ?? "") })),
      {},
    );
  } else if (results.speaker_labels || results.channel_labels || results.items?.some((i: Json) => i.speaker_label)) {
    turns = turnsFromWords(wordsOf(results));
  }
  if (turns && !turns.some((t) => t.speaker)) turns = undefined;
  const metadata: Record<string, unknown> = { source: "transcribe" };
  if (turns) {
    // spk_0 / ch_0 say nothing about who is who: guess, and keep the guess so it can be checked.
    const roles = guessRoles(turns);
    turns = applyRoles(turns, roles);
    metadata.roles = roles;
    metadata.rolesFrom = "heuristic";
  }
  if (results.language_code) metadata.LanguageCode = results.language_code;
  // Duration from the last timestamp of the words (Transcribe's own times, in seconds).
  const lastEnd = (Array.isArray(results.items) ? results.items : []).reduce((m: number, i: Json) => Math.max(m, Number(i?.end_time) || 0), 0);
  if (lastEnd > 0) metadata.durationSec = Math.round(lastEnd);
  return {
    callId: callIdOf(doc, fileName),
    text: turns ? turnsToText(turns) : plain,
    turns,
    metadata,
    line: 1,
    file: fileName,
  };
}
