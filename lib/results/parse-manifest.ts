import { z } from "zod";

export const MANIFEST_COUNTS = [
  "totalRecordCount",
  "processedRecordCount",
  "successRecordCount",
  "errorRecordCount",
  "inputTokenCount",
  "outputTokenCount",
] as const;
export type ManifestCount = (typeof MANIFEST_COUNTS)[number];

// A count is a whole number >= 0; a numeric string is accepted because the file is untrusted, not wrong.
const count = z.preprocess(
  (v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
  z.number().int().nonnegative().optional(),
);

/** `manifest.json.out` as Bedrock writes it beside a job's output files. */
export const Manifest = z.looseObject({
  totalRecordCount: count,
  processedRecordCount: count,
  successRecordCount: count,
  errorRecordCount: count,
  inputTokenCount: count,
  outputTokenCount: count,
});
export type Manifest = z.infer<typeof Manifest>;

/** The counts, each 0 when absent; `missing` names the absent ones so the UI can say totals are incomplete. */
export type ManifestCounts = Record<ManifestCount, number> & { missing: ManifestCount[] };

export type ParsedManifest = { ok: true; manifest: ManifestCounts } | { ok: false; message: string };

/** Parses the text (or already-parsed JSON) of manifest.json.out. Never throws. */
export function parseManifest(input: string | unknown): ParsedManifest {
  let json: unknown = input;
  if (typeof input === "string") {
    try {
      json = JSON.parse(input);
    } catch (error) {
      return { ok: false, message: `manifest.json.out is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
    }
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, message: "manifest.json.out is not a JSON object." };
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const field = parsed.error.issues[0].path.join(".");
    return { ok: false, message: `manifest.json.out: ${field} must be a whole number of 0 or more.` };
  }
  const missing = MANIFEST_COUNTS.filter((k) => parsed.data[k] === undefined);
  const counts = Object.fromEntries(MANIFEST_COUNTS.map((k) => [k, parsed.data[k] ?? 0])) as Record<ManifestCount, number>;
  return { ok: true, manifest: { ...counts, missing } };
}
