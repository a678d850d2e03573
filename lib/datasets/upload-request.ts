import "server-only";
// A transcript file streamed as a request's raw body, received and ingested: shared by
// POST /api/uploads (the browser) and POST /api/v1/datasets (the API), so both check the same.
import path from "node:path";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/guards";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit/log";
import { storageTarget } from "@/lib/storage/settings";
import { CALL_FIELDS, type CallFieldColumns } from "@/lib/transcripts/call-metadata";
import { ingestUpload } from "./ingest";
import { receiveUpload } from "./receive-upload";

// PostgreSQL refuses NUL (0x00) in text, so it is refused here, by name, rather than as a 500.
const param = (field: string, max: number) =>
  z.string({ error: `${field} is required: add ?${field}=... to the URL` }).max(max, `${field} is longer than ${max} characters`).refine((v) => !v.includes("\0"), `${field} contains a NUL (0x00) character. Remove it and try again.`);

/** The upload's query parameters. */
export const UploadQuery = z.object({
  fileName: param("fileName", 255).transform((v) => v.trim()).pipe(z.string().min(1, "fileName is required")).meta({ description: "the file's name; its extension picks the parser (.csv, .txt, .json, .jsonl, .zip)" }),
  name: param("name", 200).transform((v) => v.trim()).optional().meta({ description: "the dataset's name (default: the file name)" }),
  idColumn: param("idColumn", 200).optional().meta({ description: "CSV: the call id column, when the guess is wrong" }),
  textColumn: param("textColumn", 200).optional().meta({ description: "CSV: the transcript column, when the guess is wrong" }),
  grouping: z.enum(["calls", "turns"], { message: 'grouping is "calls" or "turns"' }).optional().meta({ description: "CSV: one row per call, or one row per turn" }),
  swapRoles: z.enum(["1", "0"]).optional().meta({ description: "1 swaps the Agent and Customer guessed for the file" }),
  callFields: z.enum(["1"], { message: 'callFields is "1" (the call columns were chosen) or absent (guess them)' }).optional()
    .meta({ description: "CSV: 1 when the <field>Column parameters name the call's columns; absent, they are guessed from the header" }),
  ...Object.fromEntries(CALL_FIELDS.map((f) => [`${f}Column`, param(`${f}Column`, 200).optional().meta({ description: `CSV: the column holding the call's ${f}` })])),
});

/** The column chooser's call fields (?callFields=1&agentColumn=&teamColumn=...); without callFields=1 they are guessed by header name. */
function callFieldColumns(q: Record<string, string | undefined>): CallFieldColumns | undefined {
  if (q.callFields !== "1" && !CALL_FIELDS.some((f) => q[`${f}Column`])) return undefined;
  return Object.fromEntries(CALL_FIELDS.filter((f) => q[`${f}Column`]).map((f) => [f, q[`${f}Column`]]));
}

export const UploadProblem = z.object({ line: z.number().int(), field: z.string().optional(), file: z.string().optional(), code: z.string(), message: z.string() });

/** What an upload answers (201). */
export const DatasetUploaded = z
  .object({
    datasetId: z.string(),
    accepted: z.number().int().meta({ description: "transcripts stored" }),
    problemCount: z.number().int(),
    problems: z.array(UploadProblem).meta({ description: "the first 200 problems, by line" }),
    notes: z.object({ format: z.string().optional(), encoding: z.string().optional(), columns: z.object({ id: z.string().optional(), text: z.string().optional() }).optional() }),
    sha256: z.string(),
    sizeBytes: z.number().int(),
  })
  .meta({ id: "DatasetUploaded" });
export type DatasetUploaded = z.infer<typeof DatasetUploaded>;

/** X-Recap-Size and X-Recap-Sha256 are required: without them a cut or altered body cannot be told. */
function integrityHeaders(h: Headers): { size: number; sha256: string } {
  const size = h.get("x-recap-size")?.trim();
  const sha256 = h.get("x-recap-sha256")?.trim();
  if (!size) throw new AppError("VALIDATION", "The X-Recap-Size header is missing: send the file's size in bytes with the upload.", "X-Recap-Size");
  if (!/^\d{1,15}$/.test(size)) throw new AppError("VALIDATION", `The X-Recap-Size header must be the file's size in bytes (a whole number), not "${size.slice(0, 40)}".`, "X-Recap-Size");
  if (!sha256) throw new AppError("VALIDATION", "The X-Recap-Sha256 header is missing: send the file's SHA-256 (64 hex digits) with the upload.", "X-Recap-Sha256");
  if (!/^[0-9a-f]{64}$/i.test(sha256)) throw new AppError("VALIDATION", "The X-Recap-Sha256 header must be the file's SHA-256 as 64 hex digits.", "X-Recap-Sha256");
  return { size: Number(size), sha256 };
}

/** Stream the body to disk (size limit, byte count and checksum checked), ingest it, audit it. */
export async function receiveDatasetUpload(req: Request, user: SessionUser): Promise<DatasetUploaded> {
  let cleanup: (() => Promise<void>) | undefined;
  try {
    const query = UploadQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!query.success) {
      const issue = query.error.issues[0];
      throw new AppError("VALIDATION", issue.message, String(issue.path[0] ?? "query"));
    }
    const expected = integrityHeaders(req.headers);
    if (!req.body) throw new AppError("VALIDATION", "The request has no file in its body.");
    const received = await receiveUpload({
      body: req.body,
      dir: path.join(config().dataDir, "uploads"),
      maxBytes: config().maxUploadBytes,
      expectedSize: expected.size,
      expectedSha256: expected.sha256,
    });
    cleanup = received.cleanup;
    const prisma = await db();
    const result = await ingestUpload({
      prisma,
      storage: await storageTarget(prisma),
      filePath: received.path,
      fileName: query.data.fileName,
      sizeBytes: received.sizeBytes,
      sha256: received.sha256,
      userId: user.id,
      name: query.data.name,
      idColumn: query.data.idColumn || undefined,
      textColumn: query.data.textColumn || undefined,
      grouping: query.data.grouping,
      swapRoles: query.data.swapRoles === "1",
      callFieldColumns: callFieldColumns(query.data as Record<string, string | undefined>),
    });
    await audit({ actor: user, action: "dataset.upload", targetType: "Dataset", targetId: result.datasetId, after: { fileName: query.data.fileName, sizeBytes: received.sizeBytes, accepted: result.accepted, problems: result.report.problemCount } });
    return {
      datasetId: result.datasetId,
      accepted: result.accepted,
      problemCount: result.report.problemCount,
      problems: result.report.problems.slice(0, 200),
      notes: { format: result.report.format, encoding: result.report.encoding, columns: result.report.columns },
      sha256: received.sha256,
      sizeBytes: received.sizeBytes,
    };
  } finally {
    await cleanup?.();
  }
}
