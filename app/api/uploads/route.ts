// POST /api/uploads: a transcript file streamed as the raw body (not a server action, and outside
// any proxy matcher: both would cut a 200 MB body). Answers the dataset and its validation report.
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { guardRoute } from "@/lib/auth/route-guard";
import { roleFor } from "@/lib/auth/permissions";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/app/api/respond";
import { ingestUpload } from "@/lib/datasets/ingest";
import { receiveUpload } from "@/lib/datasets/receive-upload";
import { storageTarget } from "@/lib/storage/settings";
import { audit } from "@/lib/audit/log";

import { CALL_FIELDS, type CallFieldColumns } from "@/lib/transcripts/call-metadata";

export const dynamic = "force-dynamic";

// PostgreSQL refuses NUL (0x00) in text, so it is refused here, by name, rather than as a 500.
const param = (field: string, max: number) =>
  z.string({ error: `${field} is required: add ?${field}=... to the URL` }).max(max, `${field} is longer than ${max} characters`).refine((v) => !v.includes("\0"), `${field} contains a NUL (0x00) character. Remove it and try again.`);
const Query = z.object({
  fileName: param("fileName", 255).transform((v) => v.trim()).pipe(z.string().min(1, "fileName is required")),
  name: param("name", 200).transform((v) => v.trim()).optional(),
  idColumn: param("idColumn", 200).optional(),
  textColumn: param("textColumn", 200).optional(),
  grouping: z.enum(["calls", "turns"], { message: 'grouping is "calls" or "turns"' }).optional(),
  swapRoles: z.enum(["1", "0"]).optional(),
  callFields: z.enum(["1"], { message: 'callFields is "1" (the call columns were chosen) or absent (guess them)' }).optional(),
  ...Object.fromEntries(CALL_FIELDS.map((f) => [`${f}Column`, param(`${f}Column`, 200).optional()])),
});

/** The column chooser's call fields (?callFields=1&agentColumn=&teamColumn=...); without callFields=1 they are guessed by header name. */
function callFieldColumns(q: Record<string, string | undefined>): CallFieldColumns | undefined {
  if (q.callFields !== "1" && !CALL_FIELDS.some((f) => q[`${f}Column`])) return undefined;
  return Object.fromEntries(CALL_FIELDS.filter((f) => q[`${f}Column`]).map((f) => [f, q[`${f}Column`]]));
}

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

export async function POST(req: NextRequest) {
  let cleanup: (() => Promise<void>) | undefined;
  try {
    const user = await guardRoute(req, roleFor("uploads.create"));
    const query = Query.safeParse(Object.fromEntries(req.nextUrl.searchParams));
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
    return NextResponse.json(
      {
        datasetId: result.datasetId,
        accepted: result.accepted,
        problemCount: result.report.problemCount,
        problems: result.report.problems.slice(0, 200),
        notes: { format: result.report.format, encoding: result.report.encoding, columns: result.report.columns },
        sha256: received.sha256,
        sizeBytes: received.sizeBytes,
      },
      { status: 201 },
    );
  } catch (e) {
    // A file, header or parameter the route cannot take is a bad request (400); too large is 413.
    return errorResponse(e, { QUOTA: 413, VALIDATION: 400 });
  } finally {
    await cleanup?.();
  }
}
