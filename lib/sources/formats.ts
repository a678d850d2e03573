import type { InputFormat } from "@/lib/transcripts";

/** What a source's objects hold, in the words an admin picks them by. */
export const SOURCE_FORMATS = {
  transcribe: { label: "Amazon Transcribe JSON", parse: "json", suffixes: [".json"] },
  "call-analytics": { label: "Transcribe Call Analytics / Contact Lens JSON", parse: "json", suffixes: [".json"] },
  csv: { label: "CSV (one row per call or per turn)", parse: "csv", suffixes: [".csv", ".tsv"] },
  jsonl: { label: "JSONL (one call per line)", parse: "jsonl", suffixes: [".jsonl", ".ndjson"] },
} as const satisfies Record<string, { label: string; parse: InputFormat; suffixes: readonly string[] }>;

export type SourceFormat = keyof typeof SOURCE_FORMATS;

export function isSourceFormat(v: string): v is SourceFormat {
  return v in SOURCE_FORMATS;
}

/**
 * Whether a listed key is a transcript of this format. Transcribe writes `.write_access_check_file.temp`
 * and folders ("prefix/") beside its output; those are never transcripts.
 */
export function keyMatches(format: SourceFormat, key: string): boolean {
  if (key.endsWith("/")) return false;
  const name = key.slice(key.lastIndexOf("/") + 1).toLowerCase();
  if (name.startsWith(".")) return false;
  return SOURCE_FORMATS[format].suffixes.some((s) => name.endsWith(s));
}
