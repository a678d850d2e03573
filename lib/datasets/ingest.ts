import "server-only";
import { createReadStream } from "node:fs";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseTranscriptFiles, parseTranscripts, type ParseNotes, type ParseResult, type Problem } from "@/lib/transcripts";
import { mostlyDuplicates } from "@/lib/transcripts/group-turns";
import { formatLabel } from "@/lib/transcripts/shape";
import { readZipEntries } from "@/lib/transcripts/read-zip";
import { recordIdFor } from "@/lib/jsonl";
import { guessCallFieldColumns, splitCallMetadata, type CallFieldColumns } from "@/lib/transcripts/call-metadata";
import { keys, openObjectWriter, type Target } from "@/lib/storage";

/** Transcripts longer than this are refused at upload: beyond every enabled model's context. */
export const MAX_INPUT_TOKENS = 180_000;
const INSERT_BATCH = 500;
// Also bounded by size: PGlite runs in this process's thread, so one large insert holds up every
// other request for as long as it takes (seen as a >1 s /api/health during a 200 MB upload).
const INSERT_BATCH_CHARS = 128 * 1024;
const KEPT_PROBLEMS = 1000;

export type DatasetReport = {
  format?: string;
  encoding?: string;
  columns?: { id?: string; text?: string } & CallFieldColumns;
  problemCount: number;
  problems: Problem[];
  /** key of the normalised, redacted transcripts (JSONL {callId, text}) that submit converts */
  normalizedKey: string;
};

export type IngestInput = {
  prisma: Db;
  storage: Target & { uploadPrefix: string };
  filePath: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  userId: string;
  name?: string;
  idColumn?: string;
  textColumn?: string;
  /** CSV: one row per call or per turn (default: detected). */
  grouping?: "calls" | "turns";
  swapRoles?: boolean;
  /** which metadata keys (CSV columns) hold the agent, team, call start, ...; unset: guessed by name */
  callFieldColumns?: CallFieldColumns;
};

/**
 * Parse an uploaded file (already on local disk) into Transcript rows, and keep a normalised,
 * PII-redacted copy in S3 that submission converts to Bedrock JSONL. Problem rows are skipped and
 * reported by line; every accepted row is kept.
 */
export async function ingestUpload(input: IngestInput): Promise<{ datasetId: string; accepted: number; report: DatasetReport }> {
  const { prisma } = input;
  const isZip = /\.zip$/i.test(input.fileName);
  const dataset = await prisma.dataset.create({
    data: {
      name: input.name?.trim() || input.fileName,
      fileName: input.fileName,
      format: isZip ? "zip" : "pending",
      sizeBytes: BigInt(input.sizeBytes),
      sha256: input.sha256,
      createdById: input.userId,
    },
  });
  const normalizedKey = keys.upload(input.storage.uploadPrefix, dataset.id, "transcripts.jsonl");
  const notes: ParseNotes = {};
  const parseOpts = { redact: true, maxInputTokens: MAX_INPUT_TOKENS, idColumn: input.idColumn, textColumn: input.textColumn, grouping: input.grouping, swapRoles: input.swapRoles, notes };
  const results: AsyncIterable<ParseResult> = isZip
    ? parseTranscriptFiles(readZipEntries(input.filePath, { label: input.fileName }), parseOpts)
    : parseTranscripts(createReadStream(input.filePath, { highWaterMark: 64 * 1024 }), { ...parseOpts, fileName: input.fileName });

  const normalized = openObjectWriter({ ...input.storage, key: normalizedKey, contentType: "application/jsonl" });
  const problems: Problem[] = [];
  let problemCount = 0;
  let duplicates = 0;
  let accepted = 0;
  let pending: Array<{ datasetId: string; callId: string; recordId: string; text: string; lineNumber: number; charCount: number; metadata?: object } & ReturnType<typeof splitCallMetadata>["fields"]> = [];
  let callColumns = input.callFieldColumns;
  let pendingChars = 0;
  const flush = async () => {
    if (pending.length) await prisma.transcript.createMany({ data: pending });
    pending = [];
    pendingChars = 0;
  };
  try {
    for await (const r of results) {
      if (!r.ok) {
        problemCount++;
        if (r.error.code === "DUPLICATE_CALL_ID") duplicates++;
        if (problems.length < KEPT_PROBLEMS) problems.push(r.error);
        continue;
      }
      const t = r.value;
      accepted++;
      callColumns ??= guessCallFieldColumns(Object.keys(t.metadata ?? {}));
      const call = splitCallMetadata(t.metadata, callColumns);
      pending.push({
        datasetId: dataset.id, callId: t.callId, recordId: recordIdFor(accepted), text: t.text,
        lineNumber: t.line, charCount: t.text.length, metadata: call.rest, ...call.fields,
      });
      await normalized.write(JSON.stringify({ callId: t.callId, text: t.text }) + "\n");
      pendingChars += t.text.length + (t.metadata ? JSON.stringify(t.metadata).length : 0);
      if (pending.length >= INSERT_BATCH || pendingChars >= INSERT_BATCH_CHARS) await flush();
    }
    await flush();
    await normalized.close();
  } catch (e) {
    await normalized.abort();
    await prisma.dataset.delete({ where: { id: dataset.id } });
    throw e;
  }

  const report: DatasetReport = {
    format: formatLabel(notes), encoding: notes.encoding, columns: { id: notes.idColumn, text: notes.textColumn, ...callColumns },
    problemCount, problems, normalizedKey,
  };
  // Most rows refused as repeats: one row per turn read as one row per call. Never store that loss.
  const lost = mostlyDuplicates({ accepted, duplicates });
  if (lost) {
    await prisma.dataset.delete({ where: { id: dataset.id } });
    throw new AppError("VALIDATION", lost, "grouping");
  }
  if (accepted === 0) {
    await prisma.dataset.delete({ where: { id: dataset.id } });
    const first = problems[0];
    throw new AppError("VALIDATION", first ? `No usable transcripts. ${first.message}` : "No transcripts were found in the file.");
  }
  await prisma.dataset.update({
    where: { id: dataset.id },
    data: { recordCount: accepted, format: isZip ? "zip" : (formatLabel(notes) ?? "unknown"), report: report as object, sourceKey: normalizedKey },
  });
  return { datasetId: dataset.id, accepted, report };
}
