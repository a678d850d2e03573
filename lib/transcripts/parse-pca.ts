// Amazon Transcribe Post Call Analytics (PCA) parsed output -> one record:
// {ConversationAnalytics: {SpeakerLabels: [{Speaker: "spk_0", DisplayText: "Agent"}], ...},
//  SpeechSegments: [{SegmentSpeaker: "spk_0", DisplayText, OriginalText, SegmentStartTime, ...}]}.
import { callIdFromFileName, turnsToText } from "./parse-text";
import { applyRoles, canonicalRole, guessRoles } from "./roles";
import type { RawRecord, Turn } from "./types";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** True for a PCA parsed document (it may still lack usable segments; see pcaProblem). */
export function looksLikePca(doc: Json): boolean {
  return Boolean(doc?.ConversationAnalytics && typeof doc.ConversationAnalytics === "object") || Array.isArray(doc?.SpeechSegments);
}

/** True when a PCA document has segments with text to read. */
export function isPca(doc: Json): boolean {
  return looksLikePca(doc) && Array.isArray(doc.SpeechSegments) &&
    doc.SpeechSegments.some((s: Json) => typeof (s?.DisplayText ?? s?.OriginalText) === "string");
}

/** What to do with a PCA-like document that has no readable segments. */
export function pcaAdvice(doc: Json): string {
  if (!Array.isArray(doc.SpeechSegments)) {
    return `It looks like Post Call Analytics output (it has ConversationAnalytics) but has no "SpeechSegments" list. Upload the parsed file PCA writes (parsedFiles/<call>.json) as it is.`;
  }
  return `It looks like Post Call Analytics output, but its "SpeechSegments" have no DisplayText or OriginalText. Upload the parsed file PCA writes as it is.`;
}

function callIdOf(doc: Json, fileName: string): string {
  const ca = doc.ConversationAnalytics ?? {};
  const job = ca.SourceInformation?.[0]?.TranscribeJobInfo?.TranscriptionJobName;
  const id = job ?? ca.GUID;
  return typeof id === "string" && id.trim() ? id.trim() : callIdFromFileName(fileName);
}

/** A PCA document: one turn per segment, named by SpeakerLabels (else guessed from what is said). */
export function parsePca(doc: Json, fileName: string): RawRecord {
  const ca: Json = doc.ConversationAnalytics ?? {};
  const labels: Record<string, string> = {};
  for (const l of Array.isArray(ca.SpeakerLabels) ? ca.SpeakerLabels : []) {
    if (l?.Speaker && typeof l.DisplayText === "string" && l.DisplayText.trim()) labels[String(l.Speaker)] = canonicalRole(l.DisplayText.trim());
  }
  const segments: Turn[] = doc.SpeechSegments.filter((s: Json) => typeof (s?.DisplayText ?? s?.OriginalText) === "string").map((s: Json) => ({
    speaker: String(s.SegmentSpeaker ?? ""),
    text: String(s.DisplayText ?? s.OriginalText),
  }));
  const labelled = segments.every((t) => labels[t.speaker] !== undefined);
  const roles = labelled ? labels : guessRoles(segments);
  const turns = applyRoles(segments, roles);
  const metadata: Record<string, unknown> = { source: "pca", rolesFrom: labelled ? "labels" : "heuristic", roles };
  if (ca.LanguageCode) metadata.LanguageCode = ca.LanguageCode;
  if (ca.Agent) metadata.agent = ca.Agent;
  if (ca.ConversationTime) metadata.conversationTime = ca.ConversationTime;
  if (ca.Duration !== undefined) metadata.duration = ca.Duration;
  if (Array.isArray(ca.CategoriesDetected)) metadata.categories = ca.CategoriesDetected.map((c: Json) => c?.Name).filter(Boolean);
  return { callId: callIdOf(doc, fileName), text: turnsToText(turns), turns, metadata, line: 1, file: fileName };
}
