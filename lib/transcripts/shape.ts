// What kind of transcript a file held, in the words people know it by ("Contact Lens", not
// "json"), and the per-dataset role option applied to each record before validation.
import { turnsToText } from "./parse-text";
import { swapRoles } from "./roles";
import type { ParseNotes, RawRecord, TranscriptShape } from "./types";

const LABELS: Record<TranscriptShape, string> = {
  transcribe: "Amazon Transcribe",
  "transcribe-call-analytics": "Transcribe Call Analytics",
  "contact-lens": "Contact Lens",
  pca: "Transcribe Post Call Analytics (PCA)",
  "csv-turns": "CSV, one row per turn",
};

/** "Contact Lens", "Amazon Transcribe", ... when the shape is known, else the file format ("csv", "json"). */
export function formatLabel(notes: Pick<ParseNotes, "format" | "shape">): string | undefined {
  return notes.shape ? LABELS[notes.shape] : notes.format;
}

export type RoleOptions = {
  /** Swap Agent and Customer in every turn (the roles were read the wrong way round). */
  swapRoles?: boolean;
};

/** Notes the record's shape and applies the role option; returns the record to validate. */
export function finishRecord(record: RawRecord, opts: RoleOptions, notes: ParseNotes): RawRecord {
  const source = record.metadata?.source;
  if (typeof source === "string" && source in LABELS) notes.shape ??= source as TranscriptShape;
  if (record.turns?.length && (record.metadata?.rolesFrom || record.turns.some((t) => t.speaker))) notes.hasRoles = true;
  if (!opts.swapRoles || !record.turns) return record;
  const turns = swapRoles(record.turns);
  return { ...record, turns, text: turnsToText(turns), metadata: { ...record.metadata, rolesSwapped: true } };
}
